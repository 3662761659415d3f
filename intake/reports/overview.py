"""The team overview: plans per regisseur with their status, evaluations due and overdue, and
households waiting for a brede uitvraag.

A teamleider sees the whole team; a consulent or regisseur sees the same view for their own
caseload only (``intake.core.access.caseload_ids``: the one definition, shared with the access
rules). A beheerder or vindplaatsmedewerker is refused.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import aliased

from db.models import HelpQuestion, Household, Intake, User
from intake.catalogues.stored import OUTCOME_INTAKE
from intake.core import audit
from intake.core.access import in_caseload, require_role
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.ids import as_text, uuid_of
from intake.core.roles import Role
from intake.reports.cache import roomy_cache
from intake.reports.caseload import (
    CaseStatus,
    evaluation_due_soon,
    evaluation_state_of,
    plan_status_query,
)
from intake.reports.plan_table import NO_WORKER, PlanRow, PlanTable
from intake.uitvraag.signals import open_signal_flags

__all__ = ["NO_WORKER", "OverviewFilter", "PlanRow", "PlanTable", "TeamOverview", "WaitingRow",
           "WorkerLoad", "require_overview", "team_overview"]

OVERVIEW_ROLES = frozenset({Role.TEAMLEIDER, Role.CONSULENT, Role.REGISSEUR})
REFUSED = ("Het teamoverzicht is er voor de teamleider en, voor hun eigen caseload, voor "
           "consulenten en regisseurs.")
# Plan rows fetched at a time: two objects the collector tracks per row (the driver's tuple
# and its Row), fewer than its threshold (700) per batch, so a whole team's list passes
# without a collection (2,000 at a time set off some fifty, and a full one now and then).
_BATCH = 250


@dataclass(frozen=True)
class OverviewFilter:
    statuses: frozenset[CaseStatus] = frozenset()  # empty: every status
    worker_id: uuid.UUID | None = None  # regisseur or author of the plan
    evaluation: str = ""  # '', 'verlopen' or 'binnenkort'
    dossier: str = ""  # start of a dossiernummer


@dataclass(frozen=True, slots=True)
class WaitingRow:
    household_id: uuid.UUID
    dossiernummer: str
    since: date
    days_waiting: int
    questions: int
    registered_by: str
    intake_started: bool


@dataclass
class WorkerLoad:
    worker_id: uuid.UUID | None
    name: str
    statuses: Counter[CaseStatus] = field(default_factory=Counter)
    due_soon: int = 0
    overdue: int = 0
    waiting: int = 0


@dataclass(frozen=True)
class TeamOverview:
    as_of: date
    own_caseload: bool
    plans: PlanTable  # a Sequence[PlanRow]
    waiting: tuple[WaitingRow, ...]
    workers: tuple[WorkerLoad, ...]
    # Listed households with an open safety or crisis signal, to their kinds (labels).
    signals: Mapping[uuid.UUID, tuple[str, ...]] = field(default_factory=dict)


def require_overview(uow: UnitOfWork) -> bool:
    """True when the actor sees only their own caseload."""
    require_role(uow, OVERVIEW_ROLES, "inzien", "teamoverzicht", REFUSED)
    return uow.actor.role is not Role.TEAMLEIDER


def team_overview(uow: UnitOfWork, wanted: OverviewFilter | None = None) -> TeamOverview:
    own = require_overview(uow)
    wanted = wanted or OverviewFilter()
    today = local_date(uow.now)
    with roomy_cache(uow.session):
        plans = _plan_rows(uow, today, wanted, own)
        waiting, owner = _waiting_rows(uow, today, own, wanted)
    audit.record(uow, "inzien", "teamoverzicht",
                 detail=f"{len(plans)} plannen, {len(waiting)} wachtend"
                 + (", eigen caseload" if own else ""))
    signals = open_signal_flags(uow, plans.household_ids(r.household_id for r in waiting))
    return TeamOverview(today, own, plans, tuple(waiting),
                        tuple(_loads(plans, waiting, owner)), signals)


def _plan_rows(uow: UnitOfWork, today: date, wanted: OverviewFilter, own: bool) -> PlanTable:
    cols = plan_status_query(today)
    # A destroyed dossier's shell keeps its closed plans for the figures, never for a list.
    query = cols.query.where(Household.destroyed_on.is_(None))
    worker = uow.actor.id if own else wanted.worker_id
    if worker is not None:
        query = query.where(in_caseload(cols.household_id, worker))
    if own and wanted.worker_id is not None and wanted.worker_id != uow.actor.id:
        return PlanTable()
    if wanted.statuses:
        query = query.where(cols.status.in_([s.value for s in wanted.statuses]))
    if wanted.evaluation == "verlopen":
        query = query.where(cols.status == CaseStatus.EVALUATIE_VERLOPEN.value)
    elif wanted.evaluation == "binnenkort":
        query = query.where(cols.status == CaseStatus.ACTIEF.value,
                            evaluation_due_soon(cols.next_evaluation, today))
    if wanted.dossier.strip():
        query = query.where(Household.dossiernummer.startswith(wanted.dossier.strip()))
    # Twenty thousand rows for a whole team: only the columns shown, read through Core (no
    # ORM row loading) into columns (intake.reports.plan_table), ids and days as their
    # stored text, names looked up once (not joined per plan), the evaluation state asked in
    # SQL. Sorted on dossiernummer there, not in SQL: ORDER BY dossiernummer made SQLite walk
    # every household in that order and visit its row. Within a dossier the plan van aanpak
    # comes first, then the toekomstplannen as drawn up: the order of the household index,
    # so SQLite reads it in that order without sorting.
    plan = query.subquery("plan_status").c  # SQLite flattens it: the same plan as before
    shown = select(as_text(plan.plan_id, "plan_id"), as_text(plan.household_id, "household_id"),
                   plan.dossiernummer, plan.kind, plan.status, plan.version_number,
                   plan.active_number, plan.new_version,
                   as_text(plan.shown_regisseur_id, "shown_key"),
                   as_text(plan.regisseur_id, "regisseur_key"),
                   as_text(plan.agreed_on, "agreed_on"),
                   as_text(plan.next_evaluation, "next_evaluation"),
                   evaluation_state_of(plan.status, plan.next_evaluation, today)) \
        .order_by(plan.household_id, plan.kind, plan.created_at, plan.plan_id)
    names: dict[str | None, str] = {key: name for key, name in uow.session.execute(
        select(as_text(User.id, "user_key"), User.display_name))}
    return PlanTable.read(uow.session.connection().execute(shown).partitions(_BATCH), names)


def _waiting_rows(uow: UnitOfWork, today: date, own: bool, wanted: OverviewFilter) \
        -> tuple[list[WaitingRow], dict[uuid.UUID, uuid.UUID]]:
    """Households with a help question sent on to a brede uitvraag and no intake finished
    since; also who each belongs to (the person who registered the first such question)."""
    if wanted.statuses or wanted.evaluation:
        return [], {}  # a plan-status filter leaves no household waiting for an intake
    # Per question sent on two lookups in the (household_id, status, finished_at) index, and
    # the questions themselves from the (outcome_code, household_id, ...) index: no pass over
    # every intake, no question or household row read but those of the few waiting (SQLite
    # tests the EXISTS terms before it joins the household and the registrar).
    finished = aliased(Intake, name="finished_intake")
    unfinished = aliased(Intake, name="open_intake")
    finished_since = exists().where(finished.household_id == HelpQuestion.household_id,
                                    finished.status == "afgerond",
                                    finished.finished_at >= HelpQuestion.registered_at)
    intake_open = exists().where(unfinished.household_id == HelpQuestion.household_id,
                             unfinished.status != "afgerond")
    query = (
        select(HelpQuestion.household_id, Household.dossiernummer, HelpQuestion.registered_on,
               HelpQuestion.registered_by_id, User.display_name, intake_open.label("started"))
        .join(Household, Household.id == HelpQuestion.household_id)
        .join(User, User.id == HelpQuestion.registered_by_id)
        .where(HelpQuestion.outcome_code == OUTCOME_INTAKE, ~finished_since)
    )  # no ORDER BY: SQLite would walk the date index and fetch every row at random
    worker = uow.actor.id if own else wanted.worker_id
    if worker is not None:
        query = query.where(in_caseload(HelpQuestion.household_id, worker))
    if wanted.dossier.strip():
        query = query.where(Household.dossiernummer.startswith(wanted.dossier.strip()))
    first: dict[uuid.UUID, WaitingRow] = {}
    owner: dict[uuid.UUID, uuid.UUID] = {}
    counts: Counter[uuid.UUID] = Counter()
    found = sorted(uow.session.execute(query), key=lambda r: (r[2], r[0].hex))
    for household_id, dossier, on, by_id, by_name, started in found:
        counts[household_id] += 1
        if household_id not in first:
            owner[household_id] = by_id
            first[household_id] = WaitingRow(household_id, dossier, on, (today - on).days, 0,
                                             by_name, bool(started))
    rows = [WaitingRow(r.household_id, r.dossiernummer, r.since, r.days_waiting,
                       counts[r.household_id], r.registered_by, r.intake_started)
            for r in first.values()]
    return rows, owner


def _loads(plans: PlanTable, rows: list[WaitingRow], owner: dict[uuid.UUID, uuid.UUID]
           ) -> list[WorkerLoad]:
    loads: dict[uuid.UUID | None, WorkerLoad] = {}
    # Counted per kind of plan first, in the order first seen: one pass over the columns.
    counted = Counter(zip(plans.column("responsible_key"), plans.column("status"),
                          plans.column("evaluation_state"), strict=True))
    workers: dict[object, uuid.UUID | None] = {}
    for (key, status, state), count in counted.items():
        if key not in workers:
            workers[key] = None if key is None else uuid_of(key)
        worker_id = workers[key]
        load = loads.get(worker_id) or loads.setdefault(
            worker_id, WorkerLoad(worker_id, plans.name(key)))
        load.statuses[CaseStatus(status)] += count
        load.overdue += count if state == "verlopen" else 0
        load.due_soon += count if state == "binnenkort" else 0
    names = {row.household_id: row.registered_by for row in rows}
    for row in rows:
        worker_id = owner[row.household_id]
        load = loads.setdefault(worker_id, WorkerLoad(worker_id, names[row.household_id]))
        load.waiting += 1
    return sorted(loads.values(), key=lambda load: (load.worker_id is None, load.name))
