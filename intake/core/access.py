"""Who may see and change which household. Enforced here, so no screen can forget it."""

from __future__ import annotations

import uuid
from datetime import timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    bindparam,
    exists,
    or_,
    select,
    true,
    union,
    union_all,
)
from sqlalchemy.orm import QueryableAttribute

from db.models import (
    HelpQuestion,
    Household,
    HouseholdAccess,
    Intake,
    NeedToKnowOpening,
    Plan,
    PlanVersion,
    SyncOfflineMark,
)
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import AuditEvent, NotFoundError, PermissionDenied
from intake.core.planner import unindexed
from intake.core.roles import CASE_EDITORS, CASE_READERS, SEES_ALL_HOUSEHOLDS, Role

NO_CASE_ACCESS = {
    Role.BEHEERDER: "Een functioneel beheerder heeft geen toegang tot dossiers van inwoners.",
    Role.TEAMLEIDER: "Een teamleider kan dossiers inzien maar niet wijzigen.",
}


def require_role(uow: UnitOfWork, roles: frozenset[Role] | set[Role], action: str,
                 object_type: str, message: str) -> None:
    if uow.actor.role not in roles:
        raise PermissionDenied(message, AuditEvent(action, object_type))


# The help-question outcome that sends a household on to a brede uitvraag (catalogue code;
# the catalogue module sits above the core and names the same constant).
SENT_TO_INTAKE = "brede_uitvraag"


CaseloadPart = tuple[Select[uuid.UUID], QueryableAttribute[uuid.UUID]]


def _caseload_parts(worker_id: uuid.UUID, *, listed: bool = True) -> list[CaseloadPart]:
    """The parts of a person's caseload, each with the household column it is found by.
    ``listed``: the parts list the whole caseload; otherwise each is asked of one household."""
    finished_since = exists().where(
        Intake.household_id == HelpQuestion.household_id, Intake.status == "afgerond",
        Intake.finished_at >= HelpQuestion.registered_at)
    on_a_version: list[ColumnElement[bool]] = [PlanVersion.regisseur_id == worker_id,
                                               PlanVersion.created_by_id == worker_id]
    # Listed, regisseur of a version and author of one are two parts: each is read from its
    # own covering index (an OR makes SQLite fetch every version row). Asked of one household,
    # one part: its plans' versions are found by the plan, so the OR costs nothing there.
    versions = [(select(Plan.household_id).join(PlanVersion, PlanVersion.plan_id == Plan.id)
                 .where(clause), Plan.household_id)
                for clause in (on_a_version if listed else [or_(*on_a_version)])]
    return [
        *versions,
        (select(Plan.household_id).where(Plan.created_by_id == worker_id), Plan.household_id),
        (select(HelpQuestion.household_id).where(
            HelpQuestion.registered_by_id == worker_id,
            HelpQuestion.outcome_code == SENT_TO_INTAKE, ~finished_since),
         HelpQuestion.household_id),
        # Asked of one household, its intakes are found by the household: someone who started
        # fifteen thousand intakes would otherwise have all of them read for every household.
        (select(Intake.household_id).where(
            (Intake.started_by_id if listed else unindexed(Intake.started_by_id)) == worker_id,
            Intake.status != "afgerond"), Intake.household_id),
    ]


# The clauses below depend on the person only: built once per person and reused (an SQL
# expression is not changed by the statements it is put in). Building them took longer than
# running them: a household page asks whether it opens without a reason in every part.
@lru_cache(maxsize=64)
def caseload_ids(worker_id: uuid.UUID, *, distinct: bool = True) \
        -> CompoundSelect[tuple[uuid.UUID]]:
    """The one definition of a person's caseload, as household ids: the households they are
    regisseur of, are a professional on the plan of (drew up the plan or one of its versions),
    registered a help question for that still waits for an intake, or started an intake for
    that is still open. The team overview and the access rules both use it, so "my households"
    means the same everywhere. ``distinct=False`` may repeat an id: cheaper inside IN (...)."""
    combine = union if distinct else union_all
    return combine(*(part for part, _household in _caseload_parts(worker_id)))


def household_in_caseload(household_id: ColumnElement[uuid.UUID] | QueryableAttribute[uuid.UUID],
                          worker_id: uuid.UUID) -> ColumnElement[bool]:
    """The same caseload asked of each household by itself: for a few households (a page of
    search results, the one being opened) a few index lookups each, where listing the whole
    caseload of someone with thousands of dossiers costs a quarter of a second."""
    return or_(*(part.where(column == household_id).exists()
                 for part, column in _caseload_parts(worker_id, listed=False)))


def in_caseload(household_id: QueryableAttribute[uuid.UUID] | ColumnElement[uuid.UUID],
                worker_id: uuid.UUID) -> ColumnElement[bool]:
    """``household_id IN (caseload of worker)`` for any household id column."""
    return household_id.in_(caseload_ids(worker_id))


# Need to know: a consulent or regisseur finds any resident, but opens a household outside
# their own work (caseload, registered it, added to it) only with a reason, which the team
# lead reviews. A team lead, who has no caseload, gives a reason to open any household file;
# the beheerder sees those. One reason covers the working day it was given on.
NEED_TO_KNOW_ROLES = frozenset({Role.CONSULENT, Role.REGISSEUR})
OPENING_VALID = timedelta(hours=10)


class ReasonRequired(PermissionDenied):
    """Opening this household needs a reason first (need to know)."""


@lru_cache(maxsize=64)  # per person, see caseload_ids
def own_work(worker_id: uuid.UUID, *, few: bool = False) -> ColumnElement[bool]:
    """Households that are the worker's own: their caseload, registered by them, or they were
    added to it. ``few``: the query asks it of a few households only (see
    household_in_caseload); otherwise the caseload is listed once."""
    granted = exists().where(HouseholdAccess.household_id == Household.id,
                             HouseholdAccess.user_id == worker_id)
    caseload = household_in_caseload(Household.id, worker_id) if few \
        else in_caseload(Household.id, worker_id)
    return or_(Household.created_by_id == worker_id, granted, caseload)


def _opened_with_reason(worker_id: uuid.UUID, since: Any) -> ColumnElement[bool]:
    # Found by the household (a few openings each), not by the person (all they ever opened).
    return exists().where(NeedToKnowOpening.household_id == Household.id,
                          unindexed(NeedToKnowOpening.user_id) == worker_id,
                          NeedToKnowOpening.opened_at > since)


def _taken_offline(worker_id: uuid.UUID, now: Any) -> ColumnElement[bool]:
    """Made available offline on a laptop (with a reason when it was not one's own work):
    the mark's period covers the work done there."""
    return exists().where(SyncOfflineMark.household_id == Household.id,
                          SyncOfflineMark.user_id == worker_id,
                          SyncOfflineMark.until > now)


def _reasonless(actor: Actor, replica: bool, since: Any, now: Any) -> ColumnElement[bool]:
    """``opens_without_reason``: reasons given after ``since`` count, offline marks until
    after ``now``."""
    if replica:
        return true()
    if actor.role in NEED_TO_KNOW_ROLES:  # asked of a page of results or one household
        return or_(own_work(actor.id, few=True), _opened_with_reason(actor.id, since),
                   _taken_offline(actor.id, now))
    if actor.role is Role.TEAMLEIDER:
        return _opened_with_reason(actor.id, since)
    return true()


def on_replica(uow: UnitOfWork) -> bool:
    return bool(getattr(uow.store, "replica", False))


def opens_without_reason(uow: UnitOfWork) -> ColumnElement[bool]:
    """A WHERE clause on households the actor opens without giving a reason (now). A laptop
    replica holds only what the team server sent for its person (own work, or taken offline
    with a reason there), so on a replica no second reason is asked."""
    return _reasonless(uow.actor, on_replica(uow), uow.now - OPENING_VALID, uow.now)


@lru_cache(maxsize=64)  # per person, see caseload_ids
def opens_without_reason_of(actor: Actor, replica: bool) -> ColumnElement[bool]:
    """``opens_without_reason`` with the moments bound as values (``reason_values``), for
    statements kept per person: building the clause and its cache key cost more than running
    it, and every part of a household page and every page of search results asks it."""
    return _reasonless(actor, replica, bindparam("reason_since"), bindparam("reason_now"))


def reason_values(uow: UnitOfWork) -> dict[str, Any]:
    """The values of ``opens_without_reason_of`` now."""
    return {"reason_now": uow.now, "reason_since": uow.now - OPENING_VALID}


@lru_cache(maxsize=64)  # per person, see caseload_ids
def _opens_without_reason_query(actor: Actor, replica: bool) -> Select[uuid.UUID]:
    """Whether one household opens without a reason, the household bound as a value."""
    return select(Household.id).where(Household.id == bindparam("household_id"),
                                      opens_without_reason_of(actor, replica))


def needs_reason(uow: UnitOfWork, household_id: uuid.UUID) -> bool:
    """Whether opening this household's file asks the actor for a reason now."""
    if uow.actor.role not in NEED_TO_KNOW_ROLES | {Role.TEAMLEIDER}:
        return False
    if household_id in uow.opens_freely:
        return False
    found = uow.session.scalar(_opens_without_reason_query(uow.actor, on_replica(uow)),
                               {"household_id": household_id, **reason_values(uow)})
    if found is None:
        return True  # not remembered: a reason given later in this unit of work counts
    uow.opens_freely.add(household_id)
    return False


def require_reason_given(uow: UnitOfWork, household_id: uuid.UUID, action: str) -> None:
    if needs_reason(uow, household_id):
        raise ReasonRequired(
            "Dit huishouden hoort niet bij uw eigen dossiers. Geef eerst een reden op om het "
            "te openen; uw teamleider ziet het openen met die reden terug.",
            AuditEvent(action, "huishouden", str(household_id), household_id,
                       "geen reden opgegeven"))


def household_filter(uow: UnitOfWork, *, few: bool = False) -> ColumnElement[bool]:
    """A WHERE clause limiting households to what the current actor may see. ``few``: the
    query names a few households (a page of results), each asked by itself (see own_work)."""
    return household_filter_of(uow.actor, few=few)


def household_filter_of(actor: Actor, *, few: bool = False) -> ColumnElement[bool]:
    """``household_filter`` of one person, for statements kept per person."""
    if actor.role in SEES_ALL_HOUSEHOLDS:
        return true()
    if actor.role is Role.VINDPLAATS:
        return own_work(actor.id, few=few)
    return Household.id.is_(None)  # sees none


def visible_household_ids(uow: UnitOfWork) -> CompoundSelect[tuple[uuid.UUID]] | None:
    """The households the current actor may see, as ids, for queries that should start from
    them (a vindplaatsmedewerker sees a few thousand of a region's households); ``None`` when
    the actor sees every household. The same rule as ``household_filter``."""
    return household_ids_visible_to(uow.actor)


@lru_cache(maxsize=64)  # per person, see caseload_ids
def household_ids_visible_to(actor: Actor) -> CompoundSelect[tuple[uuid.UUID]] | None:
    """``visible_household_ids`` of one person, built once for statements kept per person."""
    if actor.role in SEES_ALL_HOUSEHOLDS:
        return None
    if actor.role is Role.VINDPLAATS:
        # UNION ALL: IN (...) needs no duplicates removed, and sorting them out costs more
        # than every part of the query together.
        caseload = caseload_ids(actor.id, distinct=False).subquery()
        return union_all(
            select(Household.id).where(Household.created_by_id == actor.id),
            select(HouseholdAccess.household_id).where(HouseholdAccess.user_id == actor.id),
            select(caseload.c.household_id),
        )
    return union_all(select(Household.id).where(Household.id.is_(None)))  # sees none


def _can_see(uow: UnitOfWork, household_id: uuid.UUID) -> bool:
    found = uow.session.scalar(
        select(Household.id).where(Household.id == household_id, household_filter(uow))
    )
    return found is not None


def _exists(uow: UnitOfWork, household_id: uuid.UUID) -> None:
    household = uow.session.get(Household, household_id)
    if household is None or household.destroyed_on is not None:  # a destroyed dossier's shell
        raise NotFoundError("Dit huishouden bestaat niet (meer).")
    uow.households_checked[household_id] = household


def require_read(uow: UnitOfWork, household_id: uuid.UUID, action: str = "inzien") -> None:
    event = AuditEvent(action, "huishouden", str(household_id), household_id)
    if uow.actor.role not in CASE_READERS:
        raise PermissionDenied(NO_CASE_ACCESS.get(uow.actor.role, "Geen toegang."), event)
    _exists(uow, household_id)
    # A role that sees every household sees this one: it exists (household_filter is TRUE).
    if uow.actor.role not in SEES_ALL_HOUSEHOLDS and not _can_see(uow, household_id):
        raise PermissionDenied(
            "U heeft geen toegang tot dit huishouden: u heeft het niet zelf aangemeld en bent er "
            "niet aan toegevoegd.",
            event,
        )
    if uow.actor.role in NEED_TO_KNOW_ROLES:
        require_reason_given(uow, household_id, action)


def require_edit(uow: UnitOfWork, household_id: uuid.UUID, action: str = "wijzigen") -> None:
    event = AuditEvent(action, "huishouden", str(household_id), household_id)
    if uow.actor.role not in CASE_EDITORS:
        raise PermissionDenied(NO_CASE_ACCESS.get(uow.actor.role, "Geen toegang."), event)
    require_read(uow, household_id, action)


def require_create(uow: UnitOfWork) -> None:
    if uow.actor.role not in CASE_EDITORS:
        raise PermissionDenied(
            NO_CASE_ACCESS.get(uow.actor.role, "Geen toegang."),
            AuditEvent("aanmaken", "huishouden"),
        )
