"""The plan status a team lead steers on, computed in SQL from a plan's versions.

A plan is *afgesloten* when closed; *actief* while it has an agreed, unevaluated version
(*evaluatie verlopen* once that version's first evaluation moment has passed); otherwise it
waits for agreement or is a concept (an evaluated version whose successor is not drafted
yet counts as a concept: the next step is drafting it). A concept next to an active version
is shown as the plan's "nieuwe versie", not as its status: the agreed plan is in force.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from db.models import EvaluationMoment, Household, Plan, PlanVersion, User

DUE_SOON = timedelta(weeks=4)


class CaseStatus(StrEnum):
    CONCEPT = "concept"
    WACHT_OP_AKKOORD = "wacht_op_akkoord"
    ACTIEF = "actief"
    EVALUATIE_VERLOPEN = "evaluatie_verlopen"
    AFGESLOTEN = "afgesloten"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    CaseStatus.CONCEPT: "Concept",
    CaseStatus.WACHT_OP_AKKOORD: "Wacht op akkoord",
    CaseStatus.ACTIEF: "Actief",
    CaseStatus.EVALUATIE_VERLOPEN: "Evaluatie verlopen",
    CaseStatus.AFGESLOTEN: "Afgesloten",
}
VERSION_LABELS = {"concept": "Concept", "wacht_op_akkoord": "Wacht op akkoord"}


@dataclass(frozen=True)
class PlanColumns:
    """The expressions of the plan status query, for filtering and grouping on."""

    query: Select[Any]
    status: ColumnElement[str]
    regisseur_id: ColumnElement[uuid.UUID]  # who answers for it (``responsible``)
    next_evaluation: ColumnElement[date | None] | ScalarSelect[date]
    author_id: ColumnElement[uuid.UUID]


def shown_regisseur(active: type[PlanVersion], latest: type[PlanVersion]) \
        -> ColumnElement[uuid.UUID]:
    """The regisseur a list names for a plan: the one of the version in force, else of the
    newest version; the version the overview's summary opens, and its print names. Nobody
    stands in: lists used to show the drafter of a plan without a regisseur, or a newer
    draft's regisseur for the plan in force, where the plan and its print showed none."""
    return case((active.id.is_not(None), active.regisseur_id), else_=latest.regisseur_id)


def responsible(active: type[PlanVersion], latest: type[PlanVersion]) \
        -> ColumnElement[uuid.UUID]:
    """Who answers for a plan in counts per person (the workload per worker, the figure per
    "regisseur (of opsteller)"): the regisseur, or who drafted the version when none is set,
    as the plan module's evaluations_due counts it. Never shown as the plan's regisseur."""
    return func.coalesce(active.regisseur_id, latest.regisseur_id, active.created_by_id,
                         latest.created_by_id)


def plan_status_query(today: date, with_dossier: bool = True) -> PlanColumns:
    """One row per plan: ids, derived status, regisseur, next evaluation (and the dossiernummer
    unless ``with_dossier`` is False: aggregates skip that join, the costly one on a large
    encrypted store)."""
    latest = aliased(PlanVersion, name="latest_version")
    newest = aliased(PlanVersion, name="newest_version")
    active = aliased(PlanVersion, name="active_version")
    # Per plan a few index lookups, no pass over every version or evaluation moment: the
    # newest version is the one with the plan's highest number (the (plan_id, number) index);
    # its columns and the version in force come from the covering index that starts with
    # (plan_id, number) ("+ 0" keeps SQLite from fetching the wide version row through the
    # unique index instead); the first evaluation moment of the version in force is the
    # lowest due_on in the (plan_version_id, due_on) index.
    highest = (select(func.max(newest.number)).where(newest.plan_id == Plan.id)
               .scalar_subquery())
    first_due = (select(func.min(EvaluationMoment.due_on))
                 .where(EvaluationMoment.plan_version_id == active.id).scalar_subquery())
    regisseur = aliased(User, name="regisseur")
    shown = aliased(User, name="shown_regisseur")
    regisseur_id = responsible(active, latest)
    shown_id = shown_regisseur(active, latest)
    status = case(
        (or_(Plan.closed_at.is_not(None), latest.status == "afgesloten"),
         CaseStatus.AFGESLOTEN.value),
        (and_(active.id.is_not(None), first_due < today),
         CaseStatus.EVALUATIE_VERLOPEN.value),
        (active.id.is_not(None), CaseStatus.ACTIEF.value),
        (latest.status == "wacht_op_akkoord", CaseStatus.WACHT_OP_AKKOORD.value),
        else_=CaseStatus.CONCEPT.value,
    )
    new_version = case((and_(active.id.is_not(None), latest.id != active.id), latest.status),
                       else_="")
    columns = [Plan.id.label("plan_id"), Plan.household_id, Plan.kind, status.label("status"),
               latest.number.label("version_number"), new_version.label("new_version"),
               regisseur_id.label("regisseur_id"),
               regisseur.display_name.label("regisseur_name"),
               shown_id.label("shown_regisseur_id"),
               shown.display_name.label("shown_regisseur_name"),
               Plan.created_by_id.label("author_id"), active.agreed_on.label("agreed_on"),
               active.number.label("active_number"), first_due.label("next_evaluation")]
    if with_dossier:
        columns.append(Household.dossiernummer)
    query = (
        select(*columns).select_from(Plan)
        .join(latest, and_(latest.plan_id == Plan.id, latest.number + 0 == highest))
        .outerjoin(active, and_(active.plan_id == Plan.id, active.status == "actief"))
        .outerjoin(regisseur, regisseur.id == regisseur_id)
        .outerjoin(shown, shown.id == shown_id)
    )
    if with_dossier:
        query = query.join(Household, Household.id == Plan.household_id)
    return PlanColumns(query, status, regisseur_id, first_due,
                       Plan.created_by_id.expression)


def evaluation_state(status: str, next_evaluation: date | None, today: date) -> str:
    """'verlopen', 'binnenkort' (within four weeks) or '' for a plan row."""
    if next_evaluation is None or status not in (CaseStatus.ACTIEF, CaseStatus.EVALUATIE_VERLOPEN):
        return ""
    if next_evaluation < today:
        return "verlopen"
    return "binnenkort" if next_evaluation <= today + DUE_SOON else ""
