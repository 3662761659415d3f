"""Garbage collection on the UI thread only.

Python's cyclic collector runs in whichever thread happens to allocate. When that is a worker
(figures, PDFs) and the garbage holds a Qt wrapper, the C++ object is destroyed off the UI thread
and the process crashes. So automatic collection is switched off and a timer on the UI thread
collects instead (the approach Anki takes for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        gen0, gen1, gen2 = gc.get_count()
        if gen0 > self.threshold[0]:
            gc.collect(0)
            if gen1 > self.threshold[1]:
                gc.collect(1)
                if gen2 > self.threshold[2]:
                    gc.collect(2)
