"""Leaving the laptop: after a while without input the window locks and asks the password
again; what was typed in open forms stays where it was.

``IdleWatch`` is an event filter on the application's windows: every key, click, wheel or
touch restarts one timer. When it runs out, every open window gets a cover (nothing of a
dossier stays visible) and ``LockDialog`` asks for the password, through the same checks as
signing in (``intake.store.screen_lock``; on a laptop replica its team file). Unlocking takes
the covers away and puts the focus back where it was; "Afmelden" leaves for the login.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intake.core.context import Actor
from intake.core.errors import AccountLockedError, AuthenticationError
from intake.store import Store
from intake.store.screen_lock import confirm_password
from intake.team.replica import confirm_replica_password
from ui.kit.dialogs import FormDialog
from ui.kit.operation import Attempt
from ui.kit.widgets import ErrorLabel

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
})


class IdleWatch(QObject):
    """Emits ``idle`` once after ``interval_ms`` without any input in the application.

    The filter sits on the application's windows (``QWindow``), not on the application: the
    platform hands every key (a shortcut's included, as ShortcutOverride), click, wheel and
    touch to the window first, while an application filter is called for every event of
    every widget, thousands when a household page is built. Windows are picked up when one
    gets the focus and, for popups, right after the input that opened them."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.idle)
        self._sweep = QTimer(self)  # after input: watch the windows (popups) it opened
        self._sweep.setSingleShot(True)
        self._sweep.setInterval(0)
        self._sweep.timeout.connect(self._watch_windows)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusWindowChanged.connect(self._watch_windows)
        self._watching = True
        self._watch_windows()
        self.timer.start()

    def _watch_windows(self, *_changed: object) -> None:
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)  # once: installing again only moves it first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()  # restarts
            self._sweep.start()
        return False

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._sweep.stop()
        app = QGuiApplication.instance()
        if self._watching and isinstance(app, QGuiApplication):
            self._watching = False
            app.focusWindowChanged.disconnect(self._watch_windows)
            for window in QGuiApplication.topLevelWindows():
                window.removeEventFilter(self)


class Cover(QWidget):
    """A plain surface over a whole window while the screen is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setObjectName("vergrendeld")
        label = QLabel("Vergrendeld", self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class LockDialog(FormDialog):
    """The password again, or Afmelden; nothing else reaches the windows beneath."""

    asks_before_discarding = False  # a password is never kept

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.unlocked = False
        self.signing_out = False
        self.setWindowTitle("Scherm vergrendeld")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        explain = QLabel(f"Het scherm is vergrendeld omdat er een tijd niets is gedaan. "
                         f"Typ het wachtwoord van {actor.display_name} om verder te werken; "
                         f"wat u had ingevuld staat er nog.")
        explain.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow("&Wachtwoord:", self.password)
        self.message = ErrorLabel()
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton("&Ontgrendelen",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_out_button = buttons.addButton("&Afmelden",
                                                 QDialogButtonBox.ButtonRole.DestructiveRole)
        self.sign_out_button.setAutoDefault(False)
        buttons.accepted.connect(self.submit)
        self.sign_out_button.clicked.connect(self.sign_out)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        password = self.password.text()
        check: Callable[[Store, Actor, str], None] = \
            confirm_replica_password if self.store.replica else confirm_password
        Attempt(self, lambda: check(self.store, self.actor, password)) \
            .on(AccountLockedError, lambda error: self._refused(error.message)) \
            .on(AuthenticationError, lambda error: self._refused(error.message)) \
            .success(lambda _none: self._unlocked()).run()

    def _refused(self, message: str) -> None:
        self.message.show_message(message)
        self.password.selectAll()
        self.password.setFocus()

    def _unlocked(self) -> None:
        self.unlocked = True
        self.password.clear()
        self.accept()

    def sign_out(self) -> None:
        self.signing_out = True
        self.password.clear()
        self.accept()

    def reject(self) -> None:
        """Esc does not open a locked screen."""


class ScreenLock(QObject):
    """Locks after ``interval_ms`` without input; ``signed_out`` when Afmelden is chosen."""

    signed_out = Signal()

    def __init__(self, window: QWidget, store: Store, actor: Actor, interval_ms: int) -> None:
        super().__init__(window)
        self.store, self.actor = store, actor
        self.watch = IdleWatch(interval_ms, self)
        self.watch.idle.connect(self.lock)
        self.dialog: LockDialog | None = None
        self._covers: list[Cover] = []
        self._focus: QWidget | None = None

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def lock(self) -> None:
        if self.dialog is not None:
            return
        self.watch.pause()
        self._focus = QApplication.focusWidget()
        self._covers = [Cover(window) for window in QApplication.topLevelWidgets()
                        if window.isVisible() and not isinstance(window, LockDialog)
                        and window.isWindow()]
        window = self.parent()
        self.dialog = LockDialog(self.store, self.actor,
                                 window if isinstance(window, QWidget) else None)
        self.dialog.finished.connect(self._finished)
        self.dialog.show()
        self.dialog.activateWindow()

    def _finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        for cover in self._covers:
            if shiboken6.isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._covers = []
        if dialog is not None and dialog.signing_out:
            self.watch.stop()
            self.signed_out.emit()
            return
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.window().activateWindow()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.watch.resume()

    def stop(self) -> None:
        self.watch.stop()
