"""Which store the app opens and which files belong to it, without the database libraries:
the start-up names the store and paints the login window before SQLAlchemy, SQLCipher or
the key handling are imported (they load while the person types the password)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from db.location import StoreLocation
from intake.core.errors import StoreError

ENV_DB = "INTAKE_DB"
TEAM_SERVER_ONLY = (
    "Deze opdracht werkt op een gegevensopslag, niet via een teamserver (https://…). Gebruik "
    "een bestand, of op de server zelf de postgresql://-verbinding."
)


def keyring_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".keys")


def replica_file(store_path: Path) -> Path:
    """The team file beside a laptop replica (its keys and server address)."""
    return store_path.with_name(store_path.name + ".team")


def is_replica(location: StoreLocation) -> bool:
    return location.path is not None and replica_file(location.path).exists()


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


def refuse_team_server(location: StoreLocation) -> None:
    if location.is_team_server:
        raise StoreError(TEAM_SERVER_ONLY)


def store_exists(location: StoreLocation) -> bool:
    """True when the store holds at least one account (for the first-start dialog). An
    encrypted file is judged by its files alone; only a plain database URL is opened."""
    refuse_team_server(location)
    if location.encrypted:
        assert location.path is not None
        return location.path.exists() and (keyring_path(location.path).exists()
                                           or replica_file(location.path).exists())
    return _has_accounts(location)


def _has_accounts(location: StoreLocation) -> bool:
    from sqlalchemy import func, inspect, select
    from sqlalchemy.exc import DBAPIError

    from db.engine import make_engine
    from db.models import User
    from intake.core.session import translate_db_error

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
