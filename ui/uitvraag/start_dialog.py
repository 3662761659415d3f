"""Starting a brede uitvraag: how the question came in and where it was found. Both pickers
come from the catalogues; the vindplaats (and, at a vindplaats, the channel) is filled in
from the person's profile, so starting is usually one Enter."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from intake.catalogues.stored import CatalogueEntryView, CatalogueKind, entries
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import ValidationError
from intake.help_questions.registration import default_channel, default_vindplaats
from intake.store import Store
from intake.uitvraag.flow import start_intake
from intake.uitvraag.views import IntakeView
from ui.kit.changes import HouseholdChanged
from ui.kit.dialogs import FormDialog
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel, show_field_errors, with_error

CHOOSE = "— kies —"


def fill_catalogue(box: QComboBox, items: list[CatalogueEntryView], chosen: str) -> None:
    """Options of one catalogue, with an empty first choice unless ``chosen`` is set."""
    box.clear()
    box.addItem(CHOOSE, "")
    for item in items:
        box.addItem(item.label, item.code)
    index = box.findData(chosen) if chosen else 0
    box.setCurrentIndex(max(index, 0))


class IntakeStartDialog(FormDialog):
    def __init__(self, store: Store, actor: Actor, household_id: uuid.UUID, title: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.household_id = household_id
        self.started: IntakeView | None = None
        self.setWindowTitle("Brede uitvraag starten")
        self.channel = QComboBox()
        self.vindplaats = QComboBox()
        self.channel.setAccessibleName("Kanaal")
        self.vindplaats.setAccessibleName("Vindplaats")
        def fill(uow: UnitOfWork) -> None:
            fill_catalogue(self.channel, entries(uow, CatalogueKind.KANAAL),
                           default_channel(uow))
            fill_catalogue(self.vindplaats, entries(uow, CatalogueKind.VINDPLAATS),
                           default_vindplaats(uow))

        Operation(self, store, actor, fill).call()  # a refusal goes to whoever opens it
        self.errors = {"channel_code": ErrorLabel(), "vindplaats_code": ErrorLabel()}
        self.message = ErrorLabel()
        intro = QLabel(f"Brede uitvraag voor <b>{title}</b>." if title else
                       "Een nieuwe brede uitvraag.")
        form = QFormLayout()
        form.addRow("&Kanaal:", with_error(self.channel, self.errors["channel_code"]))
        form.addRow("&Vindplaats:", with_error(self.vindplaats, self.errors["vindplaats_code"]))
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton("&Starten", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.start_button.setDefault(True)  # once it belongs to the dialog
        self.resize(460, 200)
        (self.channel if not self.channel.currentData() else self.vindplaats).setFocus()

    @classmethod
    def ask(cls, store: Store, actor: Actor, household_id: uuid.UUID, title: str = "",
            parent: QWidget | None = None) -> IntakeView | None:
        dialog = cls(store, actor, household_id, title, parent)
        dialog.exec()
        return dialog.started

    def start(self) -> None:
        for label in (*self.errors.values(), self.message):
            label.show_message("")
        household_id = self.household_id
        channel, vindplaats = self.channel.currentData(), self.vindplaats.currentData()
        started = Operation(self, self.store, self.actor, lambda uow: start_intake(
            uow, household_id, channel, vindplaats), changes=HouseholdChanged(household_id)) \
            .on(ValidationError, lambda error: show_field_errors(
                self.errors, error.fields, self.message)) \
            .failure(lambda error: self.message.show_message(error.message)).run()
        if started is not None:
            self.started = started
            self.accept()
