"""A laptop replica's team file: key pairs instead of XOR wraps (format 1 converted at the next
sign-in), and two windows saving it without losing each other's changes."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from intake.core.clock import utcnow
from intake.core.errors import AccountLockedError, AuthenticationError
from intake.store import crypto, keys
from intake.store.crypto import WrappedKey
from intake.store.keyring import Unlock
from intake.store.screen_lock import WRONG_PASSWORD
from intake.team import replica
from tests.team.conftest import Laptop

pytestmark = pytest.mark.postgres


def test_a_joined_replica_keeps_its_key_sealed_to_key_pairs(laptops: Any) -> None:
    laptop: Laptop = laptops("consulent").join()
    team = laptop.team()
    assert isinstance(team.password_key, Unlock) and isinstance(team.server_key, Unlock)
    text = team.path.read_text()
    assert json.loads(text)["format"] == 2 and '"wrapped"' not in text
    assert laptop.store is not None and laptop.store.key is not None
    assert laptop.store.key.hex() not in text


def test_a_format_1_team_file_is_converted_at_the_next_sign_in(laptops: Any) -> None:
    laptop: Laptop = laptops("consulent").join()
    assert laptop.store is not None and laptop.store.key is not None
    key = laptop.store.key
    laptop.close()
    team = laptop.team()
    with laptop.server.client("consulent") as client:
        secret = str(client.call("/sync/secret", {"replica": str(team.replica_id)})["geheim"])
    data = json.loads(team.path.read_text())
    data["format"] = 1
    data["keys"] = {"password": crypto.wrap_key(key, laptop.password).to_json(),
                    "server": crypto.wrap_key(key, secret).to_json()}
    # Offline too long: this sign-in goes online, so the server's wrap is converted as well.
    data["last_contact"] = (utcnow() - timedelta(days=team.max_offline_days + 1)).isoformat()
    team.path.write_text(json.dumps(data))
    laptop.open()
    converted = laptop.team()
    assert isinstance(converted.password_key, Unlock)
    assert isinstance(converted.server_key, Unlock)
    assert keys.open_unlock(converted.server_key, secret) == key
    laptop.close()
    laptop.open()  # and the converted file opens


def _team_file(path: Path) -> replica.TeamFile:
    key = crypto.new_store_key()
    team = replica.TeamFile(path=path, server="https://team.example", username="carla",
                            user_id=uuid.uuid4(), replica_id=uuid.uuid4(), contact="c",
                            password_key=keys.new_unlock(key, "wachtwoord-1"),
                            server_key=WrappedKey("00", "00", "00", 2, 1, 1))
    team.save()
    return replica.TeamFile.load(path)


@pytest.mark.parametrize("first", ["a", "b"])
def test_two_windows_saving_the_team_file_keep_each_others_changes(
        tmp_path: Path, first: str) -> None:
    path = tmp_path / "intake.db.team"
    _team_file(path)
    window_a, window_b = replica.TeamFile.load(path), replica.TeamFile.load(path)
    now = utcnow()
    window_a.keep_days = 0
    window_b.last_sync = now
    window_b.failed = 2
    order = [window_a, window_b] if first == "a" else [window_b, window_a]
    for window in order:
        window.save()
    found = replica.TeamFile.load(path)
    assert (found.keep_days, found.last_sync, found.failed) == (0, now, 2)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".keys-")]


def test_a_laptop_replica_unlocks_with_the_password_of_its_key(laptops: Any) -> None:
    laptop = laptops("consulent").join()
    store, actor = laptop.store, laptop.actor
    with pytest.raises(AuthenticationError, match=WRONG_PASSWORD):
        replica.confirm_replica_password(store, actor, "fout")
    assert laptop.team().failed == 1
    with pytest.raises(AccountLockedError):
        replica.confirm_replica_password(store, actor, laptop.password)
