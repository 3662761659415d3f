"""Leaving the laptop in real widgets: the window locks after a (short, injected) time without
input and keeps what was typed; a wrong password keeps it locked; Afmelden goes back to the
login with the store closed; a replaced store key does the same."""

from __future__ import annotations

import threading
import time
from typing import NoReturn

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from intake.core.context import Actor
from intake.register.households import HouseholdView
from intake.store import KeyReplacedError
from intake.store.screen_lock import WRONG_PASSWORD
from tests.conftest import PASSWORD, Team
from tests.ui.conftest import Notices
from ui.app import startup
from ui.app.main_window import APP_TITLE, MainWindow
from ui.app.screen_lock import Cover, LockDialog
from ui.kit.operation import Operation, report_progress
from ui.register.household_dialog import HouseholdDialog

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def _window(qtbot: QtBot, team: Team, actor: Actor, lock_after_ms: int = 60_000) -> MainWindow:
    window = MainWindow(team.store, actor, lock_after_ms=lock_after_ms)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_locks_when_left_alone_and_unlocks_keeping_the_typed_text(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    window = _window(qtbot, team, team.consulent, lock_after_ms=300)
    form = HouseholdDialog(team.store, team.consulent, jolanda, window)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.street.setFocus()
    form.street.clear()
    QTest.keyClicks(form.street, "Lindelaan")
    qtbot.waitUntil(lambda: window.screen_lock.locked, timeout=5000)
    lock = window.screen_lock.dialog
    assert isinstance(lock, LockDialog) and lock.isVisible()
    covers = [c for c in form.findChildren(Cover) if c.isVisible()]
    assert covers and covers[0].geometry() == form.rect(), "the form stays covered"
    assert any(c.isVisible() for c in window.findChildren(Cover))
    QTest.keyClick(lock.password, Qt.Key.Key_Escape)  # Esc does not unlock
    assert window.screen_lock.locked
    QTest.keyClicks(lock.password, "verkeerd")
    QTest.keyClick(lock.password, Qt.Key.Key_Return)
    assert window.screen_lock.locked and lock.message.text() == WRONG_PASSWORD
    qtbot.wait(1100)  # the delay after one wrong attempt (no test asserts how long)
    lock.password.clear()
    QTest.keyClicks(lock.password, PASSWORD)
    QTest.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.screen_lock.locked, timeout=5000)
    assert form.isVisible() and form.street.text() == "Lindelaan"
    assert not any(c.isVisible() for c in form.findChildren(Cover))
    assert form.focusWidget() is form.street
    assert not window.has_signed_out and team.store.key is not None


def test_input_keeps_it_unlocked(qtbot: QtBot, team: Team, notices: Notices) -> None:
    window = _window(qtbot, team, team.consulent, lock_after_ms=400)
    assert window.search is not None
    window.search.field.setFocus()
    handle = window.windowHandle()
    for _ in range(6):  # typed as the platform delivers it: to the window first
        QTest.keyClick(handle, Qt.Key.Key_A)
        qtbot.wait(150)
    assert not window.screen_lock.locked
    assert window.search.field.text().endswith("aaaaaa")
    qtbot.waitUntil(lambda: window.screen_lock.locked, timeout=5000)


def test_input_in_a_dialog_and_shortcuts_keep_it_unlocked(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    window = _window(qtbot, team, team.consulent, lock_after_ms=400)
    form = HouseholdDialog(team.store, team.consulent, jolanda, window)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: form.windowHandle() is not None and form.isActiveWindow())
    form.street.setFocus()
    for _ in range(3):  # a window opened later is watched too
        QTest.keyClick(form.windowHandle(), Qt.Key.Key_B)
        qtbot.wait(150)
    for _ in range(3):  # a key that is a shortcut never reaches the window as a key press
        QTest.keyClick(form.windowHandle(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(150)
    assert not window.screen_lock.locked
    qtbot.waitUntil(lambda: window.screen_lock.locked, timeout=5000)


def test_work_without_input_does_not_keep_it_unlocked(qtbot: QtBot, team: Team,
                                                      notices: Notices) -> None:
    window = _window(qtbot, team, team.consulent, lock_after_ms=400)
    assert window.search is not None
    field = window.search.field
    for _ in range(6):  # the program's own events (typing set by code, repaints) are no input
        field.setText(field.text() + "a")
        field.repaint()
        qtbot.wait(100)
    assert window.screen_lock.locked


def test_afmelden_from_the_lock_closes_the_store(qtbot: QtBot, team: Team,
                                                 notices: Notices) -> None:
    window = _window(qtbot, team, team.regisseur, lock_after_ms=200)
    qtbot.waitUntil(lambda: window.screen_lock.locked, timeout=5000)
    lock = window.screen_lock.dialog
    assert lock is not None
    with qtbot.waitSignal(window.signed_out, timeout=5000):
        lock.sign_out_button.click()
    assert window.has_signed_out and not window.isVisible() and team.store.key is None


def test_afmelden_in_the_menu_returns_to_the_login(
        qtbot: QtBot, team: Team, notices: Notices, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []

    def sign_in(_location: object) -> tuple[object, Actor] | None:
        asked.append(1)
        return (team.store, team.consulent) if len(asked) == 1 else None

    def work() -> int:
        [window] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible()]
        assert window.windowTitle() == team.consulent.display_name
        assert APP_TITLE not in window.windowTitle()
        assert window.sign_out_action.shortcut().toString() == "Ctrl+Shift+L"
        assert window.sign_out_action in window.menuBar().actions()[0].menu().actions()
        window.sign_out_action.trigger()
        qtbot.waitUntil(lambda: window.has_signed_out)
        return 0

    monkeypatch.setattr(startup, "sign_in", sign_in)
    assert startup.sessions(team.location, work) == 0
    assert asked == [1, 1], "after Afmelden the login came back"
    assert team.store.key is None


def test_a_replaced_store_key_goes_back_to_the_login(qtbot: QtBot, team: Team,
                                                     notices: Notices) -> None:
    window = _window(qtbot, team, team.consulent)

    def replaced(_uow: object) -> NoReturn:
        raise KeyReplacedError("De sleutel is vervangen. Meld u opnieuw aan.")

    with qtbot.waitSignal(window.signed_out, timeout=5000):
        Operation(window, team.store, team.consulent, replaced).run()
    assert notices.warnings == ["De sleutel is vervangen. Meld u opnieuw aan."]
    assert window.has_signed_out and team.store.key is None


def test_afmelden_stops_background_work_before_the_store_closes(
        qtbot: QtBot, team: Team, notices: Notices) -> None:
    window = _window(qtbot, team, team.consulent)
    started, steps = threading.Event(), []

    def long_work(_uow: object) -> None:
        started.set()
        for step in range(600):  # until Afmelden cancels it, at most a minute
            report_progress(step, 600)
            steps.append(step)
            time.sleep(0.1)

    Operation(window, team.store, team.consulent, long_work).run_in_background()
    assert started.wait(10)
    window.sign_out()
    assert QThreadPool.globalInstance().activeThreadCount() == 0, "the worker was waited for"
    assert len(steps) < 600, "it stopped at its next progress report"
    assert team.store.key is None
