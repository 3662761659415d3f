"""Evaluating an agreed version, and which evaluations are due or overdue."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select

from db.models import (
    Evaluation,
    EvaluationMoment,
    EvaluationOutcome,
    Household,
    Plan,
    PlanVersion,
    User,
)
from intake.core import audit
from intake.core.access import household_filter, require_edit, require_read, require_role
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.errors import KnownError, ValidationError
from intake.core.ids import as_text, uuid_of
from intake.core.roles import CASE_READERS
from intake.plans.common import check_version, get_version, version_view
from intake.plans.views import DueEvaluation, PlanVersionView
from intake.plans.vocab import Decision, Outcome, PlanKind, VersionStatus

NOTE_MAX = 2000


@dataclass
class OutcomeInput:
    outcome: Outcome
    note: str = ""


@dataclass
class EvaluationInput:
    evaluated_on: date
    outcomes: Mapping[uuid.UUID, OutcomeInput]  # result id -> outcome, one for every result
    decision: Decision
    satisfaction: int | None = None  # 1-5: the resident on how the question was picked up
    closing_reason: str = ""
    note: str = ""


def _validate(uow: UnitOfWork, version: PlanVersion, data: EvaluationInput) -> None:
    errors: dict[str, str] = {}
    if data.evaluated_on > local_date(uow.now):
        errors["evaluated_on"] = "De evaluatiedatum ligt in de toekomst."
    if version.agreed_on is not None and data.evaluated_on < version.agreed_on:
        errors["evaluated_on"] = "De evaluatiedatum ligt vóór het akkoord op het plan."
    for index, result in enumerate(version.results, start=1):
        given = data.outcomes.get(result.id)
        if given is None:
            errors[f"result{index}.outcome"] = f"Resultaat {index}: kies de uitkomst."
        elif len(given.note) > NOTE_MAX:
            errors[f"result{index}.note"] = f"Resultaat {index}: de toelichting is te lang."
    strangers = set(data.outcomes) - {r.id for r in version.results}
    if strangers:
        errors["outcomes"] = "Een beoordeeld resultaat hoort niet bij deze versie."
    if data.satisfaction is not None and not 1 <= data.satisfaction <= 5:
        errors["satisfaction"] = "De tevredenheid is een cijfer van 1 tot en met 5."
    if data.decision is Decision.AFSLUITEN and not data.closing_reason.strip():
        errors["closing_reason"] = "Geef de reden van afsluiten."
    if len(data.closing_reason) > 500:
        errors["closing_reason"] = "De reden is te lang (ten hoogste 500 tekens)."
    if errors:
        raise ValidationError(errors)


def evaluate(uow: UnitOfWork, version_id: uuid.UUID, expected_version: int,
             data: EvaluationInput) -> PlanVersionView:
    """Record the evaluation of the version in force. 'volgende_versie' leaves it
    'geëvalueerd' (then call start_new_version); 'afsluiten' closes the plan with a reason."""
    version = get_version(uow, version_id)
    require_edit(uow, version.plan.household_id)
    check_version(version, expected_version, "Dit plan")
    if version.status != VersionStatus.ACTIEF.value:
        raise KnownError("Alleen de versie die van kracht is (actief) kan worden geëvalueerd.")
    _validate(uow, version, data)
    evaluation = Evaluation(
        plan_version_id=version.id, evaluated_on=data.evaluated_on,
        satisfaction=data.satisfaction, decision=Decision(data.decision).value,
        closing_reason=data.closing_reason.strip(), note=data.note.strip(),
        created_at=uow.now, created_by_id=uow.actor.id,
        outcomes=[EvaluationOutcome(result_id=r.id, outcome=Outcome(data.outcomes[r.id].outcome)
                                    .value, note=data.outcomes[r.id].note.strip())
                  for r in version.results])
    uow.session.add(evaluation)
    if data.decision is Decision.AFSLUITEN:
        version.status = VersionStatus.AFGESLOTEN.value
        version.closing_reason = data.closing_reason.strip()
        version.plan.closed_at = uow.now
    else:
        version.status = VersionStatus.GEEVALUEERD.value
    version.updated_at = uow.now
    uow.session.flush()
    counts = {o.value: 0 for o in Outcome}
    for outcome in evaluation.outcomes:
        counts[outcome.outcome] += 1
    audit.record(uow, "wijzigen", "plan", version.id, version.plan.household_id,
                 detail=f"versie {version.number}: geëvalueerd, besluit {evaluation.decision}, "
                        + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return version_view(uow, version)


def evaluations_due(uow: UnitOfWork, within_days: int = 28, *,
                    household_id: uuid.UUID | None = None,
                    everyone: bool = False) -> list[DueEvaluation]:
    """Evaluations of versions in force that fall due within ``within_days`` or are overdue,
    earliest first. Default: the plans the signed-in person is responsible for (regisseur, or
    who drafted the version when no regisseur is set). ``household_id``: one household's
    plans. ``everyone``: every plan the person may see (the team lead's overview)."""
    today, found = _due_rows(uow, within_days, household_id, everyone)
    rows = [_due_view(row, today) for row in found]
    audit.record(uow, "inzien", "evaluaties", household_id=household_id,
                 detail=f"{len(rows)} evaluaties binnen {within_days} dagen")
    return rows


@dataclass(frozen=True)
class DueSummary:
    """What the start screen shows: how many are due and overdue, and the earliest ones."""

    total: int
    overdue: int
    rows: tuple[DueEvaluation, ...]  # the first ``limit``, earliest first


def due_summary(uow: UnitOfWork, within_days: int = 28, *, everyone: bool = False,
                limit: int = 200) -> DueSummary:
    """As ``evaluations_due`` for the person or the team, counted in full but with only the
    earliest ``limit`` made into views: a team lead's team has thousands due, the start
    screen lists the first ones."""
    today, found = _due_rows(uow, within_days, None, everyone)
    overdue = sum(1 for row in found if row.due_on < today)
    rows = tuple(_due_view(row, today) for row in found[:limit])
    audit.record(uow, "inzien", "evaluaties",
                 detail=f"{len(found)} evaluaties binnen {within_days} dagen")
    return DueSummary(len(found), overdue, rows)


def _due_rows(uow: UnitOfWork, within_days: int, household_id: uuid.UUID | None,
              everyone: bool) -> tuple[date, list[Any]]:
    """The due rows, ids still as stored text: a view parses them only for the rows kept."""
    require_role(uow, CASE_READERS, "inzien", "evaluaties",
                 "Een functioneel beheerder heeft geen toegang tot dossiers van inwoners.")
    if household_id is not None:
        require_read(uow, household_id)
    today = local_date(uow.now)
    # The first due date per version, looked up per version in force (an index on
    # (plan_version_id, due_on)) instead of grouping every moment of the store.
    first_due = (select(func.min(EvaluationMoment.due_on))
                 .where(EvaluationMoment.plan_version_id == PlanVersion.id)
                 .correlate(PlanVersion).scalar_subquery())
    responsible = func.coalesce(PlanVersion.regisseur_id, PlanVersion.created_by_id)
    query = (
        select(as_text(PlanVersion.id, "version_key"), PlanVersion.number.label("number"),
               as_text(Plan.id, "plan_key"), Plan.kind.label("kind"),
               as_text(Household.id, "household_key"),
               Household.dossiernummer.label("dossiernummer"), first_due.label("due_on"),
               as_text(responsible, "responsible_key"), User.display_name.label("name"))
        .join(Plan, Plan.id == PlanVersion.plan_id)
        .join(Household, Household.id == Plan.household_id)
        .join(User, User.id == responsible)
        .where(first_due <= today + timedelta(days=within_days),
               household_filter(uow))
        .order_by(first_due, Household.dossiernummer)
    )
    # Scoped to what is shown, so the query starts from that household's plans or that
    # person's versions (indexes on plan_id, regisseur_id and created_by_id, each with status).
    in_force = PlanVersion.status == VersionStatus.ACTIEF.value
    if household_id is not None:
        query = query.where(in_force, Plan.household_id == household_id, PlanVersion.plan_id.in_(
            select(Plan.id).where(Plan.household_id == household_id)))
    elif everyone:
        query = query.where(in_force)
    else:
        # The same as responsible == actor, written so each half can use its own index.
        query = query.where(or_(
            and_(in_force, PlanVersion.regisseur_id == uow.actor.id),
            and_(in_force, PlanVersion.regisseur_id.is_(None),
                 PlanVersion.created_by_id == uow.actor.id)))
    return today, list(uow.session.connection().execute(query).all())


def _due_view(row: Any, today: date) -> DueEvaluation:
    """One view from a row of ``_due_rows`` (ids as stored text, or UUIDs on PostgreSQL)."""
    return DueEvaluation(plan_id=uuid_of(row.plan_key), version_id=uuid_of(row.version_key),
                         household_id=uuid_of(row.household_key),
                         dossiernummer=row.dossiernummer, kind=PlanKind(row.kind),
                         version_number=row.number, due_on=row.due_on,
                         days_left=(row.due_on - today).days,
                         responsible_id=uuid_of(row.responsible_key), responsible_name=row.name)
