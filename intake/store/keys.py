"""Ways into the store: an account's key pair, the recovery key, and key file changes that
follow the database transaction they belong to.

An account change writes the key file before its transaction commits, but only adds: the new
unlock sits beside the old one. After the commit the old one is dropped; after a rollback the
new one is. Should the process die in between, both stay, and the users table (the password
hash), not the key file, decides which password signs in.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from db.engine import StoreLocation, make_engine
from intake.core.errors import KnownError, StoreError, ValidationError
from intake.store import crypto
from intake.store.crypto import WrappedKey
from intake.store.handle import Store
from intake.store.keyring import DAMAGED, KeyFile, KeyFileDamaged, KeyringEntry, Recovery, Unlock

log = logging.getLogger(__name__)

RECOVERY_SECRET_BYTES = 23
RECOVERY_GROUP = 5
RECOVERY_TYPO = ("De herstelsleutel is niet goed overgenomen: controleer de tekens (40 letters en "
                 "cijfers, in groepjes van vijf).")
RECOVERY_WRONG = "Deze herstelsleutel hoort niet (meer) bij deze gegevensopslag."
NO_RECOVERY = ("Deze gegevensopslag heeft geen herstelsleutel. Een functioneel beheerder maakt er "
               "een met 'intake users recovery-key'.")


def new_unlock(store_key: bytes, password: str) -> Unlock:
    private = crypto.new_private_key()
    public = crypto.public_hex(private)
    return Unlock(public=public, private=crypto.wrap_private(private, password),
                  sealed=[crypto.seal(store_key, public)])


def open_unlock(unlock: Unlock | WrappedKey, secret: str) -> bytes | None:
    """The store key behind one unlock (or a format 1 wrap) for this password or secret."""
    if isinstance(unlock, WrappedKey):
        return crypto.unwrap_key(unlock, secret)
    private = crypto.unwrap_private(unlock.private, secret)
    if private is None:
        return None
    return next((key for sealed in reversed(unlock.sealed)
                 if (key := crypto.unseal(sealed, private)) is not None), None)


def unlock_from_json(data: dict[str, Any]) -> Unlock | WrappedKey:
    return Unlock.from_json(data) if "public" in data else WrappedKey.from_json(data)


def candidate_keys(entry: KeyringEntry, password: str) -> list[bytes] | None:
    """The store keys this password opens (usually one), or None when it opens nothing."""
    found: list[bytes] = []
    for unlock in entry.unlocks:
        private = crypto.unwrap_private(unlock.private, password)
        if private is None:
            continue
        for sealed in reversed(unlock.sealed):  # newest first
            key = crypto.unseal(sealed, private)
            if key is not None and key not in found:
                found.append(key)
    if entry.legacy is not None:
        key = crypto.unwrap_key(entry.legacy, password)
        if key is not None and key not in found:
            found.append(key)
    return found or None


def opens(location: StoreLocation, key: bytes) -> bool:
    engine = make_engine(location, key)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        return True
    except Exception:
        return False
    finally:
        engine.dispose()


def pick_key(location: StoreLocation, candidates: list[bytes]) -> bytes:
    """Of several keys (a rekey or password change cut short), the one that opens the file."""
    if len(candidates) == 1:
        return candidates[0]
    for key in candidates:
        if opens(location, key):
            return key
    raise StoreError("Geen van de sleutels in het sleutelbestand opent deze gegevensopslag.")


def keep_only(entry: KeyringEntry, public: str) -> None:
    entry.unlocks = [u for u in entry.unlocks if u.public == public]
    entry.legacy = None
    entry.failed = 0
    entry.locked_until = None


def stage_unlock(session: Session, store: Store, username: str, password: str) -> None:
    """A new unlock for ``username`` now; the old ones go when ``session`` commits, the new
    one when it rolls back."""
    keyring, key = store.keyring, store.key
    if keyring is None or key is None:
        return
    unlock = new_unlock(key, password)

    def add(found: KeyFile) -> None:
        entry = found.entry(username)
        entry.damaged = None  # a new password repairs a damaged entry
        entry.unlocks.append(unlock)

    keyring.update(add, generation=store.key_generation)

    def drop_new(found: KeyFile) -> None:
        entry = found.entries.get(username)
        if entry is None:
            return
        entry.unlocks = [u for u in entry.unlocks if u.public != unlock.public]
        if not entry.unlocks and entry.legacy is None:
            del found.entries[username]

    after_transaction(session, lambda found: keep_only(found.entry(username), unlock.public),
                      drop_new, store)


def after_transaction(session: Session, committed: Callable[[KeyFile], None],
                      rolled_back: Callable[[KeyFile], None], store: Store) -> None:
    """Finish a staged key file change when the transaction ends, either way."""
    keyring = store.keyring
    assert keyring is not None
    done: list[bool] = []

    def finish(change: Callable[[KeyFile], None]) -> Callable[[Any], None]:
        def run(_session: Any) -> None:
            if done:
                return
            done.append(True)
            # The transaction's outcome stands; a key file left with both unlocks is safe.
            try:
                keyring.update(change)
            except KnownError:
                log.warning("key file not tidied after an account change")
        return run

    event.listen(session, "after_commit", finish(committed), once=True)
    event.listen(session, "after_rollback", finish(rolled_back), once=True)


# ---- the recovery key ------------------------------------------------------------------


def _recovery_check(secret: bytes) -> bytes:
    return hashlib.sha256(b"intake-recovery" + secret).digest()[:2]


def new_recovery(store_key: bytes, now: datetime) -> tuple[str, Recovery]:
    """The recovery key as the person writes it down, and what the key file keeps of it."""
    secret = secrets.token_bytes(RECOVERY_SECRET_BYTES)
    text = base64.b32encode(secret + _recovery_check(secret)).decode("ascii")
    groups = "-".join(text[i:i + RECOVERY_GROUP] for i in range(0, len(text), RECOVERY_GROUP))
    public = crypto.public_hex(crypto.private_from_secret(secret))
    return groups, Recovery(public=public, sealed=[crypto.seal(store_key, public)],
                            created_at=now)


def recovery_secret(text: str) -> bytes:
    """The secret behind a typed recovery key; spaces, dashes and case do not matter, and 0/1
    typed for O/I are read as letters (base32 has no 0 or 1)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).replace("0", "O").replace(
        "1", "I")
    try:
        raw = base64.b32decode(cleaned)
    except ValueError as error:
        raise ValidationError({"recovery_key": RECOVERY_TYPO}) from error
    secret, check = raw[:-2], raw[-2:]
    if len(secret) != RECOVERY_SECRET_BYTES or check != _recovery_check(secret):
        raise ValidationError({"recovery_key": RECOVERY_TYPO})
    return secret


def recovery_candidates(found: KeyFile, text: str) -> list[bytes]:
    secret = recovery_secret(text)
    if found.recovery is None:
        if found.recovery_damaged is not None:
            raise KeyFileDamaged(DAMAGED.format(what="de herstelsleutel"))
        raise StoreError(NO_RECOVERY)
    private = crypto.private_from_secret(secret)
    if crypto.public_hex(private) != found.recovery.public:
        raise ValidationError({"recovery_key": RECOVERY_WRONG})
    keys = [k for s in reversed(found.recovery.sealed)
            if (k := crypto.unseal(s, private)) is not None]
    if not keys:
        raise ValidationError({"recovery_key": RECOVERY_WRONG})
    return keys
