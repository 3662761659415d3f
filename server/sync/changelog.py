"""Every row the server writes in a table that replicas hold gets a line in the change log.

The line's ``seq`` is the pull cursor. Writers take the audit chain's transaction-scoped
advisory lock before they draw a number, so numbers are handed out in commit order: a pull that
saw number N has seen every change up to N.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import event, insert, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from db.models import SyncChange
from intake.core.audit import AUDIT_LOCK
from intake.core.clock import utcnow
from intake.team import rows

LOGGED = frozenset(rows.PULLED_TABLES)
_DELETED = "_sync_deleted"
LOCKED = "_sync_locked"  # this transaction holds the lock already


def _name(obj: Any) -> str | None:
    tbl = getattr(obj, "__table__", None)
    return tbl.name if tbl is not None and tbl.name in LOGGED else None


def _values(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.columns[0].name: getattr(obj, attr.key) for attr in mapper.column_attrs}


def _household(session: Session, name: str, values: dict[str, Any]) -> uuid.UUID | None:
    if name in rows.REFERENCE_TABLES:
        return None
    return rows.household_of(session.connection(), name, values)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    deleted = session.info.setdefault(_DELETED, [])
    for obj in session.deleted:
        name = _name(obj)
        if name is not None:
            values = _values(obj)
            deleted.append((name, rows.row_id(rows.table(name), values),
                            _household(session, name, values)))


def _after_flush(session: Session, _context: Any) -> None:
    lines: list[dict[str, Any]] = []
    now = utcnow()
    actor = str(session.info.get("actor", ""))
    for obj in list(session.new) + [o for o in session.dirty if session.is_modified(o)]:
        name = _name(obj)
        if name is None:
            continue
        values = _values(obj)
        lines.append({"table_name": name, "row_id": rows.row_id(rows.table(name), values),
                      "op": "upsert", "household_id": _household(session, name, values),
                      "at": now, "actor": actor})
    for name, key, household in session.info.pop(_DELETED, []):
        lines.append({"table_name": name, "row_id": key, "op": "delete",
                      "household_id": household, "at": now, "actor": actor})
    if not lines:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql" and not session.info.get(LOCKED):
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
        session.info[LOCKED] = True
    connection.execute(insert(SyncChange), lines)


def _transaction_over(session: Session, *_args: Any) -> None:
    session.info.pop(LOCKED, None)


def install(sessions: sessionmaker[Session]) -> None:
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "after_commit", _transaction_over)
    event.listen(sessions, "after_rollback", _transaction_over)
