"""Replicas against a real team server on loopback (TLS, test certificates): a vindplaats
registers offline and syncs, the consulent receives it and starts the intake; provisional
dossiernummers; two offline edits of one plan merge; a same-field pair becomes a conflict that
is resolved; a refused push is kept and shown."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select, text

from db.models import HelpQuestion, Household, Intake, PlanVersion, SyncConflict, SyncOutbox
from intake import plans
from intake.cli import main
from intake.core.session import unit_of_work
from intake.plans import ActionInput, ResultInput, WhoKind
from intake.register.households import household_id_for
from intake.register.search import search_households
from intake.team import conflicts
from intake.team.wire import PROVISIONAL_PREFIX
from intake.uitvraag.flow import start_intake
from tests.server.conftest import PASSWORD
from tests.team.conftest import Laptop, SyncServer
from tests.team.helpers import (
    assert_replica_equals_server,
    on_server,
    outbox,
    register_family,
)

pytestmark = pytest.mark.postgres


def _mark(server: SyncServer, username: str, dossiernummer: str) -> None:
    """Taken offline by someone whose own work it is not yet: with a reason."""
    with server.client(username) as client:
        client.call("/sync/offline", {
            "dossiernummer": dossiernummer, "days": 14, "reason_code": "aanmelding",
            "reason_text": "Aangemeld voor een brede uitvraag, ik pak het op."})


def test_offline_registration_reaches_the_consulent_who_starts_the_intake(
        server: SyncServer, laptops: object) -> None:
    vera: Laptop = laptops("vindplaats").join()  # type: ignore[operator]
    assert vera.store is not None and vera.actor is not None
    view, help_question_id = register_family(vera)
    assert view.dossiernummer.startswith(PROVISIONAL_PREFIX)
    assert {r[1] for r in outbox(vera)} >= {"insert", "audit"}

    report = vera.sync()
    assert report.refused == 0 and report.conflicts == 0
    assert outbox(vera) == []
    engine = server.owner_engine()
    try:
        with engine.connect() as connection:
            number = connection.scalar(select(Household.dossiernummer).where(
                Household.id == view.id))
            assert connection.scalar(select(func.count()).select_from(HelpQuestion).where(
                HelpQuestion.id == help_question_id)) == 1
        assert number is not None and number.startswith("HH-")
        with unit_of_work(vera.store, vera.actor) as uow:
            assert household_id_for(uow, view.dossiernummer) == view.id  # the alias
            assert household_id_for(uow, number) == view.id
            assert [h.id for h in search_households(uow, view.dossiernummer)] == [view.id]
        assert_replica_equals_server(vera, engine)

        carla: Laptop = laptops("consulent").join()  # type: ignore[operator]
        assert carla.store is not None and carla.actor is not None
        _mark(server, "consulent", number)
        carla.sync()
        with unit_of_work(carla.store, carla.actor) as uow:
            intake = start_intake(uow, view.id, "huisbezoek", "huisarts",
                                  help_question_id=help_question_id)
        carla.sync()
        with engine.connect() as connection:
            assert connection.scalar(select(Intake.status).where(Intake.id == intake.id)) \
                == "open"
        vera.sync()
        assert_replica_equals_server(carla, engine)
        assert_replica_equals_server(vera, engine)
        with vera.store.sessions() as session:
            assert session.get(Intake, intake.id) is not None  # the intake came back to Vera
    finally:
        engine.dispose()


def _plan_on(laptop: Laptop, household_id: uuid.UUID) -> plans.PlanVersionView:
    assert laptop.store is not None and laptop.actor is not None
    with unit_of_work(laptop.store, laptop.actor) as uow:
        return plans.start_plan(uow, household_id, [])


def _shared_plan(server: SyncServer, laptops: object
                 ) -> tuple[Laptop, Laptop, uuid.UUID, uuid.UUID]:
    """Carla drafts a plan with one result; Ruud (the regisseur) holds it too."""
    carla: Laptop = laptops("consulent").join()  # type: ignore[operator]
    view, _hq = register_family(carla, family=f"Plan{uuid.uuid4().hex[:6]}")
    version = _plan_on(carla, view.id)
    assert carla.store is not None and carla.actor is not None
    with unit_of_work(carla.store, carla.actor) as uow:
        version = plans.add_result(uow, version.id, version.version, ResultInput(
            domain_code="financien", text="Rust over geld", target_on=date(2027, 6, 1)))
    carla.sync()
    with carla.store.sessions() as session:
        number = session.scalar(select(Household.dossiernummer).where(Household.id == view.id))
    assert number is not None
    ruud: Laptop = laptops("regisseur").join()  # type: ignore[operator]
    _mark(server, "regisseur", number)
    ruud.sync()
    return carla, ruud, view.id, version.results[0].id


def _result(laptop: Laptop, result_id: uuid.UUID) -> plans.ResultView:
    assert laptop.store is not None and laptop.actor is not None
    with unit_of_work(laptop.store, laptop.actor) as uow:
        from intake.plans.common import _result_view, get_result, member_names

        row = get_result(uow, result_id)
        return _result_view(row, member_names(uow, row.plan_version.plan.household_id), {})


def _edit(laptop: Laptop, result_id: uuid.UUID, **change: object) -> None:
    assert laptop.store is not None and laptop.actor is not None
    current = _result(laptop, result_id)
    data = ResultInput(domain_code=current.domain_code, text=current.text,
                       law_code=current.law_code, target_on=current.target_on)
    for key, value in change.items():
        setattr(data, key, value)
    with unit_of_work(laptop.store, laptop.actor) as uow:
        plans.update_result(uow, result_id, current.version, data)


def test_two_offline_edits_of_one_plan_merge(server: SyncServer, laptops: object) -> None:
    carla, ruud, _household, result_id = _shared_plan(server, laptops)
    _edit(carla, result_id, text="Rust over geld, samen met de bewindvoerder")
    _edit(ruud, result_id, target_on=date(2027, 9, 1))
    assert carla.sync().conflicts == 0
    report = ruud.sync()
    assert report.conflicts == 0 and report.refused == 0
    carla.sync()
    for laptop in (carla, ruud):
        merged = _result(laptop, result_id)
        assert merged.text == "Rust over geld, samen met de bewindvoerder"
        assert merged.target_on == date(2027, 9, 1)
    engine = server.owner_engine()
    try:
        assert_replica_equals_server(carla, engine)
        assert_replica_equals_server(ruud, engine)
    finally:
        engine.dispose()


def test_the_same_field_changed_twice_becomes_a_conflict_that_is_resolved(
        server: SyncServer, laptops: object, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    carla, ruud, household_id, result_id = _shared_plan(server, laptops)
    _edit(carla, result_id, text="Carla's woorden")
    _edit(ruud, result_id, text="Ruuds woorden")
    carla.sync()
    assert ruud.sync().conflicts == 1
    carla.sync()
    for laptop in (carla, ruud):  # everyone sees the server's value, marked conflict
        assert _result(laptop, result_id).text == "Carla's woorden"
        assert laptop.store is not None
        marked = conflicts.conflicted_fields(laptop.store, household_id)
        assert ("plan_results", str(result_id), "text") in marked
    assert ruud.store is not None and ruud.actor is not None
    found = conflicts.open_conflicts(ruud.store, ruud.actor.id)
    assert len(found) == 1 and found[0].mine_to_resolve
    assert found[0].server_value == "Carla's woorden" and found[0].my_value == "Ruuds woorden"
    assert found[0].server_by == "consulent" and found[0].my_by == "regisseur"

    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    ruud.close()
    assert main(["team", "conflicts", "--db", str(ruud.path), "--user", "regisseur"]) == 0
    assert str(found[0].id) in capsys.readouterr().out
    assert main(["team", "conflicts", "resolve", str(found[0].id), "--keep", "mijn",
                 "--db", str(ruud.path), "--user", "regisseur"]) == 0
    ruud.open()
    carla.sync()
    for laptop in (carla, ruud):
        assert _result(laptop, result_id).text == "Ruuds woorden"
        assert laptop.store is not None
        assert conflicts.conflicted_fields(laptop.store, household_id) == set()
    engine = server.owner_engine()
    try:
        with engine.connect() as connection:
            resolved = connection.execute(select(SyncConflict.resolved_by).where(
                SyncConflict.id == found[0].id)).scalar_one()
        assert resolved == "regisseur"
        assert_replica_equals_server(ruud, engine)
    finally:
        engine.dispose()


def test_a_refused_push_is_kept_and_shown(server: SyncServer, laptops: object,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Ruud adds an action offline while Carla agrees the plan online: the plan is frozen, the
    server refuses the action, the laptop keeps it and says so."""
    _carla, ruud, _household, result_id = _shared_plan(server, laptops)
    assert ruud.store is not None and ruud.actor is not None
    with unit_of_work(ruud.store, ruud.actor) as uow:
        result = plans.add_action(uow, result_id, _result(ruud, result_id).version, ActionInput(
            what="Samen naar de bank", who_kind=WhoKind.PROFESSIONAL, who_name="Ruud",
            support_level="algemene_voorziening", start_on=date(2027, 1, 4),
            due_on=date(2027, 2, 1)))
    action_id = result.actions[-1].id
    engine = server.owner_engine()
    try:
        with engine.begin() as connection:
            version_id = connection.scalar(text(
                "SELECT plan_version_id FROM plan_results WHERE id = :id"), {"id": result_id})
        _agree_on_server(server, version_id)
        report = ruud.sync()
        assert report.refused >= 1
        assert any("vastgesteld" in m for m in report.messages)
        with ruud.store.sessions() as session:
            kept = session.scalars(select(SyncOutbox).where(
                SyncOutbox.status == "geweigerd")).all()
            assert any(r.row_id == str(action_id) for r in kept)
        refused = conflicts.refused_changes(ruud.store)
        assert refused and all("vastgesteld" in r.message for r in refused)
        ruud.sync()  # kept on the laptop, never dropped
        assert conflicts.refused_changes(ruud.store) == refused
        monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
        ruud.close()
        assert main(["team", "conflicts", "--db", str(ruud.path), "--user", "regisseur"]) == 0
        assert "niet doorgevoerd" in capsys.readouterr().out
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM plan_actions WHERE id = :id"),
                                     {"id": action_id}) == 0
    finally:
        engine.dispose()


def _agree_on_server(server: SyncServer, version_id: uuid.UUID) -> None:
    """Carla agrees the version online."""
    with on_server(server, "consulent") as uow:
        version = uow.session.get(PlanVersion, version_id)
        assert version is not None
        version.status = "actief"
        version.agreed_on = date(2026, 12, 1)
        version.agreed_how = "mondeling"


def test_the_same_family_registered_offline_on_two_laptops_is_flagged(
        server: SyncServer, laptops: object) -> None:
    vera: Laptop = laptops("vindplaats", "dubbel-vera").join()  # type: ignore[operator]
    wim: Laptop = laptops("vindplaats2", "dubbel-wim").join()  # type: ignore[operator]
    family = f"Dubbel{uuid.uuid4().hex[:6]}"
    first, _hq = register_family(vera, family=family, postcode="7552CD")
    second, _hq2 = register_family(wim, family=family, postcode="7552CD")
    vera.sync()
    assert wim.sync().refused == 0
    vera.sync()
    assert wim.store is not None and wim.actor is not None
    flagged = [c for c in conflicts.open_conflicts(wim.store, wim.actor.id) if c.duplicate]
    assert [c.dossiernummer for c in flagged] == [
        _number(wim, second.id)] and flagged[0].server_value == _number(vera, first.id)
    assert vera.store is not None and vera.actor is not None
    assert [c.duplicate for c in conflicts.open_conflicts(vera.store, vera.actor.id)] == [True]


def _number(laptop: Laptop, household_id: uuid.UUID) -> str:
    assert laptop.store is not None
    with laptop.store.sessions() as session:
        found = session.scalar(select(Household.dossiernummer).where(
            Household.id == household_id))
    assert found is not None and found.startswith("HH-")
    return found
