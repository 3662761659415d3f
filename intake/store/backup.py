"""Backup and restore of an encrypted standalone store, as one owner-only file.

A plain copy of the store file made while the app runs misses what still sits in the
write-ahead log. The backup uses SQLite's online backup instead: one read transaction copies a
consistent snapshot page by page (still encrypted with the store key, which never leaves the
process) while others keep writing. The key file travels inside the same file as opaque bytes,
so the backup opens with the passwords (and keys) that were valid when it was made.

File layout: ``MAGIC``, a 4-byte header length, a JSON header, the key file, the database,
and a SHA-256 of everything before it (a damaged or cut-off copy is refused before use).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select, text

from db.engine import StoreLocation
from db.models import Household
from intake.core import audit
from intake.core.access import require_role
from intake.core.clock import utcnow
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import AuditEvent, StoreError, ValidationError
from intake.core.files import private_folder, tighten
from intake.core.roles import Role
from intake.store.handle import Store
from intake.store.location import keyring_path, replica_file, store_files
from intake.store.opening import open_store

MAGIC = b"INTAKE-RESERVEKOPIE\n"
FORMAT = 1
CHUNK = 1 << 20
ADMIN_ONLY = frozenset({Role.BEHEERDER})
DAMAGED = ("Dit bestand is geen reservekopie van deze applicatie, of het is beschadigd of "
           "onvolledig.")
STANDALONE_ONLY = ("Een reservekopie maakt u van een eigen, versleutelde gegevensopslag. Een "
                   "teamopslag wordt op de server bewaard (pg_dump); een laptopreplica haalt "
                   "u opnieuw op van de teamserver.")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size: int
    households: int
    made_at: datetime


@dataclass(frozen=True)
class RestoreReport:
    path: Path
    households: int
    audit_entries: int
    made_at: datetime
    moved_aside: Path | None


def _file_store(uow: UnitOfWork) -> Store:
    store = uow.store
    if not isinstance(store, Store) or not store.location.encrypted or store.replica \
            or store.location.path is None or store.key is None:
        raise StoreError(STANDALONE_ONLY)
    return store


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _snapshot(store: Store, target: Path, progress: Progress | None) -> None:
    """Online backup into ``target`` (same key), one consistent snapshot."""
    import sqlcipher3

    assert store.location.path is not None and store.key is not None
    source = sqlcipher3.connect(str(store.location.path))
    copy = sqlcipher3.connect(str(target))
    try:
        for connection in (source, copy):
            connection.execute(_key_pragma(store.key))
        source.execute("PRAGMA busy_timeout = 5000")
        # All pages in one step: one read transaction, so the copy is the state at one commit
        # and is never restarted by writers (WAL readers do not block them).
        source.backup(copy, pages=-1,
                      progress=(lambda _status, left, total: progress(total - left, total))
                      if progress else None)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        copy.close()
        source.close()


def _header(made_at: datetime, made_by: str, households: int, keys: int, database: int) -> bytes:
    return json.dumps({"format": FORMAT, "gemaakt_op": made_at.isoformat(), "door": made_by,
                       "huishoudens": households, "sleutelbestand": keys,
                       "gegevensopslag": database}).encode("utf-8")


def _copy(source: IO[bytes], target: IO[bytes], size: int, digest: Any) -> None:
    left = size
    while left:
        chunk = source.read(min(CHUNK, left))
        if not chunk:
            raise StoreError(DAMAGED)
        digest.update(chunk)
        target.write(chunk)
        left -= len(chunk)


def make_backup(uow: UnitOfWork, out: Path, progress: Progress | None = None) -> BackupReport:
    """A consistent encrypted copy of the open store and its key file, in one file at ``out``
    (owner-only, written atomically). Runs while others keep working."""
    require_role(uow, ADMIN_ONLY, "reservekopie", "gegevensopslag",
                 "Alleen een functioneel beheerder maakt een reservekopie.")
    store = _file_store(uow)
    assert store.location.path is not None
    if out.resolve() in {path.resolve() for path in store_files(store.location.path)}:
        raise ValidationError({"out": "Kies een ander bestand dan de gegevensopslag zelf."})
    private_folder(out.parent)
    keys = keyring_path(store.location.path).read_bytes()
    with tempfile.TemporaryDirectory(prefix=".reservekopie-", dir=out.parent) as work:
        snapshot = Path(work) / "opslag.db"
        _snapshot(store, snapshot, progress)
        households = _count_households(snapshot, store.key)
        size = snapshot.stat().st_size
        header = _header(uow.now, uow.actor.username, households, len(keys), size)
        partial = Path(work) / "reservekopie"
        digest = hashlib.sha256()
        with os.fdopen(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600), "wb") \
                as handle, snapshot.open("rb") as data:
            for part in (MAGIC, struct.pack(">I", len(header)), header, keys):
                digest.update(part)
                handle.write(part)
            _copy(data, handle, size, digest)
            handle.write(digest.digest())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, out)
    audit.record(uow, "reservekopie", "gegevensopslag",
                 detail=f"{households} huishoudens, {out.stat().st_size // 1024} kB")
    return BackupReport(out, out.stat().st_size, households, uow.now)


def _count_households(path: Path, key: bytes | None) -> int:
    import sqlcipher3

    assert key is not None
    connection = sqlcipher3.connect(str(path))
    try:
        connection.execute(_key_pragma(key))
        return int(connection.execute("SELECT count(*) FROM households").fetchone()[0])
    finally:
        connection.close()


@dataclass(frozen=True)
class _Unpacked:
    made_at: datetime
    households: int


def _unpack(backup: Path, database: Path, keys: Path) -> _Unpacked:
    """Check the whole file's hash while writing its two parts; refuse anything damaged."""
    try:
        total = backup.stat().st_size
        with backup.open("rb") as handle:
            digest = hashlib.sha256()
            magic = handle.read(len(MAGIC))
            length_bytes = handle.read(4)
            if magic != MAGIC or len(length_bytes) != 4:
                raise StoreError(DAMAGED)
            (length,) = struct.unpack(">I", length_bytes)
            if length > 10_000:
                raise StoreError(DAMAGED)
            header_bytes = handle.read(length)
            header = json.loads(header_bytes.decode("utf-8"))
            if int(header["format"]) != FORMAT:
                raise StoreError(DAMAGED)
            key_size, db_size = int(header["sleutelbestand"]), int(header["gegevensopslag"])
            if len(MAGIC) + 4 + length + key_size + db_size + 32 != total:
                raise StoreError(DAMAGED)
            for part in (magic, length_bytes, header_bytes):
                digest.update(part)
            for target, size in ((keys, key_size), (database, db_size)):
                with os.fdopen(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600),
                               "wb") as out:
                    _copy(handle, out, size, digest)
                    out.flush()
                    os.fsync(out.fileno())
            if handle.read(32) != digest.digest():
                raise StoreError(DAMAGED)
            return _Unpacked(datetime.fromisoformat(header["gemaakt_op"]),
                             int(header["huishoudens"]))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, struct.error) as error:
        raise StoreError(DAMAGED) from error
    except FileNotFoundError as error:
        raise StoreError(f"De reservekopie {backup} bestaat niet.") from error


def _existing(path: Path) -> list[Path]:
    return [p for p in (*store_files(path), replica_file(path)) if p.exists()]


def _move_aside(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.voor-terugzetten-{stamp}")
    for file in _existing(path):
        file.replace(aside.with_name(aside.name + file.name.removeprefix(path.name)))
    return aside


@contextmanager
def _staging(target: Path) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=f".{target.name}-terugzetten-", dir=target.parent))
    try:
        yield folder / target.name
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def restore_backup(backup: Path, target: StoreLocation, username: str, password: str,
                   *, replace: bool = False, now: datetime | None = None) -> RestoreReport:
    """Put a backup back as the store at ``target``: unpacked beside it, opened with a
    beheerder's password valid at the time of the backup, checked (SQLCipher integrity and
    the audit chain), the restore recorded in its audit trail, and only then moved into
    place. An existing store is refused unless ``replace``; it is then moved aside, not
    deleted. Close the app on that store first."""
    now = now or utcnow()
    if not target.encrypted or target.path is None:
        raise StoreError(STANDALONE_ONLY)
    path = target.path
    if _existing(path) and not replace:
        raise StoreError(f"Er staat al een gegevensopslag op {path}. Kies een andere plek, of "
                         "vervang hem (de huidige wordt dan opzij gezet, niet verwijderd).")
    private_folder(path.parent)
    with _staging(path) as staged:
        unpacked = _unpack(backup, staged, keyring_path(staged))
        location = StoreLocation.parse(str(staged))
        store, actor = open_store(location, username, password, now=now)
        try:
            if actor.role is not Role.BEHEERDER:
                raise StoreError("Alleen een functioneel beheerder zet een reservekopie terug.")
            audit_entries = _check(store, unpacked, now, actor)
        finally:
            store.close()
        moved = _move_aside(path, now) if _existing(path) else None
        for file in _existing(staged):
            tighten(file)
            file.replace(path.with_name(path.name + file.name.removeprefix(staged.name)))
    return RestoreReport(path, unpacked.households, audit_entries, unpacked.made_at, moved)


def _check(store: Store, unpacked: _Unpacked, now: datetime, actor: Actor) -> int:
    with store.sessions() as session, session.begin():
        problems = [row[0] for row in session.execute(text("PRAGMA cipher_integrity_check"))]
        problems += [row[0] for row in session.execute(text("PRAGMA integrity_check"))
                     if row[0] != "ok"]
        if problems:
            raise StoreError("De reservekopie is beschadigd (de controle van de gegevensopslag "
                             "vond fouten); er is niets teruggezet.")
        report = audit.walk_chain(session)
        if report.broken_at is not None:
            raise StoreError(f"De audittrail in de reservekopie is gebroken bij regel "
                             f"{report.broken_at}; er is niets teruggezet.")
        households = session.scalar(select(func.count()).select_from(Household)) or 0
        audit.append(session, actor, now, event=AuditEvent(
            "terugzetten", "gegevensopslag",
            detail=f"reservekopie van {unpacked.made_at.isoformat(timespec='seconds')}, "
                   f"{households} huishoudens, {report.entries} auditregels"))
        return report.entries + 1
