"""Whether a household is someone's own work is asked of that household, not by listing the
whole caseload: the need-to-know check of a page of search results, or of the household being
opened, stays a few index lookups however many dossiers the person has."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, select

from db.models import Household
from intake.core.access import caseload_ids, opens_without_reason, own_work
from intake.core.session import unit_of_work
from intake.register import search
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    create_household,
)
from intake.register.search import search_households
from tests.conftest import Team


def _plan_of(team: Team, query: object) -> str:
    with unit_of_work(team.store, team.consulent) as uow:
        compiled = query.compile(  # type: ignore[attr-defined]
            uow.session.get_bind(), compile_kwargs={"literal_binds": True})
        return " ".join(str(row[-1]) for row in uow.session.connection().exec_driver_sql(
            f"EXPLAIN QUERY PLAN {compiled}"))


def test_the_need_to_know_check_looks_up_each_household_by_itself(
        team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        query = select(Household.id).where(Household.id == jolanda.id,
                                           opens_without_reason(uow))
        assert uow.session.scalars(query).all() == [jolanda.id]  # she registered it
    plan = _plan_of(team, query)
    assert "LIST SUBQUERY" not in plan  # the caseload is not listed
    assert "ix_plans_household_created_by" in plan
    # Either index keyed on the household will do (the overview's covering one may be chosen).
    assert re.search(r"SEARCH help_questions USING (COVERING )?INDEX \w+ \([^)]*household_id=\?",
                     plan)
    # The person's own indexes may serve, but only keyed on the household too.
    assert "ix_plans_created_by (created_by_id=?)" not in plan
    assert "ix_help_questions_registered_by (registered_by_id=? AND outcome_code=?)" not in plan
    assert "ix_plan_versions_regisseur_status" not in plan
    assert "ix_plan_versions_created_by" not in plan
    # Intakes and openings are found by the household: not everything the person ever
    # started (thousands of intakes) or opened, read again for each household.
    assert "ix_intakes_started_by" not in plan
    assert "ix_need_to_know_openings_user_id" not in plan
    assert re.search(r"SEARCH intakes USING (COVERING )?INDEX \w+ \(household_id=\?\)", plan)


def test_a_planner_hint_is_spelled_for_sqlite_only() -> None:
    from sqlalchemy.dialects import postgresql, sqlite

    from db.models import Intake
    from intake.core.planner import unindexed

    clause = unindexed(Intake.started_by_id) == "x"
    assert str(clause.compile(dialect=sqlite.dialect())) == "+intakes.started_by_id = ?"
    assert str(clause.compile(dialect=postgresql.dialect())).startswith(
        "intakes.started_by_id = %(")


def _plans_of_search(team: Team, query: str) -> list[tuple[str, str]]:
    """Every SELECT a vindplaatsmedewerker's search runs, with SQLite's plan for it."""
    engine = team.store.engine
    seen: list[tuple[str, object]] = []

    def spy(_conn: object, _cursor: object, statement: str, parameters: object,
            *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", spy)
    try:
        with unit_of_work(team.store, team.vindplaats) as uow:
            search_households(uow, query)
    finally:
        event.remove(engine, "before_cursor_execute", spy)
    with engine.connect() as connection:
        return [(statement, " | ".join(str(row[-1]) for row in connection.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {statement}", parameters)))  # type: ignore[arg-type]
            for statement, parameters in seen]


def _page_plan(team: Team, query: str) -> str:
    """The plan of the statement that reads a page of results (with its households)."""
    [plan] = [plan for statement, plan in _plans_of_search(team, query)
              if "dossiernummer" in statement]
    return plan


def test_the_households_a_vindplaatsmedewerker_may_see_are_read_from_index_entries(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    with unit_of_work(team.store, team.vindplaats) as uow:
        create_household(uow, HouseholdInput(
            street="Marktstraat", house_number="5", postcode="7551 DR", city="Hengelo",
            members=[MemberInput("Anna", "Jansen", MemberRole.OUDER)]))
    # A common name (more matches than CANDIDATES): the households she sees are listed.
    monkeypatch.setattr(search, "_few_matches", lambda _uow, _values: False)
    matching = _page_plan(team, "jansen")
    # The caseload's parts, each from a covering index of the person: no row of a help
    # question or plan version is read to list them.
    assert "COVERING INDEX ix_help_questions_registered_by (registered_by_id=? AND " \
           "outcome_code=?)" in matching
    assert "COVERING INDEX ix_plan_versions_regisseur_status (regisseur_id=?)" in matching
    assert "COVERING INDEX ix_plan_versions_created_by (created_by_id=?)" in matching
    assert "COVERING INDEX ix_plans_created_by (created_by_id=?)" in matching
    assert "MULTI-INDEX OR" not in matching and "SCAN" not in matching.replace(
        "SCAN anon", "")  # the candidates' own subquery is the only one walked
    # The page of results is checked household by household, not by listing them again.
    assert matching.count("ix_plan_versions_regisseur_status") == 1
    assert "ix_plans_household_created_by" in matching


def test_a_rare_name_is_checked_household_by_household(team: Team) -> None:
    with unit_of_work(team.store, team.vindplaats) as uow:
        create_household(uow, HouseholdInput(
            street="Marktstraat", house_number="5", postcode="7551 DR", city="Hengelo",
            members=[MemberInput("Anna", "Jansen", MemberRole.OUDER)]))
    page = _page_plan(team, "jansen")
    assert "ix_plan_versions_regisseur_status" not in page  # nothing of hers is listed
    assert "ix_plans_household_created_by" in page
    assert "SCAN" not in page.replace("SCAN anon", "")


def test_the_own_work_clause_is_built_once_per_person(team: Team) -> None:
    # Building it cost more than running it; every part of a household page asks it.
    assert own_work(team.consulent.id, few=True) is own_work(team.consulent.id, few=True)
    assert own_work(team.consulent.id, few=True) is not own_work(team.regisseur.id, few=True)
    assert own_work(team.consulent.id) is not own_work(team.consulent.id, few=True)
    assert caseload_ids(team.vindplaats.id) is caseload_ids(team.vindplaats.id)
    # Whether one household opens without a reason: one statement per person, the household
    # and the moment bound as values.
    from intake.core.access import _opens_without_reason_query
    assert _opens_without_reason_query(team.consulent, False) \
        is _opens_without_reason_query(team.consulent, False)
