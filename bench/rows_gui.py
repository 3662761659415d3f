"""Rows that drive real widgets offscreen (QT_QPA_PLATFORM=offscreen), without qtbot: build the
screen, spin the event loop until the data is in and the widget has painted. A 10 ms timer on
the UI thread records the longest stall of each flow."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from functools import partial

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from bench.lines import Context, Line
from bench.rows_domain import (
    household_data,
    overview_data,
    sample_households,
    sign_in,
    team_overview_rows,
)
from bench.store import DB_NAME, PASSWORD
from bench.timing import StallTimer, Stats, describe, fmt_seconds
from intake.store import resolve_location
from ui.app.login import LoginDialog
from ui.app.main_window import MainWindow
from ui.app.startup import configure_application
from ui.kit.gc_guard import MainThreadGarbageCollector
from ui.kit.operation import background_work_running
from ui.reports.team_overview import TeamOverview

WAIT_S = 120.0  # one flow never waits longer than this for its paint


class PaintWatch(QObject):
    """Remembers when the watched widget last received a paint event."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.last = 0.0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.last = time.perf_counter()
        return False


def app() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    created = QApplication([])
    configure_application(created)
    MainThreadGarbageCollector(created)  # as the app does: collection only on the UI thread
    return created


def spin_until(done: Callable[[], bool], timeout_s: float = WAIT_S) -> None:
    """Run a real event loop (as app.exec does) until ``done``; a 2 ms timer polls it.
    Calling processEvents in a Python loop instead crashed PySide6 6.12 (none_dealloc) while a
    worker thread delivered its result, so the loop is a QEventLoop."""
    if done():
        return
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(lambda: loop.quit() if done() or time.monotonic() > deadline
                         else None)
    poll.start()
    loop.exec()
    poll.stop()
    if not done():
        raise TimeoutError(f"not painted within {timeout_s:.0f} s")


def settle(widget: QWidget) -> None:
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def stall_text(stalls: list[float]) -> str:
    median = fmt_seconds(Stats(tuple(stalls)).median)
    return f"max {fmt_seconds(max(stalls))} (median of flows {median})"


def _painted(watch: PaintWatch) -> bool:
    return watch.last > 0


def bare_window_peer(repeat: int) -> Stats:
    """A bare window with a label and a button, shown until painted: what any window costs."""
    values = []
    for _ in range(max(3, repeat)):
        started = time.perf_counter()
        window = QWidget()
        layout = QVBoxLayout(window)
        layout.addWidget(QLabel("Aanmelden"))
        button = QPushButton("Aanmelden")
        layout.addWidget(button)
        watch = PaintWatch(button)
        window.show()
        spin_until(partial(_painted, watch))
        values.append(time.perf_counter() - started)
        settle(window)
    return Stats(tuple(values))


def peer_ratio(ours: Stats, peer: Stats) -> str:
    return f"{ours.median / peer.median:.0f}x bare window (peer {fmt_seconds(peer.median)})"


def run_flows(flow: Callable[[], float], repeat: int, budget_s: float, warmup: int = 1
              ) -> tuple[Stats, list[float]]:
    """``flow`` returns its own elapsed time; the stall timer runs around each one."""
    app()
    timer = StallTimer()
    for _ in range(warmup):
        flow()
    values, stalls = [], []
    deadline = time.monotonic() + budget_s
    for _ in range(max(1, repeat)):
        timer.start()
        values.append(flow())
        stalls.append(timer.stop())
        if time.monotonic() > deadline:
            break
    return Stats(tuple(values)), stalls


# ---- team overview shown ----------------------------------------------------------------------

def overview(ctx: Context) -> list[Line]:
    lines = [overview_data(ctx)]
    app()
    store, actor = sign_in(ctx, "teamleider")
    try:
        def flow() -> float:
            started = time.perf_counter()
            widget = TeamOverview(store, actor)
            loaded: list[float] = []
            widget.loaded.connect(lambda: loaded.append(time.perf_counter()))
            watch = PaintWatch(widget.plan_table.viewport())
            widget.resize(1100, 720)
            widget.show()
            # Shown: the data has arrived and the plan table painted after that.
            spin_until(lambda: bool(loaded) and watch.last > loaded[0])
            elapsed = watch.last - started
            settle(widget)
            return elapsed

        ours, stalls = run_flows(flow, max(3, ctx.repeat // 2), ctx.budget_s)
        peer = bare_window_peer(ctx.repeat)
        lines.append(Line("team overview, whole team: shown in the app (TeamOverview widget)",
                          "≤ 1 s", describe(ours), peer_ratio(ours, peer), stall_text(stalls),
                          note=f"{team_overview_rows(store, actor)}; until loaded and the plan "
                               "table painted"))
    finally:
        store.close()
    return lines


# ---- login to main window ---------------------------------------------------------------------

def login(ctx: Context) -> list[Line]:
    app()
    location = resolve_location(str(ctx.store.folder / DB_NAME))
    lines = []
    for username in ("consulent", "teamleider"):
        def flow(username: str = username) -> float:
            dialog = LoginDialog(location)
            dialog.username.setText(username)
            dialog.password.setText(PASSWORD)
            shown = PaintWatch(dialog.ok_button)
            dialog.show()
            spin_until(lambda: shown.last > 0)
            started = time.perf_counter()
            QTest.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter: unwrap, sign in
            spin_until(lambda: not getattr(dialog, "busy", False))  # in the background
            if dialog.signed_in is None:
                raise RuntimeError(dialog.message.text() or "sign-in failed")
            store, actor = dialog.signed_in
            window = MainWindow(store, actor)
            assert window.search is not None
            field, status = PaintWatch(window.search.field), PaintWatch(window.statusBar())
            window.show()
            spin_until(lambda: field.last > 0 and status.last > 0)
            elapsed = max(field.last, status.last) - started
            settle(window)
            settle(dialog)
            store.close()
            return elapsed

        ours, stalls = run_flows(flow, ctx.repeat, ctx.budget_s)
        peer = bare_window_peer(ctx.repeat)
        lines.append(Line(f"Enter in the login window → main window painted ({username})",
                          "≤ 0.7 s", describe(ours), peer_ratio(ours, peer), stall_text(stalls),
                          note="one key derivation (Argon2id) in the background, start "
                               "screen with recent households and due evaluations"
                               + (" of the whole team" if username == "teamleider" else "")))
    return lines


# ---- household page shown ---------------------------------------------------------------------

def household(ctx: Context) -> list[Line]:
    lines = [household_data(ctx)]
    app()
    store, actor = sign_in(ctx, "consulent")
    window = MainWindow(store, actor)
    try:
        window.show()
        spin_until(lambda: window.isVisible())
        ids = sample_households(store, ctx.repeat * 2, seed=12, actor=actor)
        queue = list(ids)
        plan_tab_times: list[float] = []
        back_times: list[float] = []
        start_screen = PaintWatch(window.search.field) if window.search is not None else None

        def flow() -> float:
            household_id: uuid.UUID = queue.pop(0) if queue else ids[0]
            started = time.perf_counter()
            page = window.open_household(household_id)
            assert page is not None
            watch = PaintWatch(page.overview)
            spin_until(lambda: watch.last > 0)
            elapsed = watch.last - started
            # The plan tab loads when it is first shown: timed apart, as a second step.
            plan_index = page.tabs.count() - 1
            tab_started = time.perf_counter()
            plan_watch = PaintWatch(page.tabs.widget(plan_index))
            page.tabs.setCurrentIndex(plan_index)
            spin_until(lambda: plan_watch.last > 0)
            plan_tab_times.append(plan_watch.last - tab_started)
            # Closing the tab brings back the start screen, which refreshes its lists: wait
            # for that paint outside the timed open, and note how long it took.
            closed = time.perf_counter()
            window.focus_search()  # back to search first, as Ctrl+F does: else the
            window.close_tab(window.tabs.indexOf(page))  # neighbour tab (caseload) opens
            if start_screen is not None:
                # Its lists are read in the background: wait until they are in and painted.
                spin_until(lambda: not background_work_running())
                arrived = time.perf_counter()
                window.search.field.update()
                spin_until(lambda: start_screen.last > arrived)
                back_times.append(start_screen.last - closed)
            return elapsed

        ours, stalls = run_flows(flow, len(ids) - 1, ctx.budget_s)
        plan = Stats(tuple(plan_tab_times[1:] or plan_tab_times))
        back = Stats(tuple(back_times[1:] or back_times or [0.0]))
        lines.append(Line("household page shown, p95 (open from the main window until painted)",
                          "≤ 150 ms", describe(ours, p95=True), "", stall_text(stalls),
                          note="overview tab painted; stall column covers the whole flow (open, "
                               "plan tab, close back to search); the plan tab (loads on first "
                               "show) "
                               f"p95 {fmt_seconds(plan.p95)}, median {fmt_seconds(plan.median)}; "
                               f"closing the tab until the start screen repainted (recent + due "
                               f"lists refresh) median {fmt_seconds(back.median)}, max "
                               f"{fmt_seconds(max(back.values))}"))
    finally:
        settle(window)
        store.close()
    return lines
