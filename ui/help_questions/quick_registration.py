"""Quick registration of a help question where it is found (POH-jeugd, school, wijkteam).

Find or create the household, the question in one line, the type, the outcome; vindplaats
and channel come from the person's account, and the types they register most come first, the
most used one chosen. Beyond typing the question, by keyboard: name, Enter, Enter, question,
Enter saves "direct geholpen" (four); Alt+N, where to, Enter instead saves "doorverwezen"
(six). "Verder met brede uitvraag" saves and continues into the full intake, linked to this
help question.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from intake.catalogues.stored import (
    OUTCOME_CLOSED,
    OUTCOME_DIRECT,
    OUTCOME_INTAKE,
    OUTCOME_REFERRED,
    CatalogueEntryView,
    CatalogueKind,
    entries,
)
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import KnownError, ValidationError
from intake.help_questions.registration import (
    HelpQuestionInput,
    HelpQuestionView,
    default_channel,
    default_vindplaats,
    most_used_types,
    register_help_question,
)
from intake.register import search
from intake.register.households import HouseholdView
from intake.store import Store
from intake.uitvraag.flow import open_intake, start_intake
from intake.uitvraag.views import IntakeView
from ui.kit.changes import HouseholdChanged
from ui.kit.dialogs import FormDialog
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel, make_table, with_error
from ui.register.household_dialog import HouseholdDialog
from ui.register.need_to_know import open_with_reason
from ui.register.search_page import HouseholdTableModel, hits_with_flags
from ui.uitvraag.launch import show_wizard
from ui.uitvraag.start_dialog import fill_catalogue
from ui.uitvraag.wizard import IntakeWizard

T = TypeVar("T")
DEBOUNCE_MS = 200
WHOLE_HOUSEHOLD = "Het hele huishouden"
OUTCOME_TEXTS = {OUTCOME_DIRECT: "&Direct geholpen", OUTCOME_INTAKE: "Brede &uitvraag",
                 OUTCOME_REFERRED: "Doorverwezen &naar…", OUTCOME_CLOSED: "Afges&loten"}


def fill_types(box: QComboBox, items: list[CatalogueEntryView], most_used: list[str]) -> None:
    """The types in catalogue order, the person's most used ones first (the first chosen),
    then a line and the rest; without a history nothing is chosen."""
    first = [item for code in most_used for item in items if item.code == code]
    fill_catalogue(box, first + [item for item in items if item not in first],
                   first[0].code if first else "")
    if first:
        box.insertSeparator(len(first) + 1)


class _EnterKey(QObject):
    """Enter on the search field or the results does its own job instead of pressing the
    dialog's default button (saving)."""

    pressed = Signal(QObject)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.pressed.emit(watched)
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down and isinstance(watched, QLineEdit):
            self.pressed.emit(None)
            return True
        return False


class QuickRegistrationDialog(FormDialog):
    def __init__(self, store: Store, actor: Actor, household: HouseholdView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.household: HouseholdView | None = None
        self.saved: HelpQuestionView | None = None
        self.wizard: IntakeWizard | None = None
        self.setWindowTitle("Melding registreren")
        self._build()
        self._lay_out(fixed_household=household is not None)
        self._connect()
        if household is not None:
            self.choose(household)
        else:
            self.search_field.setFocus()

    @classmethod
    def ask(cls, store: Store, actor: Actor, household: HouseholdView | None = None,
            parent: QWidget | None = None) -> HelpQuestionView | None:
        dialog = cls(store, actor, household, parent)
        dialog.exec()
        return dialog.saved

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            "Naam, postcode + huisnummer, geboortedatum of BSN; Enter")
        self.search_field.setClearButtonEnabled(True)
        self.results = HouseholdTableModel(self)
        self.table = make_table(self.results)
        self.table.setMaximumHeight(120)
        self.new_button = QPushButton("N&ieuw huishouden…")
        self.chosen = QLabel("Nog geen huishouden gekozen.")
        self.chosen.setStyleSheet("font-weight: bold;")
        self.type_box = QComboBox()
        self.question = QLineEdit()
        self.question.setPlaceholderText("De vraag in één regel, zoals de inwoner hem stelt")
        self.question.setMaxLength(300)
        self.member_box = QComboBox()
        self.outcomes = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        self.referral = QLineEdit()
        self.referral.setPlaceholderText("Naar welke dienst of organisatie")
        self.vindplaats = QComboBox()
        self.channel = QComboBox()
        def read(uow: UnitOfWork) -> list[CatalogueEntryView]:
            fill_types(self.type_box, entries(uow, CatalogueKind.HULPVRAAGTYPE),
                       most_used_types(uow))
            fill_catalogue(self.vindplaats, entries(uow, CatalogueKind.VINDPLAATS),
                           default_vindplaats(uow))
            fill_catalogue(self.channel, entries(uow, CatalogueKind.KANAAL),
                           default_channel(uow))
            return entries(uow, CatalogueKind.UITKOMST)

        # Without its catalogues the dialog cannot work: a refusal goes to whoever opens it.
        outcomes = Operation(self, self.store, self.actor, read).call()
        for number, item in enumerate(outcomes):
            button = QRadioButton(OUTCOME_TEXTS.get(item.code, item.label))
            self.outcomes.addButton(button, number)
            self.outcome_buttons[item.code] = button
        first = self.outcome_buttons.get(OUTCOME_DIRECT) or next(iter(
            self.outcome_buttons.values()))
        first.setChecked(True)
        self.member_box.addItem(WHOLE_HOUSEHOLD, None)
        names = ("household", "type_code", "question", "member_id", "outcome_code",
                 "referral_target", "vindplaats_code", "channel_code", "registered_on")
        self.errors = {name: ErrorLabel() for name in names}
        self.message = ErrorLabel()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("&Opslaan",
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.intake_button = self.buttons.addButton("Verder met brede uitv&raag",
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        self.new_button.setAutoDefault(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._keys = _EnterKey(self)
        self.search_field.installEventFilter(self._keys)
        self.table.installEventFilter(self._keys)

    def _lay_out(self, *, fixed_household: bool) -> None:
        form = QFormLayout()
        finder = QWidget()
        finder_layout = QVBoxLayout(finder)
        finder_layout.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        line.addWidget(self.search_field, 1)
        line.addWidget(self.new_button)
        finder_layout.addLayout(line)
        finder_layout.addWidget(self.table)
        finder_layout.addWidget(self.chosen)
        finder_layout.addWidget(self.errors["household"])
        if fixed_household:
            for widget in (self.search_field, self.new_button, self.table):
                widget.hide()
        form.addRow("&Huishouden:", finder)
        form.addRow("&Vraag:", with_error(self.question, self.errors["question"]))
        form.addRow("&Soort:", with_error(self.type_box, self.errors["type_code"]))
        outcome = QWidget()
        outcome_layout = QVBoxLayout(outcome)
        outcome_layout.setContentsMargins(0, 0, 0, 0)
        outcome_layout.setSpacing(2)
        for code, button in self.outcome_buttons.items():
            outcome_layout.addWidget(button)
            if code == OUTCOME_REFERRED:
                outcome_layout.addWidget(self.referral)
                outcome_layout.addWidget(self.errors["referral_target"])
        outcome_layout.addWidget(self.errors["outcome_code"])
        self.referral.hide()
        form.addRow("Uitkomst:", outcome)
        form.addRow("Voor &wie:", with_error(self.member_box, self.errors["member_id"]))
        form.addRow("Vind&plaats:", with_error(self.vindplaats, self.errors["vindplaats_code"]))
        form.addRow("&Kanaal:", with_error(self.channel, self.errors["channel_code"]))
        label = form.labelForField(finder)
        if isinstance(label, QLabel):
            label.setBuddy(self.search_field if not fixed_household else self.question)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.errors["registered_on"])
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)  # once it belongs to the dialog, or it won't take
        self.resize(640, 500 if not fixed_household else 360)
        chain: list[QWidget] = [self.search_field, self.table, self.new_button, self.question,
                                self.type_box, *self.outcome_buttons.values(), self.referral,
                                self.member_box, self.vindplaats, self.channel,
                                *self.buttons.buttons()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.search_field.textChanged.connect(lambda _text: self._timer.start())
        self._timer.timeout.connect(self.search)
        self._keys.pressed.connect(self._enter)
        self.table.activated.connect(lambda index: self._choose_row(index.row()))
        self.new_button.clicked.connect(self.new_household)
        referred = self.outcome_buttons.get(OUTCOME_REFERRED)
        if referred is not None:
            referred.toggled.connect(self._referral_toggled)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.intake_button.clicked.connect(self.continue_into_intake)

    # ------------------------------------------------------------ the household

    def search(self) -> None:
        self._timer.stop()
        query = self.search_field.text().strip()
        if len(query) < search.MIN_CHARS:
            self.results.set_hits([])
            return
        found = self._operation(lambda uow: hits_with_flags(
            uow, search.search_households(uow, query))).failure(self._household_error).run()
        if found is None:
            return
        hits, flags = found
        self.results.set_hits(hits, flags)
        self.errors["household"].show_message("" if hits else "Geen huishouden gevonden. "
                                              "Maak er een aan met Nieuw huishouden.")
        if hits:
            self.table.selectRow(0)

    def _enter(self, watched: QObject | None) -> None:
        if watched is self.table:
            self._choose_current()
            return
        if watched is self.search_field:
            self.search()
        if self.results.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)

    def _choose_current(self) -> None:
        self._choose_row(self.table.currentIndex().row())

    def _choose_row(self, row: int) -> None:
        if not 0 <= row < self.results.rowCount():
            return
        household_id = self.results.household_id(row)
        view = open_with_reason(self, self.store, self.actor, household_id)
        if view is not None:
            self.choose(view)

    def _operation(self, op: Callable[[UnitOfWork], T]) -> Operation[T]:
        return Operation(self, self.store, self.actor, op)

    def _household_error(self, error: KnownError) -> None:
        self.errors["household"].show_message(error.message)

    def new_household(self) -> None:
        created = HouseholdDialog.ask(self.store, self.actor, None, self)
        if created is not None:
            self.choose(created)

    def choose(self, view: HouseholdView) -> None:
        self.household = view
        self.chosen.setText(f"{view.title} · {view.dossiernummer} · {view.address}")
        self.errors["household"].show_message("")
        self.member_box.clear()
        self.member_box.addItem(WHOLE_HOUSEHOLD, None)
        for member in view.members:
            self.member_box.addItem(member.name, member.id)
        self.question.setFocus()

    # ------------------------------------------------------------ saving

    def _referral_toggled(self, on: bool) -> None:
        self.referral.setVisible(on)
        if on:
            self.referral.setFocus()

    def outcome_code(self) -> str:
        checked = self.outcomes.checkedButton()
        return next((code for code, b in self.outcome_buttons.items() if b is checked), "")

    def collect(self, outcome: str | None = None) -> HelpQuestionInput:
        return HelpQuestionInput(
            type_code=self.type_box.currentData() or "",
            outcome_code=outcome or self.outcome_code(), question=self.question.text(),
            vindplaats_code=self.vindplaats.currentData() or "",
            channel_code=self.channel.currentData() or "",
            member_id=self.member_box.currentData(),
            referral_target=self.referral.text() if self.outcome_code() == OUTCOME_REFERRED
            else "")

    def _show_errors(self, fields: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.show_message(fields.get(name, ""))
        unknown = [text for name, text in fields.items() if name not in self.errors]
        self.message.show_message(" ".join(unknown))

    def _ready(self) -> HouseholdView | None:
        if self.household is None:
            self._show_errors({"household": "Kies eerst een huishouden, of maak er een aan."})
            return None
        self._show_errors({})
        return self.household

    def save(self) -> None:
        household = self._ready()
        if household is None:
            return
        data = self.collect()
        saved = self._saving(lambda uow: register_help_question(uow, household.id, data),
                             household).run()
        if saved is not None:
            self.saved = saved
            self.accept()

    def _saving(self, op: Callable[[UnitOfWork], T], household: HouseholdView) -> Operation[T]:
        """A save that announces the household changed, so its open page shows it."""
        return Operation(self, self.store, self.actor, op,
                         changes=HouseholdChanged(household.id)) \
            .on(ValidationError, lambda error: self._show_errors(error.fields)) \
            .failure(lambda error: self.message.show_message(error.message))

    def continue_into_intake(self) -> None:
        """Save with outcome 'brede uitvraag' and open the wizard, linked to this question
        (an intake already open for the household is resumed and linked instead)."""
        household = self._ready()
        if household is None:
            return
        data = self.collect(OUTCOME_INTAKE)

        def work(uow: UnitOfWork) -> tuple[HelpQuestionView, IntakeView]:
            current = open_intake(uow, household.id)
            if current is not None:
                data.intake_id = current.id
            saved = register_help_question(uow, household.id, data)
            if current is None:
                current = start_intake(uow, household.id, saved.channel_code,
                                       saved.vindplaats_code, help_question_id=saved.id)
            return saved, current

        done = self._saving(work, household).run()
        if done is None:
            return
        saved, current = done
        self.saved = saved
        self.accept()
        # Held here too: without a parent window nothing else keeps the wizard alive.
        self.wizard = show_wizard(self.store, self.actor, current.id, household.title,
                                  self.parentWidget())


def register_quickly(store: Store, actor: Actor, parent: QWidget | None = None,
                     household: HouseholdView | None = None) -> HelpQuestionView | None:
    """Open the quick registration; on a main window the status bar confirms the save."""
    saved = QuickRegistrationDialog.ask(store, actor, household, parent)
    if saved is not None and isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(
            f"Hulpvraag vastgelegd: {saved.type_label} ({saved.outcome_text}).", 8000)
    return saved
