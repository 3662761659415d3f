"""Bulk loading: many rows into a table at the driver's pace, indexes built once afterwards.

For the demo's hundreds of thousands of households. A Core ``insert(table)`` executed with a
list of dicts spends most of its time per row inside SQLAlchemy (building the parameters and
converting every value); here the statement and each column's conversion are looked up once
per batch and the driver gets plain tuples, stored exactly as the Core insert would store
them. Python-side scalar defaults of columns a row leaves out are filled in the same way.

A secondary index that is kept up to date while rows with random keys stream in costs a
random page write per row once it outgrows the page cache; building it afterwards from the
finished table is one sort. ``indexes_built_after`` drops a table's own indexes (those with
a ``CREATE INDEX`` statement; the ones behind PRIMARY KEY and UNIQUE stay) and recreates them,
same names, same statements, in the same transaction. Both only change how SQLite is used; on
PostgreSQL they fall back to the plain Core insert and leave the indexes alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Column, Connection, Dialect, Table, insert

_Convert = Callable[[Any], Any] | None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def insert_rows(connection: Connection, target: Table | type[Any],
                rows: Sequence[dict[str, Any]]) -> None:
    """INSERT every row (dicts with the same keys) into a table or a model's table, in one
    executemany."""
    if not rows:
        return
    table = target if isinstance(target, Table) else cast(Table, target.__table__)
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), list(rows))
        return
    insert_prepared(connection, prepare_rows(connection.dialect, table, rows))


Prepared = tuple[str, list[tuple[Any, ...]]]


def insert_prepared(connection: Connection, prepared: Prepared) -> None:
    """Execute what ``prepare_rows`` made (SQLite): the statement with its plain tuples."""
    sql, values = prepared
    if values:
        connection.exec_driver_sql(sql, values)


def prepare_rows(dialect: Dialect, target: Table | type[Any],
                 rows: Sequence[dict[str, Any]]) -> Prepared:
    """The INSERT statement and the driver's tuples for these rows (SQLite): the conversion
    half of ``insert_rows``, which a process without the connection can do."""
    table = target if isinstance(target, Table) else cast(Table, target.__table__)
    if not rows:
        return "", []
    keys = rows[0].keys()
    given = list(keys)
    defaults: list[tuple[str, Any]] = []
    for column in table.columns:
        if column.key in rows[0] or column.default is None:
            continue
        if not column.default.is_scalar:
            raise ValueError(f"{table.name}.{column.key}: rows must give this column")
        defaults.append((column.key, column.default.arg))  # type: ignore[attr-defined]
    columns: list[Column[Any]] = [table.columns[key] for key in given] + \
        [table.columns[key] for key, _value in defaults]
    converters: list[_Convert] = [
        column.type.dialect_impl(dialect).bind_processor(dialect) for column in columns]
    fixed = [value for _key, value in defaults]
    sql = (f"INSERT INTO {_quoted(table.name)} ({', '.join(_quoted(c.name) for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    fixed_converted = [convert(value) if convert else value
                       for value, convert in zip(fixed, converters[len(given):], strict=True)]
    if any(row.keys() != keys for row in rows):
        raise ValueError(f"{table.name}: every row of one batch gives the same columns")
    # The values are picked in C; only the columns with a conversion (ids, dates) cost a call.
    pick = itemgetter(*given)
    convert_at = [(at, convert) for at, convert in enumerate(converters[:len(given)])
                  if convert is not None]

    def values(row: dict[str, Any]) -> tuple[Any, ...]:
        picked = pick(row)
        found = list(picked) if len(given) > 1 else [picked]
        for at, convert in convert_at:
            found[at] = convert(found[at])
        found.extend(fixed_converted)
        return tuple(found)

    return sql, [values(row) for row in rows]


def _own_indexes(connection: Connection, tables: Iterable[str]) -> list[tuple[str, str, str]]:
    names = sorted(set(tables))
    if not names:
        return []
    marks = ", ".join("?" for _ in names)
    found = connection.exec_driver_sql(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name", tuple(names))
    return [(str(name), str(table), str(sql)) for name, table, sql in found]


class DroppedIndexes:
    """The indexes ``indexes_built_after`` dropped and has not created again yet."""

    def __init__(self, connection: Connection, indexes: list[tuple[str, str, str]]) -> None:
        self._connection = connection
        self._waiting = indexes

    def build(self, tables: Iterable[str] | None = None) -> None:
        """Create the indexes of these tables (all when None) now: their rows are in."""
        wanted = None if tables is None else set(tables)
        now = [index for index in self._waiting if wanted is None or index[1] in wanted]
        self._waiting = [index for index in self._waiting if index not in now]
        for _name, _table, sql in now:
            self._connection.exec_driver_sql(sql)


@contextmanager
def indexes_built_after(connection: Connection,
                        tables: Iterable[str]) -> Iterator[DroppedIndexes]:
    """Inside the block these tables have only their key indexes (SQLite); the others are
    created again when it ends, or earlier for the tables the block hands to ``build``. On an
    exception the transaction's rollback restores them."""
    if connection.dialect.name != "sqlite":
        yield DroppedIndexes(connection, [])
        return
    indexes = _own_indexes(connection, tables)
    for name, _table, _sql in indexes:
        connection.exec_driver_sql(f"DROP INDEX {_quoted(name)}")
    dropped = DroppedIndexes(connection, indexes)
    yield dropped
    dropped.build()
