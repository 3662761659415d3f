"""What travels between the team server and its clients: JSON for data, and Dutch errors.

A KnownError raised on the server is answered as ``{"fout": message, "soort": kind, …}`` with a
fitting status; the client raises the same kind of KnownError with the same message.
Shared by both sides (the server imports this module; this module imports nothing of it).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from intake.core.errors import (
    AccountLockedError,
    AuthenticationError,
    KnownError,
    NotFoundError,
    PermissionDenied,
    StaleEditError,
    StoreError,
    ValidationError,
)
from intake.documents import NamesToReview

API = "/api/v1"
# A household registered on a laptop without connection carries this number until its first
# sync; the server then gives it a real one and keeps this one as an alias.
PROVISIONAL_PREFIX = "VOORLOPIG-"
# What a team server answers a replica that must delete itself (account blocked, revoked).
REVOKED = "ingetrokken"
UNEXPECTED = ("Er ging op de teamserver iets onverwachts mis. Probeer het opnieuw; blijft het "
              "misgaan, meld het dan bij de functioneel beheerder.")

class ReplicaRevokedError(KnownError):
    """The server says this laptop's replica may no longer exist: delete it and its key."""


# Most specific first: AccountLockedError is an AuthenticationError.
_KINDS: tuple[tuple[type[KnownError], str, int], ...] = (
    (ReplicaRevokedError, REVOKED, 410),
    (NamesToReview, "namen-nakijken", 409),
    (AccountLockedError, "geblokkeerd", 429),
    (AuthenticationError, "aanmelden", 401),
    (PermissionDenied, "geweigerd", 403),
    (NotFoundError, "niet-gevonden", 404),
    (StaleEditError, "verouderd", 409),
    (ValidationError, "ongeldig", 422),
    (StoreError, "opslag", 503),
)


def error_payload(error: KnownError) -> tuple[int, dict[str, Any], dict[str, str]]:
    """(status, JSON body, extra headers) for a KnownError."""
    kind, status = next(((k, s) for cls, k, s in _KINDS if isinstance(error, cls)),
                        ("fout", 400))
    body: dict[str, Any] = {"fout": error.message, "soort": kind}
    headers: dict[str, str] = {}
    if isinstance(error, ValidationError):
        body["velden"] = error.fields
    if isinstance(error, NamesToReview):
        body["namen"] = list(error.names)
    if isinstance(error, AccountLockedError):
        body["seconden"] = error.seconds
        headers["Retry-After"] = str(error.seconds)
    return status, body, headers


def error_from_payload(status: int, body: dict[str, Any]) -> KnownError:
    """The KnownError the server raised, rebuilt from its answer."""
    message = str(body.get("fout") or UNEXPECTED)
    kind = body.get("soort")
    error: KnownError
    if kind == "geblokkeerd":
        error = AccountLockedError(int(body.get("seconden", 1)))
    elif kind == "ongeldig":
        error = ValidationError({str(k): str(v) for k, v in dict(body.get("velden", {})).items()}
                                or {"": message})
    elif kind == "namen-nakijken":
        error = NamesToReview([str(name) for name in body.get("namen", [])])
    elif kind == "verouderd":
        error = StaleEditError()
    else:
        cls = {k: c for c, k, _s in _KINDS}.get(str(kind), KnownError)
        error = cls(message)
    error.message = message
    error.args = (message,)
    return error


def to_json(value: Any) -> Any:
    """Dataclasses, dates, ids and enums as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Counter):
        return {str(to_json(k)): v for k, v in value.items()}
    if isinstance(value, dict):
        return {str(to_json(k)): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset | Sequence) and not isinstance(
            value, str | bytes):  # a Sequence: the team overview's plan list among them
        return [to_json(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value
