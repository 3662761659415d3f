"""Reading plans: which plans a household has, and any version of one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from db.models import Household, Member, Plan, PlanVersion
from intake.core import audit
from intake.core.access import household_filter, require_read, require_role
from intake.core.context import UnitOfWork
from intake.core.errors import NotFoundError
from intake.core.roles import CASE_READERS
from intake.plans.common import get_plan, plan_summary, version_view
from intake.plans.views import PlanSummary, PlanVersionView
from intake.plans.vocab import PlanKind, VersionStatus


def find_plan(uow: UnitOfWork, household_id: uuid.UUID, scope_key: str = "plan") -> Plan | None:
    return uow.session.scalar(
        select(Plan).where(Plan.household_id == household_id, Plan.scope_key == scope_key))


def household_plans(uow: UnitOfWork, household_id: uuid.UUID) -> list[PlanSummary]:
    """The household plan first, then any toekomstplannen."""
    require_read(uow, household_id)
    plans = uow.session.scalars(
        select(Plan).where(Plan.household_id == household_id)
        .order_by(Plan.kind, Plan.created_at)).all()
    audit.record(uow, "inzien", "plan", household_id=household_id,
                 detail=f"overzicht, {len(plans)} plannen")
    return [plan_summary(uow, plan) for plan in plans]


def household_plan(uow: UnitOfWork, household_id: uuid.UUID) -> PlanSummary | None:
    """The one plan of the household (not a toekomstplan), or None when none was started."""
    require_read(uow, household_id)
    plan = find_plan(uow, household_id)
    audit.record(uow, "inzien", "plan", plan.id if plan else None, household_id,
                 detail="overzicht")
    return plan_summary(uow, plan) if plan is not None else None


def version_row(uow: UnitOfWork, plan: Plan, number: int | None) -> PlanVersion:
    if not plan.versions:
        raise NotFoundError("Dit plan heeft nog geen versie.")
    if number is None:
        return plan.versions[-1]
    for version in plan.versions:
        if version.number == number:
            return version
    raise NotFoundError(f"Dit plan heeft geen versie {number}.")


def open_plan_version(uow: UnitOfWork, plan_id: uuid.UUID,
                      number: int | None = None) -> PlanVersionView:
    """One version of a plan (default: the newest); every earlier version stays readable."""
    plan = get_plan(uow, plan_id)
    require_read(uow, plan.household_id)
    version = version_row(uow, plan, number)
    audit.record(uow, "inzien", "plan", version.id, plan.household_id,
                 detail=f"versie {version.number}")
    return version_view(uow, version)


@dataclass(frozen=True)
class PrintablePlan:
    plan_id: uuid.UUID
    household_id: uuid.UUID
    dossiernummer: str
    kind: PlanKind
    owner_position: int | None  # toekomstplan: the owner's place in the household (1-based)
    active_number: int


def active_plans(uow: UnitOfWork) -> list[PrintablePlan]:
    """Every plan with a version in force that the signed-in person may read, by dossiernummer
    (for bulk printing). Lists ids only; reading a plan is audited when it is opened or
    printed."""
    require_role(uow, CASE_READERS, "afdrukken", "plan",
                 "Een functioneel beheerder heeft geen toegang tot dossiers van inwoners.")
    rows = uow.session.execute(
        select(Plan.id, Plan.household_id, Household.dossiernummer, Plan.kind,
               Member.position, PlanVersion.number)
        .join(PlanVersion, PlanVersion.plan_id == Plan.id)
        .join(Household, Household.id == Plan.household_id)
        .outerjoin(Member, Member.id == Plan.owner_member_id)
        .where(PlanVersion.status == VersionStatus.ACTIEF.value, household_filter(uow))
        .order_by(Household.dossiernummer, Plan.kind, Member.position))
    return [PrintablePlan(plan_id, household_id, dossier, PlanKind(kind),
                          None if position is None else position + 1, number)
            for plan_id, household_id, dossier, kind, position, number in rows]
