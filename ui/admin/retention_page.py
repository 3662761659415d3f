"""Bewaartermijnen: what is due for destruction, and the terms with their source.

The functioneel beheerder proposes a destruction and sets the terms; the teamleider approves
a proposal (after a confirmation that names what happens) or either withdraws it. Everything
runs through intake.retention, which checks who may do what.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake.core.context import Actor
from intake.core.roles import Role
from intake.retention import (
    DueDossier,
    TermView,
    approve_destruction,
    propose_destruction,
    retention_list,
    retention_terms,
    set_term,
    term_label,
    withdraw_destruction,
)
from intake.retention.terms import MAX_YEARS
from intake.store import Store
from ui.kit import forms
from ui.kit.dialogs import FormDialog
from ui.kit.forms import muted
from ui.kit.notice import Notice
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel, RowsModel, make_table

DUE_HEADERS = ("Dossiernummer", "Afgesloten", "Termijn", "Bewaren tot", "Voorstel")
TERM_HEADERS = ("Wet", "Jaren", "Standaard", "Bron")
APPROVE_TEXT = (
    "Dossier {number} wordt nu vernietigd. Alle gegevens van de inwoners verdwijnen voorgoed: "
    "namen, adres, BSN, antwoorden, notities en plannen. De hulpvragen, acties en uitkomsten "
    "blijven zonder persoonsgegevens bewaard voor de cijfers; de audittrail blijft compleet. "
    "Dit kan niet ongedaan worden gemaakt.")


class TermDialog(FormDialog):
    asks_before_discarding = False  # one number in a spin box: nothing typed worth a question

    def __init__(self, store: Store, actor: Actor, term: TermView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Bewaartermijn {term.label}")
        self.store, self.actor, self.term = store, actor, term
        self.saved: TermView | None = None
        self.years = QSpinBox()
        self.years.setRange(1, MAX_YEARS)
        self.years.setValue(term.years)
        self.years.setSuffix(" jaar")
        self.general = ErrorLabel()
        source = QLabel(f"Bron van de standaard ({term.shipped_years} jaar): {term.source}")
        source.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Termijn na afsluiting", self.years)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(source)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(480, 200)

    def submit(self) -> None:
        term, years = self.term, self.years.value()
        saved = Operation(self, self.store, self.actor,
                          lambda uow: set_term(uow, term.code, years, term.version)) \
            .failure(lambda error: self.general.show_message(error.message)).run()
        if saved is not None:
            self.saved = saved
            self.accept()


class RetentionPage(QWidget):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.due: list[DueDossier] = []
        self.terms: list[TermView] = []
        self.busy = False
        self._again = False
        beheerder = actor.role is Role.BEHEERDER
        self.show_all = QCheckBox("Ook dossiers die nog &niet aan de beurt zijn")
        self.caption = muted()
        self.due_model = RowsModel(DUE_HEADERS, self)
        self.due_table = make_table(self.due_model, stretch_column=4)
        self.propose_button = QPushButton("Vernietiging &voorstellen")
        self.approve_button = QPushButton("Vernietiging &goedkeuren…")
        self.withdraw_button = QPushButton("Voorstel &intrekken")
        self.propose_button.setVisible(beheerder)
        self.approve_button.setVisible(actor.role is Role.TEAMLEIDER)
        self.term_model = RowsModel(TERM_HEADERS, self)
        self.term_table = make_table(self.term_model, stretch_column=3)
        self.term_button = QPushButton("Termijn &wijzigen…")
        self.term_button.setVisible(beheerder)
        title = QLabel("Bewaartermijnen en vernietiging")
        title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        buttons = QHBoxLayout()
        for button in (self.propose_button, self.approve_button, self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        term_buttons = QHBoxLayout()
        term_buttons.addWidget(self.term_button)
        term_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(muted(
            "Een afgesloten dossier wordt bewaard zolang de langste termijn die erop van "
            "toepassing is. Daarna stelt de functioneel beheerder de vernietiging voor en keurt "
            "de teamleider haar goed."))
        layout.addWidget(self.show_all)
        layout.addWidget(self.caption)
        layout.addWidget(self.due_table, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Termijnen"))
        layout.addWidget(self.term_table, 1)
        layout.addLayout(term_buttons)
        self.show_all.toggled.connect(lambda _c: self.refresh())
        self.propose_button.clicked.connect(self.propose)
        self.approve_button.clicked.connect(self.approve)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.term_button.clicked.connect(self.edit_term)
        self.term_table.activated.connect(lambda _i: self.edit_term())
        self.due_table.selectionModel().currentRowChanged.connect(
            lambda _n, _o: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        """Reload off the UI thread: every closed dossier of a large store takes a moment."""
        if self.busy:
            self._again = True
            return
        self.busy = True
        self.caption.setText("Bezig met laden…")
        self._update_buttons()
        due_only = not self.show_all.isChecked()
        Operation(self, self.store, self.actor, lambda uow: (
            retention_list(uow, due_only=due_only), retention_terms(uow))) \
            .success(self._show).failure(lambda error: self.caption.setText(error.message)) \
            .always(self._ended).run_in_background()

    def _ended(self) -> None:
        self.busy = False
        if self._again:
            self._again = False
            self.refresh()
        else:
            self._update_buttons()

    def _show(self, found: tuple[list[DueDossier], list[TermView]]) -> None:
        if self._again:
            return  # a newer choice is waiting; this answer is out of date
        self.due, self.terms = found
        self.due_model.set_rows([
            (d.dossiernummer, f"{d.retention.closed_on:%d-%m-%Y}",
             f"{term_label(d.retention.term_code)} ({d.retention.years} jaar)",
             f"{d.retention.ends_on:%d-%m-%Y}",
             f"voorgesteld door {d.proposed_by}" if d.proposed_by else "") for d in self.due],
            [d.dossiernummer for d in self.due])
        self.term_model.set_rows([
            (t.label, str(t.years), str(t.shipped_years), t.source) for t in self.terms],
            [t.code for t in self.terms])
        self.caption.setText(f"{len(self.due)} dossiers" + (
            "" if self.show_all.isChecked() else " waarvan de bewaartermijn voorbij is"))
        if self.due:
            self.due_table.selectRow(0)
        self._update_buttons()

    def selected(self) -> DueDossier | None:
        row = self.due_table.currentIndex().row()
        return self.due[row] if 0 <= row < len(self.due) else None

    def _update_buttons(self) -> None:
        chosen = None if self.busy else self.selected()
        proposed = chosen is not None and bool(chosen.proposed_by)
        self.propose_button.setEnabled(chosen is not None and not proposed)
        self.approve_button.setEnabled(proposed)
        self.withdraw_button.setEnabled(proposed)
        self.term_button.setEnabled(not self.busy)

    def propose(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            number = chosen.dossiernummer
            Operation(self, self.store, self.actor,
                      lambda uow: propose_destruction(uow, number)).run()
            self.refresh()

    def approve(self) -> None:
        chosen = self.selected()
        if chosen is None or not Notice.confirm(
                self, APPROVE_TEXT.format(number=chosen.dossiernummer), "Dossier vernietigen",
                "Vernietigen", "Annuleren"):
            return
        number = chosen.dossiernummer
        self.busy = True
        self._update_buttons()
        # Off the UI thread: the store is rebuilt after the commit (VACUUM), which takes a
        # while on a large store.
        Operation(self, self.store, self.actor, lambda uow: approve_destruction(uow, number)) \
            .with_progress("Het dossier wordt vernietigd…", cancellable=False) \
            .success(lambda _report: Notice.info(self, f"Dossier {number} is vernietigd.")) \
            .always(self._destroyed).run_in_background()

    def _destroyed(self) -> None:
        self.busy = False
        self.refresh()

    def withdraw(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            number = chosen.dossiernummer
            Operation(self, self.store, self.actor,
                      lambda uow: withdraw_destruction(uow, number)).run()
            self.refresh()

    def edit_term(self) -> None:
        row = self.term_table.currentIndex().row()
        if self.actor.role is not Role.BEHEERDER or not 0 <= row < len(self.terms):
            return
        dialog = TermDialog(self.store, self.actor, self.terms[row], self)
        if forms.accepted(dialog):
            self.refresh()
