"""Applying a laptop's pushed changes: idempotent by change id, three-way per field.

For each change: already applied → the outcome recorded then. Otherwise, in a savepoint,
authorise it with the access rules (``require_edit`` on the row's household; a new household
needs ``require_create``; columns naming who did something must name the signed-in person) and
the domain guards (a plan version agreed since the laptop last pulled is frozen), then:
server value == base → apply; == new → nothing to do; otherwise a conflict (the server's value
stays, both are kept with who and when). A refusal is an outcome, not an error: the laptop keeps
the change and shows it.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import (
    Household,
    Member,
    PlanResult,
    PlanVersion,
    SyncAlias,
    SyncApplied,
    SyncChange,
    SyncConflict,
    SyncOfflineMark,
)
from intake.core import audit
from intake.core.access import require_create, require_edit
from intake.core.context import UnitOfWork
from intake.core.errors import AuditEvent, KnownError, NotFoundError, PermissionDenied
from intake.plans.vocab import VersionStatus
from intake.register.households import next_dossiernummer
from intake.team import rows
from intake.team.wire import PROVISIONAL_PREFIX

APPLIED, SAME, CONFLICT, REFUSED = "toegepast", "gelijk", "conflict", "geweigerd"
DUPLICATE = "*dubbel*"
OFFLINE_MARK = timedelta(days=30)
NOT_YOURS = ("Een wijziging op naam van een ander dan de aangemelde persoon wordt niet "
             "aangenomen.")
FROZEN = ("Dit plan is intussen vastgesteld (akkoord gegeven); uw wijziging is niet "
          "doorgevoerd. Start een nieuwe versie om iets aan te passen.")
GONE = "Dit gegeven bestaat op de server niet meer; uw wijziging is niet doorgevoerd."


@dataclass
class Outcome:
    outcome: str
    message: str = ""
    conflict_id: uuid.UUID | None = None

    def to_json(self) -> dict[str, Any]:
        return {"uitkomst": self.outcome, "bericht": self.message,
                "conflict": str(self.conflict_id) if self.conflict_id else None}


@dataclass
class PushContext:
    uow: UnitOfWork
    replica_id: uuid.UUID
    cursor: int
    head: int
    new_households: list[uuid.UUID] = field(default_factory=list)
    allowed: dict[uuid.UUID, PermissionDenied | None] = field(default_factory=dict)

    def require_edit(self, household_id: uuid.UUID) -> None:
        """The access rules once per household and push (a push touches few households)."""
        if household_id not in self.allowed:
            try:
                require_edit(self.uow, household_id)
                self.allowed[household_id] = None
            except PermissionDenied as error:
                self.allowed[household_id] = error
        refused = self.allowed[household_id]
        if refused is not None:
            raise PermissionDenied(refused.message, refused.audit)


def _values(obj: Any) -> dict[str, Any]:
    return {c.name: getattr(obj, c.name) for c in obj.__table__.columns}


def _plan_version_id(session: Session, name: str, values: dict[str, Any]) -> uuid.UUID | None:
    if name == "plan_versions":
        found = values.get("id")
    elif name in ("plan_professionals", "plan_evaluation_moments", "plan_results"):
        found = values.get("plan_version_id")
    elif name == "plan_actions":
        found = session.scalar(select(PlanResult.plan_version_id).where(
            PlanResult.id == values.get("result_id")))
    else:
        return None
    return found if isinstance(found, uuid.UUID) else None


def _guard_plan(ctx: PushContext, name: str, values: dict[str, Any]) -> None:
    """Refuse a change under a plan version that was agreed after the laptop's last pull."""
    session = ctx.uow.session
    version_id = _plan_version_id(session, name, values)
    if version_id is None:
        return
    version = session.get(PlanVersion, version_id)
    if version is None or VersionStatus(version.status).editable:
        return
    since = session.scalar(select(func.max(SyncChange.seq)).where(
        SyncChange.table_name == "plan_versions", SyncChange.row_id == str(version_id),
        SyncChange.seq > ctx.cursor, SyncChange.seq <= ctx.head))
    if since is not None:
        raise KnownError(FROZEN)


def _household(ctx: PushContext, name: str, values: dict[str, Any]) -> uuid.UUID:
    found = rows.household_of(ctx.uow.session, name, values)
    if found is None:
        raise NotFoundError(GONE)
    return found


def _check_actor_columns(ctx: PushContext, values: dict[str, Any]) -> None:
    for column in rows.ACTOR_COLUMNS & values.keys():
        if values[column] is not None and values[column] != ctx.uow.actor.id:
            raise PermissionDenied(NOT_YOURS, AuditEvent("synchroniseren", "wijziging"))


def _mark(ctx: PushContext, household_id: uuid.UUID) -> None:
    session, uow = ctx.uow.session, ctx.uow
    mark = session.get(SyncOfflineMark, (uow.actor.id, household_id))
    until = uow.now + OFFLINE_MARK
    if mark is None:
        session.add(SyncOfflineMark(user_id=uow.actor.id, household_id=household_id,
                                    until=until))
    else:
        mark.until = max(mark.until, until)


def _insert(ctx: PushContext, name: str, raw: dict[str, Any]) -> Outcome:
    session, uow = ctx.uow.session, ctx.uow
    tbl, cls = rows.table(name), rows.mapped_class(name)
    values = rows.decode_row(tbl, raw)
    _check_actor_columns(ctx, values)
    key = tuple(values[c.name] for c in tbl.primary_key.columns)
    if session.get(cls, key if len(key) > 1 else key[0]) is not None:
        return Outcome(SAME)
    if name == "households":
        require_create(uow)
        provisional = str(values.get("dossiernummer", ""))
        if provisional.startswith(PROVISIONAL_PREFIX) or not provisional:
            values["dossiernummer"] = next_dossiernummer(uow)
            if provisional:
                session.add(SyncAlias(alias=provisional, household_id=values["id"]))
    else:
        ctx.require_edit(_household(ctx, name, values))
        _guard_plan(ctx, name, values)
    if "version" in values:
        values["version"] = 1
    session.add(cls(**values))
    session.flush()
    if name == "households":
        _mark(ctx, values["id"])
        ctx.new_households.append(values["id"])
    return Outcome(APPLIED)


def _load(ctx: PushContext, name: str, key: str) -> Any:
    tbl, cls = rows.table(name), rows.mapped_class(name)
    pk = tuple(rows.key_values(tbl, key).values())
    return ctx.uow.session.get(cls, pk if len(pk) > 1 else pk[0], with_for_update=True)


def _delete(ctx: PushContext, name: str, key: str) -> Outcome:
    obj = _load(ctx, name, key)
    if obj is None:
        return Outcome(SAME)
    values = _values(obj)
    ctx.require_edit(_household(ctx, name, values))
    _guard_plan(ctx, name, values)
    ctx.uow.session.delete(obj)
    ctx.uow.session.flush()
    return Outcome(APPLIED)


def _last_writer(session: Session, name: str, key: str) -> tuple[str, datetime | None]:
    found = session.execute(select(SyncChange.actor, SyncChange.at).where(
        SyncChange.table_name == name, SyncChange.row_id == key)
        .order_by(SyncChange.seq.desc()).limit(1)).first()
    return (found[0], found[1]) if found is not None else ("", None)


def _update(ctx: PushContext, change: dict[str, Any]) -> Outcome:
    session, uow = ctx.uow.session, ctx.uow
    name, key, column = str(change["t"]), str(change["k"]), str(change["c"])
    tbl = rows.table(name)
    if column in rows.BOOKKEEPING or column not in tbl.c or tbl.c[column].primary_key:
        raise KnownError(f"Het veld '{column}' kan niet worden gesynchroniseerd.")
    obj = _load(ctx, name, key)
    if obj is None:
        raise NotFoundError(GONE)
    values = _values(obj)
    household = _household(ctx, name, values)
    ctx.require_edit(household)
    _guard_plan(ctx, name, values)
    new_value = rows.decode(tbl.c[column], change["n"])
    _check_actor_columns(ctx, {column: new_value})
    current = rows.dumps(getattr(obj, column))
    if current == rows.dumps(change["b"]):
        setattr(obj, column, new_value)
        if hasattr(obj, "updated_at"):
            obj.updated_at = uow.now
        session.flush()
        return Outcome(APPLIED)
    if current == rows.dumps(change["n"]):
        return Outcome(SAME)
    by, at = _last_writer(session, name, key)
    conflict = SyncConflict(
        table_name=name, row_id=key, column_name=column, household_id=household,
        base_json=rows.dumps(change["b"]), server_json=current, server_by=by, server_at=at,
        client_json=rows.dumps(change["n"]), client_by_id=uow.actor.id,
        client_by=uow.actor.username, client_at=_client_time(change, uow.now))
    session.add(conflict)
    session.flush()
    return Outcome(CONFLICT, "Op de server is dit veld intussen ook gewijzigd.", conflict.id)


def _client_time(change: dict[str, Any], default: datetime) -> datetime:
    try:
        return datetime.fromisoformat(str(change.get("at")))
    except ValueError:
        return default


def _audit(ctx: PushContext, change: dict[str, Any]) -> Outcome:
    uow = ctx.uow
    values = dict(change["n"])
    if values.get("actor_id") != str(uow.actor.id):
        raise PermissionDenied("Een auditregel van een ander dan de aangemelde persoon wordt "
                               "niet aangenomen.", AuditEvent("synchroniseren", "auditregel"))
    household = values.get("household_id")
    event = AuditEvent(str(values["action"])[:40], str(values["object_type"])[:40],
                       values.get("object_id"), uuid.UUID(household) if household else None,
                       str(values.get("detail", "")))
    audit.append(uow.session, uow.actor, datetime.fromisoformat(str(values["at"])),
                 event=event, result=str(values.get("result", "ok"))[:20])
    return Outcome(APPLIED)


def _apply(ctx: PushContext, change: dict[str, Any]) -> Outcome:
    op, name = str(change["op"]), str(change["t"])
    if op == "audit":
        return _audit(ctx, change)
    if name not in rows.CASE_TABLES:
        raise KnownError("Deze gegevens worden niet van laptops aangenomen.")
    if op == "insert":
        return _insert(ctx, name, dict(change["n"]))
    if op == "delete":
        return _delete(ctx, name, str(change["k"]))
    if op == "update":
        return _update(ctx, change)
    raise KnownError(f"Onbekende soort wijziging '{op}'.")


def apply_push(ctx: PushContext, changes: list[dict[str, Any]]) -> dict[str, Outcome]:
    session, uow = ctx.uow.session, ctx.uow
    results: dict[str, Outcome] = {}
    ids = [uuid.UUID(str(change["id"])) for change in changes]
    earlier = {row.change_id: row for row in session.scalars(
        select(SyncApplied).where(SyncApplied.change_id.in_(ids)))} if ids else {}
    for change in changes:
        change_id = uuid.UUID(str(change["id"]))
        done = earlier.get(change_id)
        if done is not None:
            results[str(change_id)] = Outcome(done.outcome, done.message, done.conflict_id)
            continue
        try:
            with session.begin_nested():
                outcome = _apply(ctx, change)
        except PermissionDenied as error:
            outcome = Outcome(REFUSED, error.message)
            if error.audit is not None:
                audit.append(session, uow.actor, uow.now, result="geweigerd", event=error.audit)
        except KnownError as error:
            outcome = Outcome(REFUSED, error.message)
        except IntegrityError:
            outcome = Outcome(REFUSED, "De server kon deze wijziging niet opslaan: ze past niet "
                                       "bij de gegevens daar.")
        session.add(SyncApplied(change_id=change_id, user_id=uow.actor.id,
                                replica_id=ctx.replica_id, outcome=outcome.outcome,
                                message=outcome.message[:500], conflict_id=outcome.conflict_id,
                                at=uow.now))
        session.flush()
        results[str(change_id)] = outcome
    _flag_duplicates(ctx)
    return results


def _flag_duplicates(ctx: PushContext) -> None:
    """The same family registered on two laptops: same BSN, or same name and date of birth at
    the same postcode. Both households get a 'mogelijk dubbel' mark to look at."""
    session, uow = ctx.uow.session, ctx.uow
    for household_id in ctx.new_households:
        household = session.get(Household, household_id)
        if household is None:
            continue
        others: set[uuid.UUID] = set()
        for member in session.scalars(select(Member).where(Member.household_id == household_id)):
            query = select(Member.household_id).join(Household).where(
                Member.household_id != household_id)
            if member.bsn:
                others |= set(session.scalars(query.where(Member.bsn == member.bsn)))
            if member.date_of_birth is not None:
                others |= set(session.scalars(query.where(
                    Member.family_key == member.family_key,
                    Member.given_key == member.given_key,
                    Member.date_of_birth == member.date_of_birth,
                    Household.postcode == household.postcode)))
        for other_id in sorted(others):
            other = session.get(Household, other_id)
            assert other is not None
            for mine, theirs in ((household, other), (other, household)):
                session.add(SyncConflict(
                    table_name="households", row_id=str(mine.id), column_name=DUPLICATE,
                    household_id=mine.id, server_json=json.dumps(theirs.dossiernummer),
                    client_json=json.dumps(mine.dossiernummer), client_by_id=uow.actor.id,
                    client_by=uow.actor.username, client_at=uow.now,
                    server_by="", server_at=theirs.created_at))
    session.flush()


def new_secret() -> str:
    return secrets.token_hex(32)
