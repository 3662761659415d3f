"""A read-only plan summary (the team lead reads plans, does not edit them): the version in
force, its results, the actions still open, the regisseur and the next evaluation."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from intake.core.validation import format_date
from intake.plans.views import PlanVersionView
from intake.plans.vocab import ActionStatus
from ui.kit.dialogs import FormDialog
from ui.reports.table_models import SortableTableModel, sorted_table

OPEN = (ActionStatus.GEPLAND, ActionStatus.BEZIG)


def _date_cell(day: date | None) -> tuple[str, str]:
    return (format_date(day), day.isoformat()) if day else ("", "9999")


class PlanSummaryDialog(FormDialog):
    asks_before_discarding = False  # nothing typed here to lose

    def __init__(self, plan: PlanVersionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"{plan.kind.label} {plan.dossiernummer} (alleen lezen)")
        form = QFormLayout()
        for label, value in (
            ("Dossiernummer", plan.dossiernummer),
            ("Versie", f"{plan.number} — {plan.status.label}"),
            ("Regisseur", plan.regisseur_name or "nog niet gekozen"),
            ("Aanspreekpunt inwoner", plan.aanspreekpunt or "—"),
            ("Akkoord inwoner", format_date(plan.agreed_on) or "nog niet"),
            ("Volgende evaluatie", format_date(plan.next_evaluation_on) or "—"),
        ):
            value_label = QLabel(value)
            value_label.setObjectName(f"veld_{label}")
            form.addRow(f"{label}:", value_label)
        self.results = SortableTableModel(("Leefgebied", "Wet", "Resultaat", "Streefdatum"), self)
        self.results.set_rows([
            [(r.domain_label, r.domain_label), (r.law_label, r.law_label), (r.text, r.text),
             _date_cell(r.target_on)] for r in plan.results])
        results_table, _ = sorted_table(self.results, stretch_column=2)
        self.open_actions = SortableTableModel(
            ("Actie", "Wie", "Niveau", "Klaar op", "Status"), self)
        self.open_actions.set_rows([
            [(a.what, a.what), (a.who_label, a.who_label),
             (a.support_level_label, a.support_level_rank), _date_cell(a.due_on),
             (a.status.label, a.status.label)]
            for a in plan.actions if a.status in OPEN])
        actions_table, _ = sorted_table(self.open_actions, stretch_column=0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel("Alleen lezen: wijzigen doet de regisseur of consulent in het plan zelf.")
        note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(QLabel(f"<b>Resultaten</b> ({len(plan.results)})"))
        layout.addWidget(results_table, 1)
        layout.addWidget(QLabel(f"<b>Acties die nog lopen</b> ({self.open_actions.rowCount()})"))
        layout.addWidget(actions_table, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)
