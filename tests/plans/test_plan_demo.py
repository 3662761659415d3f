"""Demo plans: every status, several versions, overdue evaluations, Jolanda's plan."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from db.models import Member, Plan, PlanVersion
from intake import plans
from intake.core.session import unit_of_work
from intake.demo.plans import add_plans
from intake.documents import print_plan
from intake.plans import VersionStatus
from intake.store import open_store
from tests.demo.test_demo import DEMO_PASSWORD, NOW, make_demo


def test_demo_plans_cover_every_status(tmp_path: Path) -> None:
    location = make_demo(tmp_path, households=300, steps=[add_plans])
    store, actor = open_store(location, "teamleider", DEMO_PASSWORD, now=NOW)
    try:
        with unit_of_work(store, actor, clock=lambda: NOW) as uow:
            latest = {plan_id: number for plan_id, number in uow.session.execute(
                select(PlanVersion.plan_id, func.max(PlanVersion.number))
                .group_by(PlanVersion.plan_id))}
            statuses = Counter(
                status for plan_id, number, status in uow.session.execute(
                    select(PlanVersion.plan_id, PlanVersion.number, PlanVersion.status))
                if latest[plan_id] == number)
            assert set(statuses) >= {s.value for s in (
                VersionStatus.CONCEPT, VersionStatus.WACHT_OP_AKKOORD, VersionStatus.ACTIEF,
                VersionStatus.GEEVALUEERD, VersionStatus.AFGESLOTEN)}
            assert max(latest.values()) >= 2
            plan_count = uow.session.scalar(select(func.count()).select_from(Plan))
            assert plan_count is not None and 60 <= plan_count <= 160
            due = plans.evaluations_due(uow, everyone=True)
            assert any(d.overdue for d in due) and any(not d.overdue for d in due)
            jolanda = uow.session.scalar(select(Member.household_id).where(
                Member.given_name == "Jolanda"))
            assert jolanda is not None
            summary = plans.household_plan(uow, jolanda)
            assert summary is not None and summary.status is VersionStatus.ACTIEF
            changes = plans.compare_versions(uow, summary.id, 1, 2)
            # Version 2 carries the same results on, with new dates.
            assert {c.field for c in changes} <= {"evaluation_moments", "target_on", "start_on",
                                                  "due_on"}
            assert any(c.field_label == "Streefdatum" for c in changes)
            assert len(plans.open_plan_version(uow, summary.id).results) == 4
            closed = uow.session.scalars(select(Plan).where(Plan.closed_at.is_not(None))).all()
            assert closed
            some = closed[0]
            pdf = print_plan(uow, some.household_id)
            assert pdf.startswith(b"%PDF")
    finally:
        store.close()
