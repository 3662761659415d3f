"""The team overview's plan list as columns (intake.reports.plan_table): the rows it makes are
the rows the overview lists, and a whole team's list leaves the collector nothing to walk."""

from __future__ import annotations

import dataclasses
import gc
import uuid

import pytest

from intake.core.session import unit_of_work
from intake.reports.caseload import DUE_SOON, CaseStatus
from intake.reports.overview import team_overview
from intake.reports.plan_table import COLUMNS, NO_WORKER, PlanTable, StoredIds
from tests.conftest import Team
from tests.reports.test_reports_store import TODAY, ReportStore, at, build


@pytest.fixture
def store(team: Team) -> ReportStore:
    return build(team)


def _plans(store: ReportStore) -> PlanTable:
    with unit_of_work(store.team.store, store.team.teamleider, at(TODAY)) as uow:
        return team_overview(uow).plans


def test_every_field_read_for_all_plans_is_the_field_of_each_row(store: ReportStore) -> None:
    plans = _plans(store)
    rows = list(plans)
    assert len(rows) == len(plans) == 6 and rows[1:3] == list(plans[1:3])
    assert rows == sorted(rows, key=lambda row: row.dossiernummer)
    for field in dataclasses.fields(rows[0]):
        assert list(plans.values(field.name)) == [getattr(r, field.name) for r in rows], field
    for row in rows:  # the state asked in SQL: of a plan in force with an evaluation moment
        due = row.next_evaluation
        expected = "" if due is None or row.status not in (
            CaseStatus.ACTIEF, CaseStatus.EVALUATIE_VERLOPEN) else "verlopen" if (
            due < TODAY) else "binnenkort" if due <= TODAY + DUE_SOON else ""
        assert row.evaluation_state == expected
    assert {row.evaluation_state for row in rows} == {"verlopen", "binnenkort", ""}
    assert {row.status for row in rows} == set(CaseStatus)


def test_a_plan_list_holds_nothing_the_collector_tracks(store: ReportStore) -> None:
    plans = _plans(store)
    for name in COLUMNS:
        assert not any(gc.is_tracked(value) for value in plans.column(name)), name
    # A value that repeats is one object, however many plans show it.
    statuses = plans.column("status")
    assert len({id(code) for code in statuses}) == len(set(statuses))


def test_households_are_asked_by_their_stored_keys(store: ReportStore) -> None:
    plans = _plans(store)
    listed = {row.household_id for row in plans}
    extra = uuid.uuid4()
    ids = plans.household_ids([extra])
    assert set(ids) == listed | {extra} and len(ids) == len(listed) + 1
    assert all(household_id in ids for household_id in listed) and uuid.uuid4() not in ids
    flagged = next(iter(listed))
    assert plans.per_household({flagged: "x"}, "") == [
        "x" if row.household_id == flagged else "" for row in plans]


def test_keys_as_postgresql_hands_them_over() -> None:
    """PostgreSQL's driver gives UUIDs and days, not their text."""
    plan, household, user = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    rows = [(plan, household, "HH-2", "plan", "actief", 2, 1, "concept", user, None,
             None, None, "")]
    plans = PlanTable.read([rows], {user: "Ruud"})
    [row] = plans
    assert (row.plan_id, row.household_id, row.regisseur_id, row.regisseur_name) == (
        plan, household, user, "Ruud")
    assert row.responsible_id is None and row.responsible_name == NO_WORKER
    assert row.new_version == "Concept" and household in plans.household_ids()
    assert household in StoredIds([household]) and uuid.uuid4() not in StoredIds([household])
    assert len(PlanTable()) == 0 and list(PlanTable().household_ids()) == []
