"""Every released schema version upgrades to head with its data intact.

Each file in tests/data/store_<revision>.sql is a store as that schema left it. Add one whenever
a release changes the schema (dump a small store with ``sqlite3 .dump``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from db.engine import StoreLocation
from db.migrate import head_revisions
from db.models import CatalogueEntry, SocialService
from intake.catalogues.shipped import SEEDED_CATALOGUES, shipped_items, shipped_services
from intake.core import audit
from intake.core.errors import StoreError
from intake.core.session import unit_of_work
from intake.help_questions.registration import list_help_questions
from intake.register.households import household_id_for, open_household
from intake.store import open_store
from tests.conftest import PASSWORD, Team

FROZEN = sorted((Path(__file__).parent.parent / "data").glob("store_*.sql"))


@pytest.mark.parametrize("dump", FROZEN, ids=[p.stem for p in FROZEN])
def test_frozen_store_upgrades_to_head(dump: Path, tmp_path: Path) -> None:
    path = tmp_path / "frozen.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(dump.read_text(encoding="utf-8"))
    conn.close()
    location = StoreLocation.parse(f"sqlite:///{path}")
    store, consulent = open_store(location, "consulent", PASSWORD)
    try:
        revision = dump.stem.removeprefix("store_")
        if (revision,) != head_revisions():
            assert store.backup is not None and store.backup.exists()
        with store.engine.connect() as connection:
            current = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert set(current.scalars()) == set(head_revisions())
        with unit_of_work(store, consulent) as uow:
            household = open_household(uow, household_id_for(uow, "HH-2026-000001"))
        assert household.members[0].name == "Jolanda Verhoef"
        assert household.network[0].relation == "vriend"
        if revision != "0001_foundation":
            with unit_of_work(store, consulent) as uow:
                assert list_help_questions(uow, household.id)
    finally:
        store.close()
    store, beheerder = open_store(location, "beheerder", PASSWORD)
    with unit_of_work(store, beheerder) as uow:
        assert audit.verify_chain(uow).ok
    store.close()


def test_the_shipped_catalogue_files_are_what_a_new_store_holds(team: Team) -> None:
    """The migrations insert frozen copies; a code added to a file needs a migration too."""
    with team.store.sessions() as session:
        stored = {(row.catalogue, row.code) for row in session.scalars(select(CatalogueEntry))}
        services = set(session.scalars(select(SocialService.code)))
    shipped = {(name, item["code"]) for name in SEEDED_CATALOGUES for item in shipped_items(name)}
    assert stored == shipped
    assert services == {item["code"] for item in shipped_services()}


def test_the_revisions_read_from_the_scripts_are_alembics() -> None:
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revisions() == tuple(script.get_heads())
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_an_upgrade_checks_references_once_and_leaves_them_switched_on(tmp_path: Path) -> None:
    """Batch migrations run without SQLite's per-row reference checks (a drop of a big table
    would take hours with them); the references are checked once at the end instead."""
    dump = next(p for p in FROZEN if p.stem == "store_0004_reports")
    path = tmp_path / "frozen.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(dump.read_text(encoding="utf-8"))
    conn.close()
    location = StoreLocation.parse(f"sqlite:///{path}")
    store, _consulent = open_store(location, "consulent", PASSWORD)
    try:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").first() is None
    finally:
        store.close()


def test_an_upgrade_that_would_leave_a_broken_reference_changes_nothing(
        tmp_path: Path) -> None:
    dump = next(p for p in FROZEN if p.stem == "store_0004_reports")
    path = tmp_path / "frozen.db"
    with sqlite3.connect(path) as conn:  # foreign keys are off in a bare connection
        conn.executescript(dump.read_text(encoding="utf-8"))
        conn.execute("UPDATE help_questions SET household_id = 'ffffffffffffffffffffffffffffffff'")
    conn.close()
    location = StoreLocation.parse(f"sqlite:///{path}")
    with pytest.raises(StoreError, match="help_questions"):
        open_store(location, "consulent", PASSWORD)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0004_reports",)
    conn.close()
