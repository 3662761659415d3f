"""'Wie heeft dit dossier ingezien?': the audit entries about one household, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from intake.core.clock import format_local
from intake.register.access_history import AccessRow
from ui.kit.dialogs import FormDialog
from ui.kit.widgets import RowsModel, make_table


class HistoryDialog(FormDialog):
    asks_before_discarding = False  # nothing typed here to lose

    def __init__(self, dossiernummer: str, rows: Sequence[AccessRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Wie heeft dit dossier ingezien? – {dossiernummer}")
        self.model = RowsModel(("Datum en tijd", "Medewerker", "Rol", "Handeling", "Onderdeel",
                                "Resultaat"), self)
        self.model.set_rows([
            (format_local(row.at), f"{row.display_name} ({row.actor_name})", row.role,
             row.action, row.part, "Gelukt" if row.result == "ok" else row.result.capitalize())
            for row in rows
        ])
        intro = QLabel(
            f"Alle keren dat dit dossier is ingezien, gewijzigd of geweigerd, de nieuwste eerst "
            f"({len(rows)} regels). Dit overzicht zelf wordt ook vastgelegd.")
        intro.setWordWrap(True)
        table = make_table(self.model)
        buttons = QDialogButtonBox()
        close = buttons.addButton("&Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

    @classmethod
    def ask(cls, dossiernummer: str, rows: Sequence[AccessRow],
            parent: QWidget | None = None) -> None:
        cls(dossiernummer, rows, parent).exec()
