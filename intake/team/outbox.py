"""Change capture on a laptop replica: every written row of a case table, and every audit entry,
becomes outbox rows in the same transaction as the change itself.

One outbox row per changed column of an update (with the value it started from: the three-way
merge needs it), one per inserted row (all its values), one per deleted row, one per audit entry.
A column changed again before it was sent is folded into its waiting outbox row, keeping the
first base value. Rows a pull applies are written with Core statements, never through the ORM,
so they produce no outbox rows.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, event, insert, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from db.models import AuditEntry, SyncOutbox
from intake.core.clock import utcnow
from intake.team import rows

CAPTURED = frozenset(rows.CASE_TABLES)
WAITING = "nieuw"
_PENDING = "_sync_pending"


def _table_of(obj: Any) -> str | None:
    tbl = getattr(obj, "__table__", None)
    return tbl.name if tbl is not None else None


def _values(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.columns[0].name: getattr(obj, attr.key) for attr in mapper.column_attrs}


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Base values of changed columns and households of deleted rows, read while the database
    still holds the old row."""
    pending: list[dict[str, Any]] = session.info.setdefault(_PENDING, [])
    connection = session.connection()
    for obj in list(session.dirty):
        name = _table_of(obj)
        if name not in CAPTURED or not session.is_modified(obj):
            continue
        state = inspect(obj)
        tbl = rows.table(name)
        key = rows.row_id(tbl, _values(obj))
        household = rows.household_of(connection, name, _values(obj))
        stored: dict[str, Any] | None = None
        for attr in state.mapper.column_attrs:
            column = attr.columns[0].name
            if column in rows.BOOKKEEPING:
                continue
            history = state.attrs[attr.key].history
            if not history.has_changes():
                continue
            new = history.added[0] if history.added else None
            if history.deleted:
                base = history.deleted[0]
            else:
                if stored is None:
                    found = connection.execute(
                        select(tbl).where(rows.key_clause(tbl, key))).mappings().first()
                    stored = dict(found) if found is not None else {}
                base = stored.get(column)
            if rows.dumps(base) == rows.dumps(new):
                continue
            pending.append({"table": name, "row": key, "op": "update", "column": column,
                            "base": base, "new": new, "household": household})
    for obj in list(session.deleted):
        name = _table_of(obj)
        if name not in CAPTURED:
            continue
        values = _values(obj)
        pending.append({"table": name, "row": rows.row_id(rows.table(name), values),
                        "op": "delete", "column": "", "base": None, "new": None,
                        "household": rows.household_of(connection, name, values)})


def _after_flush(session: Session, _context: Any) -> None:
    pending: list[dict[str, Any]] = session.info.pop(_PENDING, [])
    connection = session.connection()
    inserted = [obj for obj in session.new if _table_of(obj) in CAPTURED]
    order = {name: i for i, name in enumerate(rows.dependency_order(CAPTURED))}
    inserted.sort(key=lambda obj: order[str(_table_of(obj))])
    now = utcnow()
    for obj in inserted:
        name = str(_table_of(obj))
        values = _values(obj)
        _write(connection, now, name, rows.row_id(rows.table(name), values), "insert", "",
               None, rows.encode_row(rows.table(name), values),
               rows.household_of(connection, name, values))
    for change in pending:
        _write(connection, now, change["table"], change["row"], change["op"], change["column"],
               change["base"], change["new"], change["household"])
    for obj in session.new:
        if isinstance(obj, AuditEntry):
            values = _values(obj)
            _write(connection, now, rows.AUDIT_TABLE, str(obj.seq), "audit", "", None,
                   rows.encode_row(rows.table(rows.AUDIT_TABLE), values), obj.household_id)


def _waiting(connection: Connection, name: str, key: str, op: str,
             column: str) -> tuple[int, str, str] | None:
    found = connection.execute(
        select(SyncOutbox.seq, SyncOutbox.base_json, SyncOutbox.new_json).where(
            SyncOutbox.table_name == name, SyncOutbox.row_id == key, SyncOutbox.op == op,
            SyncOutbox.column_name == column, SyncOutbox.status == WAITING)
        .order_by(SyncOutbox.seq.desc()).limit(1)).first()
    return (found[0], found[1], found[2]) if found is not None else None


def _write(connection: Connection, now: datetime, name: str, key: str, op: str, column: str,
           base: Any, new: Any, household: uuid.UUID | None) -> None:
    if op == "update":
        waiting_insert = _waiting(connection, name, key, "insert", "")
        if waiting_insert is not None:  # not sent yet: send the row as it is now
            values = json.loads(waiting_insert[2])
            values[column] = rows.encode(new)
            connection.execute(update(SyncOutbox).where(SyncOutbox.seq == waiting_insert[0])
                               .values(new_json=json.dumps(values, ensure_ascii=False)))
            return
        waiting_update = _waiting(connection, name, key, "update", column)
        if waiting_update is not None:  # fold: keep the first base, take the last value
            if waiting_update[1] == rows.dumps(new):
                connection.execute(delete(SyncOutbox).where(
                    SyncOutbox.seq == waiting_update[0]))
            else:
                connection.execute(update(SyncOutbox).where(
                    SyncOutbox.seq == waiting_update[0]).values(new_json=rows.dumps(new)))
            return
    if op == "delete" and _waiting(connection, name, key, "insert", "") is not None:
        # Made and removed before it was ever sent: the server never needs to know.
        connection.execute(delete(SyncOutbox).where(
            SyncOutbox.table_name == name, SyncOutbox.row_id == key,
            SyncOutbox.status == WAITING))
        return
    connection.execute(insert(SyncOutbox).values(
        change_id=uuid.uuid4(), table_name=name, row_id=key, op=op, column_name=column,
        base_json=rows.dumps(base), new_json=rows.dumps(new) if not isinstance(new, dict)
        else json.dumps(new, ensure_ascii=False), household_id=household, created_at=now,
        status=WAITING, message=""))


def install(sessions: sessionmaker[Session]) -> None:
    """Capture every change made through sessions of this factory."""
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)


def unsent_count(session: Session) -> int:
    from sqlalchemy import func

    return int(session.scalar(select(func.count()).select_from(SyncOutbox).where(
        SyncOutbox.status != "geweigerd")) or 0)
