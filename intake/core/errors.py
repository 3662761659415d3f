"""Expected problems, each with a Dutch message for the person in front of the screen.

Anything that is not a KnownError is a bug: the UI shows it in the crash dialog, the CLI prints
a short notice and logs the traceback.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass


class KnownError(Exception):
    """An expected problem; ``str(error)`` is the Dutch message shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class AuthenticationError(KnownError):
    pass


class AccountLockedError(AuthenticationError):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            f"Te veel mislukte pogingen. Probeer het over {seconds} seconden opnieuw."
        )
        self.seconds = seconds


class PermissionDenied(KnownError):
    """A refused action; ``audit`` says what was attempted so the refusal is recorded."""

    def __init__(self, message: str, audit: AuditEvent | None = None) -> None:
        super().__init__(message)
        self.audit = audit


@dataclass(frozen=True)
class AuditEvent:
    action: str
    object_type: str
    object_id: str | None = None
    household_id: uuid.UUID | None = None
    detail: str = ""


class StaleEditError(KnownError):
    def __init__(self, what: str = "Deze gegevens") -> None:
        super().__init__(
            f"{what} zijn intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen; "
            "open het opnieuw om de nieuwste versie te zien."
        )


class ValidationError(KnownError):
    """Bad input; ``fields`` maps a field name to its Dutch message."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("; ".join(fields.values()))
        self.fields = fields


class NotFoundError(KnownError):
    pass


class StoreError(KnownError):
    """The store cannot be opened or written (too new, locked, full disk, not a store)."""
