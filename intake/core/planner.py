"""Hints to SQLite's query planner, written so the same clause runs unchanged elsewhere.

SQLite keeps no statistics here (no ANALYZE), so when two indexes fit a lookup equally well on
paper it may take the one that reads thousands of rows. ``+column`` tells it not to drive the
lookup from that column's index; PostgreSQL plans from statistics and gets the plain column.
The clause is compiled per dialect, so one built once (and cached) serves both.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

T = TypeVar("T")


class Unindexed(FunctionElement[T]):
    """The column's value; on SQLite ``+column``, which no index is chosen for."""

    inherit_cache = True

    def __init__(self, column: ColumnElement[T]) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(Unindexed)
def _plain(element: Unindexed[Any], compiler: SQLCompiler, **kw: Any) -> str:
    (column,) = element.clauses
    return compiler.process(column, **kw)


@compiles(Unindexed, "sqlite")
def _unary_plus(element: Unindexed[Any], compiler: SQLCompiler, **kw: Any) -> str:
    (column,) = element.clauses
    return f"+{compiler.process(column, **kw)}"


def unindexed(column: Any) -> ColumnElement[Any]:
    """``column`` for comparisons the planner must not drive from its index."""
    return Unindexed(column)
