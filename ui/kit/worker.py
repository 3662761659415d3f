"""Long report work off the UI thread, with a progress dialog that can cancel it.

The work runs on the global QThreadPool and reports through signals, which Qt delivers on
the UI thread (the receivers are widgets living there). The work function receives a
progress callback; calling it after the person pressed "Annuleren" raises ``Cancelled``, so
the unit of work rolls back and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]


# Jobs stay referenced until their run() has returned, even when the widget that started
# them is closed meanwhile; otherwise the signal object could be collected mid-emit.
_RUNNING: set[Job] = set()


class Cancelled(Exception):
    """The person stopped the work."""


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps it until the signals have arrived
        self.work = work
        self.signals = _Signals()
        self.cancelled = False

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except BaseException as error:  # delivered to the UI thread, shown there
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)
        finally:
            _RUNNING.discard(self)


class ProgressRunner(QObject):
    """Runs one job at a time for a widget and shows a modal progress dialog meanwhile."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.job: Job | None = None
        self.dialog: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, label: str, work: Callable[[Progress], Any]) -> None:
        job = Job(work)
        self.job = job
        dialog = QProgressDialog(label, "Annuleren", 0, 0, self._parent)
        dialog.setWindowTitle("Even geduld")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel)
        self.dialog = dialog
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        _RUNNING.add(job)
        QThreadPool.globalInstance().start(job)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancelled = True

    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(f"Plannen verwerkt: {done} van {total}")

    def _done(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._cancel)
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None
        self.job = None

    def _on_finished(self, result: object) -> None:
        self._done()
        self.finished.emit(result)

    def _on_failed(self, error: object) -> None:
        self._done()
        self.failed.emit(error)
