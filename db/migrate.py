"""Self-migrating store: Alembic with its scripts inside the package, no ini file.

Alembic is imported only when a store needs migrating (or for the developer tools): at every
start-up the stored revision is compared with the scripts' own revision lines, read as text,
which costs a file listing instead of a few hundred imported modules.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from db.engine import StoreLocation

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class StoreTooNewError(Exception):
    """The store was migrated by a newer version of the application."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class NotAStoreError(Exception):
    """The file exists but holds tables we did not create."""


class BrokenReferenceError(Exception):
    """After the migration a row refers to one that is not there: nothing was changed."""

    def __init__(self, table: str) -> None:
        super().__init__(table)
        self.table = table


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


_REVISION = re.compile(r"^revision: str = ['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision: [^=]+= ['\"]([^'\"]+)['\"]", re.MULTILINE)


@cache
def _script_revisions() -> tuple[frozenset[str], tuple[str, ...]]:
    """(every revision, the heads) from the scripts' ``revision`` and ``down_revision`` lines."""
    known: set[str] = set()
    parents: set[str] = set()
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = script.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        if found is None:
            continue
        known.add(found.group(1))
        down = _DOWN.search(source)
        if down is not None:
            parents.add(down.group(1))
    return frozenset(known), tuple(sorted(known - parents))


def head_revisions() -> tuple[str, ...]:
    return _script_revisions()[1]


def known_revisions() -> set[str]:
    return set(_script_revisions()[0])


def current_revisions(connection: Connection) -> tuple[str, ...]:
    if "alembic_version" not in inspect(connection).get_table_names():
        return ()
    return tuple(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def needs_upgrade(engine: Engine) -> bool:
    with engine.connect() as connection:
        current = current_revisions(connection)
        unknown = [rev for rev in current if rev not in known_revisions()]
        if unknown:
            raise StoreTooNewError(unknown[0])
        if not current and inspect(connection).get_table_names():
            raise NotAStoreError()
        return set(current) != set(head_revisions())


def backup_sqlite(engine: Engine, location: StoreLocation, now: datetime) -> Path | None:
    """Copy the store file aside before a migration; the copy stays encrypted."""
    if location.path is None or not location.path.exists():
        return None
    raw = engine.raw_connection()  # a checkpoint cannot run inside a transaction
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    target = location.path.with_name(f"{location.path.name}.{now:%Y%m%d-%H%M%S}.bak")
    shutil.copy2(location.path, target)
    return target


def upgrade(engine: Engine, location: StoreLocation, now: datetime) -> Path | None:
    """Bring the store to head in a single transaction, after a backup. Returns the backup."""
    if not needs_upgrade(engine):
        return None
    with engine.connect() as connection:
        is_empty = not current_revisions(connection)
    backup = None if is_empty else backup_sqlite(engine, location, now)
    from alembic import command

    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _foreign_keys(connection, on=False)
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), "heads")
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                _foreign_keys(connection, on=True)
    return backup


def _foreign_keys(connection: Connection, on: bool) -> None:
    """SQLite's batch migrations copy a table and drop the old one. With foreign keys on, that
    drop deletes every row one by one and checks each against every table that refers to it:
    hours on a store of tens of thousands of households. The pragma is ignored inside a
    transaction, so it is set on the driver's connection before the migration's begins."""
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    finally:
        cursor.close()


def _check_foreign_keys(connection: Connection) -> None:
    """What the off switch did not check is checked once at the end, before the commit."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        raise BrokenReferenceError(str(broken[0]))


def stamp_revision_for_tests(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
