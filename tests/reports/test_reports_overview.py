"""The team overview: statuses, evaluations due, households waiting, and who sees what."""

from __future__ import annotations

import pytest

from intake.core.errors import PermissionDenied
from intake.core.session import unit_of_work
from intake.plans import ActionInput, WhoKind, add_action, open_plan_version, start_new_version
from intake.reports.caseload import CaseStatus
from intake.reports.overview import OverviewFilter, team_overview
from tests.conftest import Team
from tests.reports.test_reports_store import TODAY, ReportStore, at, build


@pytest.fixture
def store(team: Team) -> ReportStore:
    return build(team)


def _statuses(store: ReportStore, who: str, wanted: OverviewFilter | None = None) \
        -> dict[str, CaseStatus]:
    with unit_of_work(store.team.store, getattr(store.team, who), at(TODAY)) as uow:
        overview = team_overview(uow, wanted)
    names = {v: k for k, v in store.dossiers.items()}
    return {names[row.dossiernummer]: row.status for row in overview.plans}


def test_teamleider_sees_every_plan_with_its_status(store: ReportStore) -> None:
    assert _statuses(store, "teamleider") == {
        "H1": CaseStatus.ACTIEF, "H2": CaseStatus.EVALUATIE_VERLOPEN, "H3": CaseStatus.CONCEPT,
        "H4": CaseStatus.WACHT_OP_AKKOORD, "H5": CaseStatus.AFGESLOTEN,
        "H6": CaseStatus.CONCEPT}


def test_evaluations_due_and_waiting_households(store: ReportStore) -> None:
    with unit_of_work(store.team.store, store.team.teamleider, at(TODAY)) as uow:
        overview = team_overview(uow)
    states = {row.dossiernummer: row.evaluation_state for row in overview.plans}
    assert states[store.dossiers["H1"]] == "binnenkort"
    assert states[store.dossiers["H2"]] == "verlopen"
    waiting = {row.dossiernummer: row for row in overview.waiting}
    assert set(waiting) == {store.dossiers["H3"], store.dossiers["H4"]}
    assert waiting[store.dossiers["H4"]].intake_started
    assert not waiting[store.dossiers["H3"]].intake_started
    loads = {load.name: load for load in overview.workers}
    ruud = loads["Ruud Regisseur"]
    assert (ruud.overdue, ruud.due_soon) == (1, 1)
    assert loads["Carla Consulent"].waiting == 1


def test_filters(store: ReportStore) -> None:
    overdue = _statuses(store, "teamleider", OverviewFilter(evaluation="verlopen"))
    assert set(overdue) == {"H2"}
    soon = _statuses(store, "teamleider", OverviewFilter(evaluation="binnenkort"))
    assert set(soon) == {"H1"}
    concept = _statuses(store, "teamleider",
                        OverviewFilter(statuses=frozenset({CaseStatus.CONCEPT})))
    assert set(concept) == {"H3", "H6"}
    carla = _statuses(store, "teamleider", OverviewFilter(worker_id=store.team.consulent.id))
    assert set(carla) == {"H1", "H3", "H5"}  # H1: she drew it up


def test_a_consulent_sees_only_their_own_caseload(store: ReportStore) -> None:
    own = _statuses(store, "consulent")
    assert set(own) == {"H1", "H3", "H5"}
    other = _statuses(store, "consulent", OverviewFilter(worker_id=store.team.regisseur.id))
    assert other == {}
    with unit_of_work(store.team.store, store.team.consulent, at(TODAY)) as uow:
        overview = team_overview(uow)
    assert overview.own_caseload
    assert [w.dossiernummer for w in overview.waiting] == [store.dossiers["H3"]]
    assert {w.name for w in overview.workers} <= {"Carla Consulent", "Ruud Regisseur"}


@pytest.mark.parametrize("who", ["beheerder", "vindplaats"])
def test_beheerder_and_vindplaats_are_refused(store: ReportStore, who: str) -> None:
    with pytest.raises(PermissionDenied), \
            unit_of_work(store.team.store, getattr(store.team, who)) as uow:
        team_overview(uow)


def test_the_teamleider_reads_a_plan_but_cannot_edit_it(store: ReportStore) -> None:
    lead = store.team.teamleider
    with unit_of_work(store.team.store, lead, at(TODAY)) as uow:
        view = open_plan_version(uow, store.plans["H1"])
    assert view.dossiernummer == store.dossiers["H1"] and view.results
    with pytest.raises(PermissionDenied), \
            unit_of_work(store.team.store, lead, at(TODAY)) as uow:
        start_new_version(uow, store.plans["H1"])
    with unit_of_work(store.team.store, lead, at(TODAY)) as uow:
        draft = open_plan_version(uow, store.plans["H3"])  # a concept others may still edit
    result = draft.results[0]
    with pytest.raises(PermissionDenied), \
            unit_of_work(store.team.store, lead, at(TODAY)) as uow:
        add_action(uow, result.id, result.version,
                   ActionInput("Iets", WhoKind.INWONER, "eigen_kracht"))
