"""The team overview's summary rows (overview_plans) follow every plan write in the same
transaction, also writes of evaluation moments, and rows a replica's pull writes with Core once
it touches them; the migration fills them as the domain keeps them."""

from __future__ import annotations

import importlib
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select, text, update

from db import figure_facts
from db.models import EvaluationMoment, OverviewPlan, PlanVersion
from intake.core.session import unit_of_work
from intake.plans import start_new_version
from intake.reports.caseload import plan_status_query
from tests.conftest import Team
from tests.reports.test_reports_store import TODAY, ReportStore, _agree, at, build

Rows = set[tuple[Any, ...]]


def _kept(team: Team) -> Rows:
    with team.store.sessions() as session:
        return {tuple(row) for row in session.execute(select(
            *(getattr(OverviewPlan, c) for c in figure_facts._OVERVIEW_COLUMNS)))}


def _derived(team: Team) -> Rows:
    with team.store.sessions() as session:
        return {tuple(row) for row in session.execute(figure_facts._overview_rows())}


def _row(rs: ReportStore, key: str) -> OverviewPlan:
    with rs.team.store.sessions() as session:
        return session.scalars(select(OverviewPlan).where(
            OverviewPlan.plan_id == rs.plans[key])).one()


def test_the_rows_follow_every_plan_write(team: Team) -> None:
    rs = build(team)  # drafts, agreements, an evaluation, a closed plan, a following version
    kept = _kept(team)
    assert len(kept) == 6 and kept == _derived(team)
    h1, h5, h6 = _row(rs, "H1"), _row(rs, "H5"), _row(rs, "H6")
    assert (h1.state, h1.version_number, h1.active_number, h1.new_version,
            h1.next_evaluation_on) == ("actief", 1, 1, "", date(2026, 4, 1))
    assert h1.shown_regisseur_id == team.regisseur.id == h1.responsible_id
    assert h5.state == "afgesloten"
    assert (h6.state, h6.version_number, h6.active_number) == ("concept", 2, None)

    # A new draft next to the version in force: shown as its "nieuwe versie" at once.
    with unit_of_work(team.store, team.consulent, at(TODAY)) as uow:
        draft = start_new_version(uow, rs.plans["H1"])
    h1 = _row(rs, "H1")
    assert (h1.state, h1.version_number, h1.active_number, h1.new_version) == \
        ("actief", 2, 1, "concept")
    # Agreed: the new version is in force, with its own first evaluation moment.
    _agree(rs, team.consulent, draft, TODAY)
    h1 = _row(rs, "H1")
    assert (h1.version_number, h1.active_number, h1.new_version, h1.agreed_on) == \
        (2, 2, "", TODAY)
    assert h1.next_evaluation_on is not None and h1.next_evaluation_on > TODAY
    assert _kept(team) == _derived(team)


def _core_moment_write(team: Team, rs: ReportStore, *, touched: bool) -> date:
    """An evaluation moment of H1's version in force moved with a Core statement, as a
    replica's pull writes rows; with or without telling the facts."""
    with team.store.sessions() as session, session.begin():
        moments = list(session.scalars(
            select(EvaluationMoment.id).join(PlanVersion)
            .where(PlanVersion.plan_id == rs.plans["H1"], PlanVersion.status == "actief")))
        moved = date(2026, 3, 1)
        session.execute(update(EvaluationMoment).where(EvaluationMoment.id.in_(moments))
                        .values(due_on=moved))
        if touched:
            figure_facts.touch(session, "plan_evaluation_moments", moments)
    return moved


def test_a_core_write_of_evaluation_moments_is_followed_once_touched(team: Team) -> None:
    rs = build(team)
    before = _row(rs, "H1").next_evaluation_on
    _core_moment_write(team, rs, touched=False)
    assert _row(rs, "H1").next_evaluation_on == before  # the session did not see it
    assert _kept(team) != _derived(team)
    moved = _core_moment_write(team, rs, touched=True)
    assert moved != before and _row(rs, "H1").next_evaluation_on == moved
    assert _kept(team) == _derived(team)


def test_rebuild_all_and_the_migration_fill_as_the_domain_keeps_them(team: Team) -> None:
    build(team)
    kept = _kept(team)
    migration = importlib.import_module("db.migrations.versions.0020_overview_plans")
    with team.store.sessions() as session, session.begin():
        session.execute(text("DELETE FROM overview_plans"))
        session.execute(text(migration.FILL_OVERVIEW))
    assert _kept(team) == kept
    with team.store.sessions() as session, session.begin():
        session.execute(text("DELETE FROM overview_plans"))
        figure_facts.rebuild_all(session.connection())
    assert _kept(team) == kept


def test_the_status_that_depends_on_the_day_is_asked_at_query_time(team: Team) -> None:
    """Nothing stored changes overnight: the same row is 'actief' before its first
    evaluation moment and 'evaluatie verlopen' the day after."""
    rs = build(team)
    due = _row(rs, "H1").next_evaluation_on
    assert due is not None
    with team.store.sessions() as session:
        status = {day: session.scalar(
            select(plan_status_query(day).status).where(OverviewPlan.plan_id == rs.plans["H1"]))
            for day in (due, due + timedelta(days=1))}
    assert status == {due: "actief", due + timedelta(days=1): "evaluatie_verlopen"}
