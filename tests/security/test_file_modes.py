"""Files only for their owner: store, key file, logs and printed PDFs are 0600 (Linux, macOS)."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest

from db.engine import StoreLocation
from intake.cli import main
from intake.core.logsetup import configure
from intake.core.session import unit_of_work
from intake.register.households import create_household
from intake.store import create_store, open_store
from tests.conftest import PASSWORD, Team, jolanda_input

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="mode bits: Linux and macOS")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> object:
    """The most careless umask a workstation might have: everything readable by everyone."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_a_new_store_and_its_key_file_are_for_the_owner_only(tmp_path: Path,
                                                             open_umask: object) -> None:
    location = StoreLocation.parse(str(tmp_path / "nieuw" / "intake.db"))
    store, admin = create_store(location, "beheerder", "Bea Beheer", PASSWORD)
    with unit_of_work(store, admin):
        pass
    store.close()
    assert location.path is not None
    files = [p for p in location.path.parent.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"intake.db", "intake.db.keys"}
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert _mode(location.path.parent) == 0o700


def test_an_older_store_readable_by_others_is_tightened_when_opened(
        tmp_path: Path, open_umask: object) -> None:
    location = StoreLocation.parse(str(tmp_path / "oud" / "intake.db"))
    store, _admin = create_store(location, "beheerder", "Bea Beheer", PASSWORD)
    store.close()
    assert location.path is not None
    location.path.chmod(0o644)
    store, _admin = open_store(location, "beheerder", PASSWORD)
    store.close()
    assert _mode(location.path) == 0o600


def test_the_log_and_its_rotated_copies_are_for_the_owner_only(
        tmp_path: Path, open_umask: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_LOG_DIR", str(tmp_path / "logboek"))
    root = logging.getLogger()
    before = list(root.handlers)
    path = configure()
    try:
        handler = next(h for h in root.handlers if h not in before)
        logging.getLogger("intake.test").info("regel")
        handler.doRollover()  # type: ignore[attr-defined]
        logging.getLogger("intake.test").info("regel na het roteren")
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
    logs = sorted(path.parent.iterdir())
    assert [p.name for p in logs] == ["intake.log", "intake.log.1"]
    assert [_mode(p) for p in logs] == [0o600, 0o600]
    assert _mode(path.parent) == 0o700


def test_a_printed_plan_is_for_the_owner_only(team: Team, tmp_path: Path, open_umask: object,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from intake import plans
    from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions

    with unit_of_work(team.store, team.consulent) as uow:
        household = create_household(uow, jolanda_input())
        register_jolanda_questions(uow, household.id)
        keys = [c.key for c in plans.plan_candidates(uow, household.id)]
        fill_jolanda_plan(uow, plans.start_plan(uow, household.id, keys))
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    out = tmp_path / "afdrukken" / "plan.pdf"
    code = main(["--db", str(team.location.path), "--user", "consulent", "plan", "print",
                 household.dossiernummer, "--out", str(out)])
    assert code == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert _mode(out) == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["plan.pdf"]
