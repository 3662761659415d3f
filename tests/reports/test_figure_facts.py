"""The figure fact tables stay equal to what the plan tables say, through every domain write,
a failed save, a bulk rebuild and the migration that first fills them."""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text

from db import figure_facts
from db.models import FigureAction, FigurePlan
from intake.core.errors import StaleEditError
from intake.core.session import unit_of_work
from intake.plans import remove_action, start_new_version
from tests.conftest import Team
from tests.reports.prevention_store import build
from tests.reports.test_reports_store import at


def _facts(team: Team) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    with team.store.sessions() as session:
        actions = {tuple(row) for row in session.execute(select(
            *(getattr(FigureAction, c) for c in figure_facts._ACTION_COLUMNS)))}
        plans = {tuple(row) for row in session.execute(select(
            *(getattr(FigurePlan, c) for c in figure_facts._PLAN_COLUMNS)))}
    return actions, plans


def _rebuilt(team: Team) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    with team.store.sessions() as session, session.begin():
        figure_facts.rebuild_all(session.connection())
    return _facts(team)


def test_the_facts_follow_every_plan_write(team: Team) -> None:
    ps = build(team)
    kept = _facts(team)
    actions, plans = kept
    assert len(actions) == 7  # P1: 4 actions; P2: 1 in version 1, 2 in version 2
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
    previous = importlib.import_module("db.migrations.versions.0017_fig2")
    with team.store.sessions() as session, session.begin():
        session.execute(text("DELETE FROM figure_actions"))
        session.execute(text("DELETE FROM figure_plans"))
        session.execute(text(previous.FILL_ACTIONS))  # 0014's, with the previous agreements
        session.execute(text(migration.FILL_PLANS))
    assert _facts(team) == kept
