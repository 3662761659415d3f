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
