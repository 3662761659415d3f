"""Alembic environment: always called with a live connection from db.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import db.models
from db.models import Base

target_metadata = Base.metadata
assert db.models  # every model module is imported through the package


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        # `alembic check` from the command line: a throwaway in-memory database.
        url = context.config.get_main_option("sqlalchemy.url") or "sqlite://"
        engine = create_engine(url)
        with engine.connect() as conn:
            context.configure(connection=conn, target_metadata=target_metadata,
                              render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite ALTER limits; harmless elsewhere
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
