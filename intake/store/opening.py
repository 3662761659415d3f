"""Finding, creating, unlocking and migrating a store, and signing a person in.

An encrypted store is a SQLCipher file plus its key file (``…db.keys``). A plain SQLite URL or a
server URL has no key file: the password hash in the users table is the only check there.
"""

from __future__ import annotations

import logging
import weakref
from datetime import datetime

from sqlalchemy import Engine, event, select
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.engine import StoreLocation, make_engine, make_session_factory
from db.migrate import BrokenReferenceError, NotAStoreError, StoreTooNewError, upgrade
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
from intake.store import crypto, keys
from intake.store.accounts import check_password_policy, check_username
from intake.store.handle import Store
from intake.store.keyring import (
    DAMAGED,
    REPLACED,
    KeyFile,
    KeyFileDamaged,
    KeyReplacedError,
    Keyring,
    KeyringEntry,
    locked_for,
    next_lock,
)
from intake.store.location import (
    keyring_path,
    refuse_team_server,
    replica_file,
    store_exists,
    store_files,
)

log = logging.getLogger(__name__)

WRONG_LOGIN = "Gebruikersnaam of wachtwoord onjuist."
TOO_NEW = (
    "Deze gegevensopslag is gemaakt met een nieuwere versie van de applicatie. Installeer de "
    "nieuwste versie; er is niets gewijzigd."
)
BROKEN_REFERENCE = (
    "De gegevensopslag kon niet worden bijgewerkt: in tabel {table} verwijst een rij naar "
    "gegevens die er niet zijn. Er is niets gewijzigd; neem contact op met de functioneel "
    "beheerder."
)


REPLICA = ("Dit is een laptopreplica van een teamopslag. Open hem met de app of met 'intake "
           "team …', zodat uw wijzigingen naar de teamserver gaan.")


def _open_engine(location: StoreLocation, key: bytes | None, now: datetime,
                 generation: int = 1) -> Store:
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
    except BrokenReferenceError as error:
        engine.dispose()
        raise StoreError(BROKEN_REFERENCE.format(table=error.table)) from error
    except DBAPIError as error:
        engine.dispose()
        known = translate_db_error(error)
        if known is not None:
            raise known from error
        raise
    if backup is not None:
        log.info("store migrated; backup copy at %s", backup)
    keyring = Keyring(keyring_path(location.path)) if location.encrypted and location.path \
        else None
    store = Store(location, engine, make_session_factory(engine), key, keyring, backup,
                  key_generation=generation)
    if keyring is not None:
        watch_for_new_key(store, engine)
    return store


def watch_for_new_key(store: Store, engine: Engine) -> None:
    """Another window replaced the store key (an account was blocked): this window's key no
    longer opens the file. Say so, instead of "not a store"."""
    keyring = store.keyring
    assert keyring is not None
    # Weakly: SQLAlchemy keeps this listener on the dialect, and the mappers' statement caches
    # keep every dialect they saw; a strong reference would keep each closed store, its engine
    # and its statement cache alive for the life of the process.
    held = weakref.ref(store)

    @event.listens_for(engine, "handle_error")
    def _replaced(context: ExceptionContext) -> BaseException | None:
        opened = held()
        if opened is None or "file is not a database" not in str(context.original_exception):
            return None
        try:
            current = keyring.read().generation
        except KnownError:
            return None
        return KeyReplacedError(REPLACED) if current != opened.key_generation else None


def actor_for(user: User) -> Actor:
    return Actor(id=user.id, username=user.username, display_name=user.display_name,
                 role=Role(user.role), vindplaats_code=user.vindplaats_code)


def create_store(
    location: StoreLocation, username: str, display_name: str, password: str,
    *, now: datetime | None = None, is_demo: bool = False,
) -> tuple[Store, Actor]:
    """A new store with its first functioneel beheerder."""
    now = now or utcnow()
    refuse_team_server(location)
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
        unlock = keys.new_unlock(key, password)
        recovery_text, recovery = keys.new_recovery(key, now)

        def first(found: KeyFile) -> None:
            found.entries = {username: KeyringEntry(unlocks=[unlock])}
            found.recovery = recovery

        try:
            store.keyring.update(first)
        except KnownError:
            store.close()
            raise
        store.new_recovery_key = recovery_text
    with store.sessions.begin() as session:
        user = User(username=username, display_name=display_name, role=Role.BEHEERDER.value,
                    password_hash=crypto.hash_password(password), created_at=now, is_demo=is_demo)
        session.add(user)
        session.flush()
        actor = actor_for(user)
        audit.append(session, actor, now,
                     event=AuditEvent("account-aanmaken", "account", str(user.id)))
        if store.keyring is not None:
            audit.append(session, actor, now,
                         event=AuditEvent("herstelsleutel", "gegevensopslag", None))
    return store, actor


def open_store(
    location: StoreLocation, username: str, password: str, *, now: datetime | None = None
) -> tuple[Store, Actor]:
    """Unlock with this person's own password, migrate if needed, and sign them in."""
    now = now or utcnow()
    refuse_team_server(location)
    key: bytes | None = None
    generation = 1
    keyring: Keyring | None = None
    migrate = tidy = proven = False
    if location.encrypted:
        assert location.path is not None
        if not location.path.exists():
            raise StoreError(f"Er is geen gegevensopslag op {location.path}.")
        if replica_file(location.path).exists():
            raise StoreError(REPLICA)
        keyring = Keyring(keyring_path(location.path))
        found = keyring.read()
        entry = found.entries.get(username)
        if entry is None:
            crypto.burn_time(password)
            raise AuthenticationError(WRONG_LOGIN)
        if entry.damaged is not None:
            # Not a wrong password: no failed attempt is counted, the lock-out stays as it was.
            raise KeyFileDamaged(DAMAGED.format(what=f"de sleutel van account '{username}'"))
        wait = locked_for(entry.locked_until, now)
        if wait:
            raise AccountLockedError(wait)
        candidates = keys.candidate_keys(entry, password)
        if candidates is None:
            keyring.update(lambda current: _count_failure(current, username, now))
            raise AuthenticationError(WRONG_LOGIN)
        key = keys.pick_key(location, candidates)
        generation = found.generation
        # One unlock and no format 1 wrap is the settled state of an entry: a password change
        # adds the new unlock beside the old one and drops the old one once its transaction
        # committed, so a settled entry opens for the current password only. Opening it (an
        # AEAD tag checked under a key derived from the password by Argon2id at OWASP's
        # parameters) proves the password as well as the Argon2 hash in the users table
        # does, so that second derivation is skipped. With two unlocks or a format 1 wrap the
        # users table decides, as before.
        proven = entry.legacy is None and len(entry.unlocks) == 1
        migrate = not proven or any(crypto.outdated(u.private) for u in entry.unlocks)
        tidy = migrate or entry.failed > 0 or entry.locked_until is not None
    store = _open_engine(location, key, now, generation)
    try:
        actor = sign_in(store, username, password, now, proven=proven)
        if keyring is not None and tidy:
            keyring.update(lambda current: _signed_in(current, store, username, password,
                                                      migrate))
    except KnownError:
        store.close()
        raise
    return store, actor


def _count_failure(found: KeyFile, username: str, now: datetime) -> None:
    entry = found.entries.get(username)
    if entry is not None and entry.damaged is None:
        entry.failed += 1
        entry.locked_until = next_lock(entry.failed, now)


def _signed_in(found: KeyFile, store: Store, username: str, password: str,
               migrate: bool) -> None:
    """After a good sign-in: the throttle reset, and a format 1 entry (or one left with two
    unlocks by an interrupted change, or one wrapped with scrypt or weaker parameters than
    today's) replaced by one key pair for this password."""
    entry = found.entries.get(username)
    if entry is None or entry.damaged is not None:
        return
    entry.failed = 0
    entry.locked_until = None
    if migrate and store.key is not None and found.generation == store.key_generation:
        unlock = keys.new_unlock(store.key, password)
        entry.unlocks = [unlock]
        entry.legacy = None


def sign_in(store: StoreHandle, username: str, password: str, now: datetime, *,
            proven: bool = False) -> Actor:
    """Check a person's password against the users table (Argon2id), with the growing delay
    after wrong attempts kept on the account; the team server signs people in with it too.
    ``proven``: the key file's unlock already proved the password (see ``open_store``); the
    account must still exist, be enabled and not be locked."""
    session = store.sessions()
    try:
        return _check_user(session, username, password, now, proven)
    except DBAPIError as error:
        known = translate_db_error(error)
        raise (known or error) from error
    finally:
        session.close()


def _check_user(session: Session, username: str, password: str, now: datetime,
                proven: bool) -> Actor:
    user = session.scalar(select(User).where(User.username == username))
    user = check_password(session, user, password, now, WRONG_LOGIN, proven=proven)
    actor = actor_for(user)
    audit.append(session, actor, now, event=AuditEvent("aanmelden", "account", str(user.id)))
    session.commit()
    return actor


def check_password(session: Session, user: User | None, password: str, now: datetime,
                   wrong: str, *, proven: bool = False) -> User:
    """The account's password, with the growing delay after wrong attempts kept on the
    account (a wrong one is counted and committed before the refusal); a blocked account is
    refused; a right one clears the count. Signing in and unlocking the screen both use it."""
    if user is None:
        crypto.burn_time(password)
        raise AuthenticationError(wrong)
    wait = locked_for(user.locked_until, now)
    if wait:
        raise AccountLockedError(wait)
    if not proven and not crypto.verify_password(user.password_hash, password):
        user.failed_logins += 1
        user.locked_until = next_lock(user.failed_logins, now)
        session.commit()
        raise AuthenticationError(wrong)
    if user.disabled:
        raise AuthenticationError(
            "Dit account is geblokkeerd. Neem contact op met de functioneel beheerder."
        )
    user.failed_logins = 0
    user.locked_until = None
    return user
