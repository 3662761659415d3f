"""A new store key after an account is blocked, so the person's own copy of the key file
stops opening the store.

The new key is sealed to every remaining account's public key and to the recovery key (no
password needed), the file is re-encrypted in place with ``PRAGMA rekey`` after a WAL
checkpoint, and the old seals are dropped. The key file keeps old and new seals side by side
while the file is re-encrypted, so a crash at any moment leaves a store that opens. Other open
windows find their key no longer fits at their next read and are told to sign in again (the
key file's generation tells them apart from a damaged file).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from db.engine import make_engine
from db.models import User
from intake.core import audit
from intake.core.clock import utcnow
from intake.core.context import Actor
from intake.core.errors import AuditEvent, PermissionDenied, StoreError
from intake.core.roles import Role
from intake.core.session import translate_db_error
from intake.store import crypto
from intake.store.handle import Store
from intake.store.keyring import (
    REPLACED,
    KeyFile,
    KeyReplacedError,
    render,
    write_atomically,
    write_failure,
)
from intake.store.opening import watch_for_new_key

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
STEPS = 4


@dataclass(frozen=True)
class RekeyReport:
    accounts: int  # accounts the new key was sealed to
    recovery: bool  # the recovery key opens the new key too
    need_new_password: tuple[str, ...]  # accounts not signed in since format 1: reset them


def _sql_key(key: bytes) -> str:
    return f"PRAGMA rekey = \"x'{key.hex()}'\""


def _reencrypt_file(path: Path, old: bytes, new: bytes) -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    connection = sqlcipher.connect(str(path), isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = \"x'{old.hex()}'\"")
        connection.execute("PRAGMA busy_timeout = 5000")
        # Everything into the main file first, so no frame under the old key stays behind.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute(_sql_key(new))
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlcipher.Error as error:
        raise translate_db_error(error) or StoreError(
            "De gegevensopslag kon niet opnieuw worden versleuteld; er is niets gewijzigd."
        ) from error
    finally:
        connection.close()


def _reencrypt(store: Store, old: bytes, new: bytes) -> None:
    path = store.location.path
    assert path is not None
    store.engine.dispose()  # this window's pooled connections hold the old key
    _reencrypt_file(path, old, new)
    # The copies a schema upgrade left beside the store are under the old key as well.
    for copy_made in sorted(path.parent.glob(path.name + ".*.bak")):
        try:
            _reencrypt_file(copy_made, old, new)
        except StoreError:
            log.warning("a migration copy beside the store was not re-encrypted")


def rekey_store(store: Store, actor: Actor, progress: Progress | None = None,
                now: datetime | None = None) -> RekeyReport:
    """Replace the store key; only a functioneel beheerder, only on an encrypted store."""
    now = now or utcnow()
    report = progress or (lambda _done, _total: None)
    if actor.role is not Role.BEHEERDER:
        raise PermissionDenied("Alleen een functioneel beheerder vervangt de sleutel.")
    keyring, old = store.keyring, store.key
    if keyring is None or old is None:
        raise StoreError("Alleen een versleutelde gegevensopslag heeft een sleutel om te "
                         "vervangen.")
    with store.sessions() as session:
        active = set(session.scalars(select(User.username).where(User.disabled.is_(False))))
    new = crypto.new_store_key()
    report(0, STEPS)
    with keyring.lock:
        before = keyring.read()
        if before.generation != store.key_generation:
            raise KeyReplacedError(REPLACED)
        staged, reset = _stage(before, active, new)
        _write(keyring.path, staged)
        report(1, STEPS)
        try:
            _reencrypt(store, old, new)
        except BaseException:
            _write(keyring.path, before)  # the file still has the old key
            raise
        report(2, STEPS)
        _keep_newest_seal(staged)
        _write(keyring.path, staged)
    engine = make_engine(store.location, new)
    store.engine, store.key, store.key_generation = engine, new, staged.generation
    store.sessions.configure(bind=engine)
    watch_for_new_key(store, engine)
    report(3, STEPS)
    sealed_to = sum(1 for entry in staged.entries.values() if entry.unlocks)
    with store.sessions.begin() as session:
        audit.append(session, actor, now, event=AuditEvent(
            "sleutel-vervangen", "gegevensopslag", None,
            detail=f"accounts {sealed_to}, herstelsleutel {'ja' if staged.recovery else 'nee'}"))
    report(STEPS, STEPS)
    return RekeyReport(sealed_to, staged.recovery is not None, reset)


def _write(path: Path, found: KeyFile) -> None:
    try:
        write_atomically(path, render(found))
    except OSError as error:
        raise write_failure(error) from error


def _stage(before: KeyFile, active: set[str], new: bytes) -> tuple[KeyFile, tuple[str, ...]]:
    """The key file with the new key sealed beside the old for everyone who stays. Blocked
    accounts leave it; a format 1 entry (no key pair yet) cannot be sealed to and leaves too."""
    source = copy.deepcopy(before)  # ``before`` is written back should the rekey fail
    staged = KeyFile(generation=before.generation + 1, recovery=source.recovery,
                     recovery_damaged=source.recovery_damaged)
    reset: list[str] = []
    for name, entry in source.entries.items():
        if name not in active:
            continue
        if entry.damaged is not None or not entry.unlocks:
            reset.append(name)
            continue
        for unlock in entry.unlocks:
            unlock.sealed = [*unlock.sealed, crypto.seal(new, unlock.public)]
        entry.legacy = None
        staged.entries[name] = entry
    if staged.recovery is not None:
        staged.recovery.sealed = [*staged.recovery.sealed,
                                  crypto.seal(new, staged.recovery.public)]
    return staged, tuple(sorted(reset))


def _keep_newest_seal(found: KeyFile) -> None:
    for entry in found.entries.values():
        for unlock in entry.unlocks:
            unlock.sealed = unlock.sealed[-1:]
    if found.recovery is not None:
        found.recovery.sealed = found.recovery.sealed[-1:]
