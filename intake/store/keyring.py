"""The key file beside an encrypted store: one wrapped store key per account.

It holds no personal data of residents: user names, salts, wrapped keys and the login
throttle (which must work before the store can be opened).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from intake.store.crypto import WrappedKey

FORMAT = 1


def keyring_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".keys")


@dataclass
class KeyringEntry:
    key: WrappedKey
    failed: int = 0
    locked_until: datetime | None = None


class Keyring:
    def __init__(self, path: Path, entries: dict[str, KeyringEntry]) -> None:
        self.path = path
        self.entries = entries

    @classmethod
    def load(cls, path: Path) -> Keyring:
        if not path.exists():
            return cls(path, {})
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        entries = {
            name: KeyringEntry(
                key=WrappedKey.from_json(raw["key"]),
                failed=int(raw.get("failed", 0)),
                locked_until=datetime.fromisoformat(raw["locked_until"])
                if raw.get("locked_until") else None,
            )
            for name, raw in data.get("accounts", {}).items()
        }
        return cls(path, entries)

    def save(self) -> None:
        data = {
            "format": FORMAT,
            "accounts": {
                name: {
                    "key": entry.key.to_json(),
                    "failed": entry.failed,
                    "locked_until": entry.locked_until.isoformat() if entry.locked_until else None,
                }
                for name, entry in sorted(self.entries.items())
            },
        }
        # Write-then-rename: a crash mid-save never leaves a half key file.
        fd, tmp = tempfile.mkstemp(prefix=".keys-", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)

    def set_key(self, username: str, key: WrappedKey) -> None:
        self.entries[username] = KeyringEntry(key=key)
        self.save()

    def remove(self, username: str) -> None:
        if self.entries.pop(username, None) is not None:
            self.save()


def lockout_seconds(failed: int) -> int:
    """Growing delay after wrong passwords: 1, 2, 4, … seconds, at most five minutes."""
    if failed <= 0:
        return 0
    return int(min(2 ** (failed - 1), 300))


def locked_for(locked_until: datetime | None, now: datetime) -> int:
    if locked_until is None or locked_until <= now:
        return 0
    return max(1, int((locked_until - now).total_seconds() + 0.999))


def next_lock(failed: int, now: datetime) -> datetime:
    return now + timedelta(seconds=lockout_seconds(failed))
