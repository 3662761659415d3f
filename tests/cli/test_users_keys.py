"""`intake init` shows the recovery key once; `users disable` replaces the store key;
`users recovery-key` and `users recover` from the command line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from db.engine import StoreLocation
from intake.cli import main
from intake.core.errors import StoreError
from intake.store import open_store
from intake.store.keyring import Keyring
from intake.store.location import keyring_path
from tests.conftest import PASSWORD, Team

KEY = re.compile(r"((?:[A-Z2-7]{5}\s+){7}[A-Z2-7]{5})")


def shown_key(output: str) -> str:
    found = KEY.search(output)
    assert found is not None, output
    return "-".join(found.group(1).split())


def test_init_shows_the_recovery_key_and_recover_uses_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "nieuw" / "intake.db")
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    assert main(["--db", db, "init", "--user", "fien", "--name", "Fien Beheer"]) == 0
    out = capsys.readouterr().out
    assert "HERSTELSLEUTEL (wordt maar één keer getoond)" in out
    key = shown_key(out)

    monkeypatch.setenv("INTAKE_RECOVERY_KEY", key)
    monkeypatch.setenv("INTAKE_NEW_PASSWORD", "herstel-wachtwoord")
    assert main(["users", "recover", "fien", "--db", db]) == 0
    assert "Nieuw wachtwoord ingesteld voor fien" in capsys.readouterr().out
    store, actor = open_store(StoreLocation.parse(db), "fien", "herstel-wachtwoord")
    store.close()
    assert actor.username == "fien"


def test_a_wrong_recovery_key_is_refused_in_dutch(
        team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    team.store.close()
    monkeypatch.setenv("INTAKE_RECOVERY_KEY", "AAAAA-BBBBB")
    monkeypatch.setenv("INTAKE_NEW_PASSWORD", "herstel-wachtwoord")
    assert main(["--db", str(team.location.path), "users", "recover", "beheerder"]) == 2
    assert "niet goed overgenomen" in capsys.readouterr().err


def test_recovery_key_replaces_the_old_one(
        team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    old = team.store.take_recovery_key()
    team.store.close()
    db = str(team.location.path)
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    assert main(["--db", db, "users", "recovery-key", "--user", "beheerder"]) == 0
    new = shown_key(capsys.readouterr().out)
    assert new != old
    monkeypatch.setenv("INTAKE_NEW_PASSWORD", "herstel-wachtwoord")
    monkeypatch.setenv("INTAKE_RECOVERY_KEY", str(old))
    assert main(["--db", db, "users", "recover", "beheerder"]) == 2
    assert "hoort niet" in capsys.readouterr().err
    monkeypatch.setenv("INTAKE_RECOVERY_KEY", new)
    assert main(["--db", db, "users", "recover", "beheerder"]) == 0


def test_recovery_key_is_for_the_beheerder(
        team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    team.store.close()
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    assert main(["--db", str(team.location.path), "users", "recovery-key", "--user",
                 "consulent"]) == 2
    assert "functioneel beheerder" in capsys.readouterr().err


def test_disable_replaces_the_store_key(
        team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    assert team.location.path is not None
    copied = tmp_path / "oud.keys"
    shutil.copy(keyring_path(team.location.path), copied)
    team.store.close()
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    db = str(team.location.path)
    assert main(["--db", db, "users", "disable", "regisseur", "--user", "beheerder"]) == 0
    out = capsys.readouterr().out
    assert "Account regisseur is geblokkeerd." in out
    assert "verzegeld voor 4 account(s) en de herstelsleutel" in out
    assert Keyring.load(keyring_path(team.location.path)).generation == \
        Keyring.load(copied).generation + 1
    shutil.copy(copied, keyring_path(team.location.path))
    with pytest.raises(StoreError):
        open_store(team.location, "regisseur", PASSWORD)
