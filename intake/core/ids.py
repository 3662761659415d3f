"""Ids (and days) read as stored text: a long list parses only the ids it keeps (SQLite stores
a UUID as 32 hex characters, a date as 'YYYY-MM-DD'; PostgreSQL's driver hands over a UUID or
date already)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, String, type_coerce


def raw_text(column: Any) -> ColumnElement[str]:
    """``column`` (a UUID) as the driver returns it, without building a UUID for every row:
    for keys only compared with other keys read the same way, or parsed by ``uuid_of``."""
    return type_coerce(column, String)


def as_text(column: Any, name: str) -> ColumnElement[str]:
    """Select ``column`` (a UUID) without parsing it into a UUID for every row."""
    return raw_text(column).label(name)


_new = object.__new__
_set = object.__setattr__
_UNKNOWN = uuid.SafeUUID.unknown


def uuid_of(value: str | uuid.UUID) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    if len(value) == 32:
        # As SQLite stores it: from the number, set as UUID.__init__ sets it but without its
        # argument checks (32 hex digits are always in range): a long list builds one per
        # row, in less than half the time UUID(int=...) or parsing the text takes.
        number = int(value, 16)
        parsed: uuid.UUID = _new(uuid.UUID)
        _set(parsed, "int", number)
        _set(parsed, "is_safe", _UNKNOWN)
        return parsed
    return uuid.UUID(value)


def day_of(value: str | date | None) -> date | None:
    """A date selected through ``as_text``: ``date.fromisoformat`` instead of the type's
    general parser, for lists of tens of thousands of rows."""
    return value if value is None or isinstance(value, date) else date.fromisoformat(value)
