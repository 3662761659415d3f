"""Start-up: first start, login (right, wrong, locked out) and the crash dialog."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.engine import StoreLocation
from intake.core.errors import StoreError
from intake.core.roles import Role
from intake.store import WRONG_LOGIN, recover, store_exists
from tests.conftest import PASSWORD, Team
from tests.ui.conftest import Notices
from ui.admin.recovery_key import RecoveryKeyDialog
from ui.app import startup as app_module
from ui.app.login import FirstStartDialog, LoginDialog, RecoverDialog
from ui.app.main_window import MainWindow
from ui.kit.crash import CrashDialog, ExceptionHook

# The offscreen platform warns whenever a window has a minimum size; that is not our bug.
pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def test_first_start_creates_the_beheerder_and_reaches_the_main_window(
        qtbot: QtBot, location: StoreLocation, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(RecoveryKeyDialog, "show_once",
                        classmethod(lambda cls, key, parent=None: shown.append(key)))
    assert not store_exists(location)
    dialog = FirstStartDialog(location)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.display_name, "Bea Beheer")
    qtbot.keyClicks(dialog.username, "bea")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.password_again, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert dialog.signed_in is not None
    store, actor = dialog.signed_in
    assert actor.role is Role.BEHEERDER and actor.username == "bea"
    assert store_exists(location)
    window = MainWindow(store, actor)
    qtbot.addWidget(window)
    assert window.accounts is not None and window.search is None
    assert window.accounts.model.keys == ["bea"]
    # The recovery key was shown once, and works.
    assert len(shown) == 1 and store.take_recovery_key() is None
    store.close()
    restored, _ = recover(location, "bea", shown[0], "herstel-wachtwoord")
    restored.close()


def test_the_recovery_key_dialog_shows_the_groups_and_copies_them(qtbot: QtBot) -> None:
    dialog = RecoveryKeyDialog("ABCDE-FGHIJ-KLMNO-PQRST")
    qtbot.addWidget(dialog)
    assert dialog.groups.text() == "ABCDE  FGHIJ  KLMNO  PQRST"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "ABCDE-FGHIJ-KLMNO-PQRST"


def test_login_offers_the_recovery_key_and_signs_the_beheerder_in(
        qtbot: QtBot, team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    key = team.store.take_recovery_key()
    assert key is not None
    login = LoginDialog(team.location)
    qtbot.addWidget(login)
    dialog = RecoverDialog(team.location)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "beheerder")
    qtbot.keyClicks(dialog.recovery_key, "XXXXX-" + key[6:])
    qtbot.keyClicks(dialog.password, "herstel-wachtwoord")
    qtbot.keyClicks(dialog.password_again, "herstel-wachtwoord")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.signed_in is None
    assert dialog.key_error.text().startswith("De herstelsleutel is niet goed overgenomen")
    dialog.recovery_key.clear()
    qtbot.keyClicks(dialog.recovery_key, key.lower())
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.signed_in is not None
    store, actor = dialog.signed_in
    store.close()
    assert actor.username == "beheerder"
    monkeypatch.setattr(RecoverDialog, "ask", classmethod(lambda cls, loc, parent=None: (
        store, actor)))
    recovering = next(b for b in login.buttons.buttons()
                      if b.text() == "&Herstelsleutel gebruiken…")
    qtbot.mouseClick(recovering, Qt.MouseButton.LeftButton)
    assert login.signed_in == (store, actor)


def test_a_damaged_key_file_is_shown_as_damaged_at_login(qtbot: QtBot, team: Team) -> None:
    team.store.close()
    assert team.location.path is not None
    keys = team.location.path.with_name(team.location.path.name + ".keys")
    keys.write_text(keys.read_text()[:100])
    dialog = LoginDialog(team.location)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "consulent")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.signed_in is None
    assert "beschadigd" in dialog.message.text() and "onjuist" not in dialog.message.text()


def test_first_start_needs_the_same_password_twice(qtbot: QtBot, location: StoreLocation) -> None:
    dialog = FirstStartDialog(location)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.display_name, "Bea Beheer")
    qtbot.keyClicks(dialog.username, "bea")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.password_again, PASSWORD + "x")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.password_error.text() == "De twee wachtwoorden zijn niet gelijk."
    assert dialog.signed_in is None and not store_exists(location)


def test_sign_in_asks_for_a_beheerder_first_and_a_login_afterwards(
        monkeypatch: pytest.MonkeyPatch, location: StoreLocation, team: Team) -> None:
    asked: list[str] = []
    monkeypatch.setattr(FirstStartDialog, "ask",
                        classmethod(lambda cls, loc: asked.append("first")))
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, loc: asked.append("login")))
    assert app_module.sign_in(team.location) is None
    empty = StoreLocation.parse(str(location.path.parent.parent / "leeg" / "intake.db"))
    assert app_module.sign_in(empty) is None
    assert asked == ["login", "first"]


def test_run_shows_a_dutch_message_when_the_store_cannot_be_opened(
        monkeypatch: pytest.MonkeyPatch, qapp: QApplication, team: Team,
        notices: Notices) -> None:

    def too_new(_location: StoreLocation) -> None:
        raise StoreError("Deze gegevensopslag is gemaakt met een nieuwere versie.")

    monkeypatch.setattr(app_module, "sign_in", too_new)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    assert app_module.run(str(team.location.path)) == 2
    assert notices.warnings == ["Deze gegevensopslag is gemaakt met een nieuwere versie."]
    assert isinstance(sys.excepthook, ExceptionHook)
    assert qapp.applicationDisplayName() == "Eén gezin, één plan"


def test_login_wrong_then_locked_then_right(qtbot: QtBot, team: Team) -> None:
    dialog = LoginDialog(team.location)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "consulent")
    qtbot.keyClicks(dialog.password, "verkeerd-wachtwoord")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.ok_button.isEnabled()  # deriving off the UI thread
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.message.text() == WRONG_LOGIN
    assert dialog.signed_in is None and dialog.result() != LoginDialog.DialogCode.Accepted

    # A wrong password locks the account for a second: the button waits, counting down.
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)
    if dialog.signed_in is None:
        assert "Probeer het over" in dialog.message.text()
        assert not dialog.ok_button.isEnabled()
        qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=10_000)
        assert dialog.message.text() == ""
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.message.text() == ""
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.signed_in is not None
    store, actor = dialog.signed_in
    assert actor.username == "consulent" and actor.role is Role.CONSULENT
    store.close()


def test_lockout_counts_down_without_blocking(qtbot: QtBot, team: Team) -> None:
    dialog = LoginDialog(team.location)
    qtbot.addWidget(dialog)
    dialog._lock(2)
    assert dialog.message.text() == (
        "Te veel mislukte pogingen. Probeer het over 2 seconden opnieuw.")
    qtbot.waitUntil(lambda: "1 seconde " in dialog.message.text(), timeout=5_000)
    assert not dialog.ok_button.isEnabled()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5_000)


def test_crash_dialog_shows_and_copies_the_details(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    hook = ExceptionHook()
    try:
        raise RuntimeError("kapot")
    except RuntimeError as error:
        with caplog.at_level(logging.ERROR):
            hook(type(error), error, error.__traceback__)
    assert len(hook.dialogs) == 1
    dialog = hook.dialogs[0]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CrashDialog) and dialog.isVisible()
    assert dialog.summary.text() == "RuntimeError: kapot"
    assert any(record.exc_info for record in caplog.records)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "Traceback" in copied and "RuntimeError: kapot" in copied
    dialog.reject()
    assert hook.dialogs == []


def test_known_error_is_a_plain_warning_not_a_crash(
        notices: Notices, qtbot: QtBot) -> None:
    hook = ExceptionHook()
    error = StoreError("De schijf is vol: er is niets opgeslagen.")
    hook(StoreError, error, None)
    assert notices.warnings == ["De schijf is vol: er is niets opgeslagen."]
    assert hook.dialogs == []
