"""A person's caseload is defined once (``access.caseload_ids``) and used both by the team
overview and by the access rules."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db.models import Household, Plan
from intake.core.access import caseload_ids, household_in_caseload, require_read
from intake.core.errors import PermissionDenied
from intake.core.session import unit_of_work
from intake.reports.overview import team_overview
from tests.conftest import Team
from tests.reports.test_reports_store import TODAY, ReportStore, _intake, at, build


@pytest.fixture
def store(team: Team) -> ReportStore:
    return build(team)


@pytest.mark.parametrize("who", ["consulent", "regisseur"])
def test_the_own_overview_is_the_caseload(store: ReportStore, who: str) -> None:
    actor = getattr(store.team, who)
    with unit_of_work(store.team.store, actor, at(TODAY)) as uow:
        overview = team_overview(uow)
        caseload = set(uow.session.scalars(select(caseload_ids(actor.id).subquery().c[0])))
        with_plan = set(uow.session.scalars(select(Plan.household_id)))
    assert caseload
    assert {row.household_id for row in overview.plans} == caseload & with_plan
    assert {row.household_id for row in overview.waiting} <= caseload


def test_a_vindplaats_reads_what_is_in_their_caseload(store: ReportStore) -> None:
    poh = store.team.vindplaats
    h1 = store.households["H1"]
    with pytest.raises(PermissionDenied), unit_of_work(store.team.store, poh) as uow:
        require_read(uow, h1)
    _intake(store, "H1", poh, date(2026, 3, 1), None)  # an intake they started, still open
    with unit_of_work(store.team.store, poh) as uow:
        require_read(uow, h1)
        assert h1 in set(uow.session.scalars(select(caseload_ids(poh.id).subquery().c[0])))


def test_asked_per_household_the_caseload_is_the_same_as_listed(store: ReportStore) -> None:
    team = store.team
    with unit_of_work(team.store, team.teamleider, at(TODAY)) as uow:
        for worker in (team.consulent, team.regisseur, team.vindplaats):
            listed = set(uow.session.scalars(select(caseload_ids(worker.id).subquery().c[0])))
            asked = set(uow.session.scalars(select(Household.id).where(
                household_in_caseload(Household.id, worker.id))))
            assert asked == listed
        assert set(uow.session.scalars(select(caseload_ids(team.consulent.id).subquery().c[0])))
