"""The last line of defence: expected problems as a Dutch message, bugs in a crash dialog.

After qutebrowser's ``misc/crashsignal.py``: the hook logs the traceback (the log never holds a
BSN or a name, the traceback holds code, not data), then shows what happened without blocking.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.core.errors import KnownError
from intake.core.logsetup import log_dir
from ui.kit.dialogs import FormDialog
from ui.kit.notice import Notice

log = logging.getLogger(__name__)


class CrashDialog(FormDialog):
    """Says that something unexpected happened and lets the person copy the details."""

    asks_before_discarding = False  # nothing typed here to lose

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Er ging iets mis")
        self.details = details
        intro = QLabel(
            "Er is een onverwachte fout opgetreden. Wat u al had opgeslagen, is bewaard; een "
            "wijziging die u nog niet had opgeslagen, mogelijk niet.\n\nMeld deze fout bij de "
            "functioneel beheerder en plak de details in uw melding. De details staan ook in het "
            f"logbestand in {log_dir()}.")
        intro.setWordWrap(True)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        text = QPlainTextEdit(details)
        text.setReadOnly(True)
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton("Details &kopiëren",
                                             QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("&Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText("Gekopieerd")


class ExceptionHook:
    """Installed as ``sys.excepthook``; keeps the open crash dialogs alive while shown."""

    def __init__(self) -> None:
        self.dialogs: list[CrashDialog] = []

    def __call__(self, kind: type[BaseException], error: BaseException,
                 tb: TracebackType | None) -> None:
        if isinstance(error, KnownError):
            log.info("known problem shown to the user: %s", type(error).__name__)
            Notice.warn(QApplication.activeWindow(), error.message)
            return
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        open_crash_dialog(error, self.dialogs)


def open_crash_dialog(error: BaseException,
                      keep: list[CrashDialog] | None = None) -> CrashDialog:
    """Log the traceback and show it; ``keep`` holds the dialog until it is closed."""
    kind, tb = type(error), error.__traceback__
    log.error("unexpected error", exc_info=(kind, error, tb))
    details = "".join(traceback.format_exception(kind, error, tb))
    dialog = CrashDialog(f"{kind.__name__}: {error}", details, QApplication.activeWindow())
    dialogs = _OPEN if keep is None else keep
    dialog.finished.connect(lambda _result: _forget(dialogs, dialog))
    dialogs.append(dialog)
    # open(), not exec(): an exception raised inside a nested event loop must not stack up
    # a tower of modal loops.
    dialog.open()
    return dialog


def _forget(dialogs: list[CrashDialog], dialog: CrashDialog) -> None:
    if dialog in dialogs:
        dialogs.remove(dialog)
    dialog.deleteLater()


_OPEN: list[CrashDialog] = []


def show_crash(error: BaseException) -> None:
    """The entry point for code that caught an unexpected error itself (screen actions,
    background work); tests replace it to record the call."""
    open_crash_dialog(error)


def install_excepthook() -> ExceptionHook:
    hook = ExceptionHook()
    sys.excepthook = hook
    return hook
