"""Blocking an account replaces the store key: the person's old key file opens nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from db.engine import make_engine
from db.models import AuditEntry
from intake.core.errors import PermissionDenied, StoreError
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.register.search import search_households
from intake.store import KeyReplacedError, accounts, crypto, open_store, rekey_store
from intake.store import rekey as rekey_module
from intake.store.keyring import REPLACED, Keyring
from intake.store.location import keyring_path
from tests.conftest import PASSWORD, Team


def key_file(team: Team) -> Path:
    assert team.location.path is not None
    return keyring_path(team.location.path)


def old_key_from(copy: Path, username: str) -> bytes:
    """What the blocked person can still get out of the key file they copied beforehand."""
    entry = Keyring.load(copy).entries[username]
    private = crypto.unwrap_private(entry.unlocks[0].private, PASSWORD)
    assert private is not None
    key = crypto.unseal(entry.unlocks[0].sealed[0], private)
    assert key is not None
    return key


def opens_with(team: Team, key: bytes, path: Path | None = None) -> bool:
    from db.engine import StoreLocation

    location = StoreLocation.parse(str(path)) if path else team.location
    engine = make_engine(location, key)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM users")).scalar()
        return True
    except Exception:
        return False
    finally:
        engine.dispose()


def block(team: Team, username: str) -> rekey_module.RekeyReport:
    with unit_of_work(team.store, team.beheerder) as uow:
        accounts.disable_account(uow, username)
    steps: list[tuple[int, int]] = []
    report = rekey_store(team.store, team.beheerder, lambda done, total: steps.append(
        (done, total)))
    assert steps[0] == (0, 4) and steps[-1] == (4, 4)
    return report


def test_blocked_persons_old_key_file_no_longer_opens_the_store(
        team: Team, jolanda: object, tmp_path: Path) -> None:
    copied = tmp_path / "meegenomen.keys"
    shutil.copy(key_file(team), copied)
    old = old_key_from(copied, "regisseur")
    assert opens_with(team, old)

    report = block(team, "regisseur")

    assert report.accounts == 4 and report.recovery and report.need_new_password == ()
    assert not opens_with(team, old)
    assert "regisseur" not in Keyring.load(key_file(team)).entries
    # Putting the old key file back beside the store does not help either.
    shutil.copy(copied, key_file(team))
    with pytest.raises(StoreError):
        open_store(team.location, "regisseur", PASSWORD)


def test_everyone_else_signs_in_after_the_rekey_and_the_data_is_all_there(
        team: Team, jolanda: object) -> None:
    block(team, "regisseur")
    for name in ("consulent", "teamleider", "vindplaats", "beheerder"):
        store, actor = open_store(team.location, name, PASSWORD)
        store.close()
        assert actor.username == name
    # This window goes on with the new key.
    with unit_of_work(team.store, team.consulent) as uow:
        assert len(search_households(uow, "verhoef")) == 1
    with team.store.sessions() as session:
        details = session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "sleutel-vervangen")).all()
    assert details == ["accounts 4, herstelsleutel ja"]


def test_other_open_windows_are_told_to_sign_in_again(team: Team, jolanda: object) -> None:
    other, consulent = open_store(team.location, "consulent", PASSWORD)
    try:
        block(team, "regisseur")
        with pytest.raises(KeyReplacedError, match="opnieuw aan") as told, \
                unit_of_work(other, consulent) as uow:
            search_households(uow, "verhoef")
        assert told.value.message == REPLACED
        # Nor can the old window write a key the new store key does not match.
        with pytest.raises(KeyReplacedError, match="vervangen"):
            other_admin, beheerder = open_store(team.location, "beheerder", PASSWORD)
            other_admin.key_generation -= 1
            try:
                with unit_of_work(other_admin, beheerder) as uow:
                    accounts.change_password(uow, "consulent", "nog-een-wachtwoord")
            finally:
                other_admin.close()
    finally:
        other.close()


def test_only_a_beheerder_replaces_the_key(team: Team) -> None:
    with pytest.raises(PermissionDenied):
        rekey_store(team.store, team.consulent)


def test_a_failed_reencryption_leaves_store_and_key_file_as_they_were(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    before = json.loads(key_file(team).read_text())

    def busy(_file: Path, _old: bytes, _new: bytes) -> None:
        raise StoreError("bezet")

    monkeypatch.setattr(rekey_module, "_reencrypt_file", busy)
    with pytest.raises(StoreError, match="bezet"):
        rekey_store(team.store, team.beheerder)
    assert json.loads(key_file(team).read_text()) == before
    store, _ = open_store(team.location, "consulent", PASSWORD)
    store.close()


def test_a_crash_after_reencryption_still_leaves_a_store_that_opens(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(_found: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(rekey_module, "_keep_newest_seal", crash)
    with pytest.raises(KeyboardInterrupt):
        rekey_store(team.store, team.beheerder)
    team.store.close()
    entry = Keyring.load(key_file(team)).entries["consulent"]
    assert len(entry.unlocks[0].sealed) == 2  # old and new side by side
    store, actor = open_store(team.location, "consulent", PASSWORD)
    assert actor.role is Role.CONSULENT
    store.close()


def test_migration_copies_beside_the_store_are_reencrypted_too(team: Team) -> None:
    assert team.location.path is not None and team.store.key is not None
    old = team.store.key
    team.store.engine.dispose()  # the last connection to close folds the WAL into the file
    copy_made = team.location.path.with_name(team.location.path.name + ".20260101-000000.bak")
    shutil.copy(team.location.path, copy_made)
    assert opens_with(team, old, copy_made)
    block(team, "regisseur")
    assert not opens_with(team, old, copy_made)
    assert team.store.key is not None and opens_with(team, team.store.key, copy_made)


def test_accounts_still_on_the_old_key_file_format_need_a_new_password(team: Team) -> None:
    assert team.store.key is not None
    data = json.loads(key_file(team).read_text())
    data["accounts"]["teamleider"] = {
        "key": crypto.wrap_key(team.store.key, PASSWORD).to_json(), "failed": 0,
        "locked_until": None}
    key_file(team).write_text(json.dumps(data))
    report = block(team, "regisseur")
    assert report.need_new_password == ("teamleider",)
    with pytest.raises(Exception):  # noqa: B017 - wrong login, whatever its wording
        open_store(team.location, "teamleider", PASSWORD)
    with unit_of_work(team.store, team.beheerder) as uow:
        accounts.change_password(uow, "teamleider", "nieuw-voor-tom")
    store, _ = open_store(team.location, "teamleider", "nieuw-voor-tom")
    store.close()
