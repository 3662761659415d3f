"""Modal messages in one place, so tests can replace them (pytest-qt's advice for dialogs)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Notice:
    """Plain Dutch messages; every method blocks until the person answers."""

    @classmethod
    def warn(cls, parent: QWidget | None, text: str, title: str = "Let op") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          parent)
        box.button(QMessageBox.StandardButton.Ok).setText("OK")
        box.exec()

    @classmethod
    def info(cls, parent: QWidget | None, text: str, title: str = "Gelukt") -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, parent)
        box.button(QMessageBox.StandardButton.Ok).setText("OK")
        box.exec()

    @classmethod
    def confirm(cls, parent: QWidget | None, text: str, title: str, yes: str, no: str) -> bool:
        """True when the person chooses ``yes``; ``no`` is the default button."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.NoButton, parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button
