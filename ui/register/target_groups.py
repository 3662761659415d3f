"""The household's prevention target groups on its overview: what holds today (typed and
derived from a date of birth), a dialog to set one from a day, and ending one on a day."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.core.context import Actor
from intake.core.errors import ValidationError
from intake.core.validation import format_date
from intake.register.households import MemberView
from intake.register.target_groups import (
    Scope,
    TargetGroupView,
    household_target_groups,
    remove_target_group,
    set_target_group,
    target_groups,
)
from intake.store import Store
from ui.kit.changes import HouseholdChanged
from ui.kit.dialogs import FormDialog
from ui.kit.forms import DateField, muted
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel, RowsModel, make_table, show_field_errors, with_error

HEADERS = ("Doelgroep", "Voor wie", "Sinds", "Gezondheidsgegeven")


class TargetGroupDialog(FormDialog):
    """Set one typed target group on a member or on the household, from a day."""

    def __init__(self, store: Store, actor: Actor, household_id: uuid.UUID,
                 members: Sequence[MemberView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Doelgroep toevoegen")
        self.store, self.actor, self.household_id = store, actor, household_id
        self.saved: TargetGroupView | None = None
        self.group = QComboBox()
        for group in target_groups():
            if not group.derived:
                suffix = " (gezondheidsgegeven)" if group.health_data else ""
                self.group.addItem(group.label + suffix, group.code)
        self.member = QComboBox()
        for member in members:
            self.member.addItem(member.name, member.id)
        self.set_on = DateField()
        self.errors = {name: ErrorLabel() for name in ("code", "member_id", "set_on")}
        self.general = ErrorLabel()
        form = QFormLayout()
        form.addRow("&Doelgroep", with_error(self.group, self.errors["code"]))
        form.addRow("&Gezinslid", with_error(self.member, self.errors["member_id"]))
        form.addRow("&Vanaf", with_error(self.set_on, self.errors["set_on"]))
        form.addRow("", muted("Leeg: vandaag. 'Jonge kind' volgt uit de geboortedatum."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.group.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self._scope_changed()

    def _for_member(self) -> bool:
        code = self.group.currentData()
        return next((g.scope is Scope.PERSOON for g in target_groups() if g.code == code), True)

    def _scope_changed(self) -> None:
        self.member.setEnabled(self._for_member())

    def submit(self) -> None:
        problem = self.set_on.problem()
        if problem:
            show_field_errors(self.errors, {"set_on": problem}, self.general)
            return
        household_id, code, day = self.household_id, self.group.currentData(), \
            self.set_on.date_value()
        member_id = self.member.currentData() if self._for_member() else None
        saved = Operation(self, self.store, self.actor, lambda uow: set_target_group(
            uow, household_id, code, member_id, day), changes=HouseholdChanged(household_id)) \
            .on(ValidationError, lambda error: show_field_errors(
                self.errors, error.fields, self.general)) \
            .failure(lambda error: self.general.show_message(error.message)).run()
        if saved is not None:
            self.saved = saved
            self.accept()

    @classmethod
    def ask(cls, store: Store, actor: Actor, household_id: uuid.UUID,
            members: Sequence[MemberView], parent: QWidget | None = None
            ) -> TargetGroupView | None:
        dialog = cls(store, actor, household_id, members, parent)
        dialog.exec()
        return dialog.saved


class TargetGroupsBox(QGroupBox):
    """The target groups holding today; add one, or end the selected one today."""

    def __init__(self, store: Store, actor: Actor, can_edit: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__("Doelgroepen (preventie)", parent)
        self.store, self.actor = store, actor
        self.household_id: uuid.UUID | None = None
        self.members: Sequence[MemberView] = ()
        self.groups: list[TargetGroupView] = []
        self.model = RowsModel(HEADERS, self)
        self.table = make_table(self.model)
        self.add_button = QPushButton("Doelgroep &toevoegen…")
        self.end_button = QPushButton("Doelgroep &beëindigen")
        for button in (self.add_button, self.end_button):
            button.setEnabled(can_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.end_button.clicked.connect(self.end_selected)

    def load(self, household_id: uuid.UUID, members: Sequence[MemberView]) -> None:
        self.household_id, self.members = household_id, members
        found = Operation(self, self.store, self.actor, lambda uow: household_target_groups(
            uow, household_id)).failure(lambda _error: None).run()
        self.groups = found or []
        self.model.set_rows([
            (g.label, g.member_name or "huishouden",
             "uit geboortedatum" if g.derived else format_date(g.set_on),
             "ja" if g.health_data else "") for g in self.groups], list(range(len(self.groups))))
        self.setTitle(f"Doelgroepen (preventie) ({len(self.groups)})")

    def add(self) -> None:
        if self.household_id is None:
            return
        if TargetGroupDialog.ask(self.store, self.actor, self.household_id, self.members,
                                 self) is not None:
            self.load(self.household_id, self.members)

    def end_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.household_id is None:
            return
        group = self.groups[rows[0].row()]
        if group.id is None:  # derived: ends by itself
            return
        tag_id, version, household_id = group.id, group.version, self.household_id
        ended = Operation(self, self.store, self.actor, lambda uow: remove_target_group(
            uow, tag_id, version), changes=HouseholdChanged(household_id)).run()
        if ended is not None:
            self.load(household_id, self.members)
