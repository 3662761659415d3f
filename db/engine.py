"""Engines and sessions for the three kinds of store.

- an encrypted SQLite file (SQLCipher, raw 256-bit key: no per-connection key derivation),
- a plain SQLite URL (``sqlite:///…``, for development and throwaway copies),
- a PostgreSQL URL (``postgresql://…``): the team store, on the server host only.

``https://…`` names a team server: no engine at all, the laptop talks to it over HTTPS.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from db.location import StoreLocation

__all__ = ["StoreLocation", "make_engine", "make_session_factory"]


def _configure_sqlite(engine: Engine, key: bytes | None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (DDL included),
        # so a migration really is one transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if key is not None:
            # The key must be the first statement on a SQLCipher connection.
            cursor.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a laptop that loses power mid-save must not lose the last committed answer.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 5000")
        # 64 MB of pages kept decrypted (the default is 2 MB): on a large store every page the
        # cache misses is read and decrypted again, and searches and lists revisit the same
        # indexes all day.
        cursor.execute("PRAGMA cache_size = -65536")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE: every unit of work writes at least its audit entry. A deferred reader that
        # upgrades to a writer after another thread committed gets SQLITE_BUSY at once, without
        # waiting; taking the write lock up front makes concurrent actions queue (busy_timeout).
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(location: StoreLocation, key: bytes | None = None) -> Engine:
    if location.encrypted:
        if key is None:
            raise ValueError("an encrypted store needs its key")
        import sqlcipher3

        engine = create_engine(location.url, module=sqlcipher3.dbapi2)
        _configure_sqlite(engine, key)
        return engine
    engine = create_engine(location.url)
    if location.is_sqlite:
        _configure_sqlite(engine, None)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    from db import figure_facts  # the models load with the first session, not with the engine

    factory = sessionmaker(bind=engine, expire_on_commit=False)
    figure_facts.install(factory)
    return factory
