"""Small pieces the plan screens share: an optional date field, field errors, running a dialog.

``run_dialog`` is the one place a plan screen blocks on a dialog, so tests replace it and
fill the dialog in instead of clicking through a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from intake.core.errors import ValidationError
from intake.core.validation import format_date, parse_date
from ui.kit.widgets import ErrorLabel, show_field_errors

DATE_HINT = "dd-mm-jjjj"
MUTED_STYLE = "color: palette(placeholder-text);"


def run_dialog(dialog: QDialog) -> int:
    """Show a plan dialog modally; returns QDialog.DialogCode as int."""
    return dialog.exec()


def accepted(dialog: QDialog) -> bool:
    return run_dialog(dialog) == QDialog.DialogCode.Accepted


class DateField(QLineEdit):
    """A date that may stay empty (QDateEdit cannot), typed as dd-mm-jjjj."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(DATE_HINT)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00-00-00000") + 24)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value))

    def date_value(self) -> date | None:
        return parse_date(self.text())

    def problem(self) -> str:
        """A Dutch message when something unreadable was typed, else ''."""
        if self.text().strip() and self.date_value() is None:
            return f"Schrijf de datum als {DATE_HINT}."
        return ""


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(MUTED_STYLE)
    return label


def try_save(errors: Mapping[str, ErrorLabel], general: ErrorLabel,
             problems: Mapping[str, str], save: Callable[[], bool]) -> bool:
    """Run a dialog's save unless its own fields already object; True when it was stored.

    Whatever was refused stays on screen with its message, so nothing typed is lost.
    """
    if problems:
        show_field_errors(errors, problems, general)
        return False
    try:
        saved = save()
    except ValidationError as error:
        show_field_errors(errors, error.fields, general)
        return False
    if not saved:
        general.show_message("Niet opgeslagen. Wat u typte staat er nog: controleer het en kies "
                             "opnieuw Opslaan.")
    return saved
