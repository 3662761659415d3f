"""The audit trail: who read or changed which household, when, and with what result.

Entries are appended, never updated; each carries the hash of its predecessor, so an edited
or removed entry breaks the chain and ``verify_chain`` reports where.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from db.models import AuditEntry, Household
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import AuditEvent, PermissionDenied
from intake.core.roles import Role

GENESIS = "0" * 64
AUDIT_LOCK = 7_551_014  # advisory lock key of the audit chain on PostgreSQL
HEAD = "audit_head"  # session.info: the entry appended last, inside ``keep_head``
AHEAD_RECENT_READS = "recent_reads"  # UnitOfWork.read_ahead: see ``read_recent_ahead``

ACTION_LABELS = {
    "aanmelden": "Aangemeld",
    "ontgrendelen": "Scherm ontgrendeld na vergrendelen",
    "afmelden": "Afgemeld",
    "inzien": "Dossier ingezien",
    "aanmaken": "Aangemaakt",
    "wijzigen": "Gewijzigd",
    "zoeken": "Gezocht",
    "toegang": "Toegang verleend",
    "account-aanmaken": "Account aangemaakt",
    "account-blokkeren": "Account geblokkeerd",
    "wachtwoord": "Wachtwoord gewijzigd",
    "sleutel-vervangen": "Sleutel van de gegevensopslag vervangen",
    "herstelsleutel": "Herstelsleutel gemaakt of gebruikt",
    "audit-controle": "Audittrail gecontroleerd",
    "inzage-overzicht": "Inzageoverzicht opgevraagd",
    "demo": "Demogegevens aangemaakt",
    "afdrukken": "Afgedrukt",
    "afdrukvoorbeeld": "Afdrukvoorbeeld bekeken",
    "pdf-opslaan": "Opgeslagen als PDF",
    "exporteren": "Geëxporteerd",
    "synchroniseren": "Gesynchroniseerd met een laptop",
    "offline": "Beschikbaar gemaakt voor offline",
    "conflict": "Conflict opgelost",
    "inzage": "Inzage voor de inwoner opgesteld (art. 15 AVG)",
    "vernietiging-voorstellen": "Vernietiging voorgesteld",
    "vernietiging-intrekken": "Voorstel tot vernietiging ingetrokken",
    "vernietigen": "Vernietigd na afloop van de bewaartermijn",
    "audit-verzegelen": "Audittrail verzegeld",
    "reservekopie": "Reservekopie gemaakt",
    "terugzetten": "Reservekopie teruggezet",
    "instelling": "Instelling gewijzigd",
    "nakijken": "Openen met reden nagekeken",
    "openingen": "Lijst van openen met reden bekeken",
    "delen-vastleggen": "Grondslag voor delen vastgelegd",
    "delen-intrekken": "Toestemming voor delen ingetrokken",
    "delen-overzicht": "Grondslagen voor delen bekeken",
}


def _digest(prev_hash: str, entry: AuditEntry) -> str:
    fields = [
        prev_hash,
        entry.at.isoformat(timespec="microseconds"),
        str(entry.actor_id or ""),
        entry.actor_name,
        entry.action,
        entry.object_type,
        entry.object_id or "",
        str(entry.household_id or ""),
        entry.result,
        entry.detail,
    ]
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


# The audit trail's own reads run with every user action: built once, their SQL is compiled
# once too (building and caching a statement cost more than running it). Run on the session's
# connection: an entry is flushed as it is appended, so there is nothing pending to flush first.
_HEAD = select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)


def _recent_read(with_object: bool) -> Any:
    return select(AuditEntry.seq).where(
        AuditEntry.household_id == bindparam("household_id"),
        AuditEntry.at >= bindparam("since"),
        AuditEntry.actor_id == bindparam("actor_id"),
        AuditEntry.action == bindparam("action"),
        AuditEntry.object_type == bindparam("object_type"),
        AuditEntry.object_id == bindparam("object_id") if with_object
        else AuditEntry.object_id.is_(None),
        AuditEntry.result == "ok",
    ).limit(1)


_READ_OF_OBJECT, _READ_OF_PART = _recent_read(True), _recent_read(False)


def append(
    session: Session, actor: Actor | None, now: datetime, *, event: AuditEvent, result: str = "ok"
) -> AuditEntry:
    if session.get_bind().dialect.name == "postgresql":
        # Concurrent requests on the team server would otherwise read the same predecessor
        # and fork the chain; this lock is held to the end of the transaction. (SQLite's
        # BEGIN IMMEDIATE already serialises writers; LOCK TABLE would need UPDATE rights the
        # server's role does not have.)
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
    head = session.info.get(HEAD)
    prev = head.hash if head is not None else session.connection().execute(_HEAD).scalar()
    entry = AuditEntry(
        at=now,
        actor_id=actor.id if actor else None,
        actor_name=actor.username if actor else "systeem",
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        household_id=event.household_id,
        result=result,
        detail=event.detail[:500],
        prev_hash=prev or GENESIS,
    )
    entry.hash = _digest(entry.prev_hash, entry)
    session.add(entry)
    session.flush()
    if HEAD in session.info:
        session.info[HEAD] = entry
    return entry


@contextmanager
def keep_head(session: Session) -> Iterator[None]:
    """Entries appended in this block (one transaction that holds the write lock: nobody
    else appends meanwhile) take their predecessor's hash from the entry appended before,
    not from a statement each: bulk printing appends two per plan. A savepoint rolled back
    inside calls ``forget_head``."""
    session.info[HEAD] = None
    try:
        yield
    finally:
        session.info.pop(HEAD, None)


def forget_head(session: Session) -> None:
    """After a savepoint inside ``keep_head`` rolled back: its entries are gone."""
    if HEAD in session.info:
        session.info[HEAD] = None


# The wizard and the plan tab re-read the same part of a dossier after every answer; one entry
# per person, part and ten minutes says who looked just as well. Opening the household itself is
# always recorded.
READ_WINDOW = timedelta(minutes=10)


@dataclass
class _RecentReads:
    households: frozenset[uuid.UUID]
    found: set[tuple[uuid.UUID, str, str | None]]
    written: set[uuid.UUID]  # households with an entry appended since: asked again


def read_recent_ahead(uow: UnitOfWork, household_ids: Iterable[uuid.UUID]) -> None:
    """What ``record`` asks per read (did this person read this part of the household in
    the last ten minutes?), for many households in one statement (bulk printing)."""
    ids = frozenset(household_ids)
    rows = uow.session.execute(select(
        AuditEntry.household_id, AuditEntry.object_type, AuditEntry.object_id).where(
        AuditEntry.household_id.in_(ids),
        AuditEntry.at >= uow.now - READ_WINDOW,
        AuditEntry.actor_id == uow.actor.id,
        AuditEntry.action == "inzien",
        AuditEntry.result == "ok")) if ids else ()
    uow.read_ahead[(AHEAD_RECENT_READS,)] = _RecentReads(
        ids, {(h, t, o) for h, t, o in rows if h is not None}, set())


def _read_recently(uow: UnitOfWork, event: AuditEvent) -> bool:
    if event.action != "inzien" or event.household_id is None or event.object_type == "huishouden":
        return False
    ahead: _RecentReads | None = uow.read_ahead.get((AHEAD_RECENT_READS,))
    if ahead is not None and event.household_id in ahead.households \
            and event.household_id not in ahead.written:
        return (event.household_id, event.object_type, event.object_id) in ahead.found
    found = uow.session.connection().execute(
        _READ_OF_OBJECT if event.object_id else _READ_OF_PART,
        {"household_id": event.household_id, "since": uow.now - READ_WINDOW,
         "actor_id": uow.actor.id, "action": event.action, "object_type": event.object_type,
         "object_id": event.object_id}).scalar()
    return found is not None


def record(
    uow: UnitOfWork,
    action: str,
    object_type: str,
    object_id: str | uuid.UUID | None = None,
    household_id: uuid.UUID | None = None,
    detail: str = "",
) -> None:
    event = AuditEvent(action, object_type, str(object_id) if object_id else None,
                       household_id, detail)
    if _read_recently(uow, event):
        return
    ahead: _RecentReads | None = uow.read_ahead.get((AHEAD_RECENT_READS,))
    if ahead is not None and household_id is not None:
        ahead.written.add(household_id)
    append(uow.session, uow.actor, uow.now, event=event)


@dataclass(frozen=True)
class ChainHead:
    """The chain up to one entry: how many entries, and the hash of the last (a seal)."""

    entries: int
    hash: str


@dataclass(frozen=True)
class ChainReport:
    entries: int
    broken_at: int | None
    # Against a seal: None when no seal was given or the chain still holds the sealed head;
    # otherwise a Dutch sentence saying what no longer matches.
    seal_problem: str | None = None
    head: ChainHead | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None and self.seal_problem is None


def _walk(session: Session) -> Iterator[AuditEntry]:
    yield from session.scalars(
        select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=2000)
    )


def require_beheerder(uow: UnitOfWork, action: str = "audit-controle") -> None:
    if uow.actor.role is not Role.BEHEERDER:
        raise PermissionDenied(
            "Alleen een functioneel beheerder kan de audittrail controleren.",
            AuditEvent(action, "audittrail"),
        )


def walk_chain(session: Session, sealed: ChainHead | None = None) -> ChainReport:
    """Recompute the chain; with a seal, also whether its head is still where it was. An edit,
    a deletion or a cut-off end that someone then recomputed leaves an intact chain, but not
    the same hash at the sealed position."""
    prev = GENESIS
    count = 0
    broken: int | None = None
    at_seal: str | None = None
    for entry in _walk(session):
        count += 1
        if broken is None and (entry.prev_hash != prev or _digest(prev, entry) != entry.hash):
            broken = entry.seq
        prev = entry.hash
        if sealed is not None and count == sealed.entries:
            at_seal = entry.hash
    problem: str | None = None
    if sealed is not None:
        if count < sealed.entries:
            problem = (f"de audittrail heeft {count} regels, het zegel telde er "
                       f"{sealed.entries}: regels zijn verwijderd of afgekapt")
        elif at_seal != sealed.hash:
            problem = (f"regel {sealed.entries} heeft niet meer de hash van het zegel: regels "
                       "tot het zegel zijn gewijzigd, verwijderd of herberekend")
    return ChainReport(entries=count, broken_at=broken, seal_problem=problem,
                       head=ChainHead(count, prev) if count else None)


def verify_chain(uow: UnitOfWork, sealed: ChainHead | None = None) -> ChainReport:
    require_beheerder(uow)
    report = walk_chain(uow.session, sealed)
    outcome = "intact" if report.broken_at is None else f"breuk bij {report.broken_at}"
    if sealed is not None:
        outcome += ", zegel " + ("klopt" if report.seal_problem is None else "klopt niet")
    record(uow, "audit-controle", "audittrail", detail=f"{report.entries} regels, {outcome}")
    return report


def recent_household_ids(uow: UnitOfWork, limit: int = 10) -> list[uuid.UUID]:
    """Households this person opened most recently, newest first."""
    rows = uow.session.execute(
        select(AuditEntry.household_id)
        .join(Household, Household.id == AuditEntry.household_id)
        .where(AuditEntry.actor_id == uow.actor.id, AuditEntry.action.in_(("inzien", "aanmaken")),
               AuditEntry.result == "ok")
        .order_by(AuditEntry.seq.desc())
        .limit(limit * 5)
    ).scalars()
    seen: list[uuid.UUID] = []
    for household_id in rows:
        if household_id is not None and household_id not in seen:
            seen.append(household_id)
        if len(seen) == limit:
            break
    return seen
