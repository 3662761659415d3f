"""Whether a household is someone's own work is asked of that household, not by listing the
whole caseload: the need-to-know check of a page of search results, or of the household being
opened, stays a few index lookups however many dossiers the person has."""

from __future__ import annotations

import re

from sqlalchemy import select

from db.models import Household
from intake.core.access import opens_without_reason
from intake.core.session import unit_of_work
from intake.register.households import HouseholdView
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
    assert "ix_plans_created_by " not in plan and "ix_help_questions_registered_by " not in plan
