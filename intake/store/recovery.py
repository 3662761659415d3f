"""The recovery key: made with the store and shown once, replaced by a beheerder, and used
when every beheerder password is lost.

Only its public key and the store key sealed to it are kept (in the key file); the key itself
is on paper with the municipality. Using it sets a new password for one beheerder; both
making and using it are in the audit trail.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from db.engine import StoreLocation
from db.models import User
from intake.core import audit
from intake.core.access import require_role
from intake.core.clock import utcnow
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import AuditEvent, StoreError, ValidationError
from intake.core.roles import Role
from intake.store import crypto, keys
from intake.store.accounts import ADMIN_ONLY, check_password_policy
from intake.store.handle import Store
from intake.store.keyring import KeyFile, Keyring
from intake.store.location import keyring_path, replica_file
from intake.store.opening import REPLICA, _open_engine, actor_for

NOT_ENCRYPTED = "Alleen een versleutelde gegevensopslag heeft een herstelsleutel."


def make_recovery_key(uow: UnitOfWork) -> str:
    """A new recovery key for this store, replacing the old one; returned to show once."""
    require_role(uow, ADMIN_ONLY, "herstelsleutel", "gegevensopslag",
                 "Alleen een functioneel beheerder maakt een herstelsleutel.")
    store = uow.store
    if not isinstance(store, Store) or store.keyring is None or store.key is None:
        raise StoreError(NOT_ENCRYPTED)
    text, recovery = keys.new_recovery(store.key, uow.now)
    before: list[KeyFile] = []

    def replace(found: KeyFile) -> None:
        before.append(KeyFile(recovery=found.recovery, recovery_damaged=found.recovery_damaged))
        found.recovery, found.recovery_damaged = recovery, None

    store.keyring.update(replace, generation=store.key_generation)

    def put_back(found: KeyFile) -> None:
        if found.recovery is not None and found.recovery.public == recovery.public:
            found.recovery, found.recovery_damaged = before[0].recovery, \
                before[0].recovery_damaged

    keys.after_transaction(uow.session, lambda _found: None, put_back, store)
    audit.record(uow, "herstelsleutel", "gegevensopslag", detail="vervangen")
    return text


def has_recovery_key(store: Store) -> bool:
    return store.keyring is not None and store.keyring.read().recovery is not None


def recover(location: StoreLocation, username: str, recovery_key: str, new_password: str,
            *, now: datetime | None = None) -> tuple[Store, Actor]:
    """Every beheerder password lost: the recovery key opens the store and ``username`` (a
    functioneel beheerder) gets ``new_password``. Signed in as that beheerder afterwards."""
    now = now or utcnow()
    if not location.encrypted or location.path is None:
        raise StoreError(NOT_ENCRYPTED)
    if not location.path.exists():
        raise StoreError(f"Er is geen gegevensopslag op {location.path}.")
    if replica_file(location.path).exists():
        raise StoreError(REPLICA)
    check_password_policy(new_password)
    keyring = Keyring(keyring_path(location.path))
    found = keyring.read()
    key = keys.pick_key(location, keys.recovery_candidates(found, recovery_key))
    store = _open_engine(location, key, now, found.generation)
    try:
        actor = _reset(store, username, new_password, now)
    except BaseException:
        store.close()
        raise
    return store, actor


def _reset(store: Store, username: str, new_password: str, now: datetime) -> Actor:
    session = store.sessions()
    try:
        user = session.scalar(select(User).where(User.username == username))
        if user is None or user.role != Role.BEHEERDER.value:
            raise ValidationError({"username": (
                f"'{username}' is geen account van een functioneel beheerder in deze "
                "gegevensopslag.")})
        if user.disabled:
            raise ValidationError({"username": "Dit account is geblokkeerd."})
        user.password_hash = crypto.hash_password(new_password)
        user.failed_logins = 0
        user.locked_until = None
        user.updated_at = now
        session.flush()
        actor = actor_for(user)
        keys.stage_unlock(session, store, username, new_password)
        audit.append(session, actor, now, event=AuditEvent(
            "herstelsleutel", "account", str(user.id), detail="gebruikt"))
        audit.append(session, actor, now, event=AuditEvent("wachtwoord", "account",
                                                           str(user.id)))
        session.commit()
        return actor
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
