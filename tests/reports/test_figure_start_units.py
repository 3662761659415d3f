"""The actions started per organisation read from each lineage's first start in a period
(figure_actions.start_previous_on and start_unit): the same counts and days as grouping every
started action by its lineage, over many periods of a randomised store whose actions move
their start, change service (also within one organisation) and are copied into later
versions; the support and prevention levels counted per level as a GROUP BY counts them; the
facts kept by every write, a rebuild and the migration's fill are the same, on SQLite and
PostgreSQL."""

from __future__ import annotations

import importlib
import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, or_, select

from db import figure_facts
from db.models import FigureAction, SocialService
from intake.core.session import unit_of_work
from intake.plans import (
    ActionInput,
    AgreedHow,
    ResultInput,
    WhoKind,
    add_action,
    add_result,
    agree,
    start_new_version,
    start_plan,
    update_action,
)
from intake.register.households import HouseholdInput, MemberInput, MemberRole, create_household
from intake.reports.period import Period
from intake.reports.prevention_queries import PreventionPeriod
from intake.reports.queries import support_level_mix
from tests.conftest import Team
from tests.helpers import pg_server
from tests.helpers.fact_rows import fact_rows, refilled
from tests.reports.test_reports_postgres import _team as pg_team
from tests.reports.test_reports_store import at

MIGRATION = importlib.import_module("db.migrations.versions.0022_figure_start_units")
GAPS = importlib.import_module("db.migrations.versions.0023_figure_days_outcomes")
# Two services of one organisation (Stadsbank), so a lineage can change service and stay.
SERVICES = ("stadsbank_schuldhulp", "stadsbank_budgetbeheer", "loes_opvoedadvies",
            "wijkteam", "humanitas_maatje")
SUPPORT = ("eigen_kracht", "algemene_voorziening", "maatwerkvoorziening")
PREVENTION = (None, "universeel", "selectief", "geindiceerd")
Facts = set[tuple[Any, ...]]


def _facts(team: Team) -> Facts:
    return fact_rows(team, FigureAction, figure_facts._ACTION_COLUMNS)


def _refilled(team: Team, how: str) -> Facts:
    return refilled(team, FigureAction, figure_facts._ACTION_COLUMNS, how,
                    MIGRATION.FILL_ACTIONS, GAPS.FILL_GAPS)


def _random_store(team: Team, seed: int) -> None:
    rng = random.Random(seed)
    con = team.consulent
    with team.store.sessions() as session:
        services = [session.scalar(select(SocialService.id).where(SocialService.code == code))
                    for code in SERVICES]
    first = date(2025, 1, 1)
    for number in range(1, 13):
        with unit_of_work(team.store, con, at(first)) as uow:
            household = create_household(uow, HouseholdInput(
                street="Dorpsstraat", house_number=str(number), postcode="7551 AB",
                city="Hengelo", members=[MemberInput("Ouder", f"Familie{number}",
                                                     MemberRole.ALLEENSTAAND,
                                                     date(1980, 1, 1))])).id
        agreed = first + timedelta(days=rng.randrange(400))
        with unit_of_work(team.store, con, at(agreed)) as uow:
            view = start_plan(uow, household)
            view = add_result(uow, view.id, view.version,
                              ResultInput("financien", "Rust", "wgs"))
            for what in range(rng.randrange(1, 4)):
                result = view.results[-1]
                service = rng.choice([*services, None])
                view = add_action(uow, result.id, result.version, ActionInput(
                    f"Actie {what}", WhoKind.ORGANISATIE if service else WhoKind.INWONER,
                    rng.choice(SUPPORT), service_id=service,
                    start_on=agreed + timedelta(days=rng.randrange(-30, 60)),
                    prevention_level=rng.choice(PREVENTION)))
            view = agree(uow, view.id, view.version, agreed, AgreedHow.GETEKEND)
        for _again in range(rng.randrange(3)):
            agreed += timedelta(days=rng.randrange(0, 70))
            with unit_of_work(team.store, con, at(agreed)) as uow:
                view = start_new_version(uow, view.plan_id)
                for action in view.results[0].actions:
                    change = rng.random()
                    if change < 0.5:
                        continue  # copied as it was
                    service = action.service_id
                    start = action.start_on
                    if change < 0.8:  # the start moves, earlier or later
                        start = agreed + timedelta(days=rng.randrange(-45, 60))
                    else:  # another service, perhaps of the same organisation
                        service = rng.choice(services)
                    view = update_action(uow, action.id, action.version, ActionInput(
                        action.what, WhoKind.ORGANISATIE if service else WhoKind.INWONER,
                        rng.choice(SUPPORT), service_id=service, start_on=start,
                        prevention_level=rng.choice(PREVENTION)))
                view = agree(uow, view.id, view.version, agreed, AgreedHow.MONDELING)


def _by_lineage(session: Any, period: Period) -> Counter[tuple[str, int]]:
    """Every started action of the period grouped by lineage and organisation, as the
    figure counted them before the facts said where each lineage starts."""
    fact = FigureAction
    rows = session.execute(
        select(SocialService.organisation, func.min(fact.start_on), func.min(fact.agreed_on))
        .join(SocialService, SocialService.id == fact.service_id)
        .where(fact.start_on.between(period.start, period.end), fact.agreed_on.is_not(None))
        .group_by(fact.lineage_id, SocialService.organisation))
    return Counter((organisation, (start - agreed).days) for organisation, start, agreed in rows)


def _first_start(session: Any, period: Period) -> Counter[tuple[str, int]]:
    counts: Counter[tuple[str, int]] = Counter()
    for organisation, gap, n in PreventionPeriod(session, period).started:
        counts[(organisation, gap)] += n
    return counts


def _levels(session: Any, level: Any, previous: Any, period: Period) -> dict[Any, int]:
    """A level figure as one GROUP BY over the period's rows counts it."""
    fact = FigureAction
    rows = session.execute(select(level, func.count()).where(
        fact.agreed_on.between(period.start, period.end),
        or_(previous.is_(None), previous < period.start)).group_by(level))
    return {(code, "aantal"): n for code, n in rows}


def _check(team: Team, seed: int) -> None:
    _random_store(team, seed)
    kept = _facts(team)
    unit = figure_facts._ACTION_COLUMNS.index("start_unit")
    units = Counter(row[unit] for row in kept)
    assert units[figure_facts.START_FIRST] and units[figure_facts.START_GROUPED], units
    assert kept == _refilled(team, "rebuild") == _refilled(team, "migration")
    checked = nonzero = 0
    with team.store.sessions() as session:
        start = date(2024, 12, 1)
        while start <= date(2026, 6, 1):
            for days in (0, 6, 30, 91, 364):
                period = Period(start, start + timedelta(days=days))
                expected = _by_lineage(session, period)
                assert _first_start(session, period) == expected, period
                fact = FigureAction
                assert support_level_mix(session, period).cells == _levels(
                    session, fact.support_level, fact.support_previous_on, period)
                assert PreventionPeriod(session, period).action_levels == _levels(
                    session, fact.prevention_level, fact.prevention_previous_on, period)
                checked += 1
                nonzero += bool(expected)
            start += timedelta(days=5)
    assert nonzero > checked // 3  # many periods have started actions in them


def test_the_first_start_counts_as_grouping_by_lineage_over_many_periods(team: Team) -> None:
    _check(team, seed=7)


@pytest.mark.postgres
def test_the_first_start_counts_as_grouping_by_lineage_on_postgresql() -> None:
    with pg_server.running_server() as url:
        server_team = pg_team(url)
        try:
            _check(server_team, seed=11)
        finally:
            server_team.store.close()
