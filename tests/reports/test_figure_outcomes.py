"""The judged results per organisation read from `figure_outcomes`: the rows the unit of
work keeps equal a rebuild of every fact and the migration's frozen SQL; the figure equals
the join over evaluations, actions and services it replaced, over many periods; moving a
service to another organisation on the sociale kaart moves its judged results with it; on
SQLite and PostgreSQL."""

from __future__ import annotations

import importlib
import random
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import distinct, func, select

from db import figure_facts
from db.models import (
    Evaluation,
    EvaluationOutcome,
    FigureOutcome,
    PlanAction,
    PlanResult,
    PlanVersion,
    SocialService,
)
from intake.catalogues.social_map import ServiceInput, get_service, update_service
from intake.core.session import unit_of_work
from intake.plans.evaluation import Decision, EvaluationInput, OutcomeInput, evaluate
from intake.plans.vocab import Outcome
from intake.reports.period import Period
from intake.reports.prevention_queries import PreventionPeriod, results_per_organisation
from tests.conftest import Team
from tests.helpers import pg_server
from tests.helpers.fact_rows import fact_rows, refilled
from tests.reports.test_figure_start_units import _random_store
from tests.reports.test_reports_postgres import _team as pg_team
from tests.reports.test_reports_store import at

MIGRATION = importlib.import_module("db.migrations.versions.0023_figure_days_outcomes")
Facts = set[tuple[Any, ...]]


def _facts(team: Team) -> Facts:
    return fact_rows(team, FigureOutcome, figure_facts._OUTCOME_COLUMNS)


def _refilled(team: Team, how: str) -> Facts:
    return refilled(team, FigureOutcome, figure_facts._OUTCOME_COLUMNS, how,
                    MIGRATION.FILL_OUTCOMES)


def _evaluate_all(team: Team, seed: int) -> None:
    """Each plan's version in force judged some weeks after its agreement."""
    rng = random.Random(seed)
    with team.store.sessions() as session:
        versions = session.execute(
            select(PlanVersion.id, PlanVersion.version, PlanVersion.agreed_on)
            .where(PlanVersion.status == "actief").order_by(PlanVersion.agreed_on)).all()
        results = {version: list(session.scalars(select(PlanResult.id).where(
            PlanResult.plan_version_id == version))) for version, _n, _on in versions}
    for version, number, agreed in versions:
        day = agreed + timedelta(days=rng.randrange(1, 90))
        with unit_of_work(team.store, team.consulent, at(day)) as uow:
            evaluate(uow, version, number, EvaluationInput(
                evaluated_on=day, decision=Decision.VOLGENDE_VERSIE,
                outcomes={result: OutcomeInput(rng.choice(list(Outcome)))
                          for result in results[version]}))


def _joined(session: Any, period: Period) -> tuple[int, dict[tuple[str, str], int]]:
    """The figure as the join over evaluations, actions and services counted it."""
    judged = (select(EvaluationOutcome.id, EvaluationOutcome.outcome,
                     SocialService.organisation).distinct()
              .join(Evaluation, Evaluation.id == EvaluationOutcome.evaluation_id)
              .join(PlanAction, PlanAction.result_id == EvaluationOutcome.result_id)
              .join(SocialService, SocialService.id == PlanAction.service_id)
              .where(Evaluation.evaluated_on.between(period.start, period.end))
              .subquery())
    cells = {(organisation, outcome): n for organisation, outcome, n in session.execute(
        select(judged.c.organisation, judged.c.outcome, func.count())
        .group_by(judged.c.organisation, judged.c.outcome))}
    total = session.scalar(select(func.count(distinct(judged.c.id))))
    return int(total or 0), cells


def _compare(team: Team) -> int:
    checked = 0
    with team.store.sessions() as session:
        start = date(2024, 12, 1)
        while start <= date(2026, 9, 1):
            for days in (0, 30, 91, 364):
                period = Period(start, start + timedelta(days=days))
                counts = results_per_organisation(PreventionPeriod(session, period))
                assert (counts.n, counts.cells) == _joined(session, period), period
                checked += counts.n > 0
            start += timedelta(days=17)
    return checked


def _check(team: Team, seed: int) -> None:
    _random_store(team, seed)
    _evaluate_all(team, seed)
    kept = _facts(team)
    assert len({row[0] for row in kept}) < len(kept)  # some results under two organisations
    assert kept == _refilled(team, "rebuild") == _refilled(team, "migration")
    assert _compare(team) > 10
    # The Stadsbank's debt help moves to another organisation: its judged results follow.
    with team.store.sessions() as session:
        service = session.scalar(select(SocialService.id).where(
            SocialService.code == "stadsbank_schuldhulp"))
    assert service is not None
    with unit_of_work(team.store, team.beheerder) as uow:
        view = get_service(uow, service)
        update_service(uow, service, view.version, ServiceInput(
            view.name, "Kredietbank Twente", view.kind, view.domain_code,
            view.description, view.contact, view.active, view.prevention_level))
    moved = _facts(team)
    assert any(row[1] == "Kredietbank Twente" for row in moved)
    assert moved == _refilled(team, "rebuild")
    _compare(team)


@pytest.mark.parametrize("seed", [3, 11])
def test_judged_results_per_organisation_are_kept_as_facts(team: Team, seed: int) -> None:
    _check(team, seed)


@pytest.mark.postgres
def test_judged_results_per_organisation_are_kept_as_facts_on_postgresql() -> None:
    with pg_server.running_server() as url:
        server_team = pg_team(url)
        try:
            _check(server_team, 5)
        finally:
            server_team.store.close()
