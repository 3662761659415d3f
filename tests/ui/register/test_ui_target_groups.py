"""Target groups on the household page: set one through the dialog, see it, end it; a field
worker's refusal shows in the dialog; the teamleider reads them but cannot change them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.register import household_target_groups, set_target_group
from intake.register.households import HouseholdView
from tests.conftest import Team
from ui.app.main_window import MainWindow
from ui.register.household_page import HouseholdPage
from ui.register.target_groups import TargetGroupDialog

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def _page(qtbot: QtBot, team: Team, actor: Actor, household: HouseholdView) -> HouseholdPage:
    window = MainWindow(team.store, actor)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.open_household(household.id)
    assert page is not None
    return page


def test_set_a_group_see_it_and_end_it(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                       team: Team, jolanda: HouseholdView) -> None:
    page = _page(qtbot, team, team.consulent, jolanda)
    box = page.target_groups
    assert box.model.rowCount() == 0 and box.add_button.isEnabled()

    def choose_and_save(dialog: TargetGroupDialog) -> int:
        dialog.group.setCurrentIndex(dialog.group.findData("schulden"))
        assert not dialog.member.isEnabled()  # a household group
        dialog.group.setCurrentIndex(dialog.group.findData("bijzondere_ouders"))
        assert dialog.member.isEnabled()
        assert "gezondheidsgegeven" in dialog.group.currentText()
        qtbot.keyClicks(dialog.set_on, "01-10-2026")
        dialog.submit()
        return int(dialog.result())

    monkeypatch.setattr(TargetGroupDialog, "exec", choose_and_save)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert box.model.rowCount() == 1
    assert box.model.row_values(0) == ("Bijzondere ouders (LVB of GGZ)", "Jolanda Verhoef",
                                       "01-10-2026", "ja")
    box.table.selectRow(0)
    qtbot.mouseClick(box.end_button, Qt.MouseButton.LeftButton)
    assert box.model.rowCount() == 0
    with unit_of_work(team.store, team.consulent) as uow:
        history = household_target_groups(uow, jolanda.id, include_removed=True)
    assert [g.removed_on is not None for g in history] == [True]


def test_a_refused_group_stays_in_the_dialog(qtbot: QtBot, team: Team,
                                              jolanda: HouseholdView) -> None:
    dialog = TargetGroupDialog(team.store, team.consulent, jolanda.id, jolanda.members)
    qtbot.addWidget(dialog)
    dialog.group.setCurrentIndex(dialog.group.findData("kwetsbare_jongeren"))
    dialog.submit()  # Jolanda is 28
    assert dialog.saved is None
    assert "16 tot en met 27 jaar" in dialog.errors["code"].text()


def test_teamleider_reads_but_cannot_change(qtbot: QtBot, team: Team,
                                            jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        set_target_group(uow, jolanda.id, "schulden")
    page = _page(qtbot, team, team.teamleider, jolanda)
    box = page.target_groups
    assert box.model.row_values(0)[:2] == ("Schulden", "huishouden")
    assert not box.add_button.isEnabled() and not box.end_button.isEnabled()
