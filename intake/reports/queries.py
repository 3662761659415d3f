"""The aggregate SQL behind the figures: one GROUP BY query per figure and period.

Nothing here loads case rows: each query returns one row per group, so the cost does not
grow with what Python holds.
Only portable SQL: COUNT, SUM(CASE), MIN, GROUP BY, HAVING, correlated EXISTS.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from db.figure_facts import PLAN_KIND
from db.models import (
    Evaluation,
    EvaluationOutcome,
    FigureAction,
    FigurePlan,
    FigureQuestion,
    HelpQuestion,
    Intake,
)
from intake.reports.model import PeriodCounts
from intake.reports.period import Period

TOTAL = "aantal"
Cells = dict[tuple[str, str], float]


def _in(period: Period):  # type: ignore[no-untyped-def]
    return HelpQuestion.registered_on.between(period.start, period.end)


def first_in(previous: Any, period: Period) -> ColumnElement[bool]:
    """A fact row of the period is its lineage's first there when the lineage's previous
    agreement (with the same level) lies before the period, or there is none."""
    return or_(previous.is_(None), previous < period.start)


def per_code(session: Session, codes: tuple[Any, ...], day: Any, previous: Any,
             period: Period, within: tuple[Any, Any] | None = None) -> dict[tuple[str, ...], int]:
    """How many rows have their `day` in the period and are their lineage's first there
    (`first_in` on `previous`), per value of the one or two `codes` columns: columns that
    lead an index (after the `within` column, fixed to a value) followed by `day` and
    `previous`. The few values are found one index seek each (the next value above the last)
    and each is counted over its own range of days: no GROUP BY, which sorted every row of
    the period to count a handful of codes; rows without a code are not counted. The
    statement is built once per shape."""
    statement = _per_code_statement(codes, day, previous,
                                    within[0] if within is not None else None)
    rows = session.execute(statement, {"start": period.start, "end": period.end,
                                       "within": within[1] if within is not None else None})
    return {tuple(row[:-1]): row[-1] for row in rows if row[-1]}


@cache
def _per_code_statement(codes: tuple[Any, ...], day: Any, previous: Any,
                        within: Any) -> Select[Any]:
    first, *second = codes
    table = first.table
    fixed = within.name if within is not None else None
    start, end = bindparam("start", type_=Date()), bindparam("end", type_=Date())

    def lowest(column: Any, *conditions: Callable[[Any], Any]) -> Any:
        """The lowest value of `column` among the rows fixed by `within` and `conditions`
        (functions of the table's columns), over an alias of its own: these subqueries nest
        and each must read its own rows. The first in index order rather than MIN, which
        PostgreSQL lacks for a UUID; either way one index seek."""
        own = table.alias()
        value = own.c[column.name]
        return (select(value)
                .where(*([own.c[fixed] == bindparam("within")] if fixed else []),
                       value.is_not(None), *(condition(own.c) for condition in conditions))
                .order_by(value).limit(1)
                .correlate_except(own).scalar_subquery())

    if not second:
        found = select(lowest(first).label("a")).cte("codes", recursive=True)
        found = found.union_all(
            select(lowest(first, lambda c: c[first.name] > found.c.a))
            .where(found.c.a.is_not(None)))
        keys: tuple[Any, ...] = (found.c.a,)
    else:
        other = second[0]
        found = select(lowest(first).label("a"),
                       lowest(other, lambda c: c[first.name] == lowest(first)).label("b")
                       ).cte("codes", recursive=True)
        same = lowest(other, lambda c: c[first.name] == found.c.a,
                      lambda c: c[other.name] > found.c.b)
        following = lowest(first, lambda c: c[first.name] > found.c.a)
        found = found.union_all(
            select(case((same.is_not(None), found.c.a), else_=following),
                   func.coalesce(same, lowest(other, lambda c: c[first.name] == following)))
            .where(found.c.a.is_not(None)))
        keys = (found.c.a, found.c.b)
    count = select(func.count()).select_from(table).where(
        *([within == bindparam("within")] if within is not None else []),
        *(column == key for column, key in zip(codes, keys, strict=True)),
        day.between(start, end), or_(previous.is_(None), previous < start))
    return select(*keys, count.scalar_subquery()).where(keys[0].is_not(None))


# A help question's codes, in the order `help_question_codes` keys its counts by.
TYPE, VINDPLAATS, CHANNEL, OUTCOME = range(4)
Codes = dict[tuple[str, str, str, str], int]


def help_question_codes(session: Session, period: Period) -> Codes:
    """The period's help questions per (type, vindplaats, channel, outcome): one read of the
    period's index range, shared by every figure of help questions by code."""
    rows = session.execute(
        select(HelpQuestion.type_code, HelpQuestion.vindplaats_code, HelpQuestion.channel_code,
               HelpQuestion.outcome_code, func.count())
        .where(_in(period))
        .group_by(HelpQuestion.type_code, HelpQuestion.vindplaats_code,
                  HelpQuestion.channel_code, HelpQuestion.outcome_code))
    return {(kind, place, channel, outcome): n for kind, place, channel, outcome, n in rows}


def help_questions_by(codes: Codes, period: Period, rows: int,
                      columns: int | None = None) -> PeriodCounts:
    """The help questions of `help_question_codes` by one code (rows; one count column) or a
    cross table of two."""
    cells: Cells = {}
    for key, n in codes.items():
        cell = (key[rows], key[columns] if columns is not None else TOTAL)
        cells[cell] = cells.get(cell, 0) + n
    return PeriodCounts(period, sum(codes.values()), cells)


def households_with_several(session: Session, period: Period) -> PeriodCounts:
    """Households with a help question in the period; of them, those with more than one
    question and those whose questions fall under more than one law (in the period): each
    household counted on one question of the period (see `FigureQuestion`)."""
    fact = FigureQuestion
    start = period.start

    def before(day: Any) -> ColumnElement[bool]:
        return or_(day.is_(None), day < start)

    def count(condition: ColumnElement[bool]) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    total, several, laws = session.execute(
        select(count(before(fact.previous_on)),
               count(and_(fact.previous_on >= start, before(fact.second_previous_on))),
               count(and_(fact.other_law_on >= start, before(fact.other_law_before_on))))
        .where(fact.registered_on.between(period.start, period.end))).one()
    cells: Cells = {("meer_hulpvragen", TOTAL): several, ("meer_wetten", TOTAL): laws}
    return PeriodCounts(period, int(total), cells)


def support_level_mix(session: Session, period: Period) -> PeriodCounts:
    """Actions of plan versions agreed in the period; an action copied into a later version
    agreed in the same period counts once (its lineage)."""
    fact = FigureAction
    counts = per_code(session, (fact.support_level,), fact.agreed_on,
                      fact.support_previous_on, period)
    cells: Cells = {(level, TOTAL): n for (level,), n in counts.items()}
    return PeriodCounts(period, int(sum(cells.values())), cells)


def results_at_evaluation(session: Session, period: Period) -> PeriodCounts:
    rows = session.execute(
        select(EvaluationOutcome.outcome, func.count())
        .join(Evaluation, Evaluation.id == EvaluationOutcome.evaluation_id)
        .where(Evaluation.evaluated_on.between(period.start, period.end))
        .group_by(EvaluationOutcome.outcome))
    cells: Cells = {(outcome, TOTAL): n for outcome, n in rows}
    return PeriodCounts(period, int(sum(cells.values())), cells)


SATISFACTION_GROUPS = (("tevreden", 4, 5), ("neutraal", 3, 3), ("ontevreden", 1, 2))


def satisfaction(session: Session, period: Period) -> PeriodCounts:
    rows = session.execute(
        select(Evaluation.satisfaction, func.count())
        .where(Evaluation.evaluated_on.between(period.start, period.end),
               Evaluation.satisfaction.is_not(None))
        .group_by(Evaluation.satisfaction))
    cells: Cells = {}
    for score, n in rows:
        for group, low, high in SATISFACTION_GROUPS:
            if score is not None and low <= score <= high:
                cells[(group, TOTAL)] = cells.get((group, TOTAL), 0) + n
    return PeriodCounts(period, int(sum(cells.values())), cells)


def intakes_started_finished(session: Session, period: Period) -> PeriodCounts:
    """Intakes started in the period and intakes finished in it; N counts each intake once:
    started + finished - both. Each count reads its own range of one index, so an intake
    started before the period is never visited unless it finished in it."""
    start, end = period.moments()
    started_in = and_(Intake.started_at >= start, Intake.started_at < end)
    finished_in = and_(Intake.finished_at >= start, Intake.finished_at < end)

    def count(*conditions: ColumnElement[bool]) -> Any:
        return select(func.count()).select_from(Intake).where(*conditions).scalar_subquery()

    started, finished, both = session.execute(select(
        count(started_in), count(finished_in), count(finished_in, started_in))).one()
    cells: Cells = {("gestart", TOTAL): started, ("afgerond", TOTAL): finished}
    return PeriodCounts(period, int(started + finished - both), cells)


def days_to_agreed_plan(session: Session, period: Period) -> PeriodCounts:
    """Median days from a household's first registration to its first agreed plan, over the
    households whose first agreement falls in the period.

    'First registration' belongs to the same episode: the earliest help question in the year
    up to the agreement (or the household's registration in that year, without one). A
    question from years before, long dealt with, does not count; a household with neither in
    that year is left out. The days are a fact of the household's plan
    (`FigurePlan.days_to_plan`), so a household counts the same in every period.
    """
    fact = FigurePlan
    rows = session.execute(
        select(fact.days_to_plan, func.count())
        .where(fact.kind == PLAN_KIND, fact.first_agreed_on.between(period.start, period.end),
               fact.days_to_plan.is_not(None))
        .group_by(fact.days_to_plan))
    days = sorted(day for value, n in rows if value is not None for day in [value] * n)
    cells: Cells = {("mediaan_dagen", TOTAL): statistics.median(days)} if days else {}
    return PeriodCounts(period, len(days), cells)
