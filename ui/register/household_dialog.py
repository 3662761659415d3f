"""Create or edit a household: address, members and network in one dialog, saved at once.

The domain's own ``validate`` runs whenever a field is left, so the inline messages are the
same ones a save would give; only the date format is read here.
"""

from __future__ import annotations

import re
from itertools import pairwise

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from intake.core.clock import today
from intake.core.context import Actor
from intake.core.errors import ValidationError
from intake.core.validation import format_postcode, normalise_postcode
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    PossibleDuplicateError,
    create_household,
    update_household,
    validate,
)
from intake.store import Store
from ui.kit.changes import HouseholdChanged
from ui.kit.dialogs import FormDialog
from ui.kit.notice import Notice
from ui.kit.operation import Operation
from ui.kit.widgets import ERROR_STYLE, ErrorLabel, with_error
from ui.register.member_rows import MEMBER_COLUMNS, NETWORK_COLUMNS, MemberRow, NetworkRow, RowList

DEFAULT_CITY = "Hengelo"
ADDRESS_FIELDS = ("street", "house_number", "postcode", "city", "phone", "email")
_ROW_PREFIX = re.compile(r"^(Gezinslid|Netwerkcontact) \d+: ")


def _row_message(text: str) -> str:
    """'Gezinslid 2: vul …' reads as 'Vul …' right under that member's row."""
    short = _ROW_PREFIX.sub("", text)
    return short[:1].upper() + short[1:]


class HouseholdDialog(FormDialog):
    def __init__(self, store: Store, actor: Actor, view: HouseholdView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.view = view
        self.saved: HouseholdView | None = None
        self.setWindowTitle(f"Huishouden wijzigen – {view.dossiernummer}" if view
                            else "Nieuw huishouden")
        data = view.to_input() if view else HouseholdInput("", "", "", DEFAULT_CITY)
        self._build_address(data)
        self.members = RowList(MEMBER_COLUMNS, "Gezinslid &toevoegen",
                               "Nog geen gezinsleden. Een huishouden heeft er minstens één.")
        self.network = RowList(NETWORK_COLUMNS, "Netwerkcontact t&oevoegen",
                               "Nog geen netwerk: familie, buren of vrienden die kunnen helpen.")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.banner.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Opslaan", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("Annuleren",
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self._lay_out()
        for member in data.members or [MemberInput("", "", MemberRole.OUDER)]:
            self.members.append(MemberRow(member))
        for contact in data.network:
            self.network.append(NetworkRow(contact))
        self._connect_signals()
        self._fix_tab_order()
        self.street.setFocus()

    @classmethod
    def ask(cls, store: Store, actor: Actor, view: HouseholdView | None = None,
            parent: QWidget | None = None) -> HouseholdView | None:
        dialog = cls(store, actor, view, parent)
        dialog.exec()
        return dialog.saved

    def _build_address(self, data: HouseholdInput) -> None:
        self.street = QLineEdit(data.street)
        self.house_number = QLineEdit(data.house_number)
        self.house_number.setFixedWidth(80)
        self.suffix = QLineEdit(data.house_number_suffix)
        self.suffix.setFixedWidth(60)
        self.suffix.setAccessibleName("Toevoeging")
        self.postcode = QLineEdit(format_postcode(data.postcode))
        self.postcode.setPlaceholderText("1234 AB")
        self.postcode.setFixedWidth(100)
        self.city = QLineEdit(data.city)
        self.phone = QLineEdit(data.phone)
        self.email = QLineEdit(data.email)
        for field, width in ((self.street, 360), (self.city, 240), (self.phone, 200),
                             (self.email, 320)):
            field.setMaximumWidth(width)
        self.errors = {name: ErrorLabel() for name in ADDRESS_FIELDS}
        self._touched: set[str] = set()
        for name in ADDRESS_FIELDS:
            self._field(name).editingFinished.connect(lambda name=name: self._left(name))
        self.suffix.editingFinished.connect(lambda: self._left("house_number"))

    def _field(self, name: str) -> QLineEdit:
        field: QLineEdit = getattr(self, name)
        return field

    def _lay_out(self) -> None:
        number_line = QHBoxLayout()
        number_line.setContentsMargins(0, 0, 0, 0)
        number_line.addWidget(self.house_number)
        number_line.addSpacing(12)
        number_line.addWidget(QLabel("Toevoeging:"))
        number_line.addWidget(self.suffix)
        number_line.addStretch(1)
        number_box = QWidget()
        number_box.setLayout(number_line)
        form = QFormLayout()
        form.addRow("&Straat:", with_error(self.street, self.errors["street"]))
        form.addRow("&Huisnummer:", with_error(number_box, self.errors["house_number"]))
        form.addRow("&Postcode:", with_error(self.postcode, self.errors["postcode"]))
        form.addRow("&Woonplaats:", with_error(self.city, self.errors["city"]))
        form.addRow("Tele&foon:", with_error(self.phone, self.errors["phone"]))
        form.addRow("&E-mail:", with_error(self.email, self.errors["email"]))
        address = QGroupBox("Adres en contact")
        address.setLayout(form)
        members = QGroupBox("Gezinsleden")
        QVBoxLayout(members).addWidget(self.members)
        network = QGroupBox("Netwerk")
        QVBoxLayout(network).addWidget(self.network)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(address)
        body_layout.addWidget(members)
        body_layout.addWidget(network)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(980, 600)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        self.members.changed.connect(self.check)
        self.network.changed.connect(self.check)
        self.members.add_button.clicked.connect(lambda: self._add_row(self.members, MemberRow()))
        self.network.add_button.clicked.connect(lambda: self._add_row(self.network, NetworkRow()))

    def _add_row(self, rows: RowList, row: MemberRow | NetworkRow) -> None:
        rows.append(row)
        self._fix_tab_order()
        row.fields[0].setFocus()

    def _fix_tab_order(self) -> None:
        """Rows added later would otherwise come last in the tab order."""
        chain: list[QWidget] = [self.street, self.house_number, self.suffix, self.postcode,
                                self.city, self.phone, self.email,
                                *self.members.focus_chain(), *self.network.focus_chain(),
                                self.save_button, self.cancel_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _left(self, name: str) -> None:
        if name == "postcode":
            normal = normalise_postcode(self.postcode.text())
            if normal:
                self.postcode.setText(format_postcode(normal))
        self._touched.add(name)
        self.check()

    def collect(self) -> tuple[HouseholdInput, dict[str, str]]:
        """What is on screen, plus messages for dates that cannot be read."""
        problems: dict[str, str] = {}
        members: list[MemberInput] = []
        for index, row in enumerate(self.members.rows, start=1):
            assert isinstance(row, MemberRow)
            member, problem = row.to_input()
            if problem:
                problems[f"member{index}.date_of_birth"] = problem
            members.append(member)
        network = [row.to_input() for row in self.network.rows if isinstance(row, NetworkRow)]
        data = HouseholdInput(
            street=self.street.text(), house_number=self.house_number.text(),
            postcode=self.postcode.text(), city=self.city.text(),
            house_number_suffix=self.suffix.text(), phone=self.phone.text(),
            email=self.email.text(), members=members, network=network)
        return data, problems

    def check(self) -> dict[str, str]:
        """Validate what is on screen and show the messages of the fields already visited."""
        data, problems = self.collect()
        try:
            validate(data, today())
        except ValidationError as error:
            problems = {**error.fields, **problems}
        self.show_errors(problems)
        return problems

    def show_errors(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.show_message(problems.get(name, "") if name in self._touched else "")
        for prefix, rows in (("member", self.members), ("network", self.network)):
            for index, row in enumerate(rows.rows, start=1):
                key = f"{prefix}{index}."
                row.show_errors([_row_message(text) for name, text in problems.items()
                                 if name.startswith(key)])
        self.members.error.show_message(
            problems.get("members", "") if "members" in self._touched else "")

    def _touch_all(self) -> None:
        self._touched.update((*ADDRESS_FIELDS, "members"))
        for row in (*self.members.rows, *self.network.rows):
            row.touched = True

    def save(self, *, confirm_duplicate: bool = False) -> None:
        self._touch_all()
        self.banner.hide()
        if self.check():
            self._say("Controleer de velden met een rode melding.")
            return
        data, _problems = self.collect()
        current = self.view
        saved = Operation(self, self.store, self.actor, lambda uow: (
            create_household(uow, data, confirm_duplicate=confirm_duplicate) if current is None
            else update_household(uow, current.id, current.version, data)),
            changes=lambda view: HouseholdChanged(view.id)) \
            .on(ValidationError, self._refused) \
            .on(PossibleDuplicateError, self._maybe_duplicate) \
            .failure(lambda error: self._say(error.message)).run()
        # A conflict (StaleEditError) keeps the dialog and everything typed, so the person
        # can copy it over.
        if saved is not None:
            self.saved = saved
            self.accept()

    def _refused(self, error: ValidationError) -> None:
        self.show_errors(error.fields)
        self._say("Controleer de velden met een rode melding.")

    def _maybe_duplicate(self, error: PossibleDuplicateError) -> None:
        if Notice.confirm(self, f"{error.message}\n\nToch aanmaken?",
                          "Mogelijk dubbel huishouden", "Toch aanmaken", "Terug"):
            self.save(confirm_duplicate=True)

    def _say(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()
