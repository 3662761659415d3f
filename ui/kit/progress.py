"""The modal "Even geduld" dialog shown while an operation runs on the thread pool."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """The person pressed "Annuleren": raised inside the work, so its unit of work rolls back
    and nothing is written."""


def progress_dialog(parent: QWidget | None, label: str, cancel: Callable[[], None],
                    cancellable: bool = True) -> QProgressDialog:
    dialog = QProgressDialog(label, "Annuleren" if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle("Even geduld")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick work finishes without a flash of a dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if cancellable:
        dialog.canceled.connect(cancel)
    return dialog


def show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)
    dialog.setLabelText(f"Plannen verwerkt: {done} van {total}")


def close_progress(dialog: QProgressDialog) -> None:
    dialog.blockSignals(True)  # closing must not read as "Annuleren"
    dialog.close()
    dialog.deleteLater()
