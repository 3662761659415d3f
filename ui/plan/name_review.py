"""Before a redacted print leaves: words that look like a name nobody in the file has. The
person printing decides per word: no name (print as written) or replace by '[naam]'."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from intake.documents import NameReview
from ui.kit.dialogs import FormDialog
from ui.kit.forms import muted

REPLACE, KEEP = "vervangen", "geen_naam"


class NameReviewDialog(FormDialog):
    asks_before_discarding = False  # nothing is printed until it is confirmed

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mogelijke namen nakijken")
        self.choices: dict[str, QComboBox] = {}
        form = QFormLayout()
        for name in names:
            choice = QComboBox()
            choice.addItem("Vervangen door [naam]", REPLACE)  # the safe choice comes first
            choice.addItem("Geen naam: afdrukken zoals het staat", KEEP)
            self.choices[name] = choice
            form.addRow(name, choice)
        buttons = self.action_buttons("&Bevestigen en afdrukken")
        layout = QVBoxLayout(self)
        layout.addWidget(muted("Deze woorden lijken op een naam, maar horen bij niemand in dit "
                               "dossier. Geef per woord aan wat ermee moet voordat het plan "
                               "het team verlaat."))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def review(self, earlier: NameReview) -> NameReview:
        """The earlier decisions plus the ones made here."""
        keep = {n for n, c in self.choices.items() if c.currentData() == KEEP}
        replace = set(self.choices) - keep
        return NameReview(not_names=earlier.not_names | keep,
                          replace=earlier.replace | replace)

    @classmethod
    def ask(cls, parent: QWidget, names: Sequence[str],
            earlier: NameReview) -> NameReview | None:
        dialog = cls(names, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.review(earlier)
        finally:
            dialog.deleteLater()
