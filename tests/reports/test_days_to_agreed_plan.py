"""The days from first registration to the first agreed plan, counted in SQL, against the same
rule worked out per household in Python over many periods: a destroyed dossier's retained
days, a household without a question in the episode counted from the day it was registered
(late in the evening, so the time of day must not move the day), on SQLite and PostgreSQL."""

from __future__ import annotations

import statistics
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from db.models import FigurePlan, HelpQuestion, Household
from intake.reports.period import Period
from intake.reports.queries import EPISODE, days_to_agreed_plan
from tests.conftest import Team
from tests.helpers import pg_server
from tests.reports.test_reports_postgres import _team as pg_team
from tests.reports.test_reports_store import build


def _per_household(session: Any, period: Period) -> tuple[int, float | None]:
    window = period.start - EPISODE
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
