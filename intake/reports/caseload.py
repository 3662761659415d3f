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

from sqlalchemy import ColumnElement, Select, and_, case, func, not_, select
from sqlalchemy.orm import aliased

from db.models import Household, OverviewPlan, User

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


def evaluation_passed(next_evaluation: Any, today: date) -> ColumnElement[bool]:
    """An active plan whose next evaluation lies before today: "evaluatie verlopen"."""
    return next_evaluation < today  # type: ignore[no-any-return]


def evaluation_due_soon(next_evaluation: Any, today: date) -> ColumnElement[bool]:
    """An active plan, not past its evaluation, whose evaluation falls within four weeks."""
    return next_evaluation <= today + DUE_SOON  # type: ignore[no-any-return]


@dataclass(frozen=True)
class PlanColumns:
    """The expressions of the plan status query, for filtering and grouping on."""

    query: Select[Any]
    household_id: ColumnElement[uuid.UUID]
    status: ColumnElement[str]
    regisseur_id: ColumnElement[uuid.UUID | None]  # who answers for it (the responsible)
    next_evaluation: ColumnElement[date | None]
    author_id: ColumnElement[uuid.UUID]


def plan_status_query(today: date, with_dossier: bool = True) -> PlanColumns:
    """One row per plan: ids, derived status, regisseur, next evaluation (and the dossiernummer
    unless ``with_dossier`` is False: aggregates skip that join, the costly one on a large
    encrypted store)."""
    # One summary row per plan (`overview_plans`, kept with the plans by db.figure_facts,
    # which says how the newest version, the version in force, the regisseur shown and who
    # answers for a plan are found); only "evaluatie verlopen" depends on the day, so it is
    # asked here of the stored first evaluation moment of the version in force.
    row = OverviewPlan
    status = case((and_(row.state == CaseStatus.ACTIEF.value,
                        evaluation_passed(row.next_evaluation_on, today)),
                   CaseStatus.EVALUATIE_VERLOPEN.value), else_=row.state)
    regisseur = aliased(User, name="regisseur")
    shown = aliased(User, name="shown_regisseur")
    columns = [row.plan_id, row.household_id, row.kind, status.label("status"),
               row.version_number, row.new_version, row.responsible_id.label("regisseur_id"),
               regisseur.display_name.label("regisseur_name"), row.shown_regisseur_id,
               shown.display_name.label("shown_regisseur_name"), row.author_id,
               row.agreed_on, row.active_number,
               row.next_evaluation_on.label("next_evaluation"), row.created_at]
    if with_dossier:
        columns.append(Household.dossiernummer)
    query = (
        select(*columns).select_from(row)
        .outerjoin(regisseur, regisseur.id == row.responsible_id)
        .outerjoin(shown, shown.id == row.shown_regisseur_id)
    )
    if with_dossier:
        query = query.join(Household, Household.id == row.household_id)
    return PlanColumns(query, row.household_id.expression, status,
                       row.responsible_id.expression,
                       row.next_evaluation_on.expression, row.author_id.expression)


def states_per_responsible(today: date) -> Select[*tuple[Any, ...]]:
    """Per person answering for plans and stored state: the plans, how many of them are past
    their evaluation (an active one is then "evaluatie verlopen") and how many are due within
    four weeks. Grouped on the stored state, which an index leads, so nothing is sorted."""
    row = OverviewPlan
    passed = evaluation_passed(row.next_evaluation_on, today)
    late = case((passed, 1), else_=0)
    soon = case((and_(not_(passed), evaluation_due_soon(row.next_evaluation_on, today)), 1),
                else_=0)
    return (select(row.responsible_id, row.state, func.count(), func.sum(late), func.sum(soon))
            .group_by(row.responsible_id, row.state))


def status_counts(state: str, plans: int, late: int) -> dict[str, int]:
    """The statuses of `plans` plans in a stored state, `late` of them past their evaluation."""
    if state != CaseStatus.ACTIEF.value:
        return {state: plans}
    return {status: n for status, n in ((CaseStatus.ACTIEF.value, plans - late),
                                         (CaseStatus.EVALUATIE_VERLOPEN.value, late)) if n}


def evaluation_state_of(status: ColumnElement[str], next_evaluation: ColumnElement[date | None],
                        today: date) -> ColumnElement[str]:
    """A plan's evaluation state, asked in SQL of a plan status query's columns (labelled
    ``evaluation_state``): 'verlopen' (passed), 'binnenkort' (within four weeks) or ''."""
    # 'evaluatie verlopen' is an active plan whose next evaluation has passed (the status).
    return case((status == CaseStatus.EVALUATIE_VERLOPEN.value, "verlopen"),
                (and_(status == CaseStatus.ACTIEF.value,
                      evaluation_due_soon(next_evaluation, today)),
                 "binnenkort"), else_="").label("evaluation_state")
