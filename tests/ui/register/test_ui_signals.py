"""An open safety or crisis signal shows where people look: the household header on every
tab, and the search results of whoever opens the household without giving a reason."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from intake.register.households import HouseholdView
from tests.conftest import Team
from tests.helpers.signals import raise_open_signal
from tests.helpers.ui_keyboard import activate
from ui.app.main_window import MainWindow
from ui.help_questions.quick_registration import QuickRegistrationDialog
from ui.kit.changes import HouseholdChanged, announce
from ui.register.search_page import SIGNAL_COLUMN, SearchPage

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

SAFETY = "Signaal huiselijk geweld of kindermishandeling"


def _search(qtbot: QtBot, page: SearchPage, text: str) -> tuple[str, ...]:
    qtbot.keyClicks(page.field, text)
    qtbot.waitUntil(lambda: page.caption.text() == "1 huishouden gevonden")
    return page.model.row_values(0)


def test_the_header_shows_an_open_signal_on_every_tab(qtbot: QtBot, team: Team,
                                                      jolanda: HouseholdView) -> None:
    window = MainWindow(team.store, team.consulent)
    qtbot.addWidget(window)
    activate(qtbot, window)
    page = window.open_household(jolanda.id)
    assert page is not None and page.signal_line.isHidden()
    raise_open_signal(team.store, team.consulent, jolanda.id, "crisis")
    announce(HouseholdChanged(jolanda.id))  # as the wizard does when an answer raised it
    assert page.tabs.count() >= 3
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert page.signal_line.isVisible(), page.tabs.tabText(index)
    assert page.signal_line.text().startswith("Signaal open: Acute crisis.")


def test_search_flags_a_signal_for_own_work(qtbot: QtBot, team: Team,
                                            jolanda: HouseholdView) -> None:
    raise_open_signal(team.store, team.consulent, jolanda.id)
    page = SearchPage(team.store, team.consulent)
    qtbot.addWidget(page)
    row = _search(qtbot, page, "verhoef")
    assert row[SIGNAL_COLUMN] == SAFETY


def test_search_tells_no_signal_to_whom_a_reason_is_asked(qtbot: QtBot, team: Team,
                                                         jolanda: HouseholdView) -> None:
    raise_open_signal(team.store, team.consulent, jolanda.id)
    page = SearchPage(team.store, team.regisseur)  # not his work: opening asks a reason
    qtbot.addWidget(page)
    row = _search(qtbot, page, "verhoef")
    assert row[0] == "— (reden nodig)" and row[SIGNAL_COLUMN] == ""


def test_quick_registration_search_flags_it_too(qtbot: QtBot, team: Team,
                                                jolanda: HouseholdView) -> None:
    raise_open_signal(team.store, team.consulent, jolanda.id)
    dialog = QuickRegistrationDialog(team.store, team.consulent)
    qtbot.addWidget(dialog)
    dialog.search_field.setText("verhoef")
    dialog.search()
    assert dialog.results.rowCount() == 1
    assert dialog.results.row_values(0)[SIGNAL_COLUMN] == SAFETY
