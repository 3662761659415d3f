"""The one way a screen runs an action: a unit of work, its outcome and what it changed.

After Anki's ``CollectionOp``::

    Operation(self, store, actor, lambda uow: open_household(uow, household_id)) \\
        .success(self.show_view).run()

``op`` takes the UnitOfWork and returns a value. On success the ``success`` handlers get the
value and the ``changes`` are announced on the hub (ui/kit/changes.py). An expected refusal
(KnownError) goes to the ``on`` handler registered for its class, else to ``failure``, else to
``Notice.warn`` with its Dutch message; a cancelled run ends quietly; anything else is a bug and
ends in the crash dialog. ``run()`` works on the UI thread and returns the value (None when it
failed, see ``ok``); ``run_in_background()`` works on the thread pool, with an optional
progress dialog, and delivers the outcome on the UI thread.

Background work never touches widgets: it must capture plain values (store, actor, ids), not
``self``. Its outcome travels through one long-lived QObject on the UI thread, so no QObject is
ever released in a worker thread, where Python's collector must not run (ui/kit/gc_guard.py).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from intake.core.errors import KnownError
from ui.kit import changes as change_hub
from ui.kit import crash
from ui.kit.changes import HouseholdChanged
from ui.kit.notice import Notice
from ui.kit.progress import Cancelled, close_progress, progress_dialog, show_progress

if TYPE_CHECKING:  # the login window runs Attempts before the store's libraries are loaded
    from intake.core.context import Actor, UnitOfWork
    from intake.store import Store

T = TypeVar("T")
E = TypeVar("E", bound=Exception)
Changes = HouseholdChanged | Callable[[T], HouseholdChanged | None] | None


def reraise(error: Exception) -> None:
    """An ``on`` handler that hands the error to whoever called ``run()``."""
    raise error


class Outcome(Generic[T]):
    """Routes the result of a call to the handlers; shared by ``Operation`` and ``Attempt``."""

    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent
        self.ok = False
        self._success: list[Callable[[T], object]] = []
        self._failure: Callable[[KnownError], object] | None = None
        self._handlers: list[Callable[[Exception], bool]] = []
        self._always: list[Callable[[], object]] = []

    def success(self, handler: Callable[[T], object]) -> Self:
        self._success.append(handler)
        return self

    def failure(self, handler: Callable[[KnownError], object]) -> Self:
        """Instead of ``Notice.warn`` for every KnownError without its own ``on`` handler."""
        self._failure = handler
        return self

    def on(self, kind: type[E], handler: Callable[[E], object]) -> Self:
        """Errors of ``kind`` go to ``handler`` (checked in the order registered)."""
        def route(error: Exception) -> bool:
            if isinstance(error, kind):
                handler(error)
                return True
            return False

        self._handlers.append(route)
        return self

    def always(self, handler: Callable[[], object]) -> Self:
        """After the success or failure handlers, whatever happened."""
        self._always.append(handler)
        return self

    def _succeeded(self, value: T) -> None:
        self.ok = True
        try:
            for handler in self._success:
                handler(value)
            self._announce(value)
        finally:
            self._finish()

    def _announce(self, value: T) -> None:
        """Operations override this; a plain call announces nothing."""

    def _failed(self, error: Exception) -> None:
        self.ok = False
        try:
            self._route(error)
        finally:
            self._finish()

    def _route(self, error: Exception) -> None:
        if any(route(error) for route in self._handlers):
            return
        if isinstance(error, KnownError):
            if self._failure is not None:
                self._failure(error)
            else:
                Notice.warn(self.parent, error.message)
            from intake.store import KeyReplacedError

            if isinstance(error, KeyReplacedError):
                change_hub.hub().key_replaced.emit()
        elif not isinstance(error, Cancelled):
            crash.show_crash(error)

    def _finish(self) -> None:
        for handler in self._always:
            handler()


class Attempt(Outcome[T]):
    """A call outside a unit of work (opening or creating the store at login, a sync with the
    team server), with the same rules for its outcome, on the UI thread or in the background."""

    def __init__(self, parent: QWidget | None, call: Callable[[], T]) -> None:
        super().__init__(parent)
        self._call = call
        self._label: str | None = None
        self._cancellable = True
        self._cancel = threading.Event()
        self._dialog: QProgressDialog | None = None
        self._key = 0

    def with_progress(self, label: str, *, cancellable: bool = True) -> Self:
        """In the background: a modal progress dialog, by default with "Annuleren"."""
        self._label, self._cancellable = label, cancellable
        return self

    def run(self) -> T | None:
        """On the UI thread: the value, or None when it failed (``ok`` tells which)."""
        try:
            value = self._call()
        except Exception as error:
            self._failed(error)
            return None
        self._succeeded(value)
        return value

    # ---- in the background ---------------------------------------------------------------

    def cancel(self) -> None:
        self._cancel.set()

    def run_in_background(self, pool: QThreadPool | None = None) -> None:
        """On ``pool`` (default: the global pool); the outcome arrives on the UI thread."""
        courier = _courier()
        self._key = key = next(_KEYS)
        _RUNNING[key] = self
        if self._label is not None:
            self._dialog = progress_dialog(self.parent, self._label, self.cancel,
                                           self._cancellable)
        # Only the call goes to the worker, never this object: were the worker to hold the last
        # reference to it, its widgets would be released in the worker thread. So ``call`` must
        # capture plain values (store, actor, ids), not a widget.
        call, cancel = self._call, self._cancel

        def in_worker() -> None:
            _reporter.current = _Reporter(key, cancel, courier)
            try:
                value = call()
            except Exception as error:  # delivered to the UI thread, shown there
                courier.deliver.emit(partial(_arrived, key, None, error))
            else:
                courier.deliver.emit(partial(_arrived, key, value, None))
            finally:
                _reporter.current = None

        (pool or QThreadPool.globalInstance()).start(in_worker)

    def _deliver(self, value: Any, error: Exception | None) -> None:
        if self._dialog is not None and shiboken6.isValid(self._dialog):  # gone with parent
            close_progress(self._dialog)
        self._dialog = None
        if self.parent is not None and not shiboken6.isValid(self.parent):
            if error is not None and not isinstance(error, KnownError | Cancelled):
                crash.log.error("unexpected error after its screen closed", exc_info=error)
            return  # the screen that asked has gone; nobody to tell
        if error is None:
            self._succeeded(value)  # what self.op returned in the worker
        else:
            self._failed(error)


class Operation(Attempt[T]):
    def __init__(self, parent: QWidget | None, store: Store, actor: Actor,
                 op: Callable[[UnitOfWork], T], *, changes: Changes[T] = None,
                 initiator: QObject | None = None) -> None:
        """``changes``: what to announce after success, or a function of the value giving it.
        ``initiator``: the screen that shows the result itself and so is not told (default:
        ``parent``)."""
        # Not self._work: a bound method would make each operation a reference cycle, which
        # keeps its widgets alive until the next collection.
        super().__init__(parent, lambda: _in_unit_of_work(store, actor, op))
        self.store, self.actor, self.op = store, actor, op
        self.changes = changes
        self.initiator = initiator if initiator is not None else parent

    def call(self) -> T:
        """On the UI thread, every error to the caller: for a read that is part of something
        larger whose own handling (an enclosing operation, the exception hook) applies."""
        value = _in_unit_of_work(self.store, self.actor, self.op)
        self._succeeded(value)
        return value

    def _announce(self, value: T) -> None:
        change = self.changes(value) if callable(self.changes) else self.changes
        if change is not None:
            change_hub.announce(change, self.initiator)


_SCREEN_READS: list[QThreadPool] = []  # made on first use, on the UI thread


def screen_reads() -> QThreadPool:
    """One worker for the reads screens refresh themselves with in the background (the start
    screen's lists): one after another they neither queue on each other's write lock (every
    unit of work writes its audit entry) nor contend for the interpreter."""
    if not _SCREEN_READS:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _SCREEN_READS.append(pool)
    return _SCREEN_READS[0]


def background_work_running() -> bool:
    """Whether an operation started with ``run_in_background`` has not delivered yet."""
    return bool(_RUNNING)


def stop_background_work(pool: QThreadPool | None = None, wait_ms: int = 30_000) -> bool:
    """Before the store closes: cancel what runs (at its next progress report), wait for the
    workers and drop the outcomes nobody will see. True when every worker finished."""
    for operation in list(_RUNNING.values()):
        operation.cancel()
        if operation._dialog is not None and shiboken6.isValid(operation._dialog):
            close_progress(operation._dialog)
        operation._dialog = None
    finished = (pool or QThreadPool.globalInstance()).waitForDone(wait_ms)
    if pool is None and _SCREEN_READS:
        finished = _SCREEN_READS[0].waitForDone(wait_ms) and finished
    _RUNNING.clear()
    return bool(finished)


def _in_unit_of_work(store: Store, actor: Actor, op: Callable[[UnitOfWork], T]) -> T:
    from intake.core.session import unit_of_work

    with unit_of_work(store, actor) as uow:
        return op(uow)


class _Courier(QObject):
    """Lives on the UI thread for the whole run; a queued signal brings work's outcome here."""

    deliver = Signal(object)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.deliver.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, call: Callable[[], None]) -> None:
        call()


_KEYS = itertools.count(1)
_RUNNING: dict[int, Attempt[Any]] = {}  # until the outcome is delivered
_courier_instance: _Courier | None = None


def _courier() -> _Courier:
    global _courier_instance
    if _courier_instance is None or not shiboken6.isValid(_courier_instance):
        _courier_instance = _Courier(QApplication.instance())
    return _courier_instance


class _Reporter:
    def __init__(self, key: int, cancel: threading.Event, courier: _Courier) -> None:
        self.key, self.cancel, self.courier = key, cancel, courier


class _CurrentReporter(threading.local):
    current: _Reporter | None = None


_reporter = _CurrentReporter()


def report_progress(done: int, total: int) -> None:
    """The progress callback (done, total) for background work: updates its dialog, and
    raises Cancelled once the person pressed "Annuleren" (so the unit of work rolls back)."""
    reporter = _reporter.current
    if reporter is None:
        return  # in the foreground nobody is watching
    if reporter.cancel.is_set():
        raise Cancelled()
    reporter.courier.deliver.emit(partial(_progress, reporter.key, done, total))


def _arrived(key: int, value: Any, error: Exception | None) -> None:
    operation = _RUNNING.pop(key, None)
    if operation is not None:
        operation._deliver(value, error)


def _progress(key: int, done: int, total: int) -> None:
    operation = _RUNNING.get(key)
    if operation is not None and operation._dialog is not None \
            and shiboken6.isValid(operation._dialog):
        show_progress(operation._dialog, done, total)
