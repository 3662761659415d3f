"""Opening a household outside one's own work: a reason first (a short choice plus text).

The domain decides when a reason is needed (``ReasonRequired`` from ``open_household``); this
screen only asks for it and opens again with it, so the opening is recorded for the team
lead's review."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.core.access import ReasonRequired
from intake.core.context import Actor
from intake.core.errors import ValidationError
from intake.register import REASONS, HouseholdView, OpeningReason, open_household
from intake.register.need_to_know import validate_reason
from intake.store import Store
from ui.kit.dialogs import FormDialog
from ui.kit.forms import muted
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel


class ReasonDialog(FormDialog):
    """Why open a file that is not one's own; the team lead sees the answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reden voor openen")
        self.choice = QComboBox()
        self.choice.addItem("Kies een reden…", "")
        for code, label in REASONS.items():
            self.choice.addItem(label, code)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("Wat moet u in dit dossier doen?")
        self.text.setFixedHeight(80)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow("&Reden", self.choice)
        form.addRow("&Toelichting", self.text)
        buttons = self.action_buttons("&Openen", self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(muted("Dit huishouden hoort niet bij uw eigen dossiers. U kunt het "
                               "openen als u het nodig heeft voor uw werk; uw reden wordt "
                               "vastgelegd en door uw teamleider nagekeken."))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reason: OpeningReason | None = None

    def submit(self) -> None:
        try:
            self.reason = validate_reason(OpeningReason(self.choice.currentData(),
                                                        self.text.toPlainText()))
        except ValidationError as error:
            self.error.show_message(error.message)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget) -> OpeningReason | None:
        dialog = cls(parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.reason
        finally:
            dialog.deleteLater()


def open_with_reason(parent: QWidget, store: Store, actor: Actor,
                     household_id: uuid.UUID) -> HouseholdView | None:
    """Open the household; when it is outside one's own work, ask the reason and open with
    it. None: refused, or the person cancelled."""
    asked: list[bool] = []
    view = Operation(parent, store, actor, lambda uow: open_household(uow, household_id)) \
        .on(ReasonRequired, lambda _error: asked.append(True)).run()
    if view is not None or not asked:
        return view
    reason = ReasonDialog.ask(parent)
    if reason is None:
        return None
    return Operation(parent, store, actor,
                     lambda uow: open_household(uow, household_id, reason)).run()
