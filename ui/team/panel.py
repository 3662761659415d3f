"""Sync on screen: a status-bar line ("verbonden / offline · laatste synchronisatie … · N niet
verzonden"), the menu action "Synchroniseren" (Ctrl+Shift+S) that runs a sync off the UI
thread, a sync in the background every few minutes while the server answers, and the conflicts
dialog.

Syncing needs an online sign-in, so the password given at login is kept in memory for the
session (never on disk), the way a mail client keeps it for fetching mail.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.core.context import Actor
from intake.core.errors import KnownError
from intake.store import Store
from intake.team import conflicts, replica, sync
from intake.team.wire import ReplicaRevokedError
from ui.kit.dialogs import FormDialog
from ui.kit.notice import Notice
from ui.kit.operation import Attempt

BACKGROUND_MINUTES = 5
SHORTCUT = "Ctrl+Shift+S"
_PASSWORDS: dict[int, str] = {}


def remember_password(store: Store, password: str) -> None:
    _PASSWORDS[id(store)] = password


def forget_password(store: Store) -> None:
    _PASSWORDS.pop(id(store), None)


class SyncPanel(QObject):
    """Attached to the main window of a replica."""

    def __init__(self, window: QMainWindow, store: Store, actor: Actor) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.actor = actor
        self.online = False
        self.job: Attempt[sync.SyncReport] | None = None
        self.label = QLabel()
        window.statusBar().addPermanentWidget(self.label)
        self.action = QAction("&Synchroniseren", window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(lambda: self.start(quiet=False))
        self.conflicts_action = QAction("&Conflicten en geweigerde wijzigingen…", window)
        self.conflicts_action.triggered.connect(self.show_conflicts)
        menu = window.menuBar().addMenu("&Team")
        menu.addAction(self.action)
        menu.addAction(self.conflicts_action)
        window.addAction(self.action)
        self.timer = QTimer(self)
        self.timer.setInterval(BACKGROUND_MINUTES * 60_000)
        self.timer.timeout.connect(lambda: self.start(quiet=True))
        self.timer.start()
        self.refresh()

    def team(self) -> replica.TeamFile:
        return replica.team_file(self.store.location)

    def refresh(self) -> None:
        line = Attempt(self.window, lambda: sync.status(self.store, self.team(), self.online)
                       .line()).failure(lambda error: self.label.setText(error.message)).run()
        if line is not None:
            self.label.setText(line)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, quiet: bool) -> None:
        if self.busy:
            return
        password = _PASSWORDS.get(id(self.store))
        if password is None:
            if not quiet:
                Notice.warn(self.window, "Meld u opnieuw aan om te synchroniseren.",
                            "Synchroniseren")
            return
        store, team = self.store, self.team()
        # The worker gets plain values only (see ui/kit/operation.py).
        job: Attempt[sync.SyncReport] = Attempt(
            self.window, lambda: sync.synchronise(store, team, password))
        job.success(lambda report: self._done(report, quiet))
        job.on(KnownError, lambda error: self._failed(error, quiet))
        job.always(self._idle)
        self.job = job
        self.action.setEnabled(False)
        self.label.setText("synchroniseren…")
        job.run_in_background()

    def _idle(self) -> None:
        self.job = None
        self.action.setEnabled(True)

    def _done(self, report: sync.SyncReport, quiet: bool) -> None:
        self.online = True
        self.refresh()
        if report.refused and not quiet:
            Notice.warn(self.window, "Niet alle wijzigingen zijn door de server aangenomen. "
                        "Zie Team › Conflicten en geweigerde wijzigingen.", "Synchroniseren")

    def _failed(self, error: KnownError, quiet: bool) -> None:
        if isinstance(error, ReplicaRevokedError):
            Notice.warn(self.window, error.message, "Replica ingetrokken")
            self.window.close()
            return
        self.online = False
        self.refresh()
        if not quiet:
            Notice.warn(self.window, error.message, "Synchroniseren mislukt")

    def show_conflicts(self) -> None:
        ConflictsDialog(self.store, self.actor, self.team, self.window).exec()
        self.refresh()


class ConflictsDialog(FormDialog):
    """Open conflicts (both values, who, when) and changes the server refused."""

    asks_before_discarding = False  # it only shows; each choice is sent at once

    def __init__(self, store: Store, actor: Actor, team: Callable[[], replica.TeamFile],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.team = store, actor, team
        self.setWindowTitle("Conflicten en geweigerde wijzigingen")
        self.list = QListWidget()
        self.keep_mine = QPushButton("&Mijn waarde houden")
        self.keep_server = QPushButton("&Serverwaarde houden")
        self.keep_mine.clicked.connect(lambda: self.resolve("mijn"))
        self.keep_server.clicked.connect(lambda: self.resolve("server"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.keep_mine)
        row.addWidget(self.keep_server)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._selected)
        self.setMinimumWidth(640)
        self.load()

    def load(self) -> None:
        self.list.clear()
        store, actor = self.store, self.actor
        for conflict in conflicts.open_conflicts(store, actor.id):
            item = QListWidgetItem("Conflict – " + conflict.line().split("  ", 1)[1]
                                   + ("" if conflict.mine_to_resolve else " (lost een ander op)"))
            item.setData(Qt.ItemDataRole.UserRole, conflict)
            self.list.addItem(item)
        for change in conflicts.refused_changes(store):
            self.list.addItem(QListWidgetItem(change.line()))
        if not self.list.count():
            self.list.addItem(QListWidgetItem("Geen conflicten en geen geweigerde wijzigingen."))
        self._selected()

    def _chosen(self) -> conflicts.ConflictView | None:
        item = self.list.currentItem()
        found = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return found if isinstance(found, conflicts.ConflictView) else None

    def _selected(self) -> None:
        chosen = self._chosen()
        enabled = chosen is not None and chosen.mine_to_resolve
        self.keep_mine.setEnabled(enabled and chosen is not None and not chosen.duplicate)
        self.keep_server.setEnabled(enabled)

    def resolve(self, keep: str) -> None:
        chosen = self._chosen()
        password = _PASSWORDS.get(id(self.store))
        if chosen is None or password is None:
            return
        store, team, conflict_id = self.store, self.team(), chosen.id

        def work() -> None:
            with team.client() as client:
                client.sign_in(team.username, password)
                conflicts.resolve(client, team, conflict_id, keep)
                sync.synchronise(store, team, password, client=client)

        self.keep_mine.setEnabled(False)
        self.keep_server.setEnabled(False)
        Attempt(self, work).with_progress("Keuze naar de teamserver sturen…", cancellable=False) \
            .success(lambda _none: self._resolved()) \
            .failure(lambda error: self.message.setText(error.message)) \
            .always(self._selected) \
            .run_in_background()

    def _resolved(self) -> None:
        self.message.setText("Opgelost.")
        self.load()


def attach(window: QMainWindow, store: Store, actor: Actor) -> SyncPanel | None:
    """The sync controls, on the main window of a laptop replica only."""
    if not store.replica:
        return None
    return SyncPanel(window, store, actor)
