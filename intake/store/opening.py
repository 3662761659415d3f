"""Finding, creating, unlocking and migrating a store, and signing a person in.

An encrypted store is a SQLCipher file plus its key file (``…db.keys``). A plain SQLite URL or a
server URL has no key file: the password hash in the users table is the only check there.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import DBAPIError

from db.engine import StoreLocation, make_engine, make_session_factory
from db.migrate import NotAStoreError, StoreTooNewError, upgrade
from db.models import User
from intake.core import audit
from intake.core.clock import utcnow
from intake.core.context import Actor, StoreHandle
from intake.core.errors import (
    AccountLockedError,
    AuditEvent,
    AuthenticationError,
    KnownError,
    StoreError,
)
from intake.core.files import create_empty, private_folder, tighten
from intake.core.roles import Role
from intake.core.session import translate_db_error
from intake.store import crypto
from intake.store.accounts import check_password_policy, check_username
from intake.store.handle import Store
from intake.store.keyring import Keyring, keyring_path, locked_for, next_lock

log = logging.getLogger(__name__)

ENV_DB = "INTAKE_DB"
WRONG_LOGIN = "Gebruikersnaam of wachtwoord onjuist."
TEAM_SERVER_ONLY = (
    "Deze opdracht werkt op een gegevensopslag, niet via een teamserver (https://…). Gebruik "
    "een bestand, of op de server zelf de postgresql://-verbinding."
)
TOO_NEW = (
    "Deze gegevensopslag is gemaakt met een nieuwere versie van de applicatie. Installeer de "
    "nieuwste versie; er is niets gewijzigd."
)


REPLICA = ("Dit is een laptopreplica van een teamopslag. Open hem met de app of met 'intake "
           "team …', zodat uw wijzigingen naar de teamserver gaan.")


def replica_file(store_path: Path) -> Path:
    """The team file beside a laptop replica (its keys and server address)."""
    return store_path.with_name(store_path.name + ".team")


def store_files(store_path: Path) -> list[Path]:
    """The store file with its write-ahead log, shared memory and key file."""
    return [store_path, *(store_path.with_name(store_path.name + suffix)
                          for suffix in ("-wal", "-shm", ".keys"))]


def default_location() -> StoreLocation:
    return StoreLocation.parse(str(Path(user_data_dir("intake", appauthor=False)) / "intake.db"))


def resolve_location(value: str | None) -> StoreLocation:
    """``--db`` first, then ``INTAKE_DB``, then the file in the user's data folder."""
    chosen = value or os.environ.get(ENV_DB)
    return StoreLocation.parse(chosen) if chosen else default_location()


def _open_engine(location: StoreLocation, key: bytes | None, now: datetime) -> Store:
    if location.path is not None:
        for path in store_files(location.path):
            tighten(path)
    engine = make_engine(location, key)
    try:
        backup = upgrade(engine, location, now)
    except StoreTooNewError as error:
        engine.dispose()
        raise StoreError(TOO_NEW) from error
    except NotAStoreError as error:
        engine.dispose()
        raise StoreError("Dit bestand is geen gegevensopslag van deze applicatie.") from error
    except DBAPIError as error:
        engine.dispose()
        known = translate_db_error(error)
        if known is not None:
            raise known from error
        raise
    if backup is not None:
        log.info("store migrated; backup copy at %s", backup)
    keyring = Keyring.load(keyring_path(location.path)) if location.encrypted and location.path \
        else None
    return Store(location, engine, make_session_factory(engine), key, keyring, backup)


def _refuse_team_server(location: StoreLocation) -> None:
    if location.is_team_server:
        raise StoreError(TEAM_SERVER_ONLY)


def store_exists(location: StoreLocation) -> bool:
    """True when the store holds at least one account (for the first-start dialog)."""
    _refuse_team_server(location)
    if location.encrypted:
        assert location.path is not None
        return location.path.exists() and (keyring_path(location.path).exists()
                                           or replica_file(location.path).exists())
    engine = make_engine(location)
    try:
        with engine.connect() as connection:
            if "users" not in inspect(connection).get_table_names():
                return False
            return bool(connection.scalar(select(func.count()).select_from(User)))
    except DBAPIError as error:
        known = translate_db_error(error)
        raise (known or error) from error
    finally:
        engine.dispose()


def actor_for(user: User) -> Actor:
    return Actor(id=user.id, username=user.username, display_name=user.display_name,
                 role=Role(user.role), vindplaats_code=user.vindplaats_code)


def create_store(
    location: StoreLocation, username: str, display_name: str, password: str,
    *, now: datetime | None = None, is_demo: bool = False,
) -> tuple[Store, Actor]:
    """A new store with its first functioneel beheerder."""
    now = now or utcnow()
    _refuse_team_server(location)
    check_username(username)
    check_password_policy(password)
    if store_exists(location):
        raise StoreError("Er bestaat al een gegevensopslag op deze plek.")
    key: bytes | None = None
    if location.encrypted:
        assert location.path is not None
        private_folder(location.path.parent)
        create_empty(location.path)
        key = crypto.new_store_key()
    store = _open_engine(location, key, now)
    if store.keyring is not None:
        assert key is not None
        store.keyring.set_key(username, crypto.wrap_key(key, password))
    with store.sessions.begin() as session:
        user = User(username=username, display_name=display_name, role=Role.BEHEERDER.value,
                    password_hash=crypto.hash_password(password), created_at=now, is_demo=is_demo)
        session.add(user)
        session.flush()
        actor = actor_for(user)
        audit.append(session, actor, now,
                     event=AuditEvent("account-aanmaken", "account", str(user.id)))
    return store, actor


def open_store(
    location: StoreLocation, username: str, password: str, *, now: datetime | None = None
) -> tuple[Store, Actor]:
    """Unlock with this person's own password, migrate if needed, and sign them in."""
    now = now or utcnow()
    _refuse_team_server(location)
    key: bytes | None = None
    keyring: Keyring | None = None
    if location.encrypted:
        assert location.path is not None
        if not location.path.exists():
            raise StoreError(f"Er is geen gegevensopslag op {location.path}.")
        if replica_file(location.path).exists():
            raise StoreError(REPLICA)
        keyring = Keyring.load(keyring_path(location.path))
        entry = keyring.entries.get(username)
        if entry is None:
            crypto.burn_time(password)
            raise AuthenticationError(WRONG_LOGIN)
        wait = locked_for(entry.locked_until, now)
        if wait:
            raise AccountLockedError(wait)
        key = crypto.unwrap_key(entry.key, password)
        if key is None:
            entry.failed += 1
            entry.locked_until = next_lock(entry.failed, now)
            keyring.save()
            raise AuthenticationError(WRONG_LOGIN)
    store = _open_engine(location, key, now)
    try:
        actor = sign_in(store, username, password, now)
    except KnownError:
        store.close()
        raise
    if keyring is not None and keyring.entries[username].failed:
        keyring.entries[username].failed = 0
        keyring.entries[username].locked_until = None
        keyring.save()
    return store, actor


def sign_in(store: StoreHandle, username: str, password: str, now: datetime) -> Actor:
    """Check a person's password against the users table (Argon2id), with the growing delay
    after wrong attempts kept on the account; the team server signs people in with it too."""
    session = store.sessions()
    try:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            crypto.burn_time(password)
            raise AuthenticationError(WRONG_LOGIN)
        wait = locked_for(user.locked_until, now)
        if wait:
            raise AccountLockedError(wait)
        if not crypto.verify_password(user.password_hash, password):
            user.failed_logins += 1
            user.locked_until = next_lock(user.failed_logins, now)
            session.commit()
            raise AuthenticationError(WRONG_LOGIN)
        if user.disabled:
            raise AuthenticationError(
                "Dit account is geblokkeerd. Neem contact op met de functioneel beheerder."
            )
        user.failed_logins = 0
        user.locked_until = None
        actor = actor_for(user)
        audit.append(session, actor, now, event=AuditEvent("aanmelden", "account", str(user.id)))
        session.commit()
        return actor
    finally:
        session.close()
