"""One notion of today: the Dutch calendar day, also just after midnight when UTC lags."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from intake import plans
from intake.core.clock import local_date
from intake.core.errors import ValidationError
from intake.core.session import unit_of_work
from intake.plans import AgreedHow
from intake.register.households import HouseholdView, MemberInput, MemberRole, create_household
from tests.conftest import Team, jolanda_input
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions

# 23:30 UTC is 00:30 in winter and 01:30 in summer in the Netherlands: already the next day.
WINTER = datetime(2026, 12, 1, 23, 30)
SUMMER = datetime(2026, 7, 14, 23, 30)


@pytest.mark.parametrize(("moment", "dutch_day"), [(WINTER, date(2026, 12, 2)),
                                                   (SUMMER, date(2026, 7, 15)),
                                                   (datetime(2026, 12, 1, 22, 59),
                                                    date(2026, 12, 1))])
def test_the_dutch_day_is_not_the_utc_day(moment: datetime, dutch_day: date) -> None:
    assert local_date(moment) == dutch_day


def test_a_plan_agreed_today_just_after_midnight_is_not_in_the_future(
        team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, jolanda.id)
        keys = [c.key for c in plans.plan_candidates(uow, jolanda.id)]
        view = fill_jolanda_plan(uow, plans.start_plan(uow, jolanda.id, keys))
    with pytest.raises(ValidationError) as refused, \
            unit_of_work(team.store, team.consulent, clock=lambda: WINTER) as uow:
        plans.agree(uow, view.id, view.version, date(2026, 12, 3), AgreedHow.GETEKEND)
    assert "toekomst" in refused.value.fields["agreed_on"]
    with unit_of_work(team.store, team.consulent, clock=lambda: WINTER) as uow:
        agreed = plans.agree(uow, view.id, view.version, date(2026, 12, 2), AgreedHow.GETEKEND)
    assert agreed.agreed_on == date(2026, 12, 2)


def test_a_child_born_today_after_midnight_can_be_registered(team: Team) -> None:
    data = jolanda_input()
    data.members.append(MemberInput("Noor", "Verhoef", MemberRole.KIND, date(2026, 12, 2)))
    with unit_of_work(team.store, team.consulent, clock=lambda: WINTER) as uow:
        view = create_household(uow, data, confirm_duplicate=True)
    assert len(view.members) == 2
