"""Synchronising a replica with its team server: push the outbox, then pull from the cursor.

Push: waiting outbox rows are first marked as under way (so a change made during the push gets a
row of its own), then sent with their change ids; the server applies each id once and answers
its outcome, after which applied, equal and conflicting rows leave the outbox and refused rows
stay, marked and with the server's reason. Cut off anywhere, the next run sends the same ids
again and gets the same outcomes.
Pull: pages of rows, each applied together with the new cursor in one transaction, with Core
statements (no outbox rows) and foreign keys checked at commit. A column with a change still
waiting to be sent keeps its local value. Households that left the person's set are removed
after ``keep_days``.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import figure_facts
from db.models import AuditEntry, Household, SyncAlias, SyncConflict, SyncOutbox, SyncState
from intake.core.clock import utcnow
from intake.core.errors import KnownError
from intake.store import Store
from intake.team import faults, rows
from intake.team.client import TeamClient
from intake.team.replica import TeamFile, check_contact

PUSH_BATCH = 500
MAX_ROUNDS = 10_000  # bounded loops: far more pages than any store has
UNDER_WAY = "onderweg"
REFUSED = "geweigerd"
CURSOR = "cursor"
LEFT = "weg:"


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    same: int = 0
    conflicts: int = 0
    refused: int = 0
    pulled_rows: int = 0
    households_in: int = 0
    households_removed: int = 0
    messages: list[str] = field(default_factory=list)


def _state(session: Session, name: str, default: str = "") -> str:
    found = session.get(SyncState, name)
    return found.value if found is not None else default


def _set_state(session: Session, name: str, value: str) -> None:
    found = session.get(SyncState, name)
    if found is None:
        session.add(SyncState(name=name, value=value))
    else:
        found.value = value


def cursor_of(store: Store) -> int:
    with store.sessions() as session:
        return int(_state(session, CURSOR, "0"))


# Push.
def _item(row: SyncOutbox) -> dict[str, Any]:
    return {"id": str(row.change_id), "t": row.table_name, "k": row.row_id, "op": row.op,
            "c": row.column_name, "b": json.loads(row.base_json),
            "n": json.loads(row.new_json), "at": row.created_at.isoformat()}


def push(store: Store, client: TeamClient, team: TeamFile, report: SyncReport,
         hooks: faults.Faults = faults.NONE) -> None:
    for _round in range(MAX_ROUNDS):
        with store.sessions.begin() as session:
            batch = list(session.scalars(select(SyncOutbox).where(
                SyncOutbox.status.in_(("nieuw", UNDER_WAY))).order_by(SyncOutbox.seq)
                .limit(PUSH_BATCH)))
            if not batch:
                return
            session.execute(update(SyncOutbox).where(
                SyncOutbox.seq.in_([r.seq for r in batch])).values(status=UNDER_WAY))
            items = [_item(r) for r in batch]
            cursor = int(_state(session, CURSOR, "0"))
        hooks.hit(faults.BEFORE_PUSH)
        answer = client.call("/sync/push", {"replica": str(team.replica_id), "cursor": cursor,
                                            "wijzigingen": items})
        hooks.hit(faults.AFTER_SERVER_COMMIT)  # the laptop dies before it reads the answer
        outcomes: dict[str, dict[str, Any]] = answer["uitkomsten"]
        with store.sessions.begin() as session:
            for item in items:
                outcome = outcomes.get(item["id"], {"uitkomst": REFUSED,
                                                    "bericht": "Geen antwoord van de server."})
                kind = outcome["uitkomst"]
                report.pushed += 1
                if kind == REFUSED:
                    report.refused += 1
                    report.messages.append(str(outcome.get("bericht", "")))
                    session.execute(update(SyncOutbox).where(
                        SyncOutbox.change_id == uuid.UUID(item["id"])).values(
                        status=REFUSED, message=str(outcome.get("bericht", ""))[:500]))
                    continue
                if kind == "conflict":
                    report.conflicts += 1
                elif kind == "gelijk":
                    report.same += 1
                else:
                    report.applied += 1
                session.execute(delete(SyncOutbox).where(
                    SyncOutbox.change_id == uuid.UUID(item["id"])))


# Pull.
def _pending_columns(session: Session) -> set[tuple[str, str, str]]:
    return {(t, k, c) for t, k, c in session.execute(
        select(SyncOutbox.table_name, SyncOutbox.row_id, SyncOutbox.column_name).where(
            SyncOutbox.status.in_(("nieuw", UNDER_WAY)), SyncOutbox.op == "update"))}


def _upsert(session: Session, name: str, found: list[dict[str, Any]],
            pending: set[tuple[str, str, str]]) -> None:
    tbl = rows.table(name)
    keys = [c.name for c in tbl.primary_key.columns]
    decoded = [rows.decode_row(tbl, r) for r in found]
    plain: list[dict[str, Any]] = []
    for values in decoded:
        key = rows.row_id(tbl, values)
        kept = {c for t, k, c in pending if t == name and k == key}
        if kept:
            _upsert_one(session, tbl, keys, values, kept)
        else:
            plain.append(values)
    if not plain:
        return
    statement = sqlite_insert(tbl)
    update_set = {c.name: statement.excluded[c.name] for c in tbl.columns if c.name not in keys}
    # A table of keys only (name parts) has nothing to update.
    statement = statement.on_conflict_do_update(index_elements=keys, set_=update_set) \
        if update_set else statement.on_conflict_do_nothing(index_elements=keys)
    try:
        with session.begin_nested():
            session.execute(statement, plain)
    except IntegrityError:
        for values in plain:
            _upsert_one(session, tbl, keys, values, set())


def _upsert_one(session: Session, tbl: Any, keys: list[str], values: dict[str, Any],
                kept: set[str]) -> None:
    """One row; local columns with unsent changes stay. A local row that holds the same unique
    key under another id (made on this laptop, refused or conflicting there) makes way."""
    statement = sqlite_insert(tbl).values(**values)
    update_set = {c: statement.excluded[c] for c in values if c not in keys and c not in kept}
    statement = statement.on_conflict_do_update(index_elements=keys, set_=update_set) \
        if update_set else statement.on_conflict_do_nothing(index_elements=keys)
    try:
        with session.begin_nested():
            session.execute(statement)
    except IntegrityError:
        for constraint in tbl.constraints:
            columns = [c.name for c in getattr(constraint, "columns", [])]
            if constraint.__class__.__name__ == "UniqueConstraint" and columns:
                session.execute(delete(tbl).where(*(tbl.c[c] == values[c] for c in columns)))
        for column in tbl.columns:
            if column.unique:
                session.execute(delete(tbl).where(column == values[column.name]))
        session.execute(statement)


def remove_household(session: Session, household_id: uuid.UUID) -> None:
    """Everything of one household leaves the laptop: its rows (the database cascades), the
    audit entries and outbox rows that name it, its conflicts and provisional numbers."""
    session.execute(delete(Household).where(Household.id == household_id))
    for model in (AuditEntry, SyncOutbox, SyncConflict, SyncAlias):
        session.execute(delete(model).where(model.household_id == household_id))
    session.execute(delete(SyncState).where(SyncState.name == f"{LEFT}{household_id}"))


def _apply_page(session: Session, answer: dict[str, Any], report: SyncReport,
                now: datetime, keep_days: int) -> None:
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    pending = _pending_columns(session)
    tables: dict[str, list[dict[str, Any]]] = answer.get("tabellen", {})
    known = set(rows.PULLED_TABLES)
    for name in rows.dependency_order(n for n in tables if n in known):
        _upsert(session, name, tables[name], pending)
        report.pulled_rows += len(tables[name])
        if name in figure_facts.TABLES:  # Core writes: the session does not see them
            tbl = rows.table(name)
            figure_facts.touch(session, name, [rows.decode_row(tbl, r)["id"]
                                               for r in tables[name]])
    report.households_in += len(tables.get("households", []))
    gone: dict[str, list[str]] = answer.get("weg", {})
    for name in reversed(rows.dependency_order(n for n in gone if n in known)):
        tbl = rows.table(name)
        for key in gone[name]:
            if name in figure_facts.TABLES:
                figure_facts.touch(session, name, session.scalars(
                    select(tbl.c.id).where(rows.key_clause(tbl, key))))
            session.execute(delete(tbl).where(rows.key_clause(tbl, key)))
    for raw in answer.get("vernietigd", []):  # destroyed on the server: gone now, for good
        remove_household(session, uuid.UUID(raw))
        report.households_removed += 1
    for raw in answer.get("huishoudens_weg", []):
        name = f"{LEFT}{raw}"
        if session.get(SyncState, name) is None:
            session.add(SyncState(name=name, value=now.isoformat()))
    session.flush()
    purge_left(session, now, keep_days, report)


def purge_left(session: Session, now: datetime, keep_days: int, report: SyncReport) -> None:
    for state in list(session.scalars(select(SyncState).where(
            SyncState.name.startswith(LEFT)))):
        if now - datetime.fromisoformat(state.value) >= timedelta(days=keep_days):
            remove_household(session, uuid.UUID(state.name.removeprefix(LEFT)))
            report.households_removed += 1


def _held(session: Session) -> list[str]:
    left = {s.removeprefix(LEFT) for s in session.scalars(
        select(SyncState.name).where(SyncState.name.startswith(LEFT)))}
    return [str(h) for h in session.scalars(select(Household.id)) if str(h) not in left]


def pull(store: Store, client: TeamClient, team: TeamFile, report: SyncReport,
         hooks: faults.Faults = faults.NONE, page: int | None = None,
         now: datetime | None = None) -> None:
    now = now or utcnow()
    for _round in range(MAX_ROUNDS):
        with store.sessions() as session:
            cursor = int(_state(session, CURSOR, "0"))
            have = _held(session)
        body: dict[str, Any] = {"replica": str(team.replica_id), "cursor": cursor,
                                "have": have}
        if page is not None:
            body["pagina"] = page
        answer = client.call("/sync/pull", body)
        with store.sessions.begin() as session:
            _apply_page(session, answer, report, now, team.keep_days)
            hooks.hit(faults.AFTER_APPLY_BEFORE_CURSOR)
            _set_state(session, CURSOR, str(int(answer["cursor"])))
            _set_state(session, "last_sync", now.isoformat())
        if not answer.get("meer"):
            return
        hooks.hit(faults.MID_PULL)


def synchronise(store: Store, team: TeamFile, password: str, *,
                hooks: faults.Faults = faults.NONE, client: TeamClient | None = None,
                page: int | None = None, now: datetime | None = None) -> SyncReport:
    """One full sync: ask whether the replica may still exist, push, pull."""
    now = now or utcnow()
    report = SyncReport()
    own = client is None
    client = client or team.client()
    try:
        check_contact(team, client)
        if client.user is None:
            client.sign_in(team.username, password)
        push(store, client, team, report, hooks)
        pull(store, client, team, report, hooks, page, now)
    finally:
        if own:
            client.close()
    team.last_contact = now
    team.last_sync = now
    team.save()
    return report


@dataclass(frozen=True)
class Status:
    online: bool
    last_sync: datetime | None
    unsent: int
    refused: int
    conflicts: int

    def line(self) -> str:
        when = self.last_sync.strftime("%d-%m-%Y %H:%M") if self.last_sync else "nog nooit"
        parts = ["verbonden" if self.online else "offline",
                 f"laatste synchronisatie {when}", f"{self.unsent} niet verzonden"]
        if self.refused:
            parts.append(f"{self.refused} geweigerd")
        if self.conflicts:
            parts.append(f"{self.conflicts} conflicten")
        return " · ".join(parts)


def reachable(team: TeamFile) -> bool:
    try:
        with team.client() as client:
            client.call("/status", method="GET")
    except KnownError:
        return False
    return True


def status(store: Store, team: TeamFile, online: bool) -> Status:
    with store.sessions() as session:
        unsent = int(session.scalar(select(func.count()).select_from(SyncOutbox).where(
            SyncOutbox.status != REFUSED, SyncOutbox.op != "audit")) or 0)
        refused = int(session.scalar(select(func.count()).select_from(SyncOutbox).where(
            SyncOutbox.status == REFUSED)) or 0)
        conflicts = int(session.scalar(select(func.count()).select_from(SyncConflict).where(
            SyncConflict.resolved_at.is_(None))) or 0)
    return Status(online, team.last_sync, unsent, refused, conflicts)
