"""The days from first registration to the first agreed plan, kept as a fact of each plan,
against the same rule worked out per household in Python over many periods: the episode is
the year up to the agreement, a destroyed dossier's retained days count, a household without
a question in the episode counts from the day it was registered (late in the evening, so the
time of day must not move the day); on SQLite and PostgreSQL, and the migration's frozen SQL
fills the same days."""

from __future__ import annotations

import importlib
import statistics
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text, update

from db.models import FigurePlan, HelpQuestion, Household
from intake.reports.period import Period
from intake.reports.queries import days_to_agreed_plan
from tests.conftest import Team
from tests.helpers import pg_server
from tests.reports.test_reports_postgres import _team as pg_team
from tests.reports.test_reports_store import build

EPISODE = timedelta(days=365)
MIGRATION = importlib.import_module("db.migrations.versions.0023_figure_days_outcomes")


def _per_household(session: Any, period: Period) -> tuple[int, float | None]:
    days = []
    agreements = session.execute(
        select(FigurePlan.household_id, func.min(FigurePlan.first_agreed_on))
        .where(FigurePlan.first_agreed_on.between(period.start, period.end),
               FigurePlan.kind == "plan").group_by(FigurePlan.household_id))
    for household_id, agreed in agreements:
        household = session.get(Household, household_id)
        if household.retained_days_to_plan is not None:
            days.append(household.retained_days_to_plan)
            continue
        window = agreed - EPISODE
        first = session.scalar(select(func.min(HelpQuestion.registered_on)).where(
            HelpQuestion.household_id == household_id, HelpQuestion.registered_on >= window,
            HelpQuestion.registered_on <= agreed))
        start = first if first is not None else household.created_at.date()
        if window <= start <= agreed:
            days.append((agreed - start).days)
    return len(days), (statistics.median(days) if days else None)


def _check(team: Team) -> None:
    rs = build(team)
    with team.store.sessions() as session, session.begin():
        for key, household in rs.households.items():
            row = session.get(Household, household)
            assert row is not None
            row.created_at = datetime.combine(date(2025, 3, 1), time(23, 45)) \
                if key != "H6" else datetime.combine(date(2026, 1, 20), time(23, 59, 30))
            if key == "H2":
                row.retained_days_to_plan = 400  # kept when its dossier was destroyed
        # H6's question now follows its agreement (2 February): counted from its registration.
        for question in session.scalars(select(HelpQuestion).where(
                HelpQuestion.household_id == rs.households["H6"])):
            question.registered_on = date(2026, 2, 10)
    checked = found = 0
    with team.store.sessions() as session:
        start = date(2025, 10, 1)
        while start <= date(2026, 3, 31):
            for days in (0, 13, 30, 91, 364):
                period = Period(start, start + timedelta(days=days))
                counts = days_to_agreed_plan(session, period)
                n, median = _per_household(session, period)
                assert counts.n == n, period
                assert counts.cells.get(("mediaan_dagen", "aantal")) == median, period
                checked += 1
                found += n > 0
            start += timedelta(days=4)
    assert found > checked // 3
    _check_migration_fill(team)


def _days(team: Team) -> set[tuple[Any, ...]]:
    with team.store.sessions() as session:
        return {tuple(row) for row in session.execute(
            select(FigurePlan.plan_id, FigurePlan.days_to_plan))}


def _check_migration_fill(team: Team) -> None:
    kept = _days(team)
    assert any(days is not None for _plan, days in kept)
    with team.store.sessions() as session, session.begin():
        session.execute(update(FigurePlan).values(days_to_plan=None))
        session.execute(text(MIGRATION.fill_days(session.get_bind().dialect.name)))
    assert _days(team) == kept


def test_the_days_to_an_agreed_plan_count_as_per_household(team: Team) -> None:
    _check(team)


@pytest.mark.postgres
def test_the_days_to_an_agreed_plan_count_as_per_household_on_postgresql() -> None:
    with pg_server.running_server() as url:
        server_team = pg_team(url)
        try:
            _check(server_team)
        finally:
            server_team.store.close()
