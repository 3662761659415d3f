"""Opening the brede uitvraag of a household: resume the open one or start a new one."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from intake.core.context import Actor
from intake.store import Store
from intake.uitvraag.flow import open_intake
from ui.kit.operation import Operation
from ui.uitvraag.start_dialog import IntakeStartDialog
from ui.uitvraag.wizard import IntakeWizard


def open_wizard(store: Store, actor: Actor, household_id: uuid.UUID, title: str = "",
                parent: QWidget | None = None) -> IntakeWizard | None:
    """Resume the household's open brede uitvraag, or start one (asking channel and
    vindplaats). The wizard is shown non-modal; None when nothing was started."""
    reading = Operation(parent, store, actor, lambda uow: open_intake(uow, household_id))
    current = reading.run()
    if not reading.ok:
        return None
    if current is None:
        current = IntakeStartDialog.ask(store, actor, household_id, title, parent)
        if current is None:
            return None
    return show_wizard(store, actor, current.id, title, parent)


def show_wizard(store: Store, actor: Actor, intake_id: uuid.UUID, title: str = "",
                parent: QWidget | None = None) -> IntakeWizard:
    wizard = IntakeWizard(store, actor, intake_id, title, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    wizard.activateWindow()
    return wizard
