"""Repeated timing with medians, and the UI-thread stall timer.

The machine is shared and noisy: one run says little, so every figure is a median over
repeated runs with its spread and n. Loops are bounded by a count and by a time budget.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Stats:
    values: tuple[float, ...]  # seconds

    @property
    def n(self) -> int:
        return len(self.values)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.values)
        index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
        return ordered[index]

    @property
    def p95(self) -> float:
        return self.percentile(0.95)


def fmt_seconds(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def describe(stats: Stats, *, p95: bool = False) -> str:
    """'median 12.3 ms (8.1–20.4 ms, n=20)'; with p95 the p95 leads (the goal is a p95)."""
    spread = f"{fmt_seconds(min(stats.values))}–{fmt_seconds(max(stats.values))}, n={stats.n}"
    if p95:
        return f"p95 {fmt_seconds(stats.p95)}, median {fmt_seconds(stats.median)} ({spread})"
    return f"{fmt_seconds(stats.median)} ({spread})"


def ratio(ours: Stats, peer: Stats) -> str:
    return f"{ours.median / peer.median:.1f}x (peer {fmt_seconds(peer.median)})"


def measure(fn: Callable[[], Any], repeat: int, *, warmup: int = 1,
            budget_s: float = 60.0) -> Stats:
    """Time ``fn`` up to ``repeat`` times after ``warmup`` uncounted runs (warm caches, as
    while someone works); stops early once the budget is spent, keeping at least one run."""
    for _ in range(warmup):
        fn()
    values: list[float] = []
    deadline = time.monotonic() + budget_s
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        fn()
        values.append(time.perf_counter() - started)
        if time.monotonic() > deadline:
            break
    return Stats(tuple(values))


def measure_pair(ours: Callable[[], Any], peer: Callable[[], Any], repeat: int, *,
                 warmup: int = 1, budget_s: float = 60.0) -> tuple[Stats, Stats]:
    """Alternate ours and the peer so both see the same background load."""
    for _ in range(warmup):
        ours()
        peer()
    a: list[float] = []
    b: list[float] = []
    deadline = time.monotonic() + budget_s
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        ours()
        a.append(time.perf_counter() - started)
        started = time.perf_counter()
        peer()
        b.append(time.perf_counter() - started)
        if time.monotonic() > deadline:
            break
    return Stats(tuple(a)), Stats(tuple(b))


class StallTimer:
    """A 10 ms QTimer on the UI thread; the largest gap between its ticks is the longest time
    the UI thread could not handle input or paint. Qt is imported only when one is made, so
    headless rows never load it."""

    INTERVAL_MS = 10

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.largest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.largest = max(self.largest, now - self._last)
        self._last = now

    def start(self) -> None:
        self.largest = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        """Stops and returns the largest gap, counting the time since the last tick too."""
        self._tick()
        self._timer.stop()
        return self.largest
