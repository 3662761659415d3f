"""Driving screens by keyboard alone in GUI tests: keys go to whatever has the focus, and
every key press or typed text counts as one interaction."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

NONE = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass
class Keyboard:
    qtbot: QtBot
    count: int = 0

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(self, key: Qt.Key | str, modifier: Qt.KeyboardModifier = NONE) -> None:
        self.count += 1
        self.qtbot.keyClick(self.focused(), key, modifier)
        if modifier == ALT:  # a mnemonic clicks its button after a short animation
            self.qtbot.waitUntil(lambda: not any(
                button.isDown() for top in QApplication.topLevelWidgets()
                for button in top.findChildren(QAbstractButton)))

    def type(self, text: str) -> None:
        self.count += 1
        self.qtbot.keyClicks(self.focused(), text)


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
