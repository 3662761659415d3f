"""The team overview reads per plan its summary row's index entry (overview_plans) and its
dossiernummer's, never a version, evaluation moment or household row, and the households
waiting for a brede uitvraag without a pass over every intake: on an encrypted store of a
municipality each row visited is a page decrypted at random. The figures it shows are pinned
in test_reports_overview; this pins how they are read."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from intake.core.ids import day_of, uuid_of
from intake.core.session import unit_of_work
from intake.reports.figures import plans_per_regisseur
from intake.reports.overview import team_overview
from tests.conftest import Team
from tests.reports.test_reports_store import TODAY, ReportStore, at, build


@pytest.fixture
def store(team: Team) -> ReportStore:
    return build(team)


def _plans(store: ReportStore, work: Any, who: str = "teamleider") \
        -> Iterator[tuple[str, str]]:
    """Each SELECT ``work`` runs, with SQLite's plan for it."""
    engine = store.team.store.engine
    seen: list[tuple[str, Any]] = []

    def spy(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", spy)
    try:
        with unit_of_work(store.team.store, getattr(store.team, who), at(TODAY)) as uow:
            work(uow)
    finally:
        event.remove(engine, "before_cursor_execute", spy)
    with engine.connect() as connection:
        for statement, parameters in seen:
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            yield statement, " | ".join(str(row[-1]) for row in rows)


def _plan_of(store: ReportStore, work: Any, marker: str, who: str = "teamleider") -> str:
    found = [plan for statement, plan in _plans(store, work, who) if marker in statement]
    assert len(found) == 1, found
    return found[0]


def test_the_plan_status_reads_index_entries_only(store: ReportStore) -> None:
    plan = _plan_of(store, team_overview, "overview_plans")
    assert "COVERING INDEX ix_overview_plans_household" in plan
    assert "COVERING INDEX ix_households_id_dossier" in plan
    assert "SCAN households" not in plan  # no walk in dossiernummer order
    assert "plan_versions" not in plan and "plan_evaluation_moments" not in plan
    assert "regisseur" not in plan  # names looked up once, not joined per plan
    assert "TEMP B-TREE" not in plan  # a dossier's plans in index order, the rest in Python


@pytest.mark.parametrize("who", ["consulent", "regisseur"])
def test_a_caseload_finds_its_plans_by_household(store: ReportStore, who: str) -> None:
    plan = _plan_of(store, team_overview, "overview_plans", who)
    # Each household of the caseload in turn (the caseload's own UNION sorts its parts),
    # its plans in the order they are listed: no sort of the plan rows after it.
    assert plan.startswith("SEARCH overview_plans USING COVERING INDEX "
                           "ix_overview_plans_household (household_id=?) | LIST SUBQUERY")
    assert plan.endswith("SEARCH households USING COVERING INDEX ix_households_id_dossier "
                         "(id=? AND destroyed_on=?)")


def test_the_figure_per_regisseur_reads_the_same_summary_rows(store: ReportStore) -> None:
    plan = _plan_of(store, lambda uow: plans_per_regisseur(uow.session, TODAY),
                    "overview_plans")
    assert "overview_plans" in plan
    assert "plan_versions" not in plan and "plan_evaluation_moments" not in plan
    assert "households" not in plan  # an aggregate needs no dossiernummer


def test_households_waiting_are_found_without_a_pass_over_every_intake(
        store: ReportStore) -> None:
    plan = _plan_of(store, team_overview, "open_intake")
    assert "COVERING INDEX ix_help_questions_outcome_household" in plan
    assert plan.count("ix_intakes_household_status_finished") == 2  # finished since, open
    assert "SCAN intakes" not in plan and "SCAN help_questions" not in plan
    assert "MATERIALIZE" not in plan


def test_plans_are_listed_in_dossiernummer_order(store: ReportStore) -> None:
    with unit_of_work(store.team.store, store.team.teamleider, at(TODAY)) as uow:
        overview = team_overview(uow)
    listed = [row.dossiernummer for row in overview.plans]
    assert listed == sorted(listed) and len(listed) == 6


def test_ids_and_days_read_as_stored_text() -> None:
    some = uuid.uuid4()
    assert uuid_of(some.hex) == some  # as SQLite stores it
    assert uuid_of(str(some)) == some  # with dashes
    assert uuid_of(some) is some  # as PostgreSQL's driver hands it over
    with pytest.raises(ValueError):
        uuid_of("z" * 32)
    assert day_of("2026-02-28") == date(2026, 2, 28)
    assert day_of(date(2026, 2, 28)) == date(2026, 2, 28)
    assert day_of(None) is None
