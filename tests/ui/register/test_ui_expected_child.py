"""An expected child in the household dialog: a date ahead is refused until it is marked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from intake.core.clock import today
from intake.core.validation import format_date
from tests.conftest import Team
from ui.register.household_dialog import HouseholdDialog
from ui.register.member_rows import MemberRow

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def test_an_expected_child_is_saved_once_marked(qtbot: QtBot, team: Team) -> None:
    dialog = HouseholdDialog(team.store, team.consulent)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.street, "Brinkstraat")
    qtbot.keyClicks(dialog.house_number, "14")
    qtbot.keyClicks(dialog.postcode, "7551ck")
    qtbot.keyClicks(dialog.city, "Hengelo")
    row = dialog.members.rows[0]
    assert isinstance(row, MemberRow)
    qtbot.keyClicks(row.given_name, "Baby")
    qtbot.keyClicks(row.family_name, "Verhoef")
    qtbot.keyClicks(row.born, format_date(today() + timedelta(days=90)))
    dialog.save()
    assert dialog.saved is None
    assert "verwacht kind" in row.error.text()
    row.expected.setChecked(True)
    dialog.save()
    assert dialog.saved is not None and dialog.saved.members[0].expected


def test_an_expected_child_prints_as_expected(team: Team) -> None:
    from intake import plans
    from intake.core.session import unit_of_work
    from intake.documents import print_plan
    from intake.register.households import MemberInput, MemberRole, create_household
    from tests.conftest import jolanda_input
    from tests.helpers.pdf_text import pdf_pages
    from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions

    due = today() + timedelta(days=60)
    data = jolanda_input()
    data.members.append(MemberInput("Baby", "Verhoef", MemberRole.KIND, due, expected=True))
    with unit_of_work(team.store, team.consulent) as uow:
        household = create_household(uow, data)
        register_jolanda_questions(uow, household.id)
        keys = [c.key for c in plans.plan_candidates(uow, household.id)]
        fill_jolanda_plan(uow, plans.start_plan(uow, household.id, keys))
        pdf = print_plan(uow, household.id)
    assert f"verwacht {format_date(due)}" in " ".join(pdf_pages(pdf))
