"""Focus is always visible: a clear frame in one colour around whichever control has the
keyboard focus, for every control a person can Tab to (WCAG 2.4.7).

One frame for the whole application, moved to the focused control as the focus moves
(`QFocusFrame` follows the control when it moves or resizes). An application style sheet
would do the same, but Qt then polishes every widget through its style-sheet engine: opening a
household took twice as long with one. The frame lies around the control, outside it, so no
control changes size or look when it gets the focus.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QWidget

FOCUS_COLOUR = "#1A56C4"  # contrast above 4.5:1 on white and on the light grey of a window
FRAME_WIDTH = 2


class FocusRing(QFocusFrame):
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(QColor(FOCUS_COLOUR))
        pen.setWidth(FRAME_WIDTH)
        painter.setPen(pen)
        half = FRAME_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
        painter.end()


def framed(widget: QWidget | None) -> bool:
    """Controls one can Tab to get the frame; a window or a label does not."""
    return widget is not None and widget.parentWidget() is not None \
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


class FocusRings:
    """Moves the one frame to the focused control. The frame lives in the control's window and
    goes with it when that window closes; the next focus change makes a new one."""

    def __init__(self, app: QApplication) -> None:
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.ring is None or not shiboken6.isValid(self.ring):
            self.ring = FocusRing()
        self.ring.setWidget(new if framed(new) else None)  # type: ignore[arg-type]  # None hides it


def install_focus_ring(app: QApplication) -> FocusRings:
    rings = getattr(app, "_focus_rings", None)
    if not isinstance(rings, FocusRings):
        rings = FocusRings(app)
        app._focus_rings = rings  # type: ignore[attr-defined]  # lives as long as the app
    return rings
