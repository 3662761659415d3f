"""The household tab "Hulpvragen en uitvraag" and the main window's quick registration."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from intake.core.session import unit_of_work
from intake.help_questions.registration import HelpQuestionInput, register_help_question
from intake.register.households import HouseholdView
from intake.uitvraag.flow import save_answer, start_intake
from tests.conftest import Team
from tests.helpers.ui_keyboard import activate
from ui.app.main_window import MainWindow
from ui.help_questions.quick_registration import QuickRegistrationDialog
from ui.help_questions.timeline import HelpQuestionTimeline

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def _timeline(qtbot: QtBot, team: Team, household: HouseholdView) -> HelpQuestionTimeline:
    window = MainWindow(team.store, team.consulent)
    qtbot.addWidget(window)
    activate(qtbot, window)
    page = window.open_household(household.id)
    assert page is not None
    found = [page.tab_content(i) for i in range(page.tabs.count())
             if isinstance(page.tab_content(i), HelpQuestionTimeline)]
    assert len(found) == 1
    assert "uitvraag" in page.tabs.tabText(
        next(i for i in range(page.tabs.count()) if page.tab_content(i) is found[0]))
    assert window.quick_action.shortcut().toString() == "Ctrl+M"
    assert window.quick_action.isEnabled()
    return found[0]


def test_timeline_newest_first_with_open_signals(qtbot: QtBot, team: Team,
                                                 jolanda: HouseholdView) -> None:
    tab = _timeline(qtbot, team, jolanda)
    assert not tab.empty.isHidden() and tab.table.isHidden()
    with unit_of_work(team.store, team.consulent) as uow:
        register_help_question(uow, jolanda.id, HelpQuestionInput(
            "schulden_geldzaken", "doorverwezen", "Rekeningen stapelen zich op",
            "zorgloket", "telefoon", referral_target="Stadsbank"))
    with unit_of_work(team.store, team.consulent) as uow:
        intake = start_intake(uow, jolanda.id, "huisbezoek", "wijkteam")
    with unit_of_work(team.store, team.consulent) as uow:
        save_answer(uow, intake.id, "vh_onveilig", "ja")
    tab.refresh()
    rows = [tab.model.row_values(r) for r in range(tab.model.rowCount())]
    assert [r[1] for r in rows] == ["Brede uitvraag", "Hulpvraag"]  # newest first
    assert rows[0][3:5] == ("Wijkteam", "Huisbezoek")
    assert "Loopt" in rows[0][6] and "1 signaal open" in rows[0][6]
    assert rows[1][2:5] == ("Schulden en geldzaken", "Zorgloket/stadhuis", "Telefoon")
    assert rows[1][6].startswith("Doorverwezen naar Stadsbank")
    assert "hervatten" in tab.intake_button.text().replace("&", "")
    assert not tab.signals_line.isHidden() and not tab.signal_button.isHidden()


def test_teamleider_reads_but_cannot_add(qtbot: QtBot, team: Team,
                                         jolanda: HouseholdView) -> None:
    window = MainWindow(team.store, team.teamleider)
    qtbot.addWidget(window)
    page = window.open_household(jolanda.id)
    assert page is not None
    tab = next(page.tab_content(i) for i in range(page.tabs.count())
               if isinstance(page.tab_content(i), HelpQuestionTimeline))
    assert isinstance(tab, HelpQuestionTimeline)
    assert not tab.intake_button.isEnabled() and not tab.register_button.isEnabled()
    assert not window.quick_action.isEnabled()


def test_quick_registration_from_the_menu_shows_on_the_open_household(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _timeline(qtbot, team, jolanda)
    page = tab.page
    page.show_tab_of(tab)
    assert tab.model.rowCount() == 0

    def fill_in_and_save(dialog: QuickRegistrationDialog) -> int:  # instead of a modal loop
        dialog.choose(jolanda)
        dialog.type_box.setCurrentIndex(dialog.type_box.findData("schulden_geldzaken"))
        dialog.question.setText("Post blijft ongeopend liggen")
        dialog.vindplaats.setCurrentIndex(dialog.vindplaats.findData("wijkteam"))
        dialog.channel.setCurrentIndex(dialog.channel.findData("telefoon"))
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(QuickRegistrationDialog, "exec", fill_in_and_save)
    window = tab.window()
    assert isinstance(window, MainWindow)
    window.quick_action.trigger()  # Ctrl+M, from the menu: not from this page
    rows = [tab.model.row_values(r) for r in range(tab.model.rowCount())]
    assert [(r[1], r[2]) for r in rows] == [("Hulpvraag", "Schulden en geldzaken")]
    assert "Post blijft ongeopend liggen" in rows[0][6]
    assert window.current_page() is page and window.pages == {jolanda.id: page}
