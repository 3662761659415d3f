"""The life of a version: concept -> wacht op akkoord -> actief (frozen) -> geëvalueerd or
afgesloten. A change after agreement starts a new draft copied from the last agreed version;
when the draft is agreed, the version it replaces becomes 'vervangen'."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from db.models import (
    Evaluation,
    EvaluationMoment,
    PlanAction,
    PlanProfessional,
    PlanResult,
    PlanVersion,
)
from intake.core import audit
from intake.core.access import require_edit
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.errors import KnownError, ValidationError
from intake.plans.common import check_version, get_plan, get_version, require_draft, version_view
from intake.plans.dates import add_months
from intake.plans.views import PlanVersionView
from intake.plans.vocab import (
    DEFAULT_EVALUATION_MONTHS,
    AgreedHow,
    Outcome,
    VersionStatus,
)

# Versions a new draft can be copied from: what was agreed last.
AGREED = (VersionStatus.ACTIEF, VersionStatus.VERVANGEN, VersionStatus.GEEVALUEERD,
          VersionStatus.AFGESLOTEN)


def check_complete(version: PlanVersion) -> None:
    """A plan put before the resident has results in their words, each with an action."""
    errors: dict[str, str] = {}
    if not version.results:
        errors["results"] = "Het plan heeft nog geen resultaat."
    for index, result in enumerate(version.results, start=1):
        if not result.text.strip():
            errors[f"result{index}.text"] = (
                f"Resultaat {index}: schrijf op wat de inwoner wil bereiken, in eigen woorden.")
        elif not result.actions:
            errors[f"result{index}.actions"] = f"Resultaat {index}: voeg minstens één actie toe."
    if errors:
        raise ValidationError(errors)


def submit_for_agreement(uow: UnitOfWork, version_id: uuid.UUID,
                         expected_version: int) -> PlanVersionView:
    """The draft is put before the resident; it stays editable until agreed."""
    version = get_version(uow, version_id)
    require_draft(uow, version)
    check_version(version, expected_version, "Dit plan")
    check_complete(version)
    version.status = VersionStatus.WACHT_OP_AKKOORD.value
    version.updated_at = uow.now
    uow.session.flush()
    audit.record(uow, "wijzigen", "plan", version.id, version.plan.household_id,
                 detail=f"versie {version.number}: wacht op akkoord")
    return version_view(uow, version)


def agree(uow: UnitOfWork, version_id: uuid.UUID, expected_version: int, agreed_on: date,
          how: AgreedHow, client_support_offered: bool | None = None) -> PlanVersionView:
    """Record the resident's agreement: the version is frozen and in force. Without an
    evaluation moment, one is set three months after the agreement."""
    version = get_version(uow, version_id)
    require_draft(uow, version)
    check_version(version, expected_version, "Dit plan")
    errors: dict[str, str] = {}
    if agreed_on > local_date(uow.now):
        errors["agreed_on"] = "De datum van akkoord ligt in de toekomst."
    try:
        AgreedHow(how)
    except ValueError:
        errors["agreed_how"] = "Kies hoe de inwoner akkoord gaf: getekend of mondeling."
    if errors:
        raise ValidationError(errors)
    check_complete(version)
    for older in version.plan.versions:
        if older is not version and older.status == VersionStatus.ACTIEF.value:
            older.status = VersionStatus.VERVANGEN.value
            older.updated_at = uow.now
    version.status = VersionStatus.ACTIEF.value
    version.agreed_on = agreed_on
    version.agreed_how = AgreedHow(how).value
    version.agreed_recorded_by_id = uow.actor.id
    if client_support_offered is not None:
        version.client_support_offered = client_support_offered
    if not version.evaluation_moments:
        version.evaluation_moments.append(EvaluationMoment(
            due_on=add_months(agreed_on, DEFAULT_EVALUATION_MONTHS), label="Evaluatie"))
    version.plan.closed_at = None
    version.updated_at = uow.now
    uow.session.flush()
    audit.record(uow, "wijzigen", "plan", version.id, version.plan.household_id,
                 detail=f"versie {version.number}: akkoord ({version.agreed_how})")
    return version_view(uow, version)


def _achieved(uow: UnitOfWork, version: PlanVersion) -> set[uuid.UUID]:
    evaluation = uow.session.scalar(
        select(Evaluation).where(Evaluation.plan_version_id == version.id))
    if evaluation is None:
        return set()
    return {o.result_id for o in evaluation.outcomes if o.outcome == Outcome.BEHAALD.value}


def _copy(source: PlanVersion, target: PlanVersion, skip: set[uuid.UUID], today: date) -> None:
    for name in ("client_support_offered", "regisseur_id", "aanspreekpunt",
                 "aanspreekpunt_contact", "strengths", "worries", "earlier_help"):
        setattr(target, name, getattr(source, name))
    target.professionals = [
        PlanProfessional(position=p.position, name=p.name, organisation=p.organisation,
                         role=p.role, contact=p.contact) for p in source.professionals]
    # A change to the plan in force keeps its evaluation dates still ahead; after an
    # evaluation the next agreement sets new ones.
    if source.status == VersionStatus.ACTIEF.value:
        target.evaluation_moments = [EvaluationMoment(due_on=m.due_on, label=m.label)
                                     for m in source.evaluation_moments if m.due_on >= today]
    kept = [r for r in source.results if r.id not in skip]
    target.results = [
        PlanResult(
            lineage_id=r.lineage_id, position=position, domain_code=r.domain_code,
            law_code=r.law_code, theme=r.theme, member_id=r.member_id, text=r.text,
            target_on=r.target_on, source_kind=r.source_kind, source_ref=r.source_ref,
            actions=[PlanAction(
                lineage_id=a.lineage_id, position=a.position, what=a.what,
                who_kind=a.who_kind, who_name=a.who_name, support_level=a.support_level,
                service_id=a.service_id, start_on=a.start_on, due_on=a.due_on, status=a.status,
                prevention_level=a.prevention_level, finished_on=a.finished_on,
            ) for a in r.actions])
        for position, r in enumerate(kept)]


def start_new_version(uow: UnitOfWork, plan_id: uuid.UUID) -> PlanVersionView:
    """A new draft copied from the last agreed version, to change an agreed plan or to follow
    an evaluation. Results evaluated as 'behaald' are not carried over. Evaluation moments
    carry over only from the version in force and only when still ahead; without any,
    agreeing sets the default. When a draft already exists, that draft is returned."""
    plan = get_plan(uow, plan_id)
    require_edit(uow, plan.household_id)
    latest = plan.versions[-1]
    if VersionStatus(latest.status).editable:
        return version_view(uow, latest)
    source = next((v for v in reversed(plan.versions) if VersionStatus(v.status) in AGREED),
                  None)
    if source is None:
        raise KnownError("Er is geen vastgestelde versie om van uit te gaan.")
    draft = PlanVersion(number=latest.number + 1, status=VersionStatus.CONCEPT.value,
                        created_at=uow.now, created_by_id=uow.actor.id)
    _copy(source, draft, _achieved(uow, source), local_date(uow.now))
    plan.versions.append(draft)
    plan.updated_at = uow.now  # two people starting a version at once: one gets a conflict
    uow.session.flush()
    audit.record(uow, "aanmaken", "plan", draft.id, plan.household_id,
                 detail=f"versie {draft.number} op basis van versie {source.number}")
    return version_view(uow, draft)


def discard_draft(uow: UnitOfWork, version_id: uuid.UUID, expected_version: int) -> None:
    """Throw away a draft that is not version 1 (the agreed versions stay as they were)."""
    version = get_version(uow, version_id)
    require_draft(uow, version)
    check_version(version, expected_version, "Dit plan")
    if version.number == 1:
        raise KnownError("De eerste versie van een plan kan niet worden weggegooid.")
    plan = version.plan
    plan.versions.remove(version)
    uow.session.flush()
    audit.record(uow, "wijzigen", "plan", plan.id, plan.household_id,
                 detail=f"concept versie {version.number} verwijderd")
