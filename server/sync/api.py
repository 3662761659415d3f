"""The sync endpoints of the API (under /api/v1/sync). All but ``contact`` need a signed-in
person; every one that touches a replica checks that it is this person's and not revoked."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from typing import Any

from sqlalchemy import select

from db.models import SyncConflict, SyncOfflineMark, SyncReplica, User
from intake.core import audit
from intake.core.access import require_edit, require_read
from intake.core.context import StoreHandle, UnitOfWork
from intake.core.errors import (
    AuditEvent,
    KnownError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from intake.core.session import unit_of_work
from intake.register.households import household_id_for
from intake.register.need_to_know import OpeningReason, record_opening
from intake.team import faults, rows
from intake.team.wire import REVOKED, ReplicaRevokedError, to_json
from server.endpoints import Call, Operation, Result
from server.sync import changelog
from server.sync.pull import SNAPSHOT_PAGE
from server.sync.pull import pull as pull_rows
from server.sync.push import DUPLICATE, PushContext, apply_push

FAULTS = faults.Faults.from_env()
REVOKED_MESSAGE = ("Deze laptopreplica is ingetrokken of het account is geblokkeerd. De "
                   "gegevens op deze laptop worden verwijderd.")


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _replica(uow: UnitOfWork, body: dict[str, Any]) -> SyncReplica:
    try:
        replica_id = uuid.UUID(str(body.get("replica")))
    except ValueError:
        raise ValidationError({"replica": "Onbekende replica."}) from None
    replica = uow.session.get(SyncReplica, replica_id)
    if replica is None or replica.user_id != uow.actor.id:
        raise PermissionDenied("Deze replica hoort niet bij uw account.",
                               AuditEvent("synchroniseren", "replica", str(replica_id)))
    if replica.revoked_at is not None:
        raise ReplicaRevokedError(REVOKED_MESSAGE)
    replica.last_contact = uow.now
    return replica


def join(call: Call) -> Result:
    secret, contact = secrets.token_hex(32), secrets.token_urlsafe(32)
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        replica = SyncReplica(user_id=uow.actor.id, secret=secret,
                              contact_hash=_digest(contact), created_at=uow.now,
                              last_contact=uow.now)
        uow.session.add(replica)
        uow.session.flush()
        audit.record(uow, "aanmaken", "replica", replica.id)
        return {"replica": str(replica.id), "geheim": secret, "contact": contact,
                "gebruiker": to_json(uow.actor)}


def secret(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        replica = _replica(uow, call.body)
        audit.record(uow, "inzien", "replicasleutel", replica.id)
        return {"geheim": replica.secret}


def push(call: Call) -> Result:
    FAULTS.hit(faults.BEFORE_PUSH)
    changes = call.body.get("wijzigingen")
    if not isinstance(changes, list):
        raise ValidationError({"wijzigingen": "Geen lijst met wijzigingen."})
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        replica = _replica(uow, call.body)
        # One push at a time: numbers in the change log follow commit order, and row locks
        # taken by two pushes can never wait for each other.
        from sqlalchemy import func, text

        from db.models import SyncChange
        if uow.session.get_bind().dialect.name == "postgresql":
            uow.session.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                {"key": audit.AUDIT_LOCK})
            uow.session.info[changelog.LOCKED] = True
        head = int(uow.session.scalar(select(func.max(SyncChange.seq))) or 0)
        ctx = PushContext(uow, replica.id, int(call.body.get("cursor", 0)), head)
        outcomes = apply_push(ctx, changes)
        counts: dict[str, int] = {}
        for outcome in outcomes.values():
            counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
        audit.record(uow, "synchroniseren", "replica", replica.id, detail=", ".join(
            f"{n} {kind}" for kind, n in sorted(counts.items())))
    FAULTS.hit(faults.AFTER_SERVER_COMMIT)
    return {"uitkomsten": {key: value.to_json() for key, value in outcomes.items()}}


def pull(call: Call) -> Result:
    try:
        have = {uuid.UUID(str(h)) for h in call.body.get("have", [])}
    except ValueError:
        raise ValidationError({"have": "Onbekende huishoudens."}) from None
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        _replica(uow, call.body)
        answer = pull_rows(uow, int(call.body.get("cursor", 0)), have,
                           int(call.body.get("pagina", SNAPSHOT_PAGE)))
    if call.body.get("cursor", 0):
        FAULTS.hit(faults.MID_PULL)
    return answer


def mark_offline(call: Call) -> Result:
    days = min(max(int(call.body.get("days", 14)), 1), 90)
    from datetime import timedelta

    with unit_of_work(call.store, call.actor, call.clock) as uow:
        household_id = call.optional_id("household_id") or household_id_for(
            uow, call.text("dossiernummer"))
        reason = call.body.get("reason_code")
        if reason:  # outside one's own work: with a reason, for the team lead's review
            record_opening(uow, household_id, OpeningReason(
                str(reason), str(call.body.get("reason_text") or "")))
        require_read(uow, household_id, "offline")
        mark = uow.session.get(SyncOfflineMark, (uow.actor.id, household_id))
        until = uow.now + timedelta(days=days)
        if mark is None:
            uow.session.add(SyncOfflineMark(user_id=uow.actor.id, household_id=household_id,
                                            until=until))
        else:
            mark.until = until
        audit.record(uow, "offline", "huishouden", household_id, household_id,
                     detail=f"{days} dagen")
    return {"tot": until.isoformat()}


def resolve(call: Call) -> Result:
    keep = call.text("keep")
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        conflict_id = call.optional_id("id")
        conflict = uow.session.get(SyncConflict, conflict_id) if conflict_id else None
        if conflict is None or conflict.household_id is None:
            raise NotFoundError("Dit conflict bestaat niet.")
        require_edit(uow, conflict.household_id, "conflict")
        if conflict.resolved_at is not None:
            raise KnownError("Dit conflict is al opgelost.")
        if conflict.column_name != DUPLICATE and conflict.client_by_id != uow.actor.id:
            raise PermissionDenied(
                "Alleen wie de tweede wijziging maakte, lost dit conflict op.",
                AuditEvent("conflict", "huishouden", str(conflict.household_id),
                           conflict.household_id))
        chosen = _resolve_value(uow, conflict, keep, call.body.get("value"))
        conflict.resolved_at = uow.now
        conflict.resolved_by = uow.actor.username
        conflict.resolved_json = chosen
        audit.record(uow, "conflict", "huishouden", conflict.household_id,
                     conflict.household_id, detail=f"{conflict.table_name}.{conflict.column_name}"
                     f" opgelost: {keep}")
        return {"opgelost": str(conflict.id)}


def _resolve_value(uow: UnitOfWork, conflict: SyncConflict, keep: str, value: Any) -> str:
    if conflict.column_name == DUPLICATE:
        return conflict.server_json
    if keep == "server":
        return conflict.server_json
    tbl = rows.table(conflict.table_name)
    if keep == "mijn":
        import json
        raw = json.loads(conflict.client_json)
    elif keep == "waarde":
        raw = value
    else:
        raise ValidationError({"keep": "Kies mijn, server of een waarde."})
    column = tbl.c[conflict.column_name]
    try:
        decoded = rows.decode(column, raw)
    except ValueError:
        raise ValidationError({"value": "Deze waarde past niet bij dit veld."}) from None
    cls = rows.mapped_class(conflict.table_name)
    pk = tuple(rows.key_values(tbl, conflict.row_id).values())
    obj = uow.session.get(cls, pk if len(pk) > 1 else pk[0], with_for_update=True)
    if obj is None:
        raise NotFoundError("Dit gegeven bestaat op de server niet meer.")
    setattr(obj, conflict.column_name, decoded)
    if hasattr(obj, "updated_at"):
        obj.updated_at = uow.now
    uow.session.flush()
    return rows.dumps(decoded)


def contact(store: StoreHandle, body: dict[str, Any]) -> dict[str, Any]:
    """Without a password: may this replica still exist? Revoked, or its account blocked,
    says so; an unknown replica or a wrong contact token is simply unknown."""
    try:
        replica_id = uuid.UUID(str(body.get("replica")))
    except ValueError:
        raise NotFoundError("Onbekende replica.") from None
    with store.sessions() as session:
        replica = session.get(SyncReplica, replica_id)
        if replica is None or not hmac.compare_digest(
                replica.contact_hash, _digest(str(body.get("contact", "")))):
            raise NotFoundError("Onbekende replica.")
        user = session.scalar(select(User).where(User.id == replica.user_id))
        revoked = replica.revoked_at is not None or user is None or user.disabled
        return {REVOKED: revoked}


ROUTES: tuple[tuple[str, str, Operation], ...] = (
    ("POST", "/sync/join", join),
    ("POST", "/sync/secret", secret),
    ("POST", "/sync/push", push),
    ("POST", "/sync/pull", pull),
    ("POST", "/sync/offline", mark_offline),
    ("POST", "/sync/conflicts/resolve", resolve),
)
