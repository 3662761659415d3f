"""Need to know through the team server: the same limited hits as on a file store, a print
of a household outside one's own work refused until a reason is given, then recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from intake.core.access import needs_reason
from intake.core.session import unit_of_work
from intake.plans.queries import active_plans
from intake.register.search import search_households
from intake.store import open_store
from intake.store.opening import StoreLocation
from tests.server.conftest import PASSWORD, TeamServer

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)


def _outside_and_hits(team_server: TeamServer) -> tuple[str, list[tuple[str, str, bool]]]:
    """On the file store with the same demo data: a plan outside the regisseur's own work,
    and what a search shows the regisseur."""
    store, actor = open_store(StoreLocation.parse(str(team_server.file_store)), "regisseur",
                              PASSWORD)
    try:
        with unit_of_work(store, actor) as uow:
            outside = next(p.dossiernummer for p in active_plans(uow)
                           if needs_reason(uow, p.household_id))
            hits = [(h.names, h.address, h.limited) for h in search_households(uow, "jan")]
    finally:
        store.close()
    return outside, hits


def test_limited_hits_and_a_print_that_needs_a_reason(
        team_server: TeamServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside, local_hits = _outside_and_hits(team_server)
    with team_server.client() as client:
        client.sign_in("regisseur", PASSWORD)
        remote = [(h["names"], h["address"], h["limited"]) for h in client.search("jan")]
    assert sorted(remote) == sorted(local_hits)
    assert any(limited for _n, _a, limited in remote)
    assert all(not any(c.isdigit() for c in address) for _n, address, limited in remote
               if limited)
    out = tmp_path / "plan.pdf"
    command = ["plan", "print", outside, "--user", "regisseur", "--out", str(out)]
    capsys.readouterr()
    assert team_server.cli(*command) != 0
    assert "hoort niet bij uw eigen dossiers" in capsys.readouterr().err
    assert not out.exists()
    assert team_server.cli(*command, "--reden", "overleg", "--toelichting", "kort") != 0
    assert "ten minste 10 tekens" in capsys.readouterr().err
    assert team_server.cli(*command, "--reden", "overleg",
                           "--toelichting", "Casusoverleg met de GGD voorbereiden.") == 0
    assert out.read_bytes().startswith(b"%PDF")
    engine = team_server.owner_engine()
    try:
        with engine.connect() as connection:
            recorded = connection.execute(text(
                "SELECT o.reason_code, o.reason_text, o.review_status FROM "
                "need_to_know_openings o JOIN households h ON h.id = o.household_id "
                "WHERE h.dossiernummer = :d"), {"d": outside}).all()
            refused = connection.scalar(text(
                "SELECT count(*) FROM audit_entries a JOIN households h "
                "ON h.id = a.household_id WHERE h.dossiernummer = :d "
                "AND a.result = 'geweigerd'"), {"d": outside})
    finally:
        engine.dispose()
    assert [tuple(r) for r in recorded] == [
        ("overleg", "Casusoverleg met de GGD voorbereiden.", "open")]
    assert refused >= 1
