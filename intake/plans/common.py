"""Shared plumbing of the plan modules: loading rows, the checks every edit makes, and turning
rows into views."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from db.models import (
    Evaluation,
    Household,
    Member,
    Plan,
    PlanAction,
    PlanResult,
    PlanVersion,
    SocialService,
    User,
)
from intake.catalogues.fixed import (
    CatalogueItem,
    laws,
    life_domains,
    prevention_levels,
    support_levels,
)
from intake.core.access import require_edit, require_read
from intake.core.context import (
    AHEAD_EVALUATION,
    AHEAD_MEMBERS,
    AHEAD_SERVICES,
    AHEAD_USER_NAMES,
    UnitOfWork,
)
from intake.core.errors import KnownError, NotFoundError, StaleEditError
from intake.core.text import full_name
from intake.plans.views import (
    ActionView,
    EvaluationMomentView,
    EvaluationView,
    OutcomeView,
    PlanSummary,
    PlanVersionView,
    ProfessionalView,
    ResultView,
    VersionInfo,
)
from intake.plans.vocab import (
    THEME_LABELS,
    ActionStatus,
    AgreedHow,
    Decision,
    Outcome,
    PlanKind,
    VersionStatus,
    WhoKind,
)


def catalogue_label(items: tuple[CatalogueItem, ...], code: str, plain: bool = False) -> str:
    """The label of a code; the code itself when a catalogue no longer knows it."""
    for item in items:
        if item.code == code:
            return (item.plain_label or item.label) if plain else item.label
    return code


def get_version(uow: UnitOfWork, version_id: uuid.UUID) -> PlanVersion:
    row = uow.session.get(PlanVersion, version_id)
    if row is None:
        raise NotFoundError("Deze planversie bestaat niet (meer).")
    return row


def get_plan(uow: UnitOfWork, plan_id: uuid.UUID) -> Plan:
    row = uow.session.get(Plan, plan_id)
    if row is None:
        raise NotFoundError("Dit plan bestaat niet (meer).")
    return row


def get_result(uow: UnitOfWork, result_id: uuid.UUID) -> PlanResult:
    row = uow.session.get(PlanResult, result_id)
    if row is None:
        raise NotFoundError("Dit resultaat is intussen verwijderd; open het plan opnieuw.")
    return row


def get_action(uow: UnitOfWork, action_id: uuid.UUID) -> PlanAction:
    row = uow.session.get(PlanAction, action_id)
    if row is None:
        raise NotFoundError("Deze actie is intussen verwijderd; open het plan opnieuw.")
    return row


def require_draft(uow: UnitOfWork, version: PlanVersion) -> None:
    """Edit permission on the household, and a version that is still a draft."""
    require_edit(uow, version.plan.household_id)
    if not VersionStatus(version.status).editable:
        raise KnownError(
            f"Versie {version.number} van dit plan is vastgesteld en kan niet meer worden "
            "gewijzigd. Start een nieuwe versie om iets aan te passen."
        )


def check_version(row: PlanVersion | PlanResult | PlanAction | Plan, expected: int,
                  what: str) -> None:
    if row.version != expected:
        raise StaleEditError(what)


def _user_names(uow: UnitOfWork, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    known: dict[uuid.UUID, str] | None = uow.read_ahead.get((AHEAD_USER_NAMES,))
    if known is not None:
        return {i: known[i] for i in wanted if i in known}
    return {u.id: u.display_name for u in uow.session.scalars(select(User).where(
        User.id.in_(wanted)))}


def member_names(uow: UnitOfWork, household_id: uuid.UUID) -> dict[uuid.UUID, str]:
    require_read(uow, household_id)
    members = uow.read_ahead.get((AHEAD_MEMBERS, household_id))
    if members is None:
        members = uow.session.scalars(select(Member).where(Member.household_id == household_id))
    return {m.id: full_name(m.given_name, m.prefix, m.family_name) for m in members}


def _action_view(row: PlanAction, services: dict[uuid.UUID, SocialService]) -> ActionView:
    service = services.get(row.service_id) if row.service_id else None
    levels = support_levels()
    rank = next((item.rank for item in levels if item.code == row.support_level), 0)
    return ActionView(
        id=row.id, lineage_id=row.lineage_id, version=row.version, position=row.position,
        what=row.what, who_kind=WhoKind(row.who_kind), who_name=row.who_name,
        support_level=row.support_level,
        support_level_label=catalogue_label(levels, row.support_level),
        support_level_rank=rank, service_id=row.service_id,
        service_label=f"{service.name} ({service.organisation})" if service else "",
        service_code=service.code if service else "",
        service_name=service.name if service else "",
        start_on=row.start_on, due_on=row.due_on, status=ActionStatus(row.status),
        prevention_level=row.prevention_level,
        prevention_level_label=catalogue_label(prevention_levels(), row.prevention_level)
        if row.prevention_level else "",
        finished_on=row.finished_on,
    )


def _result_view(row: PlanResult, members: dict[uuid.UUID, str],
                 services: dict[uuid.UUID, SocialService]) -> ResultView:
    domains = life_domains()
    return ResultView(
        id=row.id, lineage_id=row.lineage_id, version=row.version, position=row.position,
        domain_code=row.domain_code, domain_label=catalogue_label(domains, row.domain_code),
        domain_plain_label=catalogue_label(domains, row.domain_code, plain=True),
        law_code=row.law_code, law_label=catalogue_label(laws(), row.law_code),
        theme=row.theme, theme_label=THEME_LABELS.get(row.theme or "", ""),
        member_id=row.member_id, member_name=members.get(row.member_id, "")
        if row.member_id else "",
        text=row.text, target_on=row.target_on, source_kind=row.source_kind,
        source_ref=row.source_ref,
        actions=tuple(_action_view(action, services) for action in row.actions),
    )


def _evaluation_view(uow: UnitOfWork, version: PlanVersion) -> EvaluationView | None:
    key = (AHEAD_EVALUATION, version.id)
    evaluation = uow.read_ahead[key] if key in uow.read_ahead else uow.session.scalar(
        select(Evaluation).where(Evaluation.plan_version_id == version.id))
    if evaluation is None:
        return None
    lineage = {r.id: r.lineage_id for r in version.results}
    names = _user_names(uow, {evaluation.created_by_id})
    return EvaluationView(
        evaluated_on=evaluation.evaluated_on, satisfaction=evaluation.satisfaction,
        decision=Decision(evaluation.decision), closing_reason=evaluation.closing_reason,
        note=evaluation.note, evaluated_by=names.get(evaluation.created_by_id, ""),
        outcomes=tuple(OutcomeView(o.result_id, lineage.get(o.result_id, o.result_id),
                                   Outcome(o.outcome), o.note) for o in evaluation.outcomes),
    )


def version_view(uow: UnitOfWork, version: PlanVersion) -> PlanVersionView:
    plan = version.plan
    household = uow.session.get(Household, plan.household_id)
    assert household is not None
    members = member_names(uow, plan.household_id)
    service_ids = {a.service_id for r in version.results for a in r.actions if a.service_id}
    ahead: dict[uuid.UUID, SocialService] | None = uow.read_ahead.get((AHEAD_SERVICES,))
    if ahead is not None and service_ids <= ahead.keys():
        services = {i: ahead[i] for i in service_ids}
    else:
        services = {s.id: s for s in uow.session.scalars(select(SocialService).where(
            SocialService.id.in_(service_ids)))} if service_ids else {}
    users = _user_names(uow, {version.created_by_id, version.agreed_recorded_by_id,
                              version.regisseur_id})
    return PlanVersionView(
        id=version.id, plan_id=plan.id, household_id=plan.household_id,
        dossiernummer=household.dossiernummer, kind=PlanKind(plan.kind),
        owner_member_id=plan.owner_member_id,
        owner_name=members.get(plan.owner_member_id, "") if plan.owner_member_id else "",
        number=version.number, version=version.version, status=VersionStatus(version.status),
        created_at=version.created_at, created_by=users.get(version.created_by_id, ""),
        agreed_on=version.agreed_on,
        agreed_how=AgreedHow(version.agreed_how) if version.agreed_how else None,
        agreed_recorded_by=users.get(version.agreed_recorded_by_id, "")
        if version.agreed_recorded_by_id else "",
        client_support_offered=version.client_support_offered,
        regisseur_id=version.regisseur_id,
        regisseur_name=users.get(version.regisseur_id, "") if version.regisseur_id else "",
        aanspreekpunt=version.aanspreekpunt, aanspreekpunt_contact=version.aanspreekpunt_contact,
        strengths=version.strengths, worries=version.worries, earlier_help=version.earlier_help,
        closing_reason=version.closing_reason,
        professionals=tuple(ProfessionalView(p.name, p.organisation, p.role, p.contact)
                            for p in version.professionals),
        evaluation_moments=tuple(EvaluationMomentView(m.due_on, m.label)
                                 for m in version.evaluation_moments),
        results=tuple(_result_view(r, members, services) for r in version.results),
        evaluation=_evaluation_view(uow, version),
    )


def plan_summary(uow: UnitOfWork, plan: Plan) -> PlanSummary:
    owner = ""
    if plan.owner_member_id:
        owner = member_names(uow, plan.household_id).get(plan.owner_member_id, "")
    return PlanSummary(
        id=plan.id, household_id=plan.household_id, kind=PlanKind(plan.kind),
        owner_member_id=plan.owner_member_id, owner_name=owner, closed_at=plan.closed_at,
        versions=tuple(VersionInfo(v.id, v.number, VersionStatus(v.status), v.created_at,
                                   v.agreed_on) for v in plan.versions),
    )
