"""A laptop replica of a team store: joining, its key, opening it, and deleting it.

The replica is an ordinary SQLCipher store with its own random key. The key is kept twice in
the replica's team file (``….team``, beside the store), each time sealed to a key pair
(``intake.store.keys``): one whose private key is wrapped by the person's password, and one
wrapped by a per-replica secret that only the team server holds and releases after an online
sign-in. A team file of format 1 (XOR wraps) is converted at the next sign-in (the server's
wrap at the next online one). When a beheerder resets the password, the old wrap no longer
opens; the next online sign-in with the new password fetches the secret, unwraps the key and
wraps it again with the new password: replica and unsent changes stay. The team file holds no
personal data of residents.

Two windows may write the team file: each save takes its lock, re-reads it and writes only the
fields this window changed since it read them, atomically.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import Engine, event, select

from db.engine import StoreLocation, make_engine, make_session_factory
from db.migrate import NotAStoreError, StoreTooNewError, upgrade
from db.models import User
from intake.core import audit
from intake.core.clock import utcnow
from intake.core.context import Actor
from intake.core.errors import AccountLockedError, AuditEvent, AuthenticationError, StoreError
from intake.core.files import create_empty, private_folder
from intake.store import Store, crypto, keys
from intake.store.crypto import WrappedKey
from intake.store.keyring import (
    BUSY,
    Unlock,
    locked_for,
    next_lock,
    write_atomically,
    write_failure,
)
from intake.store.location import replica_file
from intake.store.opening import TOO_NEW, WRONG_LOGIN, actor_for
from intake.store.screen_lock import WRONG_PASSWORD
from intake.team import outbox
from intake.team.client import TeamClient
from intake.team.wire import REVOKED, ReplicaRevokedError

FORMAT = 2
MAX_OFFLINE_DAYS = 14
KEEP_DAYS = 7  # how long a household that left the person's set stays on the laptop
TOO_LONG_OFFLINE = ("Deze laptop heeft al meer dan {days} dagen geen verbinding gehad met de "
                    "teamserver. Maak verbinding en meld u online aan om verder te werken.")
REVOKED_GONE = ("De teamserver heeft deze laptopreplica ingetrokken (of uw account is "
                "geblokkeerd). De gegevens en de sleutel zijn van deze laptop verwijderd.")


@dataclass
class TeamFile:
    """What the laptop keeps beside its replica."""

    path: Path
    server: str
    username: str
    user_id: uuid.UUID
    replica_id: uuid.UUID
    contact: str
    password_key: Unlock | WrappedKey
    server_key: Unlock | WrappedKey
    ca: str | None = None
    last_contact: datetime | None = None
    last_sync: datetime | None = None
    max_offline_days: int = MAX_OFFLINE_DAYS
    keep_days: int = KEEP_DAYS
    failed: int = 0
    locked_until: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # The file as this window last read or wrote it: what a save compares against.
    read_as: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> TeamFile:
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise StoreError(f"Er is geen laptopreplica op {path}.") from None
        return cls._from_json(path, data)

    @classmethod
    def _from_json(cls, path: Path, data: dict[str, Any]) -> TeamFile:
        def when(name: str) -> datetime | None:
            value = data.get(name)
            return datetime.fromisoformat(value) if value else None

        return cls(path=path, server=str(data["server"]), username=str(data["username"]),
                   user_id=uuid.UUID(data["user_id"]), replica_id=uuid.UUID(data["replica"]),
                   contact=str(data["contact"]),
                   password_key=keys.unlock_from_json(data["keys"]["password"]),
                   server_key=keys.unlock_from_json(data["keys"]["server"]),
                   ca=data.get("ca"), last_contact=when("last_contact"),
                   last_sync=when("last_sync"),
                   max_offline_days=int(data.get("max_offline_days", MAX_OFFLINE_DAYS)),
                   keep_days=int(data.get("keep_days", KEEP_DAYS)),
                   failed=int(data.get("failed", 0)), locked_until=when("locked_until"),
                   read_as=data)

    def _to_json(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        data = {"format": FORMAT, "server": self.server, "username": self.username,
                "user_id": str(self.user_id), "replica": str(self.replica_id),
                "contact": self.contact, "ca": self.ca,
                "keys": {"password": self.password_key.to_json(),
                         "server": self.server_key.to_json()},
                "last_contact": iso(self.last_contact), "last_sync": iso(self.last_sync),
                "max_offline_days": self.max_offline_days, "keep_days": self.keep_days,
                "failed": self.failed, "locked_until": iso(self.locked_until)}
        same: dict[str, Any] = json.loads(json.dumps(data))  # the shapes read back from disk
        return same

    def save(self) -> None:
        """Under the lock: the file as it is now, with the fields this window changed."""
        mine = self._to_json()
        try:
            with FileLock(str(self.path.with_name(self.path.name + ".lock")), timeout=15,
                          mode=0o600):
                try:
                    on_disk: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
                except FileNotFoundError:
                    on_disk = {}
                merged = {**on_disk, **{name: value for name, value in mine.items()
                                        if name not in on_disk
                                        or value != self.read_as.get(name)}}
                merged["format"] = FORMAT
                write_atomically(self.path, json.dumps(merged, indent=1))
        except Timeout as error:
            raise StoreError(BUSY) from error
        except OSError as error:
            raise write_failure(error) from error
        fresh = TeamFile._from_json(self.path, merged)
        for name in fresh.__dataclass_fields__:
            if name != "extra":
                setattr(self, name, getattr(fresh, name))

    def client(self) -> TeamClient:
        return TeamClient(self.server, self.ca)


def _secure_delete(engine: Engine) -> None:
    """Deleted rows are overwritten in the file: a household that left the laptop is gone."""
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()


def _engine(location: StoreLocation, key: bytes, now: datetime) -> Store:
    engine = make_engine(location, key)
    _secure_delete(engine)
    try:
        upgrade(engine, location, now)
    except StoreTooNewError as error:
        engine.dispose()
        raise StoreError(TOO_NEW) from error
    except NotAStoreError as error:
        engine.dispose()
        raise StoreError("Dit bestand is geen gegevensopslag van deze applicatie.") from error
    except Exception:
        engine.dispose()
        raise
    sessions = make_session_factory(engine)
    outbox.install(sessions)
    return Store(location, engine, sessions, key, None, None, replica=True)


def _file_location(location: StoreLocation) -> Path:
    if not location.encrypted or location.path is None:
        raise StoreError("Een laptopreplica is altijd een versleuteld bestand: geef --db PAD.")
    return location.path


def join(location: StoreLocation, server: str, username: str, password: str,
         ca: str | None = None, now: datetime | None = None) -> tuple[Store, Actor, TeamFile]:
    """Sign in on the team server, register this laptop, and make the empty replica. The first
    sync (``intake.team.sync.synchronise``) fills it."""
    now = now or utcnow()
    path = _file_location(location)
    if path.exists() or replica_file(path).exists():
        raise StoreError(f"Er bestaat al een gegevensopslag op {path}.")
    private_folder(path.parent)
    with TeamClient(server, ca) as client:
        client.sign_in(username, password)
        answer = client.call("/sync/join", {})
    key = crypto.new_store_key()
    secret = str(answer["geheim"])
    team = TeamFile(path=replica_file(path), server=server, username=username,
                    user_id=uuid.UUID(answer["gebruiker"]["id"]),
                    replica_id=uuid.UUID(answer["replica"]), contact=str(answer["contact"]),
                    password_key=keys.new_unlock(key, password),
                    server_key=keys.new_unlock(key, secret), ca=str(ca) if ca else None,
                    last_contact=now)
    create_empty(path)  # owner-only before SQLite writes to it
    store = _engine(location, key, now)
    team.save()
    actor = Actor(id=team.user_id, username=username,
                  display_name=str(answer["gebruiker"]["display_name"]),
                  role=actor_role(answer["gebruiker"]["role"]),
                  vindplaats_code=answer["gebruiker"].get("vindplaats_code"))
    return store, actor, team


def actor_role(value: str) -> Any:
    from intake.core.roles import Role

    return Role(value)


def check_contact(team: TeamFile, client: TeamClient) -> None:
    """Ask the server whether this replica may still exist; delete it when it may not."""
    answer = client.call("/sync/contact", {"replica": str(team.replica_id),
                                           "contact": team.contact})
    if answer.get(REVOKED):
        delete_replica(team.path.with_name(team.path.name.removesuffix(".team")))
        raise ReplicaRevokedError(REVOKED_GONE)


def _online_key(team: TeamFile, password: str, now: datetime) -> bytes | None:
    """Sign in online; with the server's secret, unwrap the key and wrap it with this password
    (after a password reset). None: the server is not reachable."""
    try:
        with team.client() as client:
            check_contact(team, client)
            client.sign_in(team.username, password)
            secret = str(client.call("/sync/secret", {"replica": str(team.replica_id)})[
                "geheim"])
    except StoreError:
        return None
    key = keys.open_unlock(team.server_key, secret)
    if key is None:
        raise StoreError("De sleutel van deze replica past niet bij de teamserver.")
    team.password_key = keys.new_unlock(key, password)
    if isinstance(team.server_key, WrappedKey):  # format 1: converted now the secret is here
        team.server_key = keys.new_unlock(key, secret)
    team.last_contact = now
    team.failed = 0
    team.locked_until = None
    team.save()
    return key


def open_replica(location: StoreLocation, username: str, password: str, *,
                 now: datetime | None = None, online: bool = True) -> tuple[Store, Actor]:
    """Unlock with the person's password; online when the password no longer fits (reset by
    the beheerder) or when the laptop has been offline too long."""
    now = now or utcnow()
    path = _file_location(location)
    team = TeamFile.load(replica_file(path))
    if username != team.username:
        crypto.burn_time(password, crypto.SCRYPT)
        raise AuthenticationError(WRONG_LOGIN)
    wait = locked_for(team.locked_until, now)
    if wait:
        raise AccountLockedError(wait)
    key = keys.open_unlock(team.password_key, password)
    too_old = team.last_contact is None or \
        now - team.last_contact > timedelta(days=team.max_offline_days)
    if key is None or too_old:
        online_key = _online_key(team, password, now) if online else None
        if online_key is None and key is None:
            team.failed += 1
            team.locked_until = next_lock(team.failed, now)
            team.save()
            raise AuthenticationError(WRONG_LOGIN)
        if online_key is None:
            raise StoreError(TOO_LONG_OFFLINE.format(days=team.max_offline_days))
        key = online_key
    elif team.failed or isinstance(team.password_key, WrappedKey):
        team.failed = 0
        team.locked_until = None
        if isinstance(team.password_key, WrappedKey):  # format 1: a key pair from now on
            team.password_key = keys.new_unlock(key, password)
        team.save()
    store = _engine(location, key, now)
    with store.sessions() as session:
        user = session.scalar(select(User).where(User.username == username))
    if user is None:
        store.close()
        raise StoreError("Deze replica is nog niet gevuld: synchroniseer eerst "
                         "('intake team sync').")
    return store, actor_for(user)


def delete_replica(path: Path) -> None:
    """The replica, its journal files, its backups and its key: nothing of it stays."""
    for candidate in [path, path.with_name(path.name + "-wal"),
                      path.with_name(path.name + "-shm"), replica_file(path),
                      path.with_name(replica_file(path).name + ".lock"),
                      *path.parent.glob(path.name + ".*.bak")]:
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def team_file(location: StoreLocation) -> TeamFile:
    return TeamFile.load(replica_file(_file_location(location)))



def confirm_replica_password(store: Store, actor: Actor, password: str,
                             now: datetime | None = None) -> None:
    """A locked window on a laptop opens again with the password that unlocks the replica's
    key (the users table of a replica holds no password); wrong attempts count as at sign-in."""
    now = now or utcnow()
    team = team_file(store.location)
    wait = locked_for(team.locked_until, now)
    if wait:
        raise AccountLockedError(wait)
    if actor.username != team.username or keys.open_unlock(team.password_key, password) is None:
        team.failed += 1
        team.locked_until = next_lock(team.failed, now)
        team.save()
        raise AuthenticationError(WRONG_PASSWORD)
    if team.failed:
        team.failed = 0
        team.locked_until = None
        team.save()
    with store.sessions.begin() as session:
        audit.append(session, actor, now,
                     event=AuditEvent("ontgrendelen", "account", str(actor.id)))
