"""Editable rows for the household dialog: members (gezinsleden) and network contacts.

Each row is a line of fields with its own message line under it. Rows in one list share
column widths, so the fields line up under the column headings.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.core.validation import format_date, parse_date
from intake.register.households import MemberInput, MemberRole, NetworkInput, Residence
from ui.kit.widgets import ErrorLabel

# (heading, fixed width in pixels or 0 to share the rest, stretch factor)
Column = tuple[str, int, int]
MEMBER_COLUMNS: tuple[Column, ...] = (
    ("Voornaam", 0, 3), ("Tussenvoegsel", 104, 0), ("Achternaam", 0, 3),
    ("Geboortedatum", 112, 0), ("Rol", 140, 0), ("BSN (optioneel)", 116, 0),
)
NETWORK_COLUMNS: tuple[Column, ...] = (
    ("Naam", 0, 2), ("Relatie", 130, 0), ("Telefoon", 120, 0), ("Kan helpen met", 0, 3),
)
REMOVE_WIDTH = 96
DATE_FORMAT_MESSAGE = "Schrijf de geboortedatum als dd-mm-jjjj, zoals 17-05-1998."
SINCE_FORMAT_MESSAGE = "Schrijf de datum als dd-mm-jjjj, zoals 01-03-2024."


def role_label(role: MemberRole) -> str:
    return role.value[:1].upper() + role.value[1:]


def _place(line: QHBoxLayout, widget: QWidget, column: Column) -> None:
    _heading, width, stretch = column
    if width:
        widget.setFixedWidth(width)
    line.addWidget(widget, stretch)


def _header(columns: Sequence[Column]) -> QWidget:
    box = QWidget()
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    for column in columns:
        label = QLabel(column[0])
        label.setIndent(4)  # line up with the text inside the field below, not its frame
        _place(line, label, column)
    line.addSpacing(REMOVE_WIDTH)
    return box


class _Row(QWidget):
    """One line of fields; ``touched`` once the person has left one of them."""

    edited = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self, columns: Sequence[Column], what: str) -> None:
        super().__init__()
        self.columns = columns
        self.touched = False
        self.fields: list[QWidget] = []
        self.error = ErrorLabel()
        self._line = QHBoxLayout()
        self._line.setContentsMargins(0, 0, 0, 0)
        self.remove_button = QPushButton("Verwijderen")
        self.remove_button.setFixedWidth(REMOVE_WIDTH)
        self.remove_button.setAutoDefault(False)
        self.remove_button.setToolTip(f"{what} verwijderen")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._line)
        layout.addWidget(self.error)

    def _line_edit(self, text: str = "", placeholder: str = "") -> QLineEdit:
        field = QLineEdit(text)
        field.setPlaceholderText(placeholder)
        field.editingFinished.connect(self._finished)
        self._add(field)
        return field

    def _add(self, widget: QWidget) -> None:
        column = self.columns[len(self.fields)]
        widget.setAccessibleName(column[0])
        _place(self._line, widget, column)
        self.fields.append(widget)
        if len(self.fields) == len(self.columns):
            self._line.addWidget(self.remove_button)

    def _finished(self) -> None:
        self.touched = True
        self.edited.emit()

    def focus_chain(self) -> list[QWidget]:
        return [*self.fields, self.remove_button]

    def show_errors(self, messages: Sequence[str]) -> None:
        self.error.show_message("\n".join(messages) if self.touched else "")


class MemberRow(_Row):
    def __init__(self, member: MemberInput | None = None) -> None:
        super().__init__(MEMBER_COLUMNS, "Gezinslid")
        member = member or MemberInput("", "", MemberRole.OUDER)
        self.member_id: uuid.UUID | None = member.id
        self.given_name = self._line_edit(member.given_name)
        self.prefix = self._line_edit(member.prefix)
        self.family_name = self._line_edit(member.family_name)
        self.born = self._line_edit(format_date(member.date_of_birth), "dd-mm-jjjj")
        self.role = QComboBox()
        for role in MemberRole:
            self.role.addItem(role_label(role), role.value)
        self.role.setCurrentIndex(list(MemberRole).index(member.role))
        self.role.currentIndexChanged.connect(lambda _index: self._finished())
        self._add(self.role)
        self.bsn = self._line_edit(member.bsn, "9 cijfers")
        self._residence_line(member)

    def _residence_line(self, member: MemberInput) -> None:
        """Where the member lives: a member can belong to the family and live elsewhere."""
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, REMOVE_WIDTH, 0)
        self.residence = QComboBox()
        self.residence.setAccessibleName("Woont")
        for residence in Residence:
            self.residence.addItem(residence.label, residence.value)
        self.residence.setCurrentIndex(list(Residence).index(member.residence))
        # Not born yet: the date of birth is then the expected date and may lie ahead.
        self.expected = QCheckBox("Verwacht kind")
        self.expected.setChecked(member.expected)
        self.expected.toggled.connect(lambda _on: self._finished())
        self.residence_since = QLineEdit(format_date(member.residence_since))
        self.residence_since.setPlaceholderText("sinds dd-mm-jjjj")
        self.residence_since.setAccessibleName("Woont elders sinds")
        self.residence_since.setFixedWidth(130)
        self.residence_note = QLineEdit(member.residence_note)
        self.residence_note.setPlaceholderText("Waar, in algemene woorden (geen adres), "
                                               "bijv. pleeggezin in Twente")
        self.residence_note.setAccessibleName("Waar, in algemene woorden")
        line.addWidget(self.expected, 0)
        line.addWidget(self.residence, 0)
        line.addWidget(self.residence_since, 0)
        line.addWidget(self.residence_note, 1)
        self.residence.currentIndexChanged.connect(lambda _index: self._residence_changed())
        for field in (self.residence_since, self.residence_note):
            field.editingFinished.connect(self._finished)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, line)
        self._residence_changed(emit=False)

    def _residence_changed(self, emit: bool = True) -> None:
        elsewhere = self.residence.currentData() != Residence.THUIS.value
        self.residence_since.setEnabled(elsewhere)
        self.residence_note.setEnabled(elsewhere)
        if emit:
            self._finished()

    def focus_chain(self) -> list[QWidget]:
        return [*self.fields, self.expected, self.residence, self.residence_since,
                self.residence_note, self.remove_button]

    def to_input(self) -> tuple[MemberInput, str]:
        """The member as typed, and a message when a date cannot be read."""
        text = self.born.text().strip()
        born = parse_date(text) if text else None
        problem = DATE_FORMAT_MESSAGE if text and born is None else ""
        since_text = self.residence_since.text().strip()
        since = parse_date(since_text) if since_text else None
        if since_text and since is None and not problem:
            problem = SINCE_FORMAT_MESSAGE
        member = MemberInput(
            given_name=self.given_name.text(), family_name=self.family_name.text(),
            role=MemberRole(self.role.currentData()), date_of_birth=born,
            prefix=self.prefix.text(), bsn=self.bsn.text(), id=self.member_id,
            residence=Residence(self.residence.currentData()), residence_since=since,
            residence_note=self.residence_note.text(), expected=self.expected.isChecked(),
        )
        return member, problem


class NetworkRow(_Row):
    def __init__(self, contact: NetworkInput | None = None) -> None:
        super().__init__(NETWORK_COLUMNS, "Netwerkcontact")
        contact = contact or NetworkInput("")
        self.contact_id = contact.id
        self.name = self._line_edit(contact.name)
        self.relation = self._line_edit(contact.relation, "bijv. buurvrouw")
        self.phone = self._line_edit(contact.phone)
        self.can_help_with = self._line_edit(contact.can_help_with)

    def to_input(self) -> NetworkInput:
        return NetworkInput(self.name.text(), self.relation.text(), self.phone.text(),
                            self.can_help_with.text(), self.contact_id)


class RowList(QWidget):
    """Column headings, the rows, a message line for the list and an add button."""

    changed = Signal()

    def __init__(self, columns: Sequence[Column], add_text: str, empty_text: str) -> None:
        super().__init__()
        self.rows: list[_Row] = []
        self.header = _header(columns)
        self.empty = QLabel(empty_text)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.error = ErrorLabel()
        self.add_button = QPushButton(add_text)
        self.add_button.setAutoDefault(False)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(6)
        button_line = QHBoxLayout()
        button_line.addWidget(self.add_button)
        button_line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.empty)
        layout.addLayout(self._rows_box)
        layout.addWidget(self.error)
        layout.addLayout(button_line)
        self._update_empty()

    def append(self, row: _Row) -> None:
        row.edited.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self._rows_box.addWidget(row)
        self._update_empty()
        self.changed.emit()

    def _remove(self, row: QWidget) -> None:
        self.rows = [r for r in self.rows if r is not row]
        self._rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._update_empty()
        self.changed.emit()

    def _update_empty(self) -> None:
        self.header.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for row in self.rows:
            chain.extend(row.focus_chain())
        return [*chain, self.add_button]
