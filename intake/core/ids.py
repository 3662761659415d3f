"""Ids read as stored text: a long list parses only the ids it keeps (SQLite stores a UUID as
32 hex characters; PostgreSQL's driver hands over a UUID already)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, String, type_coerce


def as_text(column: Any, name: str) -> ColumnElement[str]:
    """Select ``column`` (a UUID) without parsing it into a UUID for every row."""
    return type_coerce(column, String).label(name)


def uuid_of(value: str | uuid.UUID) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)
