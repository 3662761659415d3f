"""Date arithmetic in SQL, spelled per backend: the figures and their fact rows count days
in the database so that rows can be grouped by them."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class DaysBetween(FunctionElement[int]):
    """Whole days from the second date to the first."""

    type = Integer()
    inherit_cache = True


@compiles(DaysBetween)
def _days_between(element: DaysBetween, compiler: SQLCompiler, **kw: Any) -> str:
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({later} - {earlier})"  # PostgreSQL: date minus date is a number of days


@compiles(DaysBetween, "sqlite")
def _days_between_sqlite(element: DaysBetween, compiler: SQLCompiler, **kw: Any) -> str:
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


def days_between(later: Any, earlier: Any) -> DaysBetween:
    return DaysBetween(later, earlier)


class DayOf(FunctionElement[date]):
    """The calendar day of a timestamp as stored (no time zone), as Python's .date() has it."""

    type = Date()
    inherit_cache = True


@compiles(DayOf)
def _day_of(element: DayOf, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


@compiles(DayOf, "sqlite")
def _day_of_sqlite(element: DayOf, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)})"
