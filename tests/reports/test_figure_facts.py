"""The figure fact tables stay equal to what the plan tables say, through every domain write,
a failed save, a bulk rebuild and the migration that first fills them."""

from __future__ import annotations

import importlib
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import distinct, func, select, text

from db import figure_facts
from db.models import FigureAction, FigurePlan, FigureVersion
from intake.core.errors import StaleEditError
from intake.core.session import unit_of_work
from intake.plans import (
    ActionInput,
    AgreedHow,
    agree,
    remove_action,
    start_new_version,
    update_action,
)
from intake.reports import queries
from intake.reports.period import Period
from intake.reports.prevention_queries import PreventionPeriod
from tests.conftest import Team
from tests.reports.prevention_store import build
from tests.reports.test_reports_store import at

Facts = tuple[set[tuple[Any, ...]], set[tuple[Any, ...]], set[tuple[Any, ...]]]


def _facts(team: Team) -> Facts:
    with team.store.sessions() as session:
        actions = {tuple(row) for row in session.execute(select(
            *(getattr(FigureAction, c) for c in figure_facts._ACTION_COLUMNS)))}
        plans = {tuple(row) for row in session.execute(select(
            *(getattr(FigurePlan, c) for c in figure_facts._PLAN_COLUMNS)))}
        versions = {tuple(row) for row in session.execute(select(
            *(getattr(FigureVersion, c) for c in figure_facts._VERSION_COLUMNS)))}
    return actions, plans, versions


def _rebuilt(team: Team) -> Facts:
    with team.store.sessions() as session, session.begin():
        figure_facts.rebuild_all(session.connection())
    return _facts(team)


def test_the_facts_follow_every_plan_write(team: Team) -> None:
    ps = build(team)
    kept = _facts(team)
    actions, plans, versions = kept
    assert len(actions) == 7  # P1: 4 actions; P2: 1 in version 1, 2 in version 2
    assert {row[3:] for row in versions} == {  # P2's second agreement follows its first
        (date(2026, 2, 16), None), (date(2026, 1, 28), None),
        (date(2026, 2, 24), date(2026, 1, 28))}
    assert {row[5] for row in actions} == {date(2026, 2, 16), date(2026, 1, 28),
                                          date(2026, 2, 24)}
    assert {(row[2], row[3]) for row in plans} == {("plan", date(2026, 2, 16)),
                                                   ("plan", date(2026, 1, 28))}
    assert kept == _rebuilt(team)

    # A concept version of its own, then one of its actions removed: both show at once.
    with unit_of_work(team.store, team.consulent, at(date(2026, 3, 2))) as uow:
        plan_id = next(iter(uow.session.scalars(select(FigurePlan.plan_id).where(
            FigurePlan.household_id == ps.households["P1"]))))
        view = start_new_version(uow, plan_id)
    grown = _facts(team)
    assert len(grown[0]) == len(actions) + 4
    with unit_of_work(team.store, team.consulent, at(date(2026, 3, 2))) as uow:
        action = view.results[0].actions[0]
        remove_action(uow, action.id, action.version)
    after = _facts(team)
    assert len(after[0]) == len(actions) + 3
    assert after == _rebuilt(team)


def test_a_failed_save_leaves_the_facts_as_they_were(team: Team) -> None:
    ps = build(team)
    before = _facts(team)
    with pytest.raises(StaleEditError), \
            unit_of_work(team.store, team.consulent, at(date(2026, 3, 2))) as uow:
        plan_id = next(iter(uow.session.scalars(select(FigurePlan.plan_id).where(
            FigurePlan.household_id == ps.households["P1"]))))
        view = start_new_version(uow, plan_id)
        action = view.results[0].actions[0]
        remove_action(uow, action.id, action.version + 5)  # someone else's change
    assert _facts(team) == before


def test_the_migration_fills_the_facts_as_the_domain_keeps_them(team: Team) -> None:
    build(team)
    kept = _facts(team)
    migration = importlib.import_module("db.migrations.versions.0014_figure_facts")
    previous = importlib.import_module("db.migrations.versions.0018_figure_first_agreements")
    latest = importlib.import_module("db.migrations.versions.0022_figure_start_units")
    days = importlib.import_module("db.migrations.versions.0023_figure_days_outcomes")
    with team.store.sessions() as session, session.begin():
        session.execute(text("DELETE FROM figure_actions"))
        session.execute(text("DELETE FROM figure_plans"))
        session.execute(text("DELETE FROM figure_versions"))
        session.execute(text(latest.FILL_ACTIONS))  # 0014's, with the previous agreements
        # (0018) and the lineages' starts (0022)
        session.execute(text(migration.FILL_PLANS))
        session.execute(text(previous.FILL_VERSIONS))
        session.execute(text(days.FILL_GAPS["sqlite"]))  # and 0023's starts and days
        session.execute(text(days.fill_days("sqlite")))
    assert _facts(team) == kept


def _by_lineage(session: Any, period: Period) -> dict[str, set[tuple[Any, ...]]]:
    """The figures' "each once per period, on its first day there" the long way round: by
    grouping every fact of the period by lineage (or plan)."""
    fact, version = FigureAction, FigureVersion
    in_period = fact.agreed_on.between(period.start, period.end)
    levels = session.execute(
        select(fact.support_level, func.count(distinct(fact.lineage_id)))
        .where(in_period).group_by(fact.support_level))
    lineages = select(fact.household_id, func.min(fact.agreed_on).label("day"),
                      fact.prevention_level.label("level")).where(in_period).group_by(
        fact.lineage_id, fact.household_id, fact.prevention_level).subquery()
    actions = session.execute(select(lineages.c.household_id, lineages.c.day,
                                     lineages.c.level, func.count())
                              .group_by(lineages.c.household_id, lineages.c.day,
                                        lineages.c.level))
    plans = select(version.household_id, func.min(version.agreed_on).label("day")).where(
        version.agreed_on.between(period.start, period.end)).group_by(
        version.plan_id, version.household_id).subquery()
    first = session.execute(select(plans.c.household_id, plans.c.day, func.count())
                            .group_by(plans.c.household_id, plans.c.day))
    return {"levels": {(level, n) for level, n in levels},
            "actions": {(str(h), d, level, n) for h, d, level, n in actions},
            "plans": {(str(h), d, n) for h, d, n in first}}


def _first_in(session: Any, period: Period) -> dict[str, set[tuple[Any, ...]]]:
    data = PreventionPeriod(session, period)
    return {"levels": {(level, n) for (level, _col), n in
                       queries.support_level_mix(session, period).cells.items()},
            "actions": {(str(uuid.UUID(h)), d, level, n) for h, d, level, n in data.actions},
            "plans": {(str(uuid.UUID(h)), d, n) for h, d, _col, n in data.plans}}


def test_each_lineage_and_plan_counts_once_on_its_first_day_of_every_period(team: Team) -> None:
    ps = build(team)
    # P1 again, agreed twice on one day, the second time with another support level for its
    # first action: that lineage counts under both levels, every other one once.
    for change_level in (True, False):
        with unit_of_work(team.store, team.consulent, at(date(2026, 3, 3))) as uow:
            plan_id = next(iter(uow.session.scalars(select(FigurePlan.plan_id).where(
                FigurePlan.household_id == ps.households["P1"]))))
            view = start_new_version(uow, plan_id)
            if change_level:
                action = view.results[0].actions[0]
                view = update_action(uow, action.id, action.version, ActionInput(
                    action.what, action.who_kind, "maatwerkvoorziening",
                    service_id=action.service_id, start_on=action.start_on,
                    prevention_level=action.prevention_level))
            agree(uow, view.id, view.version, date(2026, 3, 3), AgreedHow.GETEKEND)
    assert _facts(team) == _rebuilt(team)
    checked = 0
    with team.store.sessions() as session:
        start = date(2026, 1, 1)
        while start <= date(2026, 3, 10):
            for days in (0, 6, 27, 60):
                period = Period(start, start + timedelta(days=days))
                assert _first_in(session, period) == _by_lineage(session, period), period
                checked += 1
            start += timedelta(days=1)
        march = Period(date(2026, 3, 1), date(2026, 3, 31))
        mix = dict(_first_in(session, march)["levels"])
        spring = dict(_first_in(session, Period(date(2026, 2, 1), march.end))["levels"])
    assert checked == 69 * 4
    assert mix == {"algemene_voorziening": 3, "maatwerkvoorziening": 1}
    # P1's four lineages and P2's two; P1's first action under both of its levels.
    assert spring == {"algemene_voorziening": 6, "maatwerkvoorziening": 1}
