"""Focus is always visible: the application's style sheet frames the focused control of every
class one can Tab to, and the frame shows in the rendering."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
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
from ui.kit.focus import FOCUS_COLOUR, FOCUS_RULES, focus_style_sheet

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    configure_application(qapp)
    yield qapp
    qapp.setStyleSheet("")


def test_every_focusable_class_has_a_focus_rule() -> None:
    sheet = focus_style_sheet()
    for kind in (*INPUTS, QAbstractButton, QPushButton):
        covered = [base.__name__ for base in kind.__mro__ if FOCUS_RULES.get(base.__name__)]
        assert covered or kind is QAbstractButton, f"no focus frame for {kind.__name__}"
        for name in covered:
            assert f"{name}:focus" in sheet


def _image(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def _frame_pixels(image: QImage) -> int:
    """Pixels in the focus colour (the frame is drawn in it, nothing else is)."""
    colour = QColor(FOCUS_COLOUR).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixel(x, y) == colour)


def test_the_focused_control_looks_different(qtbot: QtBot, styled: QApplication) -> None:
    assert styled.styleSheet() == focus_style_sheet()
    window = QWidget()
    qtbot.addWidget(window)
    form = QFormLayout(window)
    table = QTableWidget(2, 2)
    combo = QComboBox()
    combo.addItems(["Een", "Twee"])
    controls: list[QWidget] = [QLineEdit("tekst"), QPlainTextEdit("veld"), QTextEdit("veld"),
                               combo, QSpinBox(), QDateEdit(), QPushButton("Opslaan"),
                               QCheckBox("Vinkje"), QRadioButton("Keuze"), table]
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
        before = _image(control)
        control.setFocus()
        qtbot.waitUntil(control.hasFocus)
        after = _image(control)
        assert before.size() == after.size(), f"{type(control).__name__} changes size"
        assert before != after, f"{type(control).__name__} shows no focus"
        assert _frame_pixels(before) == 0 < _frame_pixels(after), \
            f"{type(control).__name__} has no focus frame"
