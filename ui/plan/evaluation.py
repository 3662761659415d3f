"""Evaluating the version in force: an outcome and a note per result, the resident's
satisfaction, then a next version or closing the case with a reason."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from intake.core.errors import ValidationError
from intake.plans import Decision, EvaluationInput, Outcome, OutcomeInput, PlanVersionView
from ui.kit.dialogs import FormDialog
from ui.kit.forms import DateField, muted
from ui.kit.widgets import ErrorLabel, show_field_errors, with_error

SaveEvaluation = Callable[[EvaluationInput], bool]
SATISFACTION = ("Niet gevraagd", "1 – zeer ontevreden", "2 – ontevreden", "3 – neutraal",
                "4 – tevreden", "5 – zeer tevreden")


class EvaluationDialog(FormDialog):
    def __init__(self, view: PlanVersionView, today: date, save: SaveEvaluation,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Evaluatie van versie {view.number}")
        self._save = save
        self.evaluated_on = DateField(today)
        self.outcomes: dict[uuid.UUID, tuple[QComboBox, QLineEdit]] = {}
        self.errors: dict[str, ErrorLabel] = {name: ErrorLabel() for name in
                                              ("evaluated_on", "satisfaction", "closing_reason",
                                               "outcomes")}
        grid = QGridLayout()
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        for column, title in enumerate(("Resultaat", "Uitkomst", "Toelichting")):
            header = QLabel(title)
            header.setStyleSheet("font-weight: bold;")
            grid.addWidget(header, 0, column)
        for index, result in enumerate(view.results, start=1):
            text = QLabel(f"{index}. {result.text or result.theme_label or result.domain_label}"
                          f"\n{result.domain_label} · {result.law_label}")
            text.setWordWrap(True)
            outcome = QComboBox()
            outcome.addItem("Kies…", None)
            for item in Outcome:
                outcome.addItem(item.label, item.value)
            note = QLineEdit()
            note.setPlaceholderText("Wat is er bereikt, wat niet?")
            error = ErrorLabel()
            self.errors[f"result{index}.outcome"] = error
            self.errors[f"result{index}.note"] = error
            row = index * 2 - 1
            grid.addWidget(text, row, 0)
            grid.addWidget(outcome, row, 1)
            grid.addWidget(note, row, 2)
            grid.addWidget(error, row + 1, 0, 1, 3)
            self.outcomes[result.id] = (outcome, note)
        grid.setRowStretch(len(view.results) * 2 + 1, 1)  # rows stay together at the top
        results = QWidget()
        results.setLayout(grid)
        scroll = QScrollArea()
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(results)
        scroll.setWidgetResizable(True)
        self.satisfaction = QComboBox()
        for number, words in enumerate(SATISFACTION):
            self.satisfaction.addItem(words, number or None)
        self.note = QLineEdit()
        self.next_version = QRadioButton("&Nieuwe planversie maken (het plan loopt door)")
        self.close_case = QRadioButton("Zaak &afsluiten")
        self.next_version.setChecked(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Reden van afsluiten, bijv. doelen behaald")
        self.general = ErrorLabel()
        self._lay_out(scroll)
        self.close_case.toggled.connect(self.reason.setEnabled)
        self.reason.setEnabled(False)
        self.resize(820, 560)

    def _lay_out(self, results: QWidget) -> None:
        form = QFormLayout()
        form.addRow("&Datum evaluatie", with_error(self.evaluated_on,
                                                   self.errors["evaluated_on"]))
        box = QGroupBox("Per resultaat")
        QVBoxLayout(box).addWidget(results)
        after = QFormLayout()
        after.addRow("&Tevredenheid inwoner",
                     with_error(self.satisfaction, self.errors["satisfaction"]))
        after.addRow("", muted("Hoe tevreden is de inwoner over hoe de vraag is opgepakt?"))
        after.addRow("Opmerking", self.note)
        after.addRow("Daarna", self.next_version)
        after.addRow("", self.close_case)
        after.addRow("&Reden", with_error(self.reason, self.errors["closing_reason"]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Evaluatie &vastleggen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box, 1)
        layout.addLayout(after)
        layout.addWidget(self.errors["outcomes"])
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def set_outcome(self, result_id: uuid.UUID, outcome: Outcome, note: str = "") -> None:
        combo, line = self.outcomes[result_id]
        combo.setCurrentIndex(combo.findData(outcome.value))
        line.setText(note)

    @property
    def decision(self) -> Decision:
        return Decision.AFSLUITEN if self.close_case.isChecked() else Decision.VOLGENDE_VERSIE

    def collect(self) -> tuple[EvaluationInput | None, dict[str, str]]:
        problems: dict[str, str] = {}
        evaluated_on = self.evaluated_on.date_value()
        if evaluated_on is None:
            problems["evaluated_on"] = "Vul de datum van de evaluatie in als dd-mm-jjjj."
        outcomes = {}
        for index, (result_id, (combo, note)) in enumerate(self.outcomes.items(), start=1):
            if combo.currentData() is None:
                problems[f"result{index}.outcome"] = f"Resultaat {index}: kies de uitkomst."
            else:
                outcomes[result_id] = OutcomeInput(Outcome(combo.currentData()), note.text())
        if problems or evaluated_on is None:
            return None, problems
        return EvaluationInput(evaluated_on=evaluated_on, outcomes=outcomes,
                               decision=self.decision,
                               satisfaction=self.satisfaction.currentData(),
                               closing_reason=self.reason.text() if self.close_case.isChecked()
                               else "", note=self.note.text()), {}

    def submit(self) -> None:
        data, problems = self.collect()
        if data is None:
            show_field_errors(self.errors, problems, self.general)
            return
        try:
            saved = self._save(data)
        except ValidationError as error:
            show_field_errors(self.errors, error.fields, self.general)
            return
        if saved:
            self.accept()
