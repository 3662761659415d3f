"""Need to know on screen: the limited search hit, the reason asked before opening, the team
lead's review list and the beheerder's list of team leads' openings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from intake.core.session import unit_of_work
from intake.register import OpeningReason
from intake.register.households import HouseholdView
from intake.sharing import ReviewStatus, review_list
from tests.conftest import Team
from tests.helpers.access import open_with_reason
from tests.ui.conftest import Notices
from ui.app.main_window import MainWindow
from ui.register.household_page import HouseholdPage
from ui.register.need_to_know import ReasonDialog
from ui.register.openings_page import OpeningsPage, QuestionDialog

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

REASON = OpeningReason("spoed", "Crisismelding via Veilig Thuis, regisseur niet bereikbaar.")


def test_a_limited_hit_opens_only_after_a_reason(qtbot: QtBot, team: Team,
                                                  jolanda: HouseholdView,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  notices: Notices) -> None:
    answers: list[OpeningReason | None] = [None, REASON]
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, parent: answers.pop(0)))
    window = MainWindow(team.store, team.regisseur)
    qtbot.addWidget(window)
    search = window.search
    assert search is not None
    qtbot.keyClicks(search.field, "verhoef")
    qtbot.waitUntil(lambda: search.caption.text() == "1 huishouden gevonden")
    assert search.model.row_values(0) == ("— (reden nodig)", "Brinkstraat", "—",
                                          "Jolanda Verhoef (1998)", "")
    assert window.open_household(jolanda.id) is None  # cancelled: nothing opens
    assert jolanda.id not in window.pages
    page = window.open_household(jolanda.id)
    assert isinstance(page, HouseholdPage)
    assert not answers and not notices.warnings
    with unit_of_work(team.store, team.teamleider) as uow:
        (row,) = review_list(uow)
    assert (row.reason_code, row.reason_text) == (REASON.code, REASON.text)


def test_the_reason_dialog_wants_a_choice_and_a_text(qtbot: QtBot) -> None:
    dialog = ReasonDialog()
    qtbot.addWidget(dialog)
    dialog.submit()
    assert dialog.reason is None and "Kies waarom" in dialog.error.text()
    dialog.choice.setCurrentIndex(dialog.choice.findData("overleg"))
    qtbot.keyClicks(dialog.text, "Casusoverleg van dinsdag voorbereiden.")
    dialog.submit()
    assert dialog.reason == OpeningReason("overleg", "Casusoverleg van dinsdag voorbereiden.")


def test_the_team_lead_reviews_and_the_beheerder_sees_team_leads(
        qtbot: QtBot, team: Team, jolanda: HouseholdView,
        monkeypatch: pytest.MonkeyPatch) -> None:
    open_with_reason(team, team.regisseur, jolanda.id)
    open_with_reason(team, team.teamleider, jolanda.id)
    page = OpeningsPage(team.store, team.teamleider)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1
    assert page.model.row_values(0)[1:5] == ("Ruud Regisseur", "Regisseur",
                                             jolanda.dossiernummer,
                                             "Casusoverleg of consultatie waarvoor ik ben "
                                             "gevraagd")
    page.table.selectRow(0)
    monkeypatch.setattr(QuestionDialog, "ask", classmethod(lambda cls, p: "Welk overleg?"))
    page.question_button.click()
    assert page.model.rowCount() == 0  # no longer waiting for review
    page.show_status.setCurrentIndex(page.show_status.findData(ReviewStatus.VRAAG.value))
    assert page.model.row_values(0)[6] == "Vraag gesteld: Welk overleg?"
    page.table.selectRow(0)
    page.reviewed_button.click()
    page.show_status.setCurrentIndex(page.show_status.findData(""))
    assert page.model.row_values(0)[6] == "Nagekeken: Welk overleg?"
    admin = OpeningsPage(team.store, team.beheerder)
    qtbot.addWidget(admin)
    assert admin.model.rowCount() == 1
    values = admin.model.row_values(0)
    assert values[1] == "Tom Teamleider" and jolanda.dossiernummer not in values
    assert admin.table.model().headerData(0, Qt.Orientation.Horizontal) == "Geopend"
