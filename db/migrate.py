"""Self-migrating store: Alembic with its scripts inside the package, no ini file."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from db.engine import StoreLocation

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class StoreTooNewError(Exception):
    """The store was migrated by a newer version of the application."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class NotAStoreError(Exception):
    """The file exists but holds tables we did not create."""


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revisions() -> tuple[str, ...]:
    return tuple(ScriptDirectory.from_config(alembic_config()).get_heads())


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revisions(connection: Connection) -> tuple[str, ...]:
    return tuple(MigrationContext.configure(connection).get_current_heads())


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
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "heads")
    return backup


def stamp_revision_for_tests(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
