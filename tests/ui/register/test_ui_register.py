"""The household register on screen: search, open, create, edit, refusals and the audit view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from intake.core.access import NO_CASE_ACCESS
from intake.core.context import Actor
from intake.core.roles import Role
from intake.core.validation import mask_bsn
from intake.register.households import HouseholdView
from tests.conftest import Team
from tests.helpers.access import add_colleague
from tests.ui.conftest import Notices
from ui.app.main_window import MainWindow, app_version
from ui.kit.widgets import ElidedLabel
from ui.register.history_dialog import HistoryDialog
from ui.register.household_dialog import HouseholdDialog
from ui.register.household_page import HouseholdPage
from ui.register.member_rows import MemberRow

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def _window(qtbot: QtBot, team: Team, actor: Actor) -> MainWindow:
    window = MainWindow(team.store, actor)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _dialog(qtbot: QtBot, team: Team, actor: Actor,
            view: HouseholdView | None = None) -> HouseholdDialog:
    dialog = HouseholdDialog(team.store, actor, view)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _fill_new_household(qtbot: QtBot, dialog: HouseholdDialog, given: str, family: str,
                        born: str, bsn: str = "") -> MemberRow:
    qtbot.keyClicks(dialog.street, "Brinkstraat")
    qtbot.keyClicks(dialog.house_number, "14")
    qtbot.keyClicks(dialog.postcode, "7551ck")
    row = dialog.members.rows[0]
    assert isinstance(row, MemberRow)
    qtbot.keyClicks(row.given_name, given)
    qtbot.keyClicks(row.family_name, family)
    qtbot.keyClicks(row.born, born)
    qtbot.keyClicks(row.bsn, bsn)
    return row


def test_search_as_you_type_and_open_with_enter(
        qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    add_colleague(team, jolanda.id, team.regisseur)  # his own work: the full hit
    window = _window(qtbot, team, team.regisseur)
    search = window.search
    assert search is not None
    assert search.caption.isHidden()  # nothing opened yet: the empty state says what to do
    assert "Ctrl+N" in search.empty.text() and "postcode + huisnummer" in search.empty.text()
    qtbot.keyClicks(search.field, "v")
    qtbot.waitUntil(lambda: not search._timer.isActive())
    assert search.model.rowCount() == 0  # one character is not a search yet
    qtbot.keyClicks(search.field, "erh")
    qtbot.waitUntil(lambda: search.caption.text() == "1 huishouden gevonden")
    assert search.model.household_id(0) == jolanda.id
    assert search.model.row_values(0)[0] == jolanda.dossiernummer
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    qtbot.keyClick(search.table, Qt.Key.Key_Return)
    page = window.current_page()
    assert isinstance(page, HouseholdPage) and page.household_id == jolanda.id
    assert window.tabs.tabText(window.tabs.currentIndex()) == jolanda.dossiernummer
    assert page.overview.members.row_values(0)[4] == "*****2333"
    window.close_tab_action.trigger()
    assert window.current_page() is None
    assert search.model.rowCount() == 1  # the query is still there


def test_recent_households_and_ctrl_f(qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    window = _window(qtbot, team, team.consulent)
    search = window.search
    assert search is not None
    assert search.caption.text() == "Recent geopend"
    assert search.model.keys == [jolanda.id]
    window.open_household(jolanda.id)
    assert window.current_page() is not None
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is search
    assert search.field.hasFocus()


def test_bsn_is_masked_on_screen() -> None:
    assert mask_bsn("111222333") == "*****2333"
    assert mask_bsn(None) == mask_bsn("") == ""


def test_no_results_says_what_to_do(qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    window = _window(qtbot, team, team.consulent)
    assert window.search is not None
    qtbot.keyClicks(window.search.field, "Zwartjes")
    qtbot.waitUntil(lambda: window.search is not None and window.search.empty.isVisible())
    assert window.search.empty.text().startswith("Geen huishouden gevonden.")


def test_create_household_through_the_dialog(qtbot: QtBot, team: Team, notices: Notices) -> None:
    dialog = _dialog(qtbot, team, team.consulent)
    assert dialog.city.text() == "Hengelo"
    _fill_new_household(qtbot, dialog, "Jolanda", "Verhoef", "17-05-1998", "111222333")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()
    saved = dialog.saved
    assert saved is not None and saved.dossiernummer.startswith("HH-")
    assert saved.postcode == "7551CK" and saved.members[0].bsn == "111222333"
    assert notices.questions == []


def test_new_household_opens_its_page(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    window = _window(qtbot, team, team.consulent)
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    monkeypatch.setattr(HouseholdDialog, "ask", classmethod(lambda cls, *args: jolanda))
    window.new_action.trigger()
    page = window.current_page()
    assert page is not None and page.household_id == jolanda.id


def test_duplicate_warning_then_create_anyway(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    notices.answer = False  # "Terug" first
    dialog = _dialog(qtbot, team, team.consulent)
    _fill_new_household(qtbot, dialog, "Jolanda", "Verhoef", "17-05-1998")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(notices.questions) == 1
    assert jolanda.dossiernummer in notices.questions[0]
    assert notices.questions[0].endswith("Toch aanmaken?")
    assert dialog.saved is None and dialog.isVisible()

    notices.answer = True
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.dossiernummer != jolanda.dossiernummer


def test_invalid_bsn_and_postcode_are_marked_inline(qtbot: QtBot, team: Team) -> None:
    dialog = _dialog(qtbot, team, team.consulent)
    row = _fill_new_household(qtbot, dialog, "Jolanda", "Verhoef", "17-05-1998", "123456789")
    row.bsn.setFocus()
    qtbot.keyClick(row.bsn, Qt.Key.Key_Tab)  # leaving the field checks it
    assert row.error.text() == "Dit BSN is niet geldig (het voldoet niet aan de elfproef)."
    assert row.error.isVisible()
    dialog.postcode.setFocus()
    qtbot.keyClick(dialog.postcode, Qt.Key.Key_Tab)
    assert dialog.postcode.text() == "7551 CK"  # tidied up when leaving
    assert dialog.errors["postcode"].isHidden()
    dialog.postcode.clear()
    qtbot.keyClicks(dialog.postcode, "75 CK")
    dialog.postcode.setFocus()
    qtbot.keyClick(dialog.postcode, Qt.Key.Key_Tab)
    assert "zoals 7551 AB" in dialog.errors["postcode"].text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is None
    assert dialog.banner.text() == "Controleer de velden met een rode melding."


def test_unreadable_date_and_missing_name(qtbot: QtBot, team: Team) -> None:
    dialog = _dialog(qtbot, team, team.consulent)
    row = _fill_new_household(qtbot, dialog, "", "Verhoef", "17 mei")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is None
    assert "Vul voornaam en achternaam in." in row.error.text()
    assert "dd-mm-jjjj" in row.error.text()


def test_add_and_remove_rows(qtbot: QtBot, team: Team) -> None:
    dialog = _dialog(qtbot, team, team.consulent)
    qtbot.mouseClick(dialog.members.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.network.add_button, Qt.MouseButton.LeftButton)
    assert len(dialog.members.rows) == 2 and len(dialog.network.rows) == 1
    assert dialog.network.rows[0].fields[0].hasFocus()
    qtbot.mouseClick(dialog.members.rows[1].remove_button, Qt.MouseButton.LeftButton)
    assert len(dialog.members.rows) == 1
    # Tab runs from the address into the members, then the network, then Opslaan.
    dialog.email.setFocus()
    qtbot.keyClick(dialog.email, Qt.Key.Key_Tab)
    assert dialog.members.rows[0].fields[0].hasFocus()
    dialog.network.add_button.setFocus()
    qtbot.keyClick(dialog.network.add_button, Qt.Key.Key_Tab)
    assert dialog.save_button.hasFocus()


def test_edit_and_save_from_the_page(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    window = _window(qtbot, team, team.consulent)
    page = window.open_household(jolanda.id)
    assert page is not None

    def type_and_save(dialog: HouseholdDialog) -> int:
        qtbot.keyClicks(dialog.phone, "074 123 4567")
        qtbot.mouseClick(dialog.network.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.network.rows[0].fields[0], "Mark de Vries")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(HouseholdDialog, "exec", type_and_save)
    window.edit_action.trigger()
    assert page.view.phone == "074 123 4567" and page.view.version == jolanda.version + 1
    assert "074 123 4567" in page.contact.text()
    assert page.overview.network.row_values(0)[0] == "Mark de Vries"


def test_stale_edit_is_refused_and_nothing_typed_is_lost(
        qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    add_colleague(team, jolanda.id, team.regisseur)
    first = _dialog(qtbot, team, team.consulent, jolanda)
    second = _dialog(qtbot, team, team.regisseur, jolanda)
    qtbot.keyClicks(first.phone, "074 111 1111")
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    assert first.saved is not None
    qtbot.keyClicks(second.email, "jolanda@example.nl")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert second.saved is None and second.isVisible()
    assert "intussen door iemand anders gewijzigd" in second.banner.text()
    assert second.email.text() == "jolanda@example.nl"


def test_teamleider_reads_but_cannot_edit(
        qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    window = _window(qtbot, team, team.teamleider)
    assert window.search is not None and not window.new_action.isEnabled()
    page = window.open_household(jolanda.id)
    assert page is not None
    assert not page.edit_button.isEnabled() and not window.edit_action.isEnabled()
    # Were the button reachable anyway, the domain refuses and the dialog says why.
    dialog = _dialog(qtbot, team, team.teamleider, page.view)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is None
    assert dialog.banner.text() == NO_CASE_ACCESS[Role.TEAMLEIDER]


def test_vindplaats_cannot_open_someone_elses_household(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    window = _window(qtbot, team, team.vindplaats)
    assert window.open_household(jolanda.id) is None
    assert notices.warnings and "geen toegang" in notices.warnings[0]


def test_who_has_seen_this_household(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    window = _window(qtbot, team, team.regisseur)
    page = window.open_household(jolanda.id)
    assert page is not None
    shown: list[HistoryDialog] = []

    def keep(cls: type, dossiernummer: str, rows: list[object], parent: object) -> None:
        dialog = HistoryDialog(dossiernummer, rows)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        shown.append(dialog)

    monkeypatch.setattr(HistoryDialog, "ask", classmethod(keep))
    window.history_action.trigger()
    assert len(shown) == 1
    rows = [shown[0].model.row_values(i) for i in range(shown[0].model.rowCount())]
    newest = rows[0]
    assert newest[1] == "Ruud Regisseur (regisseur)" and newest[2] == "Regisseur"
    assert newest[3] == "Dossier ingezien" and newest[4] and newest[5] == "Gelukt"
    assert ("Dossier ingezien", "huishouden", "Gelukt") in {row[3:] for row in rows}
    assert rows[-1][1] == "Carla Consulent (consulent)" and rows[-1][3] == "Aangemaakt"


def test_double_click_opens_and_about_names_version_and_store(
        qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    window = _window(qtbot, team, team.consulent)
    search = window.search
    assert search is not None and search.model.keys == [jolanda.id]
    cell = search.table.visualRect(search.model.index(0, 0)).center()
    # A real double click starts with a press on the same row; QTest sends only the second.
    qtbot.mouseClick(search.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(search.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    page = window.current_page()
    assert page is not None and page.household_id == jolanda.id
    about = window.about_text()
    assert f"Versie {app_version()}" in about and team.store.location.describe() in about
    status = " ".join(label.full_text() if isinstance(label, ElidedLabel) else label.text()
                      for label in window.statusBar().findChildren(QLabel))
    assert "Carla Consulent (Consulent)" in status and team.store.location.describe() in status
