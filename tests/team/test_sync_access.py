"""What a replica may hold, and what happens to it: the leak test (every table of the replica
file, opened with its key, against households outside the person's set), revocation, a
password reset by the beheerder, the offline limit, and the command line."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from db.engine import make_engine
from db.models import Household, Member, Plan
from intake import plans
from intake.cli import main
from intake.core.clock import utcnow
from intake.core.errors import AuthenticationError, StoreError
from intake.core.session import unit_of_work
from intake.team import replica
from intake.team.wire import ReplicaRevokedError
from tests.server.conftest import PASSWORD
from tests.team.conftest import Laptop, SyncServer
from tests.team.helpers import on_server, outbox, register_family, valid_bsn

pytestmark = pytest.mark.postgres


def _accounts(server: SyncServer, *accounts: tuple[str, str, str | None]) -> None:
    with server.client("beheerder") as admin:
        existing = {a["username"] for a in admin.accounts()}
        for username, role, vindplaats in accounts:
            if username not in existing:
                admin.add_account(username, username.title(), role, PASSWORD, vindplaats)


def _families(laptop: Laptop, label: str, count: int, seed: int,
              with_plan: bool = False) -> list[uuid.UUID]:
    made = []
    for number in range(count):
        view, _hq = register_family(laptop, family=f"Lek{label}{uuid.uuid4().hex[:6]}",
                                    bsn=valid_bsn(seed * 10 + number))
        if with_plan:
            assert laptop.store is not None and laptop.actor is not None
            with unit_of_work(laptop.store, laptop.actor) as uow:
                plans.start_plan(uow, view.id, [])
        made.append(view.id)
    laptop.sync()
    return made


def _close(server: SyncServer, username: str, households: list[uuid.UUID]) -> None:
    with on_server(server, username) as uow:
        for plan in uow.session.scalars(select(Plan).where(Plan.household_id.in_(households))):
            plan.closed_at = uow.now


def _file_text(laptop: Laptop) -> dict[str, str]:
    """Every value of every table of the replica file, opened with its key, as text."""
    assert laptop.store is not None and laptop.store.key is not None
    engine = make_engine(laptop.location, laptop.store.key)
    try:
        with engine.connect() as connection:
            names = connection.scalars(text(
                "SELECT name FROM sqlite_master WHERE type = 'table'")).all()
            return {name: "\n".join(repr(tuple(row)) for row in connection.execute(
                text(f'SELECT * FROM "{name}"'))) for name in names}
    finally:
        engine.dispose()


def _traces(server: SyncServer, households: list[uuid.UUID]) -> set[str]:
    """Ids (both spellings), family names and BSNs of these households and their members."""
    engine = server.owner_engine()
    try:
        with engine.connect() as connection:
            found: set[str] = set()
            for household_id in households:
                found |= {str(household_id), household_id.hex}
            for member in connection.execute(select(
                    Member.id, Member.family_name, Member.bsn).where(
                    Member.household_id.in_(households))):
                found |= {str(member.id), member.id.hex}
                if member.bsn:
                    found.add(member.bsn)
                if member.family_name.startswith("Lek"):
                    found.add(member.family_name)
            return found
    finally:
        engine.dispose()


def _all_households(server: SyncServer) -> list[uuid.UUID]:
    engine = server.owner_engine()
    try:
        with engine.connect() as connection:
            return list(connection.scalars(select(Household.id)))
    finally:
        engine.dispose()


def _assert_holds_only(server: SyncServer, laptop: Laptop, allowed: list[uuid.UUID]) -> None:
    assert laptop.store is not None
    with laptop.store.sessions() as session:
        assert set(session.scalars(select(Household.id))) == set(allowed)
    outside = [h for h in _all_households(server) if h not in allowed]
    traces = _traces(server, outside)
    assert len(traces) > 4 * len(outside)  # ids, member ids, BSNs: the check has teeth
    tables = _file_text(laptop)
    assert {"sync_outbox", "audit_entries", "members"} <= tables.keys()
    for name, content in tables.items():
        leaked = [trace for trace in traces if trace in content]
        assert not leaked, (name, leaked[:3])
    mine = _traces(server, allowed)
    assert any(trace in tables["members"] for trace in mine)  # and it finds what is there


def test_a_replica_holds_only_its_persons_households(server: SyncServer,
                                                     laptops: Any) -> None:
    _accounts(server, ("lekvp1", "vindplaats", "huisarts"), ("lekvp2", "vindplaats", "wijkteam"),
              ("lekc1", "consulent", None), ("lekc2", "consulent", None))
    vp1: Laptop = laptops("lekvp1").join()
    own = _families(vp1, "Eigen", 2, 1)
    own_closed = _families(vp1, "Dicht", 2, 2, with_plan=True)
    vp2: Laptop = laptops("lekvp2").join()
    _families(vp2, "Anderevp", 2, 3)
    c1: Laptop = laptops("lekc1").join()
    caseload = _families(c1, "Caseload", 2, 4)
    closed = _families(c1, "Afgesloten", 2, 5, with_plan=True)
    c2: Laptop = laptops("lekc2").join()
    _families(c2, "Collega", 2, 6)
    _close(server, "lekvp1", own_closed)
    _close(server, "lekc1", closed)
    for laptop in (vp1, c1):
        team = laptop.team()
        team.keep_days = 0  # households that left go at once
        team.save()
        laptop.sync()
    _assert_holds_only(server, vp1, own)
    _assert_holds_only(server, c1, caseload)


def test_a_teamleider_and_a_beheerder_hold_no_case_content(laptops: Any) -> None:
    for username in ("teamleider", "beheerder"):
        laptop: Laptop = laptops(username).join()
        assert laptop.store is not None
        with laptop.store.sessions() as session:
            assert session.scalars(select(Household.id)).all() == []
            assert session.scalar(text("SELECT count(*) FROM catalogue_entries")) > 0


def test_a_disabled_account_gets_nothing_and_its_replica_is_deleted(
        server: SyncServer, laptops: Any) -> None:
    _accounts(server, ("weg1", "vindplaats", "huisarts"))
    laptop: Laptop = laptops("weg1").join()
    register_family(laptop, family="Lekweg")
    laptop.sync()
    signed_in = server.client("weg1")
    with server.client("beheerder") as admin:
        admin.disable_account("weg1")
    with pytest.raises(AuthenticationError):
        signed_in.call("/sync/pull", {"replica": str(laptop.team().replica_id), "cursor": 0})
    signed_in.close()
    with pytest.raises(ReplicaRevokedError):
        laptop.sync()
    laptop.close()
    folder = laptop.path.parent
    assert not laptop.path.exists()
    assert not replica.replica_file(laptop.path).exists()
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("intake.db")) == []


def test_a_password_reset_keeps_the_replica_and_its_outbox(
        server: SyncServer, laptops: Any, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _accounts(server, ("reset1", "consulent", None))
    laptop: Laptop = laptops("reset1").join()
    view, _hq = register_family(laptop, family="Lekreset")
    waiting = outbox(laptop)
    assert waiting
    laptop.close()
    new_password = "nieuw-wachtwoord-2026"
    with server.client("beheerder") as admin:
        admin.change_password("reset1", new_password)
    laptop.password = new_password
    laptop.open()  # online: the server's secret unwraps the key, the new password wraps it
    assert outbox(laptop) == waiting
    monkeypatch.setenv("INTAKE_PASSWORD", new_password)
    assert main(["team", "status", "--db", str(laptop.path), "--user", "reset1"]) == 0
    line = capsys.readouterr().out
    assert "verbonden" in line and "niet verzonden" in line
    assert f"{len([w for w in waiting if w[1] != 'audit'])} niet verzonden" in line
    laptop.sync()
    assert outbox(laptop) == []
    engine = server.owner_engine()
    try:
        with engine.connect() as connection:
            assert connection.scalar(select(Household.id).where(Household.id == view.id))
    finally:
        engine.dispose()
    laptop.close()
    with pytest.raises(AuthenticationError):  # the old password no longer opens it
        replica.open_replica(laptop.location, "reset1", PASSWORD, online=False)


def test_a_replica_too_long_offline_asks_for_an_online_sign_in(laptops: Any) -> None:
    laptop: Laptop = laptops("vindplaats", "stale").join()
    laptop.close()
    team = laptop.team()
    team.last_contact = utcnow() - timedelta(days=team.max_offline_days + 1)
    team.save()
    with pytest.raises(StoreError, match="dagen geen verbinding"):
        replica.open_replica(laptop.location, "vindplaats", PASSWORD, online=False)
    laptop.open()  # online it opens, and the clock starts again
    last = laptop.team().last_contact
    assert last is not None and utcnow() - last < timedelta(hours=1)


def test_intake_team_join_and_sync_on_the_command_line(
        server: SyncServer, tmp_path: Any, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    db = str(tmp_path / "cli" / "intake.db")
    assert main(["--user", "vindplaats", "team", "join", server.base_url, "--db", db,
                 "--ca", str(server.ca)]) == 0
    assert "Aangesloten" in capsys.readouterr().out
    assert main(["team", "sync", "--db", db, "--user", "vindplaats"]) == 0
    assert main(["team", "status", "--user", "vindplaats", "--db", db]) == 0
    assert "0 niet verzonden" in capsys.readouterr().out
    # An ordinary command on the replica opens it as a replica (changes reach the outbox).
    assert main(["users", "list", "--db", db, "--user", "vindplaats"]) in (0, 2)
