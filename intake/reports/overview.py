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
from itertools import chain
from operator import attrgetter

from sqlalchemy import exists, select
from sqlalchemy.orm import aliased

from db.models import HelpQuestion, Household, Intake, User
from intake.catalogues.stored import OUTCOME_INTAKE
from intake.core import audit
from intake.core.access import in_caseload, require_role
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.ids import as_text, day_of, uuid_of
from intake.core.roles import Role
from intake.plans.vocab import PlanKind
from intake.reports.cache import roomy_cache
from intake.reports.caseload import (
    DUE_SOON,
    VERSION_LABELS,
    CaseStatus,
    evaluation_state,
    plan_status_query,
)
from intake.uitvraag.signals import open_signal_flags

OVERVIEW_ROLES = frozenset({Role.TEAMLEIDER, Role.CONSULENT, Role.REGISSEUR})
REFUSED = ("Het teamoverzicht is er voor de teamleider en, voor hun eigen caseload, voor "
           "consulenten en regisseurs.")
NO_WORKER = "(geen regisseur)"
_BATCH = 2000  # plan rows fetched at a time


@dataclass(frozen=True)
class OverviewFilter:
    statuses: frozenset[CaseStatus] = frozenset()  # empty: every status
    worker_id: uuid.UUID | None = None  # regisseur or author of the plan
    evaluation: str = ""  # '', 'verlopen' or 'binnenkort'
    dossier: str = ""  # start of a dossiernummer


# Slots: twenty thousand rows without a dict each, fewer objects for the collector to walk on
# the UI thread (ui.kit.gc_guard) once a worker has built them.
@dataclass(frozen=True, slots=True)
class PlanRow:
    plan_id: uuid.UUID
    household_id: uuid.UUID
    dossiernummer: str
    kind_label: str
    status: CaseStatus
    version_number: int  # the newest version
    active_number: int | None  # the version in force, if any: what a summary shows
    new_version: str  # label of a draft next to the active version, or ''
    regisseur_id: uuid.UUID | None  # as the plan and its print name (``shown_regisseur``)
    regisseur_name: str
    agreed_on: date | None
    next_evaluation: date | None
    evaluation_state: str  # 'verlopen', 'binnenkort' or ''
    # Whose workload it counts in: the regisseur, or the drafter when none is set.
    responsible_id: uuid.UUID | None = None
    responsible_name: str = ""


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
    plans: tuple[PlanRow, ...]
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
    signals = open_signal_flags(uow, {r.household_id for r in plans}
                                | {r.household_id for r in waiting})
    return TeamOverview(today, own, tuple(plans), tuple(waiting),
                        tuple(_loads(plans, waiting, owner)), signals)


def _plan_rows(uow: UnitOfWork, today: date, wanted: OverviewFilter, own: bool) -> list[PlanRow]:
    cols = plan_status_query(today)
    # A destroyed dossier's shell keeps its closed plans for the figures, never for a list.
    query = cols.query.where(Household.destroyed_on.is_(None))
    worker = uow.actor.id if own else wanted.worker_id
    if worker is not None:
        query = query.where(in_caseload(cols.household_id, worker))
    if own and wanted.worker_id is not None and wanted.worker_id != uow.actor.id:
        return []
    if wanted.statuses:
        query = query.where(cols.status.in_([s.value for s in wanted.statuses]))
    if wanted.evaluation == "verlopen":
        query = query.where(cols.status == CaseStatus.EVALUATIE_VERLOPEN.value)
    elif wanted.evaluation == "binnenkort":
        query = query.where(cols.status == CaseStatus.ACTIEF.value,
                            cols.next_evaluation <= today + DUE_SOON)
    if wanted.dossier.strip():
        query = query.where(Household.dossiernummer.startswith(wanted.dossier.strip()))
    # Twenty thousand rows for a whole team: only the columns shown, read through Core (no
    # ORM row loading), ids and days as their stored text, the few regisseur ids parsed once
    # each and their names looked up once (not joined per plan), labels looked up, no enum
    # per row. Sorted on dossiernummer here, not in SQL: ORDER BY dossiernummer made SQLite
    # walk every household in that order and visit its row. Within a dossier the plan van
    # aanpak comes first, then the toekomstplannen as drawn up: the order of the household
    # index, so SQLite reads it in that order without sorting.
    plan = query.subquery("plan_status").c  # SQLite flattens it: the same plan as before
    shown = select(as_text(plan.plan_id, "plan_id"), as_text(plan.household_id, "household_id"),
                   plan.dossiernummer, plan.kind, plan.status, plan.version_number,
                   plan.active_number, plan.new_version,
                   as_text(plan.shown_regisseur_id, "shown_key"),
                   as_text(plan.regisseur_id, "regisseur_key"),
                   as_text(plan.agreed_on, "agreed_on"),
                   as_text(plan.next_evaluation, "next_evaluation")) \
        .order_by(plan.household_id, plan.kind, plan.created_at, plan.plan_id)
    kinds = {kind.value: kind.label for kind in PlanKind}
    statuses = {status.value: status for status in CaseStatus}
    names: dict[str | None, str] = {key: name for key, name in uow.session.execute(
        select(as_text(User.id, "user_key"), User.display_name))}
    workers: dict[str | None, uuid.UUID | None] = {None: None}
    rows = []
    # In batches, so only a batch of fetched rows lives beside the plan rows: whatever a worker
    # leaves alive the collector walks on the UI thread (ui.kit.gc_guard). Unpacked, not read
    # by name: a named lookup on a row costs more than the rest of the row.
    for (plan_id, household_id, dossier, kind, status_code, number, active_number, new_version,
         shown_key, key, agreed_on, next_on) in chain.from_iterable(
            uow.session.connection().execute(shown).partitions(_BATCH)):
        status = statuses[status_code]
        for worker_key in (key, shown_key):
            if worker_key not in workers:
                workers[worker_key] = uuid_of(worker_key)
        next_evaluation = day_of(next_on)
        rows.append(PlanRow(
            uuid_of(plan_id), uuid_of(household_id), dossier, kinds[kind], status, number,
            active_number, VERSION_LABELS.get(new_version or "", ""), workers[shown_key],
            names.get(shown_key) or NO_WORKER, day_of(agreed_on), next_evaluation,
            evaluation_state(status, next_evaluation, today), workers[key],
            names.get(key) or NO_WORKER))
    rows.sort(key=attrgetter("dossiernummer"))  # stable: a dossier keeps the order read
    return rows


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


def _loads(plans: list[PlanRow], rows: list[WaitingRow], owner: dict[uuid.UUID, uuid.UUID]
           ) -> list[WorkerLoad]:
    loads: dict[uuid.UUID | None, WorkerLoad] = {}
    # Counted per kind of plan first, in the order first seen: one pass over the plans.
    counted = Counter((plan.responsible_id, plan.responsible_name, plan.status,
                       plan.evaluation_state) for plan in plans)
    for (worker_id, name, status, state), count in counted.items():
        load = loads.get(worker_id) or loads.setdefault(worker_id, WorkerLoad(worker_id, name))
        load.statuses[status] += count
        load.overdue += count if state == "verlopen" else 0
        load.due_soon += count if state == "binnenkort" else 0
    names = {row.household_id: row.registered_by for row in rows}
    for row in rows:
        worker_id = owner[row.household_id]
        load = loads.setdefault(worker_id, WorkerLoad(worker_id, names[row.household_id]))
        load.waiting += 1
    return sorted(loads.values(), key=lambda load: (load.worker_id is None, load.name))
