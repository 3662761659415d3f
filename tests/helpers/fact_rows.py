"""Reading a figure fact table, and filling it again the two other ways (a rebuild of every
fact, the migration's frozen SQL), so a test can compare what the unit of work kept."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text

from db import figure_facts
from tests.conftest import Team

Rows = set[tuple[Any, ...]]


def fact_rows(team: Team, model: Any, columns: tuple[str, ...]) -> Rows:
    with team.store.sessions() as session:
        return {tuple(row) for row in session.execute(select(
            *(getattr(model, c) for c in columns)))}


def refilled(team: Team, model: Any, columns: tuple[str, ...], how: str,
             *fill_sql: str | dict[str, str]) -> Rows:
    """The rows again, by ``how``: "rebuild" (every fact) or "migration" (the ``fill_sql``
    statements in turn; a dict holds one per backend)."""
    with team.store.sessions() as session, session.begin():
        if how == "rebuild":
            figure_facts.rebuild_all(session.connection())
        else:
            session.execute(text(f"DELETE FROM {model.__tablename__}"))
            dialect = session.get_bind().dialect.name
            for sql in fill_sql:
                session.execute(text(sql[dialect] if isinstance(sql, dict) else sql))
    return fact_rows(team, model, columns)
