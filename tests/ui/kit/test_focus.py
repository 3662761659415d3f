"""Focus is always visible: one frame in the focus colour lies around whichever control has
the keyboard focus, for every class one can Tab to, and it shows in the rendering."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.app.startup import configure_application
from ui.kit.dialogs import INPUTS
from ui.kit.focus import FOCUS_COLOUR, FRAME_WIDTH, FocusRings, framed

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def _frame_pixels(image: QImage, area: QRect) -> int:
    """Pixels in the focus colour inside an area (the frame is drawn in it, nothing else)."""
    colour = QColor(FOCUS_COLOUR).rgb()
    return sum(1 for y in range(max(0, area.top()), min(image.height(), area.bottom() + 1))
               for x in range(max(0, area.left()), min(image.width(), area.right() + 1))
               if image.pixel(x, y) == colour)


def test_the_focused_control_has_the_frame_around_it(qtbot: QtBot, qapp: QApplication) -> None:
    configure_application(qapp)
    rings = getattr(qapp, "_focus_rings", None)
    assert isinstance(rings, FocusRings)
    assert not qapp.styleSheet()  # no style-sheet engine over every widget
    window = QWidget()
    qtbot.addWidget(window)
    form = QFormLayout(window)
    combo = QComboBox()
    combo.addItems(["Een", "Twee"])
    controls: list[QWidget] = [QLineEdit("tekst"), QPlainTextEdit("veld"), QTextEdit("veld"),
                               combo, QSpinBox(), QDateEdit(), QPushButton("Opslaan"),
                               QCheckBox("Vinkje"), QRadioButton("Keuze"), QTableWidget(2, 2)]
    covered = {type(c) for c in controls}
    for kind in INPUTS:
        assert any(issubclass(c, kind) for c in covered), f"{kind.__name__} not tried"
    anchor = QLineEdit()
    form.addRow("Begin", anchor)
    for control in controls:
        form.addRow(type(control).__name__, control)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    for control in controls:
        anchor.setFocus()
        qtbot.waitUntil(anchor.hasFocus)
        around = control.geometry().adjusted(-2 * FRAME_WIDTH, -2 * FRAME_WIDTH,
                                             2 * FRAME_WIDTH, 2 * FRAME_WIDTH)
        size = control.size()
        before = _frame_pixels(window.grab().toImage(), around)
        control.setFocus()
        qtbot.waitUntil(control.hasFocus)
        assert rings.ring is not None and rings.ring.widget() is control
        after = _frame_pixels(window.grab().toImage(), around)
        assert control.size() == size, f"{type(control).__name__} changes size"
        assert before == 0 < after, f"{type(control).__name__} shows no focus frame"


def test_only_what_one_can_tab_to_is_framed(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel("Uitleg", window)
    field = QLineEdit(window)
    assert framed(field) and not framed(label) and not framed(window)


def test_the_frame_survives_its_window(qtbot: QtBot, qapp: QApplication) -> None:
    """The frame goes with the window it was in; the next window gets a new one."""
    configure_application(qapp)
    rings = getattr(qapp, "_focus_rings", None)
    assert isinstance(rings, FocusRings)
    for _ in range(2):
        window = QWidget()
        field = QLineEdit(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        assert rings.ring is not None and rings.ring.widget() is field
        window.close()
        window.deleteLater()
        qtbot.wait(10)
