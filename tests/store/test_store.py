"""Opening, unlocking and migrating stores."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import StoreLocation, make_engine
from db.migrate import head_revisions, needs_upgrade, stamp_revision_for_tests, upgrade
from intake.core.clock import utcnow
from intake.core.errors import AccountLockedError, AuthenticationError, StoreError
from intake.store import create_store, open_store, store_exists
from intake.store.keyring import Keyring
from intake.store.location import keyring_path
from tests.conftest import PASSWORD, Team


def test_first_start_creates_encrypted_store(location: StoreLocation) -> None:
    assert not store_exists(location)
    store, admin = create_store(location, "fien", "Fien Beheer", PASSWORD)
    store.close()
    assert store_exists(location)
    assert admin.role.value == "beheerder"
    store, actor = open_store(location, "fien", PASSWORD)
    assert actor.username == "fien"
    store.close()


def test_cannot_create_store_twice(team: Team) -> None:
    with pytest.raises(StoreError):
        create_store(team.location, "nog1", "Nog Een", PASSWORD)


def test_wrong_password_is_refused_with_growing_delay(team: Team) -> None:
    now = utcnow()
    with pytest.raises(AuthenticationError, match="onjuist"):
        open_store(team.location, "consulent", "fout-wachtwoord", now=now)
    with pytest.raises(AccountLockedError) as locked:
        open_store(team.location, "consulent", PASSWORD, now=now)
    assert locked.value.seconds == 1
    later = now + timedelta(seconds=2)
    with pytest.raises(AuthenticationError):
        open_store(team.location, "consulent", "fout-wachtwoord", now=later)
    with pytest.raises(AccountLockedError) as locked_again:
        open_store(team.location, "consulent", PASSWORD, now=later)
    assert locked_again.value.seconds == 2
    store, _actor = open_store(team.location, "consulent", PASSWORD, now=later + timedelta(3))
    store.close()
    entry = Keyring.load(keyring_path(team.location.path or Path())).entries["consulent"]
    assert entry.failed == 0


def test_unknown_user_gets_the_same_message(team: Team) -> None:
    with pytest.raises(AuthenticationError, match="Gebruikersnaam of wachtwoord onjuist"):
        open_store(team.location, "onbekend", PASSWORD)


def test_store_file_holds_no_plaintext(team: Team, jolanda: object) -> None:
    team.store.close()
    assert team.location.path is not None
    folder = team.location.path.parent
    blobs = b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file())
    for needle in ("Jolanda", "Verhoef", "Brinkstraat", "111222333", "7551CK"):
        assert needle.encode() not in blobs
        assert needle.encode("utf-16-le") not in blobs


def test_wrong_key_cannot_read_store(team: Team) -> None:
    team.store.close()
    engine = make_engine(team.location, b"\x01" * 32)
    with pytest.raises(Exception, match="file is not a database"), engine.connect() as conn:
        conn.execute(text("SELECT count(*) FROM users"))
    engine.dispose()


def test_upgrade_from_empty_store_to_head(tmp_path: Path) -> None:
    location = StoreLocation.parse(f"sqlite:///{tmp_path / 'plain.db'}")
    engine = make_engine(location)
    assert needs_upgrade(engine)
    upgrade(engine, location, utcnow())
    assert not needs_upgrade(engine)
    with engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert set(version) == set(head_revisions())
    engine.dispose()


def test_migration_makes_a_backup_first(tmp_path: Path) -> None:
    location = StoreLocation.parse(f"sqlite:///{tmp_path / 'old.db'}")
    engine = make_engine(location)
    with engine.begin() as conn:
        from alembic import command

        from db.migrate import alembic_config

        command.upgrade(alembic_config(conn), "0001_foundation")
    if set(head_revisions()) == {"0001_foundation"}:
        pytest.skip("only one schema version so far")
    backup = upgrade(engine, location, utcnow())
    assert backup is not None and backup.exists()
    engine.dispose()


def test_newer_store_is_refused(team: Team) -> None:
    stamp_revision_for_tests(team.store.engine, "9999_from_the_future")
    team.store.close()
    with pytest.raises(StoreError, match="nieuwere versie"):
        open_store(team.location, "consulent", PASSWORD)


def test_plain_sqlite_url_store(tmp_path: Path) -> None:
    location = StoreLocation.parse(f"sqlite:///{tmp_path / 'plain.db'}")
    store, _admin = create_store(location, "fien", "Fien Beheer", PASSWORD)
    store.close()
    assert store_exists(location)
    with pytest.raises(AuthenticationError):
        open_store(location, "fien", "verkeerd-wachtwoord")
    store, _actor = open_store(location, "fien", PASSWORD, now=utcnow() + timedelta(seconds=5))
    store.close()


def test_wal_and_foreign_keys_on_every_connection(team: Team) -> None:
    with team.store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_concurrent_units_of_work_queue_instead_of_failing(team: Team, jolanda: object) -> None:
    """Background pages and the UI thread each write audit entries at the same time."""
    from concurrent.futures import ThreadPoolExecutor

    from intake.core.session import unit_of_work
    from intake.register.search import search_households

    def search(_: int) -> int:
        with unit_of_work(team.store, team.consulent) as uow:
            hits = search_households(uow, "verhoef")
            return len(hits)

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(search, range(24))) == [1] * 24
