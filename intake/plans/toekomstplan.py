"""The toekomstplan: for a young person of 16.5 up to 23 leaving youth care, owned by them.

Same machinery as the household plan (versions, agreement, evaluation, printing); it starts
with one result per theme (wonen, dagbesteding, financiën, sociale contacten) for the young
person to fill in in their own words.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from db.models import Member, Plan, PlanResult, PlanVersion
from intake.core import audit
from intake.core.access import require_edit, require_read
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.errors import KnownError, NotFoundError
from intake.core.text import full_name
from intake.plans.common import version_view
from intake.plans.dates import age_in_months
from intake.plans.queries import find_plan
from intake.plans.views import PlanVersionView
from intake.plans.vocab import (
    TOEKOMST_MAX_MONTHS,
    TOEKOMST_MIN_MONTHS,
    TOEKOMST_THEMES,
    PlanKind,
    SourceKind,
    VersionStatus,
)


@dataclass(frozen=True)
class EligibleMember:
    member_id: uuid.UUID
    name: str
    age_years: int
    has_toekomstplan: bool


def scope_key(member_id: uuid.UUID) -> str:
    return f"toekomstplan:{member_id.hex}"


def toekomstplan_members(uow: UnitOfWork, household_id: uuid.UUID) -> list[EligibleMember]:
    """Members aged 16.5 up to 23 today, who may get (or have) a toekomstplan."""
    require_read(uow, household_id)
    today = local_date(uow.now)
    found = []
    for member in uow.session.scalars(select(Member).where(
            Member.household_id == household_id).order_by(Member.position)):
        if member.date_of_birth is None:
            continue
        months = age_in_months(member.date_of_birth, today)
        if TOEKOMST_MIN_MONTHS <= months < TOEKOMST_MAX_MONTHS:
            found.append(EligibleMember(
                member.id, full_name(member.given_name, member.prefix, member.family_name),
                months // 12,
                find_plan(uow, household_id, scope_key(member.id)) is not None))
    return found


def start_toekomstplan(uow: UnitOfWork, household_id: uuid.UUID,
                       member_id: uuid.UUID) -> PlanVersionView:
    """Version 1 (concept) of a toekomstplan with the young person as owner."""
    require_edit(uow, household_id, "aanmaken")
    member = uow.session.get(Member, member_id)
    if member is None or member.household_id != household_id:
        raise NotFoundError("Dit gezinslid hoort niet (meer) bij het huishouden.")
    if member.date_of_birth is None:
        raise KnownError("Vul eerst de geboortedatum van dit gezinslid in.")
    months = age_in_months(member.date_of_birth, local_date(uow.now))
    if not TOEKOMST_MIN_MONTHS <= months < TOEKOMST_MAX_MONTHS:
        raise KnownError("Een toekomstplan is voor jongeren van 16,5 tot 23 jaar.")
    key = scope_key(member_id)
    if find_plan(uow, household_id, key) is not None:
        raise KnownError("Deze jongere heeft al een toekomstplan.")
    plan = Plan(household_id=household_id, kind=PlanKind.TOEKOMSTPLAN.value,
                owner_member_id=member_id, scope_key=key, created_at=uow.now,
                created_by_id=uow.actor.id)
    version = PlanVersion(number=1, status=VersionStatus.CONCEPT.value, created_at=uow.now,
                          created_by_id=uow.actor.id)
    version.results = [
        PlanResult(position=position, domain_code=domain, law_code="geen", theme=theme,
                   member_id=member_id, text="", source_kind=SourceKind.TOEKOMST.value,
                   source_ref=theme)
        for position, (theme, _label, domain) in enumerate(TOEKOMST_THEMES)]
    plan.versions.append(version)
    uow.session.add(plan)
    uow.session.flush()
    audit.record(uow, "aanmaken", "plan", version.id, household_id,
                 detail="toekomstplan versie 1")
    return version_view(uow, version)
