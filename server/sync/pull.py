"""What a replica receives: rows of its person's households, in pages, following the cursor.

The laptop says which households it holds (``have``) and up to where it has seen the change log
(``cursor``). The answer holds: on the first pull, every reference row (accounts without their
secrets, catalogues, sociale kaart); whole households that entered the person's set; the current
state of rows changed since the cursor in households it holds; rows deleted since; and households
that left the set, and those destroyed (removed at once). Every piece is the current state, so
receiving one twice does no harm.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, func, or_, select

from db.models import Destruction, SyncChange
from intake.core import audit
from intake.core.context import UnitOfWork
from intake.team import rows
from server.sync.scope import household_set

SNAPSHOT_PAGE = 400  # households per answer
CHANGES_PAGE = 5000  # change-log lines per answer


def _rows_of(uow: UnitOfWork, name: str, query: Any) -> list[dict[str, Any]]:
    tbl = rows.table(name)
    return [rows.encode_row(tbl, rows.public_row(name, dict(found)))
            for found in uow.session.execute(query).mappings()]


def _snapshot(uow: UnitOfWork, household_ids: list[uuid.UUID]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    if not household_ids:
        return out
    for name in rows.HOUSEHOLD_TABLES:
        found = _rows_of(uow, name, rows.ids_under(name, household_ids))
        if found:
            out[name] = found
    return out


def _reference(uow: UnitOfWork) -> dict[str, list[Any]]:
    return {name: _rows_of(uow, name, select(rows.table(name)))
            for name in rows.REFERENCE_TABLES}


def _current(uow: UnitOfWork, name: str, keys: Iterable[str]) -> tuple[list[Any], list[str]]:
    """(rows as they are now, keys no longer there)."""
    tbl = rows.table(name)
    wanted = sorted(set(keys))
    found: list[dict[str, Any]] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found += _rows_of(uow, name, select(tbl).where(or_(
            *(rows.key_clause(tbl, key) for key in chunk))))
    present = {rows.row_id(tbl, {c: rows.decode(tbl.c[c], v) for c, v in row.items()})
               for row in found}
    return found, [key for key in wanted if key not in present]


def pull(uow: UnitOfWork, cursor: int, have: set[uuid.UUID],
         page_size: int = SNAPSHOT_PAGE) -> dict[str, Any]:
    session = uow.session
    head = int(session.scalar(select(func.max(SyncChange.seq))) or 0)
    wanted = household_set(uow)
    tables: dict[str, list[Any]] = {}
    gone: dict[str, list[str]] = {}
    if cursor <= 0:
        tables.update(_reference(uow))
        start = head
    else:
        start = cursor
    entering = sorted(wanted - have)
    page = entering[:max(1, min(page_size, SNAPSHOT_PAGE))]
    for name, found in _snapshot(uow, page).items():
        tables.setdefault(name, []).extend(found)
    held = sorted(wanted & have)
    next_cursor = head
    more = len(entering) > len(page)
    limit = max(1, min(page_size * 10, CHANGES_PAGE))
    if start < head:
        scope = [SyncChange.household_id.in_(held)] if held else []
        lines = session.execute(
            select(SyncChange.seq, SyncChange.table_name, SyncChange.row_id)
            .where(SyncChange.seq > start, SyncChange.seq <= head,
                   or_(and_(SyncChange.household_id.is_(None),
                            SyncChange.table_name.in_(rows.REFERENCE_TABLES)), *scope))
            .order_by(SyncChange.seq).limit(limit + 1)).all()
        if len(lines) > limit:
            lines = lines[:limit]
            next_cursor = int(lines[-1][0])
            more = True
        by_table: dict[str, set[str]] = {}
        for _seq, name, key in lines:
            by_table.setdefault(name, set()).add(key)
        for name in rows.dependency_order(by_table):
            current, missing = _current(uow, name, by_table[name])
            if current:
                tables.setdefault(name, []).extend(current)
            if missing:
                gone[name] = missing
    # A destroyed household leaves every laptop at once, not after the days a closed one stays.
    destroyed = sorted(str(h) for h in session.scalars(select(Destruction.household_id).where(
        Destruction.status == "vernietigd", Destruction.household_id.in_(sorted(have - wanted))))
    ) if have - wanted else []
    left = sorted(str(h) for h in have - wanted if str(h) not in destroyed)
    for household_id in page:
        audit.record(uow, "inzien", "replica", household_id, household_id,
                     detail="naar laptopreplica")
    audit.record(uow, "synchroniseren", "replica", detail=(
        f"{len(page)} huishoudens nieuw, {sum(len(v) for v in tables.values())} rijen, "
        f"{len(left)} huishoudens weg"))
    return {"tabellen": tables, "weg": gone, "huishoudens_weg": left, "vernietigd": destroyed,
            "cursor": next_cursor, "meer": more}
