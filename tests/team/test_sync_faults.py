"""A sync cut off at each named point — the laptop killed, and separately the server — resumes
and ends where a run without kills ends: the same server rows (each pushed row once), the same
replica rows, an empty outbox."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import func, select, text

from db.models import AuditEntry, HelpQuestion, Household, Member
from intake.core.errors import StoreError
from intake.team import faults, rows
from tests.server.conftest import PASSWORD
from tests.team.conftest import Laptop, SyncServer
from tests.team.helpers import (
    assert_replica_equals_server,
    outbox,
    register_family,
    replica_rows,
)

pytestmark = pytest.mark.postgres

FAMILIES = 3
PAGE = 1  # one household per page, ten change-log lines: every pull takes several pages


def _script(laptop: Laptop) -> list[uuid.UUID]:
    """The same offline work on every laptop: three families with a help question each."""
    made = []
    for number in range(FAMILIES):
        view, _hq = register_family(laptop, family=f"Fout{uuid.uuid4().hex[:8]}",
                                    question=f"Vraag {number}")
        made.append(view.id)
    return made


def _shape(laptop: Laptop, server: SyncServer, households: list[uuid.UUID]) -> dict[str, Any]:
    """What a run leaves, independent of the random ids: rows per table on the server and on
    the laptop for these households, pushed audit entries, the outbox."""
    engine = server.owner_engine()
    try:
        with engine.connect() as connection:
            on_server = {name: len(connection.execute(
                rows.ids_under(name, households)).all()) for name in rows.CASE_TABLES}
            audit = Counter(connection.execute(
                select(AuditEntry.action, AuditEntry.object_type).where(
                    AuditEntry.household_id.in_(households),
                    AuditEntry.actor_name == laptop.username)).all())
            per_household = connection.execute(
                select(func.count()).select_from(Member).where(
                    Member.household_id.in_(households))).scalar_one()
        assert_replica_equals_server(laptop, engine)
    finally:
        engine.dispose()
    ids = {str(h) for h in households}
    on_laptop = {name: sum(1 for r in replica_rows(laptop, name).values()
                           if str(r.get("household_id", r.get("id"))) in ids)
                 for name in ("households", "members", "help_questions")}
    return {"server": on_server, "audit": dict(audit), "members": per_household,
            "laptop": on_laptop, "outbox": outbox(laptop)}


def _sync_until_done(laptop: Laptop, server: SyncServer) -> None:
    for _attempt in range(3):  # bounded
        server.ensure_running()
        try:
            laptop.sync(page=PAGE)
            return
        except (StoreError, faults.FaultInjected):
            continue
    raise AssertionError("sync did not finish")


_CONTROL: dict[str, Any] = {}


@pytest.fixture
def control(server: SyncServer, laptops: Any) -> dict[str, Any]:
    """The run without kills (made once: the shape does not depend on the ids)."""
    if not _CONTROL:
        laptop: Laptop = laptops("vindplaats2", "control").join()
        households = _script(laptop)
        laptop.sync(page=PAGE)
        _CONTROL.update(_shape(laptop, server, households))
    return _CONTROL


@pytest.mark.parametrize("point", faults.POINTS)
def test_the_laptop_killed_at_each_point_resumes(server: SyncServer, laptops: Any,
                                                 control: dict[str, Any], point: str) -> None:
    laptop: Laptop = laptops("vindplaats2", f"kill-{point}").join()
    households = _script(laptop)
    hooks = faults.Faults(point, exit=False)
    with pytest.raises(faults.FaultInjected):
        laptop.sync(hooks=hooks, page=PAGE)
    _sync_until_done(laptop, server)
    assert _shape(laptop, server, households) == control
    assert control["outbox"] == []


# A server killed mid-request leaves the client's TLS socket of that request to the garbage
# collector, which may run inside the test and report it; the sync itself is what is tested.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("point", [faults.BEFORE_PUSH, faults.AFTER_SERVER_COMMIT,
                                   faults.MID_PULL])
def test_the_server_killed_at_each_point_resumes(sync_server: SyncServer, laptops: Any,
                                                 control: dict[str, Any], point: str) -> None:
    laptop: Laptop = laptops("vindplaats2", f"server-{point}").join()
    households = _script(laptop)
    sync_server.start(fault=point)
    try:
        with pytest.raises(StoreError):
            laptop.sync(page=PAGE)
        assert sync_server.process is not None
        assert sync_server.process.wait(timeout=30) == faults.EXIT_CODE
    finally:
        sync_server.start()
    _sync_until_done(laptop, sync_server)
    assert _shape(laptop, sync_server, households) == control


def test_intake_team_sync_killed_in_a_subprocess_resumes(server: SyncServer, laptops: Any,
                                                         control: dict[str, Any]) -> None:
    """The command itself, cut off by the environment's fault hook (os._exit, no clean-up)."""
    laptop: Laptop = laptops("vindplaats2", "cli-kill").join()
    households = _script(laptop)
    laptop.close()
    env = {**os.environ, "INTAKE_PASSWORD": PASSWORD,
           faults.ENV_FAULT: faults.AFTER_SERVER_COMMIT}
    command = [sys.executable, "-m", "intake", "team", "sync", "--db", str(laptop.path),
               "--user", "vindplaats2"]
    killed = subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)
    assert killed.returncode == faults.EXIT_CODE, killed.stderr
    laptop.open()
    waiting = outbox(laptop)
    assert waiting and {status for *_rest, status in waiting} == {"onderweg"}
    laptop.close()
    env.pop(faults.ENV_FAULT)
    done = subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    laptop.open()
    laptop.sync(page=PAGE)  # the same pages as the control run
    assert _shape(laptop, server, households) == control
    engine = server.owner_engine()
    try:
        with engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(Household).where(
                Household.id.in_(households))) == FAMILIES
            assert connection.scalar(select(func.count()).select_from(HelpQuestion).where(
                HelpQuestion.household_id.in_(households))) == FAMILIES
            assert connection.scalar(text(
                "SELECT count(*) FROM sync_applied a JOIN sync_replicas r "
                "ON r.id = a.replica_id WHERE r.id = :id"),
                {"id": laptop.team().replica_id}) >= FAMILIES
    finally:
        engine.dispose()
