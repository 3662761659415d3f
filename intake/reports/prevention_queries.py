"""The SQL behind the prevention figures: target groups, prevention levels and the
organisations of the sociale kaart.

A target group counts for a help question, plan or action when the household held it (on
itself or on any member) on that item's day: the contact date, the day the plan was agreed.
Which groups a household held on a day depends on per-item dates, so the items of the period
are counted in SQL per (household, day, column) and matched in Python against the period's
tags and the dates of birth that fall in a derived group's window. Each set of rows is read
once per period and shared by the figures that need it.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    cast,
    distinct,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from db.models import (
    Evaluation,
    EvaluationOutcome,
    FigureAction,
    FigureVersion,
    HelpQuestion,
    Member,
    PlanAction,
    SocialService,
    TargetGroupTag,
)
from intake.core.ids import raw_text
from intake.register.target_groups import age_on, target_groups
from intake.reports.model import PeriodCounts
from intake.reports.period import Period
from intake.reports.queries import TOTAL, Cells, first_in

Item = tuple[Any, date, str, int]  # (household key, day, column, number of items)


def _total() -> ColumnElement[str]:
    """The one column of a figure without columns, typed so every backend accepts it."""
    return cast(literal(TOTAL), String(20))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass
class PreventionPeriod:
    """The rows of one period, read once each and only when a figure asks for them."""

    session: Session
    period: Period
    _groups: dict[tuple[Any, date], frozenset[str]] = field(default_factory=dict)

    @property
    def _connection(self) -> Connection:
        # Core, not the ORM: these rows are plain values, and the ORM's per-row work was a
        # third of the figures' time.
        return self.session.connection()

    # Target groups.
    @cached_property
    def tags(self) -> dict[Any, list[tuple[str, date, date | None]]]:
        """Per household, the typed groups that held on some day of the period."""
        tag = TargetGroupTag
        rows = self._connection.execute(
            select(raw_text(tag.household_id), tag.code, tag.set_on, tag.removed_on)
            .where(tag.set_on <= self.period.end,
                   or_(tag.removed_on.is_(None), tag.removed_on > self.period.start)))
        found: dict[Any, list[tuple[str, date, date | None]]] = {}
        for household, code, set_on, removed_on in rows:
            found.setdefault(household, []).append((code, set_on, removed_on))
        return found

    @cached_property
    def births(self) -> dict[Any, list[date]]:
        """Per household, the dates of birth that put a member in a derived group on some
        day of the period."""
        bands = [g.age_band for g in target_groups() if g.derived and g.age_band]
        if not bands:
            return {}
        oldest = min(_years_before(self.period.start, high) for _low, high in bands)
        youngest = max(_years_before(self.period.end, low) for low, _high in bands)
        rows = self._connection.execute(
            select(raw_text(Member.household_id), Member.date_of_birth)
            .where(Member.date_of_birth > oldest, Member.date_of_birth <= youngest))
        found: dict[Any, list[date]] = {}
        for household, born in rows:
            if born is not None:
                found.setdefault(household, []).append(born)
        return found

    def groups_on(self, household: Any, day: date) -> frozenset[str]:
        key = (household, day)
        if key not in self._groups:
            held = {code for code, set_on, removed_on in self.tags.get(household, ())
                    if set_on <= day and (removed_on is None or day < removed_on)}
            births = self.births.get(household, [])
            for group in target_groups() if births else ():
                if group.derived and group.age_band:
                    low, high = group.age_band
                    if any(born <= day and low <= age_on(born, day) < high for born in births):
                        held.add(group.code)
            self._groups[key] = frozenset(held)
        return self._groups[key]

    def by_group(self, items: Iterable[Item]) -> Cells:
        """(group, column) -> the number of items, each counted once per group it is in."""
        cells: Cells = {}
        tags, births = self.tags, self.births
        for household, day, column, n in items:
            if household not in tags and household not in births:
                continue  # most households are in no group: skip the per-day work
            for code in self.groups_on(household, day):
                cells[(code, column)] = cells.get((code, column), 0) + n
        return cells

    # Items of the period.
    def _items(self, query: Select[Any, Any, Any, Any]) -> list[Item]:
        return [(household, day, column, n) for household, day, column, n in
                self._connection.execute(query) if day is not None]

    @cached_property
    def help_questions(self) -> list[Item]:
        return self._items(
            select(raw_text(HelpQuestion.household_id), HelpQuestion.registered_on, _total(),
                   func.count())
            .where(HelpQuestion.registered_on.between(self.period.start, self.period.end))
            .group_by(HelpQuestion.household_id, HelpQuestion.registered_on))

    @cached_property
    def plans(self) -> list[Item]:
        """Each plan with a version agreed in the period, on the first such day."""
        fact = FigureVersion
        return self._items(
            select(raw_text(fact.household_id), fact.agreed_on, _total(), func.count())
            .where(fact.agreed_on.between(self.period.start, self.period.end),
                   first_in(fact.previous_agreed_on, self.period))
            .group_by(fact.household_id, fact.agreed_on))

    @cached_property
    def actions(self) -> list[Item]:
        """Actions of versions agreed in the period by lineage (a copy in a later version
        agreed in the same period is the same action), on the first such day, by level."""
        fact = FigureAction
        return self._items(
            select(raw_text(fact.household_id), fact.agreed_on, fact.prevention_level, func.count())
            .where(fact.agreed_on.between(self.period.start, self.period.end),
                   first_in(fact.prevention_previous_on, self.period))
            .group_by(fact.household_id, fact.agreed_on, fact.prevention_level))

    def _started(self) -> Any:
        """Actions with a service whose start date lies in the period, in an agreed version,
        by lineage: (lineage, organisation, start, first agreement of a version holding that
        start), as a subquery: only its counts come to Python."""
        fact = FigureAction
        return (
            select(fact.lineage_id.label("lineage_id"),
                   SocialService.organisation.label("organisation"),
                   func.min(fact.start_on).label("start_on"),
                   func.min(fact.agreed_on).label("agreed_on"))
            .join(SocialService, SocialService.id == fact.service_id)
            .where(fact.start_on.between(self.period.start, self.period.end),
                   fact.agreed_on.is_not(None))
            .group_by(fact.lineage_id, SocialService.organisation)
            .subquery("started"))

    @cached_property
    def started(self) -> list[tuple[str, date, date, int]]:
        """(organisation, start, agreement, number of actions)."""
        started = self._started()
        rows = self._connection.execute(
            select(started.c.organisation, started.c.start_on, started.c.agreed_on,
                   func.count())
            .group_by(started.c.organisation, started.c.start_on, started.c.agreed_on))
        return [(organisation, start, agreed, n) for organisation, start, agreed, n in rows
                if start is not None and agreed is not None]

    def _finished(self, *columns: Any) -> Select[Any]:
        """Actions with a service marked done in the period."""
        return (select(*columns)
                .join(SocialService, SocialService.id == PlanAction.service_id)
                .where(PlanAction.finished_on.between(self.period.start, self.period.end)))

    @cached_property
    def finished(self) -> list[tuple[Any, str]]:
        """(lineage, organisation) of the actions finished in the period."""
        rows = self._connection.execute(
            self._finished(raw_text(PlanAction.lineage_id), SocialService.organisation).distinct())
        return [(lineage, organisation) for lineage, organisation in rows]

    def started_among_finished(self) -> int:
        """How many of the actions finished in the period also started in it."""
        fact = FigureAction
        return int(self._connection.scalar(
            select(func.count(distinct(fact.lineage_id)))
            .join(SocialService, SocialService.id == fact.service_id)
            .where(fact.start_on.between(self.period.start, self.period.end),
                   fact.agreed_on.is_not(None),
                   fact.lineage_id.in_(self._finished(PlanAction.lineage_id)))) or 0)


def _counts(data: PreventionPeriod, items: list[Item], cells: Cells) -> PeriodCounts:
    return PeriodCounts(data.period, sum(n for *_key, n in items), cells)


def help_questions_by_target_group(data: PreventionPeriod) -> PeriodCounts:
    return _counts(data, data.help_questions, data.by_group(data.help_questions))


def plans_by_target_group(data: PreventionPeriod) -> PeriodCounts:
    return _counts(data, data.plans, data.by_group(data.plans))


def actions_by_prevention_level(data: PreventionPeriod) -> PeriodCounts:
    cells: Cells = {}
    for _household, _day, column, n in data.actions:
        cells[(column, TOTAL)] = cells.get((column, TOTAL), 0) + n
    return _counts(data, data.actions, cells)


def actions_by_target_group_and_level(data: PreventionPeriod) -> PeriodCounts:
    return _counts(data, data.actions, data.by_group(data.actions))


# Per organisation of the sociale kaart: only actions that point to one of its services.
def actions_started_finished(data: PreventionPeriod) -> PeriodCounts:
    """Started: the start date lies in the period, in an agreed version. Finished: marked
    done in the period. N counts each action (lineage) once."""
    cells: Cells = {}
    started = 0
    for organisation, _start, _agreed, n in data.started:
        cells[(organisation, "gestart")] = cells.get((organisation, "gestart"), 0) + n
        started += n
    for _lineage, organisation in data.finished:
        cells[(organisation, "afgerond")] = cells.get((organisation, "afgerond"), 0) + 1
    finished = {lineage for lineage, _organisation in data.finished}
    total = started + len(finished) - data.started_among_finished()
    return PeriodCounts(data.period, total, cells)


def results_per_organisation(data: PreventionPeriod) -> PeriodCounts:
    """Results judged at an evaluation in the period, under each organisation with an action
    for that result; N counts each judged result once."""
    period = data.period
    # Each judged result once per organisation, read once for the cells and the total.
    judged = (select(EvaluationOutcome.id, EvaluationOutcome.outcome,
                     SocialService.organisation).distinct()
              .join(Evaluation, Evaluation.id == EvaluationOutcome.evaluation_id)
              .join(FigureAction, FigureAction.result_id == EvaluationOutcome.result_id)
              .join(SocialService, SocialService.id == FigureAction.service_id)
              .where(Evaluation.evaluated_on.between(period.start, period.end))
              .cte("judged"))
    text = String(200)
    rows = data.session.execute(union_all(
        select(literal(False).label("total"), judged.c.organisation, judged.c.outcome,
               func.count())
        .group_by(judged.c.organisation, judged.c.outcome),
        select(literal(True), cast(null(), text), cast(null(), text),
               func.count(distinct(judged.c.id)))))
    cells: Cells = {}
    total = 0
    for is_total, organisation, outcome, n in rows:
        if is_total:
            total = int(n)
        else:
            cells[(organisation, outcome)] = n
    return PeriodCounts(period, total, cells)


def days_agreement_to_start(data: PreventionPeriod) -> PeriodCounts:
    """Per organisation, the median days from the first agreement of a version holding the
    action (with its start date) to that start, over actions started in the period. An
    action that started before the agreement counts as 0 days."""
    days: dict[str, list[int]] = {}
    for organisation, start, agreed, n in data.started:
        days.setdefault(organisation, []).extend([max(0, (start - agreed).days)] * n)
    cells: Cells = {}
    for organisation, values in days.items():
        cells[(organisation, "mediaan_dagen")] = statistics.median(values)
        cells[(organisation, "acties")] = len(values)
    return PeriodCounts(data.period, sum(len(v) for v in days.values()), cells)
