"""Key pairs per account: the store key sealed to each public key, format 1 key files replaced
at the next sign-in, write order around the database transaction, damaged and full disks."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import StoreLocation
from db.models import AuditEntry, User
from intake.core.clock import utcnow
from intake.core.errors import AuthenticationError, StoreError
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.store import KeyFileDamaged, accounts, crypto, keyring, open_store
from intake.store.keyring import Keyring
from intake.store.location import keyring_path
from tests.conftest import PASSWORD, Team

NEW = "een-nieuw-wachtwoord"


def later() -> datetime:
    """Past the one-second delay a wrong password just earned."""
    return utcnow() + timedelta(seconds=5)


def key_file(team: Team) -> Path:
    assert team.location.path is not None
    return keyring_path(team.location.path)


def raw(team: Team) -> dict[str, object]:
    data: dict[str, object] = json.loads(key_file(team).read_text(encoding="utf-8"))
    return data


def write_format_1(team: Team, names: list[str]) -> None:
    """The key file as the previous version wrote it: store key XOR a password-derived key."""
    assert team.store.key is not None
    accounts_json = {name: {"key": crypto.wrap_key(team.store.key, PASSWORD).to_json(),
                            "failed": 0, "locked_until": None} for name in names}
    key_file(team).write_text(json.dumps({"format": 1, "accounts": accounts_json}))


def test_key_file_holds_a_key_pair_per_account_and_no_xor_wrap(team: Team) -> None:
    data = raw(team)
    assert data["format"] == 2
    entries = data["accounts"]
    assert isinstance(entries, dict) and sorted(entries) == [
        "beheerder", "consulent", "regisseur", "teamleider", "vindplaats"]
    assert team.store.key is not None
    text = key_file(team).read_text()
    assert team.store.key.hex() not in text
    for entry in entries.values():
        (unlock,) = entry["keys"]["unlocks"]
        assert len(bytes.fromhex(unlock["public"])) == 32
        assert entry["keys"]["legacy"] is None
    # The store key plus the key file no longer yield anyone's password-derived key: the
    # private key is AEAD-encrypted and the seal is made to a public key.
    found = Keyring.load(key_file(team))
    entry = found.entries["consulent"]
    private = crypto.unwrap_private(entry.unlocks[0].private, PASSWORD)
    assert private is not None
    assert crypto.unseal(entry.unlocks[0].sealed[0], private) == team.store.key
    assert crypto.unwrap_private(entry.unlocks[0].private, "fout-wachtwoord") is None


def test_format_1_key_file_is_replaced_at_each_accounts_next_sign_in(team: Team) -> None:
    write_format_1(team, ["beheerder", "consulent", "regisseur"])
    store, actor = open_store(team.location, "consulent", PASSWORD)
    store.close()
    found = Keyring.load(key_file(team))
    assert found.entries["consulent"].legacy is None and found.entries["consulent"].unlocks
    assert found.entries["regisseur"].legacy is not None  # not signed in yet
    assert actor.role is Role.CONSULENT
    store, _ = open_store(team.location, "regisseur", PASSWORD)
    store.close()
    assert Keyring.load(key_file(team)).entries["regisseur"].legacy is None
    store, _ = open_store(team.location, "consulent", PASSWORD)  # the new entry opens
    store.close()


def test_password_change_that_fails_in_the_database_leaves_the_key_file_as_it_was(
        team: Team) -> None:
    before = key_file(team).read_text()

    class Refused(Exception):
        pass

    with pytest.raises(Refused), unit_of_work(team.store, team.beheerder) as uow:
        accounts.change_password(uow, "consulent", NEW)
        raise Refused  # the commit never happens
    assert json.loads(key_file(team).read_text()) == json.loads(before)
    store, _ = open_store(team.location, "consulent", PASSWORD)
    store.close()
    with pytest.raises(AuthenticationError):
        open_store(team.location, "consulent", NEW)


def test_a_committed_password_change_keeps_only_the_new_unlock(team: Team) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        accounts.change_password(uow, "consulent", NEW)
    assert len(Keyring.load(key_file(team)).entries["consulent"].unlocks) == 1
    with pytest.raises(AuthenticationError):
        open_store(team.location, "consulent", PASSWORD)
    store, _ = open_store(team.location, "consulent", NEW, now=later())
    store.close()


def test_an_interrupted_change_leaves_both_unlocks_and_the_database_decides(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the process died between the key file write and the commit's tidy-up."""
    monkeypatch.setattr("intake.store.keys.after_transaction", lambda *args: None)
    with unit_of_work(team.store, team.beheerder) as uow:
        accounts.change_password(uow, "consulent", NEW)
    assert len(Keyring.load(key_file(team)).entries["consulent"].unlocks) == 2
    with pytest.raises(AuthenticationError):
        open_store(team.location, "consulent", PASSWORD)  # the users table says: old is gone
    store, _ = open_store(team.location, "consulent", NEW, now=later())
    store.close()
    assert len(Keyring.load(key_file(team)).entries["consulent"].unlocks) == 1


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "schijf is vol"),
                                             (errno.EROFS, "alleen-lezen")])
def test_full_or_read_only_disk_during_password_change_gives_a_dutch_message(
        team: Team, monkeypatch: pytest.MonkeyPatch, code: int, words: str) -> None:
    before = key_file(team).read_text()

    def broken(_src: object, _dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(keyring.os, "replace", broken)
    with pytest.raises(StoreError, match=words), unit_of_work(team.store, team.beheerder) as uow:
        accounts.change_password(uow, "consulent", NEW)
    monkeypatch.undo()
    assert key_file(team).read_text() == before
    assert not [p for p in key_file(team).parent.iterdir() if p.name.startswith(".keys-")]
    with team.store.sessions() as session:
        user = session.scalars(select(User).where(User.username == "consulent")).one()
        assert crypto.verify_password(user.password_hash, PASSWORD)


def test_full_disk_during_sign_in_gives_a_dutch_message(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_src: object, _dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(keyring.os, "replace", full)
    with pytest.raises(StoreError, match="schijf is vol"):
        open_store(team.location, "consulent", "fout-wachtwoord")


def test_damaged_entry_is_reported_as_damaged_and_does_not_count_as_a_failure(
        team: Team) -> None:
    data = raw(team)
    entries = data["accounts"]
    assert isinstance(entries, dict)
    cipher = entries["consulent"]["keys"]["unlocks"][0]["private"]["ciphertext"]
    entries["consulent"]["keys"]["unlocks"][0]["private"]["ciphertext"] = \
        ("0" if cipher[0] != "0" else "1") + cipher[1:]
    key_file(team).write_text(json.dumps(data))
    for _ in range(3):
        with pytest.raises(KeyFileDamaged, match="beschadigd") as damaged:
            open_store(team.location, "consulent", PASSWORD)
        assert "onjuist" not in damaged.value.message
    assert Keyring.load(key_file(team)).entries["consulent"].damaged is not None
    after = json.loads(key_file(team).read_text())["accounts"]["consulent"]
    assert after["failed"] == 0 and after["locked_until"] is None
    store, _ = open_store(team.location, "regisseur", PASSWORD)  # others are unaffected
    store.close()
    # A beheerder's new password repairs the entry.
    with unit_of_work(team.store, team.beheerder) as uow:
        accounts.change_password(uow, "consulent", NEW)
    store, _ = open_store(team.location, "consulent", NEW)
    store.close()


def test_a_truncated_key_file_is_reported_as_damaged(team: Team) -> None:
    text = key_file(team).read_text()
    key_file(team).write_text(text[: len(text) // 2])
    with pytest.raises(KeyFileDamaged, match="hele bestand"):
        open_store(team.location, "consulent", PASSWORD)


def test_new_account_that_fails_in_the_database_leaves_no_key_entry(team: Team) -> None:
    class Refused(Exception):
        pass

    with pytest.raises(Refused), unit_of_work(team.store, team.beheerder) as uow:
        accounts.add_account(uow, "piet", "Piet Poh", Role.CONSULENT, PASSWORD)
        raise Refused
    assert "piet" not in Keyring.load(key_file(team)).entries


def test_sign_in_is_audited_once_and_key_file_unchanged_on_a_clean_sign_in(
        team: Team) -> None:
    before = key_file(team).stat().st_mtime_ns, key_file(team).read_text()
    store, _ = open_store(team.location, "consulent", PASSWORD)
    store.close()
    assert (key_file(team).stat().st_mtime_ns, key_file(team).read_text()) == before
    with team.store.sessions() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert actions.count("aanmelden") == 1


def test_plain_sqlite_store_has_no_key_file(tmp_path: Path) -> None:
    from intake.store import create_store

    location = StoreLocation.parse(f"sqlite:///{tmp_path / 'plain.db'}")
    store, _ = create_store(location, "fien", "Fien Beheer", PASSWORD)
    assert store.keyring is None and store.take_recovery_key() is None
    store.close()
