"""What an operation changed, announced on one application-wide hub so open screens refresh.

After Anki's ``operation_did_execute``: the operation that saved names what it changed, the
helper (ui/kit/operation.py) emits it after success, and every screen showing that household
reloads itself, whoever made the change (a dialog from the menu included).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class HouseholdChanged:
    """Something of this household was stored: its data, a help question, an intake, a plan."""

    household_id: uuid.UUID


class ChangeHub(QObject):
    household_changed = Signal(object, object)  # household id, the initiating QObject or None
    # Another window replaced the store key: this window can read nothing more and goes back
    # to the login.
    key_replaced = Signal()


_hub: ChangeHub | None = None


def hub() -> ChangeHub:
    """The one hub, made on first use on the UI thread and owned by the application."""
    global _hub
    if _hub is None:
        _hub = ChangeHub(QApplication.instance())
    return _hub


def announce(change: HouseholdChanged, initiator: QObject | None = None) -> None:
    hub().household_changed.emit(change.household_id, initiator)


class _Subscription(QObject):
    """A child of the subscribing widget: Qt drops the connection when the widget goes."""

    def __init__(self, owner: QObject, handler: Callable[[uuid.UUID], None],
                 household_id: Callable[[], uuid.UUID] | None) -> None:
        super().__init__(owner)
        self.owner, self.handler, self.household_id = owner, handler, household_id
        hub().household_changed.connect(self.deliver)

    @Slot(object, object)
    def deliver(self, household_id: uuid.UUID, initiator: object) -> None:
        if initiator is self.owner:
            return  # the screen that saved has shown the result already
        if self.household_id is None or self.household_id() == household_id:
            self.handler(household_id)


def on_household_changed(owner: QObject, handler: Callable[[uuid.UUID], None],
                         household_id: Callable[[], uuid.UUID] | None = None) -> None:
    """Call ``handler`` for every change (or only those of ``household_id()``) while ``owner``
    exists, except for the changes ``owner`` itself made."""
    _Subscription(owner, handler, household_id)
