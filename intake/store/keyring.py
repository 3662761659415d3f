"""The key file beside an encrypted store: per account its key pair and the sealed store key.

It holds no personal data of residents: user names, public keys, password-wrapped private keys,
sealed store keys, the recovery key's public key and the login throttle (which must work before
the store can be opened).

Several windows and the command line may change it at once. Nobody keeps a copy to write back:
every change takes the file lock, reads the file as it is now, changes one thing and writes the
whole file to a temporary file that replaces the old one (``update``). Each entry carries a
check value, so a damaged entry is reported as damaged, never as a wrong password.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout

from intake.core.errors import StoreError
from intake.store.crypto import PrivateWrap, Sealed, WrappedKey

FORMAT = 2
T = TypeVar("T")

DAMAGED = ("Het sleutelbestand van de gegevensopslag is beschadigd ({what}). Uw wachtwoord is "
           "niet gecontroleerd en telt niet als mislukte poging. Zet het sleutelbestand terug "
           "uit een reservekopie, of laat de functioneel beheerder de herstelsleutel gebruiken "
           "('intake users recover').")
DISK_FULL = ("De schijf is vol: het sleutelbestand van de gegevensopslag kon niet worden "
             "bijgewerkt. Er is niets gewijzigd. Maak ruimte vrij en probeer het opnieuw.")
READ_ONLY = ("Het sleutelbestand van de gegevensopslag kan niet worden geschreven: de map is "
             "alleen-lezen of u hebt geen schrijfrechten. Er is niets gewijzigd. Controleer de "
             "map en de rechten.")
BUSY = ("Het sleutelbestand van de gegevensopslag is bezet door een ander venster of "
        "programma. Probeer het over enkele seconden opnieuw.")
REPLACED = ("De sleutel van de gegevensopslag is vervangen (een account is geblokkeerd). Sluit "
            "dit venster en meld u opnieuw aan.")


class KeyFileDamaged(StoreError):
    pass


class KeyReplacedError(StoreError):
    """This window's store key was replaced by another window: sign in again."""


@dataclass
class Unlock:
    """One way into the store for an account: its key pair and the store key sealed to it.
    Usually one; two for a moment while a password change or a new store key is committed."""

    public: str
    private: PrivateWrap
    sealed: list[Sealed]

    def to_json(self) -> dict[str, Any]:
        return {"public": self.public, "private": self.private.to_json(),
                "sealed": [s.to_json() for s in self.sealed]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Unlock:
        return cls(public=str(data["public"]), private=PrivateWrap.from_json(data["private"]),
                   sealed=[Sealed.from_json(s) for s in data["sealed"]])


@dataclass
class KeyringEntry:
    unlocks: list[Unlock] = field(default_factory=list)
    legacy: WrappedKey | None = None  # format 1: replaced at this account's next sign-in
    failed: int = 0
    locked_until: datetime | None = None
    damaged: dict[str, Any] | None = None  # the entry as found, kept as it was

    def keys_json(self) -> dict[str, Any]:
        return {"unlocks": [u.to_json() for u in self.unlocks],
                "legacy": self.legacy.to_json() if self.legacy else None}


@dataclass
class Recovery:
    public: str
    sealed: list[Sealed]
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"public": self.public, "sealed": [s.to_json() for s in self.sealed],
                "created_at": self.created_at.isoformat()}


@dataclass
class KeyFile:
    """The key file as read just now."""

    entries: dict[str, KeyringEntry] = field(default_factory=dict)
    recovery: Recovery | None = None
    recovery_damaged: dict[str, Any] | None = None
    generation: int = 1

    def entry(self, username: str) -> KeyringEntry:
        return self.entries.setdefault(username, KeyringEntry())


def _check(data: Any) -> str:
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _entry(raw: dict[str, Any]) -> KeyringEntry:
    if "key" in raw:  # format 1
        return KeyringEntry(legacy=WrappedKey.from_json(raw["key"]),
                            failed=int(raw.get("failed", 0)),
                            locked_until=_when(raw.get("locked_until")))
    keys = raw["keys"]
    if raw.get("check") != _check(keys):
        raise ValueError("check value")
    return KeyringEntry(unlocks=[Unlock.from_json(u) for u in keys["unlocks"]],
                        legacy=WrappedKey.from_json(keys["legacy"]) if keys["legacy"] else None,
                        failed=int(raw.get("failed", 0)),
                        locked_until=_when(raw.get("locked_until")))


def _recovery(raw: dict[str, Any]) -> Recovery:
    body = {k: raw[k] for k in ("public", "sealed", "created_at")}
    if raw.get("check") != _check(body):
        raise ValueError("check value")
    return Recovery(public=str(raw["public"]), sealed=[Sealed.from_json(s) for s in raw["sealed"]],
                    created_at=datetime.fromisoformat(raw["created_at"]))


def parse(text: str) -> KeyFile:
    try:
        data: dict[str, Any] = json.loads(text)
        accounts = data["accounts"]
        if not isinstance(accounts, dict):
            raise TypeError("accounts")
        generation = int(data.get("generation", 1))
    except (ValueError, KeyError, TypeError) as error:
        raise KeyFileDamaged(DAMAGED.format(what="het hele bestand")) from error
    found = KeyFile(generation=generation)
    for name, raw in accounts.items():
        try:
            found.entries[name] = _entry(raw)
        except (ValueError, KeyError, TypeError, AttributeError):
            found.entries[name] = KeyringEntry(damaged=raw)
    raw_recovery = data.get("recovery")
    if raw_recovery is not None:
        try:
            found.recovery = _recovery(raw_recovery)
        except (ValueError, KeyError, TypeError, AttributeError):
            found.recovery_damaged = raw_recovery
    return found


def render(found: KeyFile) -> str:
    accounts: dict[str, Any] = {}
    for name, entry in sorted(found.entries.items()):
        if entry.damaged is not None:
            accounts[name] = entry.damaged
            continue
        keys = entry.keys_json()
        accounts[name] = {"keys": keys, "check": _check(keys), "failed": entry.failed,
                          "locked_until": entry.locked_until.isoformat()
                          if entry.locked_until else None}
    recovery: dict[str, Any] | None = found.recovery_damaged
    if found.recovery is not None:
        body = found.recovery.to_json()
        recovery = {**body, "check": _check(body)}
    return json.dumps({"format": FORMAT, "generation": found.generation, "recovery": recovery,
                       "accounts": accounts}, indent=1)


def write_failure(error: OSError) -> StoreError:
    """A Dutch message for a key file that could not be written."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreError(DISK_FULL)
    return StoreError(READ_ONLY)


def write_atomically(path: Path, text: str) -> None:
    """Write-then-rename: a crash or a full disk never leaves a half key file."""
    fd, tmp = tempfile.mkstemp(prefix=".keys-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)



class Keyring:
    """The key file of one store. Holds no entries itself: ``read`` and ``update`` go to disk."""

    LOCK_TIMEOUT = 15.0

    def __init__(self, path: Path) -> None:
        self.path = path
        # Owner-only like the key file it guards (it is empty, but names the store).
        self.lock = FileLock(str(path.with_name(path.name + ".lock")), timeout=self.LOCK_TIMEOUT,
                             mode=0o600)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        return cls(path).read()

    def exists(self) -> bool:
        return self.path.exists()

    def read(self) -> KeyFile:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return KeyFile()
        except UnicodeDecodeError as error:
            raise KeyFileDamaged(DAMAGED.format(what="het hele bestand")) from error
        return parse(text)

    def update(self, change: Callable[[KeyFile], T], *, generation: int | None = None) -> T:
        """Under the lock: read the file as it is now, apply ``change``, write it atomically.
        ``generation``: the store key the caller holds; refused when it has been replaced."""
        try:
            with self.lock:
                found = self.read()
                if generation is not None and found.generation != generation:
                    raise KeyReplacedError(REPLACED)
                result = change(found)
                write_atomically(self.path, render(found))
                return result
        except Timeout as error:
            raise StoreError(BUSY) from error
        except OSError as error:
            raise write_failure(error) from error


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
