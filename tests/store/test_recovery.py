"""The recovery key: shown once at creation, replaced by a beheerder, used when every
beheerder password is lost (also after a rekey), and audited."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import StoreLocation
from db.models import AuditEntry
from intake.core.clock import utcnow
from intake.core.errors import (
    AuthenticationError,
    PermissionDenied,
    StoreError,
    ValidationError,
)
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.store import (
    accounts,
    create_store,
    has_recovery_key,
    make_recovery_key,
    open_store,
    recover,
    rekey_store,
)
from intake.store.location import keyring_path
from tests.conftest import PASSWORD, Team

GROUPS = re.compile(r"^[A-Z2-7]{5}(-[A-Z2-7]{5}){7}$")
NEW = "na-herstel-wachtwoord"


def test_a_new_store_shows_its_recovery_key_once(location: StoreLocation) -> None:
    store, _ = create_store(location, "fien", "Fien Beheer", PASSWORD)
    shown = store.take_recovery_key()
    assert shown is not None and GROUPS.match(shown)
    assert store.take_recovery_key() is None
    assert has_recovery_key(store)
    assert location.path is not None
    assert shown.replace("-", "") not in keyring_path(location.path).read_text()
    store.close()
    restored, actor = recover(location, "fien", shown.lower().replace("-", " "), NEW)
    restored.close()
    assert actor.username == "fien"


def test_recovery_after_every_beheerder_password_is_lost_and_after_a_rekey(
        location: StoreLocation) -> None:
    store, admin = create_store(location, "fien", "Fien Beheer", PASSWORD)
    key = store.take_recovery_key()
    assert key is not None
    with unit_of_work(store, admin) as uow:
        accounts.add_account(uow, "carla", "Carla", Role.CONSULENT, PASSWORD)
        accounts.add_account(uow, "ruud", "Ruud", Role.REGISSEUR, PASSWORD)
    with unit_of_work(store, admin) as uow:
        accounts.disable_account(uow, "ruud")
    rekey_store(store, admin)
    store.close()

    restored, _ = recover(location, "fien", key, NEW)
    restored.close()
    with pytest.raises(AuthenticationError):
        open_store(location, "fien", PASSWORD)
    store, _ = open_store(location, "fien", NEW, now=utcnow() + timedelta(seconds=5))
    with store.sessions() as session:
        rows = session.execute(select(AuditEntry.action, AuditEntry.detail).where(
            AuditEntry.action.in_(["herstelsleutel", "wachtwoord"]))).all()
    assert [tuple(r) for r in rows] == [("herstelsleutel", ""), ("herstelsleutel", "gebruikt"),
                                        ("wachtwoord", "")]
    store.close()
    other, _ = open_store(location, "carla", PASSWORD)  # nobody else was touched
    other.close()


def test_a_replaced_recovery_key_makes_the_old_one_useless(team: Team) -> None:
    first = team.store.take_recovery_key()
    assert first is not None
    with unit_of_work(team.store, team.beheerder) as uow:
        second = make_recovery_key(uow)
    assert GROUPS.match(second) and second != first
    with pytest.raises(ValidationError, match="hoort niet"):
        recover(team.location, "beheerder", first, NEW)
    store, _ = recover(team.location, "beheerder", second, NEW)
    store.close()
    with team.store.sessions() as session:
        details = session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "herstelsleutel")).all()
    assert details == ["", "vervangen", "gebruikt"]


def test_only_a_beheerder_makes_a_recovery_key(team: Team) -> None:
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.consulent) as uow:
        make_recovery_key(uow)


def test_recovery_is_for_a_beheerder_and_checks_what_was_typed(team: Team) -> None:
    key = team.store.take_recovery_key()
    assert key is not None
    with pytest.raises(ValidationError, match="geen account van een functioneel beheerder"):
        recover(team.location, "consulent", key, NEW)
    typo = ("A" if key[0] != "A" else "B") + key[1:]
    with pytest.raises(ValidationError, match="niet goed overgenomen"):
        recover(team.location, "beheerder", typo, NEW)
    with pytest.raises(ValidationError, match="minstens"):
        recover(team.location, "beheerder", key, "kort")


def test_a_failed_recovery_leaves_the_key_file_as_it_was(team: Team) -> None:
    key = team.store.take_recovery_key()
    assert key is not None and team.location.path is not None
    before = json.loads(keyring_path(team.location.path).read_text())
    with pytest.raises(ValidationError):
        recover(team.location, "consulent", key, NEW)
    assert json.loads(keyring_path(team.location.path).read_text()) == before


def test_store_without_recovery_key_says_how_to_make_one(team: Team, tmp_path: Path) -> None:
    key = team.store.take_recovery_key()
    assert key is not None and team.location.path is not None
    path = keyring_path(team.location.path)
    data = json.loads(path.read_text())
    data["recovery"] = None
    path.write_text(json.dumps(data))
    assert not has_recovery_key(team.store)
    with pytest.raises(StoreError, match="intake users recovery-key"):
        recover(team.location, "beheerder", key, NEW)
