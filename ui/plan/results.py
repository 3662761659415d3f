"""The results of a plan version with, under the chosen result, its actions."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake.core.validation import format_date
from intake.plans import PlanVersionView, ResultView
from ui.kit.forms import muted
from ui.kit.widgets import RowsModel, make_table

RESULT_HEADERS = ("#", "Leefgebied / thema", "Wet", "Resultaat (in eigen woorden)", "Voor wie",
                  "Streefdatum", "Acties", "Evaluatie")
ACTION_HEADERS = ("Wat", "Wie", "Niveau", "Dienst (sociale kaart)", "Start", "Einde", "Status")


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class ResultsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: PlanVersionView | None = None
        self.results = RowsModel(RESULT_HEADERS, self)
        self.results_table = make_table(self.results, stretch_column=3)
        numbers = self.results_table.horizontalHeader()
        numbers.setMinimumSectionSize(36)
        numbers.setSectionResizeMode(0, numbers.ResizeMode.ResizeToContents)
        self.add_result_button = QPushButton("&Resultaat toevoegen…")
        self.candidates_button = QPushButton("Suggesties uit &uitvraag…")
        self.edit_result_button = QPushButton("Resultaat &wijzigen…")
        self.law_button = QPushButton("Naar andere w&et…")
        self.remove_result_button = QPushButton("Resultaat verwijderen")
        self.actions_caption = QLabel()
        self.actions_caption.setStyleSheet("font-weight: bold;")
        self.action_rows = RowsModel(ACTION_HEADERS, self)
        self.actions_table = make_table(self.action_rows, stretch_column=0)
        self.add_action_button = QPushButton("&Actie toevoegen…")
        self.edit_action_button = QPushButton("Actie wijzi&gen…")
        self.remove_action_button = QPushButton("Actie verwijderen")
        self.empty = muted("Dit plan heeft nog geen resultaten. Voeg een resultaat toe in de "
                           "woorden van de inwoner, of neem een suggestie uit de uitvraag over.")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.results_table, 1)
        top_layout.addWidget(self.empty)
        top_layout.addLayout(_buttons(self.add_result_button, self.candidates_button,
                                      self.edit_result_button, self.law_button,
                                      self.remove_result_button))
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 6, 0, 0)
        bottom_layout.addWidget(self.actions_caption)
        bottom_layout.addWidget(self.actions_table, 1)
        bottom_layout.addLayout(_buttons(self.add_action_button, self.edit_action_button,
                                         self.remove_action_button))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.results_table.selectionModel().currentRowChanged.connect(
            lambda _new, _old: self._show_actions())

    def show_version(self, view: PlanVersionView, editable: bool) -> None:
        keep = self.selected_result()
        keep_action = self.selected_action()
        self.view = view
        rows = []
        for number, result in enumerate(view.results, start=1):
            outcome = view.evaluation.outcome_for(result.lineage_id) if view.evaluation else None
            rows.append((str(number), result.theme_label or result.domain_label,
                         result.law_label, result.text or "(nog in te vullen)",
                         result.member_name or "Huishouden", format_date(result.target_on),
                         str(len(result.actions)), outcome.outcome.label if outcome else ""))
        self.results.set_rows(rows, [r.lineage_id for r in view.results])
        self.results_table.setColumnHidden(7, view.evaluation is None)
        self.empty.setVisible(not view.results)
        self.results_table.setVisible(bool(view.results))
        row = self.results.keys.index(keep) if keep in self.results.keys else 0
        if view.results:
            self.results_table.selectRow(row)
        self._show_actions()
        if keep_action in self.action_rows.keys:
            self.actions_table.selectRow(self.action_rows.keys.index(keep_action))
        for button in (self.add_result_button, self.candidates_button,
                       self.edit_result_button, self.law_button, self.remove_result_button,
                       self.add_action_button, self.edit_action_button,
                       self.remove_action_button):
            button.setVisible(editable)
        has_result = bool(view.results)
        for button in (self.edit_result_button, self.law_button, self.remove_result_button,
                       self.add_action_button):
            button.setEnabled(has_result)
        self.candidates_button.setVisible(editable and view.kind.value == "plan")

    def _show_actions(self) -> None:
        result = self.current_result()
        if result is None:
            self.action_rows.set_rows([])
            self.actions_caption.setText("Acties")
            self._update_action_buttons()
            return
        self.actions_caption.setText(
            f"Acties bij resultaat {result.position + 1}: "
            f"{result.text[:70] or result.theme_label or result.domain_label}")
        self.action_rows.set_rows([
            (a.what, a.who_label, f"{a.support_level_rank}. {a.support_level_label}",
             a.service_label, format_date(a.start_on), format_date(a.due_on), a.status.label)
            for a in result.actions], [a.lineage_id for a in result.actions])
        if result.actions:
            self.actions_table.selectRow(0)
        self._update_action_buttons()

    def _update_action_buttons(self) -> None:
        has_action = self.action_rows.rowCount() > 0
        self.edit_action_button.setEnabled(has_action)
        self.remove_action_button.setEnabled(has_action)

    def selected_result(self) -> uuid.UUID | None:
        row = self.results_table.currentIndex().row()
        return self.results.keys[row] if 0 <= row < len(self.results.keys) else None

    def selected_action(self) -> uuid.UUID | None:
        row = self.actions_table.currentIndex().row()
        return self.action_rows.keys[row] if 0 <= row < len(self.action_rows.keys) else None

    def current_result(self) -> ResultView | None:
        lineage = self.selected_result()
        if self.view is None or lineage is None:
            return None
        return next((r for r in self.view.results if r.lineage_id == lineage), None)

    def select_result(self, row: int) -> None:
        self.results_table.selectRow(row)
