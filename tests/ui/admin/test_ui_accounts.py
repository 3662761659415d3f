"""The functioneel beheerder's screen: accounts instead of search, and no case content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from intake.core.errors import StoreError
from intake.core.roles import Role
from intake.register.households import HouseholdView
from intake.store import open_store, recover
from tests.conftest import Team
from tests.ui.conftest import Notices
from ui.admin.accounts_page import AccountDialog, PasswordDialog
from ui.admin.recovery_key import RecoveryKeyDialog
from ui.app.main_window import MainWindow

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

NEW_PASSWORD = "nieuw-wachtwoord-1"


@pytest.fixture
def window(qtbot: QtBot, team: Team) -> MainWindow:
    window = MainWindow(team.store, team.beheerder)
    qtbot.addWidget(window)
    return window


def test_beheerder_sees_accounts_and_no_search(window: MainWindow) -> None:
    assert window.search is None and window.accounts is not None
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Bestand", "H&elp"]
    assert not window.find_action.isEnabled() and not window.new_action.isEnabled()
    assert window.accounts.model.keys == ["beheerder", "consulent", "regisseur", "teamleider",
                                          "vindplaats"]
    assert "Functioneel beheerder" in window.accounts.model.row_values(0)


def test_beheerder_cannot_open_a_household(
        notices: Notices, window: MainWindow, jolanda: HouseholdView) -> None:
    assert window.open_household(jolanda.id) is None
    assert notices.warnings == [
        "Een functioneel beheerder heeft geen toegang tot dossiers van inwoners."]


def test_add_an_account(qtbot: QtBot, team: Team, window: MainWindow) -> None:
    dialog = AccountDialog(team.store, team.beheerder)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.display_name, "Sanne Schoolzorg")
    qtbot.keyClicks(dialog.username, "sanne")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.VINDPLAATS.value))
    assert dialog.vindplaats.isEnabled()
    qtbot.keyClicks(dialog.vindplaats, "school")
    qtbot.keyClicks(dialog.password, NEW_PASSWORD)
    qtbot.keyClicks(dialog.password_again, NEW_PASSWORD)
    dialog.submit()
    assert dialog.added is not None and dialog.added.role is Role.VINDPLAATS
    assert window.accounts is not None
    window.accounts.refresh()
    row = window.accounts.model.keys.index("sanne")
    assert window.accounts.model.row_values(row)[2:5] == (
        "Vindplaatsmedewerker", "school", "Actief")


def test_add_account_messages_inline(qtbot: QtBot, team: Team) -> None:
    dialog = AccountDialog(team.store, team.beheerder)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.display_name, "Iemand")
    qtbot.keyClicks(dialog.username, "Consulent Twee")
    qtbot.keyClicks(dialog.password, "kort")
    qtbot.keyClicks(dialog.password_again, "kort")
    dialog.submit()
    assert dialog.added is None
    assert dialog.username_error.text().startswith("Een gebruikersnaam heeft")


def test_disable_and_reset_password(
        notices: Notices, qtbot: QtBot, team: Team, window: MainWindow,
        tmp_path: Path) -> None:
    page = window.accounts
    assert page is not None
    assert team.location.path is not None
    keys = team.location.path.with_name(team.location.path.name + ".keys")
    copied = tmp_path / "meegenomen.keys"
    shutil.copy(keys, copied)
    page.select("beheerder")
    assert not page.disable_button.isEnabled()  # never your own account
    page.select("regisseur")
    qtbot.mouseClick(page.disable_button, Qt.MouseButton.LeftButton)
    assert page.model.row_values(page.model.keys.index("regisseur"))[4] == "Geblokkeerd"
    assert not page.disable_button.isEnabled() and not page.password_button.isEnabled()
    # The store key is replaced in the background, with progress; then the beheerder is told.
    qtbot.waitUntil(lambda: bool(notices.infos), timeout=60_000)
    assert notices.infos[-1].startswith("De gegevensopslag heeft een nieuwe sleutel, "
                                        "verzegeld voor 4 account(s) en de herstelsleutel.")
    current = keys.read_bytes()
    shutil.copy(copied, keys)  # the blocked person's own copy of the key file
    with pytest.raises(StoreError):
        open_store(team.location, "regisseur", "proef-wachtwoord")
    keys.write_bytes(current)

    dialog = PasswordDialog(team.store, team.beheerder, "consulent")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password, NEW_PASSWORD)
    qtbot.keyClicks(dialog.password_again, NEW_PASSWORD + "!")
    dialog.submit()
    assert dialog.message.text() == "De twee wachtwoorden zijn niet gelijk."
    dialog.password_again.clear()
    qtbot.keyClicks(dialog.password_again, NEW_PASSWORD)
    dialog.submit()
    assert dialog.result() == PasswordDialog.DialogCode.Accepted
    store, actor = open_store(team.location, "consulent", NEW_PASSWORD)
    assert actor.role is Role.CONSULENT
    store.close()


def test_a_new_recovery_key_is_shown_once(
        notices: Notices, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, team: Team,
        window: MainWindow) -> None:
    page = window.accounts
    assert page is not None and page.recovery_button.isEnabled()
    shown: list[str] = []
    monkeypatch.setattr(RecoveryKeyDialog, "show_once",
                        classmethod(lambda cls, key, parent=None: shown.append(key)))
    qtbot.mouseClick(page.recovery_button, Qt.MouseButton.LeftButton)
    assert notices.questions == ["Een nieuwe herstelsleutel maken? De oude werkt daarna niet "
                                 "meer."]
    assert len(shown) == 1
    team.store.close()
    store, actor = recover(team.location, "beheerder", shown[0], NEW_PASSWORD)
    store.close()
    assert actor.username == "beheerder"
