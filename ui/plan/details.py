"""The plan-wide part of a version: regisseur, aanspreekpunt, professionals, strengths and
worries, earlier help, client support, evaluation moments, and the agreement (read-only here).

The form remembers whether the person typed something since it was filled; a reload after a
conflict leaves typed text alone, so nothing is lost and nothing is overwritten unasked.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake.core.errors import ValidationError
from intake.core.validation import format_date, parse_date
from intake.plans import (
    EvaluationMomentInput,
    PlanVersionView,
    ProfessionalInput,
    VersionDetailsInput,
)
from intake.store.colleagues import Colleague
from ui.kit.forms import muted
from ui.kit.widgets import ErrorLabel, show_field_errors, with_error

SaveDetails = Callable[[VersionDetailsInput], bool]


def _text_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(72)
    return box


class _Grid(QWidget):
    """An editable little table with add/remove buttons (professionals, evaluation moments)."""

    edited = Signal()

    def __init__(self, headers: Sequence[str], add_text: str) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(150)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton("Verwijderen")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.append(["" for _ in headers]))
        self.remove_button.clicked.connect(self._remove)
        self.table.itemChanged.connect(lambda _item: self.edited.emit())

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in rows:
            self._insert(row)
        self.table.blockSignals(False)

    def _insert(self, values: Sequence[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def append(self, values: Sequence[str]) -> None:
        self._insert(values)
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.edited.emit()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def rows(self) -> list[list[str]]:
        found = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(self.table.columnCount())]
            values = [cell.text().strip() if cell is not None else "" for cell in cells]
            if any(values):
                found.append(values)
        return found

    def set_editable(self, editable: bool) -> None:
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers if editable
                                   else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)


class DetailsForm(QScrollArea):
    def __init__(self, colleagues: Sequence[Colleague], save: SaveDetails,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.dirty = False
        self.editable = False
        self._filling = False  # True while the form is filled from a view, not typed in
        self.regisseur = QComboBox()
        self.regisseur.addItem("Nog geen regisseur", None)
        for colleague in colleagues:
            self.regisseur.addItem(colleague.label, str(colleague.id))
        self.aanspreekpunt = QLineEdit()
        self.aanspreekpunt.setPlaceholderText("Bij wie kan de inwoner terecht met vragen?")
        self.contact = QLineEdit()
        self.contact.setPlaceholderText("Telefoon of e-mail")
        self.professionals = _Grid(("Naam", "Organisatie", "Rol", "Contact"),
                                   "Professional toevoegen")
        self.strengths = _text_box("Wat gaat goed, wat kan de inwoner zelf, wie helpt er?")
        self.worries = _text_box("Waar maken de inwoner en u zich zorgen over?")
        self.earlier_help = _text_box("Welke hulp was er eerder en wat werkte wel of niet?")
        self.client_support = QCheckBox("Onafhankelijke cliëntondersteuning is aangeboden")
        self.moments = _Grid(("Datum (dd-mm-jjjj)", "Omschrijving"), "Moment toevoegen")
        self.agreement = muted()
        self.save_button = QPushButton("Gegevens &opslaan")
        self.state = muted()
        self.errors = {name: ErrorLabel() for name in
                       ("regisseur_id", "aanspreekpunt", "aanspreekpunt_contact",
                        "professionals", "strengths", "worries", "earlier_help",
                        "evaluation_moments")}
        self.general = ErrorLabel()
        self._lay_out()
        self._connect_edits()

    def _lay_out(self) -> None:
        people = QGroupBox("Regie en contact")
        form = QFormLayout(people)
        form.addRow("&Regisseur", with_error(self.regisseur, self.errors["regisseur_id"]))
        form.addRow("&Aanspreekpunt", with_error(self.aanspreekpunt,
                                                 self.errors["aanspreekpunt"]))
        form.addRow("&Contact", with_error(self.contact, self.errors["aanspreekpunt_contact"]))
        form.addRow("Betrokken professionals",
                    with_error(self.professionals, self.errors["professionals"]))
        story = QGroupBox("Situatie")
        form = QFormLayout(story)
        form.addRow("&Krachten", with_error(self.strengths, self.errors["strengths"]))
        form.addRow("&Zorgen", with_error(self.worries, self.errors["worries"]))
        form.addRow("&Eerdere hulp", with_error(self.earlier_help, self.errors["earlier_help"]))
        agreement = QGroupBox("Afspraken")
        form = QFormLayout(agreement)
        form.addRow("", self.client_support)
        form.addRow("Evaluatiemomenten",
                    with_error(self.moments, self.errors["evaluation_moments"]))
        form.addRow("", muted("Zonder evaluatiemoment plant het akkoord er één, drie maanden "
                              "na de datum van akkoord."))
        form.addRow("Akkoord", self.agreement)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.state, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(people)
        layout.addWidget(story)
        layout.addWidget(agreement)
        layout.addWidget(self.general)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.save_button.clicked.connect(self.submit)

    def _connect_edits(self) -> None:
        for line in (self.aanspreekpunt, self.contact):
            line.textEdited.connect(lambda _t: self._mark_dirty())
        for box in (self.strengths, self.worries, self.earlier_help):
            box.textChanged.connect(self._mark_dirty)
        self.regisseur.activated.connect(lambda _i: self._mark_dirty())
        self.client_support.clicked.connect(lambda _c: self._mark_dirty())
        self.professionals.edited.connect(self._mark_dirty)
        self.moments.edited.connect(self._mark_dirty)

    def _mark_dirty(self) -> None:
        if self.editable and not self._filling:
            self.dirty = True
            self.state.setText("Niet opgeslagen wijzigingen")

    def show_version(self, view: PlanVersionView, can_edit: bool, *,
                     keep_typed: bool = False) -> None:
        """Fill from ``view``, unless the person has unsaved typing and ``keep_typed``."""
        self.editable = can_edit and view.editable
        if not (keep_typed and self.dirty):
            self._filling = True
            self._fill(view)
            self._filling = False
            self.dirty = False
            self.state.setText("")
        for widget in (self.aanspreekpunt, self.contact):
            widget.setReadOnly(not self.editable)
        for box in (self.strengths, self.worries, self.earlier_help):
            box.setReadOnly(not self.editable)
        self.regisseur.setEnabled(self.editable)
        self.client_support.setEnabled(self.editable)
        self.professionals.set_editable(self.editable)
        self.moments.set_editable(self.editable)
        self.save_button.setEnabled(self.editable)
        self.save_button.setVisible(can_edit)
        agreed = "Nog niet akkoord"
        if view.agreed_on is not None:
            how = view.agreed_how.label.lower() if view.agreed_how else ""
            agreed = (f"{format_date(view.agreed_on)}, {how}; vastgelegd door "
                      f"{view.agreed_recorded_by}")
        self.agreement.setText(agreed)

    def _fill(self, view: PlanVersionView) -> None:
        index = self.regisseur.findData(str(view.regisseur_id))
        if index < 0 and view.regisseur_id is not None:
            self.regisseur.addItem(view.regisseur_name, str(view.regisseur_id))
            index = self.regisseur.count() - 1
        self.regisseur.setCurrentIndex(max(index, 0))
        self.aanspreekpunt.setText(view.aanspreekpunt)
        self.contact.setText(view.aanspreekpunt_contact)
        self.strengths.setPlainText(view.strengths)
        self.worries.setPlainText(view.worries)
        self.earlier_help.setPlainText(view.earlier_help)
        self.client_support.setChecked(view.client_support_offered)
        self.professionals.set_rows([(p.name, p.organisation, p.role, p.contact)
                                     for p in view.professionals])
        self.moments.set_rows([(format_date(m.due_on), m.label)
                               for m in view.evaluation_moments])

    def collect(self) -> tuple[VersionDetailsInput, dict[str, str]]:
        problems: dict[str, str] = {}
        moments = []
        for index, (day, label) in enumerate(self.moments.rows(), start=1):
            parsed = parse_date(day)
            if parsed is None:
                problems["evaluation_moments"] = (
                    f"Evaluatiemoment {index}: schrijf de datum als dd-mm-jjjj.")
            else:
                moments.append(EvaluationMomentInput(parsed, label))
        chosen = self.regisseur.currentData()
        regisseur = uuid.UUID(chosen) if chosen else None
        data = VersionDetailsInput(
            regisseur_id=regisseur, aanspreekpunt=self.aanspreekpunt.text().strip(),
            aanspreekpunt_contact=self.contact.text().strip(),
            client_support_offered=self.client_support.isChecked(),
            strengths=self.strengths.toPlainText(), worries=self.worries.toPlainText(),
            earlier_help=self.earlier_help.toPlainText(),
            professionals=[ProfessionalInput(*row) for row in self.professionals.rows()],
            evaluation_moments=moments)
        return data, problems

    def submit(self) -> bool:
        data, problems = self.collect()
        if problems:
            show_field_errors(self.errors, problems, self.general)
            return False
        try:
            saved = self._save(data)
        except ValidationError as error:
            named = {("professionals" if key.startswith("professional") else key): message
                     for key, message in error.fields.items()}
            show_field_errors(self.errors, named, self.general)
            return False
        if saved:
            show_field_errors(self.errors, {}, self.general)
            self.dirty = False
            self.state.setText("Opgeslagen")
        else:
            self.state.setText("Niet opgeslagen: uw tekst staat er nog. Controleer het en "
                               "kies opnieuw Opslaan.")
        return saved
