"""Editing a draft version: results, actions and the plan-wide details.

Every function takes the ``expected_version`` of the row the screen showed and returns the
whole version afresh, so the screen re-renders from one consistent picture. Structural changes
(adding or removing a result or action) also bump the parent row, so two people restructuring
one plan at once get a conflict instead of a silent merge.
"""

from __future__ import annotations

import uuid

from db.models import (
    EvaluationMoment,
    PlanAction,
    PlanProfessional,
    PlanResult,
    PlanVersion,
    SocialService,
)
from intake.core import audit
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.plans.common import (
    check_version,
    get_action,
    get_result,
    get_version,
    require_draft,
    version_view,
)
from intake.plans.inputs import (
    ActionInput,
    ResultInput,
    VersionDetailsInput,
    validate_action,
    validate_details,
    validate_result,
)
from intake.plans.views import PlanVersionView
from intake.plans.vocab import ActionStatus


def _record(uow: UnitOfWork, version: PlanVersion, detail: str) -> None:
    audit.record(uow, "wijzigen", "plan", version.id, version.plan.household_id,
                 detail=f"versie {version.number}: {detail}")


def _touch(uow: UnitOfWork, row: PlanVersion | PlanResult) -> None:
    row.updated_at = uow.now


def add_result(uow: UnitOfWork, version_id: uuid.UUID, expected_version: int,
               data: ResultInput, *, source_kind: str = "eigen",
               source_ref: str = "") -> PlanVersionView:
    """A new result at the end of the version; ``expected_version`` is the version row's."""
    version = get_version(uow, version_id)
    require_draft(uow, version)
    check_version(version, expected_version, "Dit plan")
    validate_result(uow, version.plan.household_id, data)
    version.results.append(new_result_row(version, data, source_kind, source_ref))
    _touch(uow, version)
    uow.session.flush()
    _record(uow, version, f"resultaat toegevoegd ({data.domain_code})")
    return version_view(uow, version)


def new_result_row(version: PlanVersion, data: ResultInput, source_kind: str,
                   source_ref: str) -> PlanResult:
    return PlanResult(
        position=len(version.results), domain_code=data.domain_code, law_code=data.law_code,
        theme=data.theme, member_id=data.member_id, text=data.text.strip(),
        target_on=data.target_on, source_kind=source_kind, source_ref=source_ref,
    )


def update_result(uow: UnitOfWork, result_id: uuid.UUID, expected_version: int,
                  data: ResultInput) -> PlanVersionView:
    result = get_result(uow, result_id)
    version = result.plan_version
    require_draft(uow, version)
    check_version(result, expected_version, "Dit resultaat")
    validate_result(uow, version.plan.household_id, data)
    changed = [attr for attr, value in (
        ("domain_code", data.domain_code), ("law_code", data.law_code), ("theme", data.theme),
        ("member_id", data.member_id), ("text", data.text.strip()),
        ("target_on", data.target_on)) if getattr(result, attr) != value]
    for attr in changed:
        setattr(result, attr, getattr(data, attr) if attr != "text" else data.text.strip())
    if changed:
        result.updated_at = uow.now
    uow.session.flush()
    _record(uow, version, "resultaat gewijzigd: " + (", ".join(changed) or "niets"))
    return version_view(uow, version)


def move_result_to_law(uow: UnitOfWork, result_id: uuid.UUID, expected_version: int,
                       law_code: str) -> PlanVersionView:
    """A result falls under another law (e.g. Jeugdwet to Wmo at 18) in the same plan."""
    result = get_result(uow, result_id)
    data = ResultInput(domain_code=result.domain_code, text=result.text, law_code=law_code,
                       target_on=result.target_on, member_id=result.member_id,
                       theme=result.theme)
    return update_result(uow, result_id, expected_version, data)


def remove_result(uow: UnitOfWork, result_id: uuid.UUID,
                  expected_version: int) -> PlanVersionView:
    """Removes the result and its actions (earlier versions keep theirs)."""
    result = get_result(uow, result_id)
    version = result.plan_version
    require_draft(uow, version)
    check_version(result, expected_version, "Dit resultaat")
    version.results.remove(result)
    for position, row in enumerate(version.results):
        row.position = position
    _touch(uow, version)
    uow.session.flush()
    _record(uow, version, "resultaat verwijderd")
    return version_view(uow, version)


def _apply_action(uow: UnitOfWork, row: PlanAction, data: ActionInput) -> list[str]:
    level = data.prevention_level
    if level is None and data.service_id is not None:
        service = uow.session.get(SocialService, data.service_id)
        level = service.prevention_level if service else None
    values = {
        "what": data.what.strip(), "who_kind": data.who_kind.value,
        "who_name": data.who_name.strip(), "support_level": data.support_level,
        "service_id": data.service_id, "start_on": data.start_on, "due_on": data.due_on,
        "status": data.status.value, "prevention_level": level,
    }
    changed = [attr for attr, value in values.items() if getattr(row, attr, None) != value]
    for attr in changed:
        setattr(row, attr, values[attr])
    if "status" in changed:
        # The figures count actions finished in a period by this day.
        row.finished_on = local_date(uow.now) if data.status is ActionStatus.GEDAAN else None
    return changed


def add_action(uow: UnitOfWork, result_id: uuid.UUID, expected_version: int,
               data: ActionInput) -> PlanVersionView:
    """A new action under a result; ``expected_version`` is the result row's."""
    result = get_result(uow, result_id)
    version = result.plan_version
    require_draft(uow, version)
    check_version(result, expected_version, "Dit resultaat")
    validate_action(uow, data)
    row = PlanAction(position=len(result.actions))
    _apply_action(uow, row, data)
    result.actions.append(row)
    _touch(uow, result)
    uow.session.flush()
    _record(uow, version, f"actie toegevoegd ({data.support_level})")
    return version_view(uow, version)


def update_action(uow: UnitOfWork, action_id: uuid.UUID, expected_version: int,
                  data: ActionInput) -> PlanVersionView:
    action = get_action(uow, action_id)
    version = action.result.plan_version
    require_draft(uow, version)
    check_version(action, expected_version, "Deze actie")
    validate_action(uow, data, current_service=action.service_id)
    changed = _apply_action(uow, action, data)
    if changed:
        action.updated_at = uow.now
    uow.session.flush()
    _record(uow, version, "actie gewijzigd: " + (", ".join(changed) or "niets"))
    return version_view(uow, version)


def remove_action(uow: UnitOfWork, action_id: uuid.UUID,
                  expected_version: int) -> PlanVersionView:
    action = get_action(uow, action_id)
    result = action.result
    version = result.plan_version
    require_draft(uow, version)
    check_version(action, expected_version, "Deze actie")
    result.actions.remove(action)
    for position, row in enumerate(result.actions):
        row.position = position
    _touch(uow, result)
    uow.session.flush()
    _record(uow, version, "actie verwijderd")
    return version_view(uow, version)


def update_details(uow: UnitOfWork, version_id: uuid.UUID, expected_version: int,
                   data: VersionDetailsInput) -> PlanVersionView:
    """Regisseur, aanspreekpunt, professionals, strengths and worries, earlier help,
    client support offered, evaluation moments."""
    version = get_version(uow, version_id)
    require_draft(uow, version)
    check_version(version, expected_version, "Dit plan")
    validate_details(uow, data)
    version.regisseur_id = data.regisseur_id
    version.aanspreekpunt = data.aanspreekpunt.strip()
    version.aanspreekpunt_contact = data.aanspreekpunt_contact.strip()
    version.client_support_offered = data.client_support_offered
    version.strengths = data.strengths.strip()
    version.worries = data.worries.strip()
    version.earlier_help = data.earlier_help.strip()
    version.professionals = [
        PlanProfessional(position=i, name=p.name.strip(), organisation=p.organisation.strip(),
                         role=p.role.strip(), contact=p.contact.strip())
        for i, p in enumerate(data.professionals)]
    version.evaluation_moments = [
        EvaluationMoment(due_on=m.due_on, label=m.label.strip())
        for m in sorted(data.evaluation_moments, key=lambda m: m.due_on)]
    _touch(uow, version)
    uow.session.flush()
    _record(uow, version, "plangegevens gewijzigd")
    return version_view(uow, version)
