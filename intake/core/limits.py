"""Every stored text has a limit and holds no control characters or bidi overrides.

Checked once, at flush, for every row the domain writes: a form that forgot a check still
cannot store a 10,000-character name that makes a plan unprintable, nor an escape code that
rewrites a terminal. Single-line columns (``String(n)``) are cleaned with ``clean_line`` and
hold at most n characters; multi-line ones (``Text``) with ``clean_text`` and at most
``TEXT_LIMIT``. Forms give friendlier messages for their own fields first; this is the net.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Text, event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from intake.core.errors import ValidationError
from intake.core.text import clean_line, clean_text

TEXT_LIMIT = 10_000
JSON_LIMIT = 100_000  # an encoded answer: its text is limited by the questionnaire engine
# Written by the app itself, never typed: the audit chain must hash exactly what it stored,
# and sync rows carry other rows' values, checked where those rows are written.
UNCHECKED_TABLES = frozenset({"audit_entries"})


def _checked(table: str) -> bool:
    return table not in UNCHECKED_TABLES and not table.startswith("sync_")


def too_long(limit: int) -> str:
    return f"Dit veld is te lang: ten hoogste {limit} tekens."


def _check(obj: Any, new: bool, errors: dict[str, str]) -> None:
    state = inspect(obj)
    mapper = state.mapper
    if not _checked(mapper.local_table.name):
        return
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if not isinstance(column.type, String):
            continue
        if not new and not state.attrs[attr.key].history.has_changes():
            continue
        value = getattr(obj, attr.key)
        if not isinstance(value, str):
            continue
        if attr.key.endswith("_json"):
            limit = JSON_LIMIT
        else:
            multi_line = isinstance(column.type, Text) or column.type.length is None
            cleaned = clean_text(value) if multi_line else clean_line(value)
            if cleaned != value:
                setattr(obj, attr.key, cleaned)
                value = cleaned
            limit = column.type.length or TEXT_LIMIT
        if len(value) > limit:
            errors.setdefault(attr.key, too_long(limit))


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    errors: dict[str, str] = {}
    for obj in session.new:
        _check(obj, True, errors)
    for obj in session.dirty:
        _check(obj, False, errors)
    if errors:
        raise ValidationError(errors)
