"""An open signal shows in the caseload and in the team overview, on the household's rows."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from intake import plans
from intake.core.session import unit_of_work
from intake.register.households import HouseholdView
from intake.reports.overview import team_overview
from tests.conftest import Team
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions
from tests.helpers.signals import raise_open_signal
from ui.reports.team_overview import PLAN_HEADERS, TeamOverview

pytestmark = pytest.mark.gui

SIGNAL = PLAN_HEADERS.index("Signaal")


@pytest.fixture
def planned(team: Team, jolanda: HouseholdView) -> HouseholdView:
    """Jolanda with a plan by the consulent and an open crisis signal."""
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, jolanda.id)
        keys = [c.key for c in plans.plan_candidates(uow, jolanda.id)]
        fill_jolanda_plan(uow, plans.start_plan(uow, jolanda.id, keys))
    raise_open_signal(team.store, team.consulent, jolanda.id, "crisis")
    return jolanda


def _loaded(qtbot: QtBot, team: Team, who: str) -> TeamOverview:
    page = TeamOverview(team.store, getattr(team, who))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.busy and page.overview is not None, timeout=20000)
    return page


@pytest.mark.parametrize("who", ["consulent", "teamleider"])
def test_the_list_flags_the_household(qtbot: QtBot, team: Team, planned: HouseholdView,
                                      who: str) -> None:
    page = _loaded(qtbot, team, who)
    assert page.title.text() == ("Mijn caseload" if who == "consulent" else "Teamoverzicht")
    assert page.plans.rowCount() == 1
    assert page.plans.text(0, 0) == planned.dossiernummer
    assert page.plans.text(0, SIGNAL) == "Acute crisis"


def test_the_overview_carries_the_flags(team: Team, planned: HouseholdView,
                                        jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.teamleider) as uow:
        overview = team_overview(uow)
    assert overview.signals == {jolanda.id: ("Acute crisis",)}
