"""The SQL behind the prevention figures: target groups, prevention levels and the
organisations of the sociale kaart.

A target group counts for a help question, plan or action when the household held it (on
itself or on any member) on that item's day: the contact date, the day the plan was agreed.
Which groups a household held on a day depends on that day only, never on the period, so
`db.figure_facts` keeps them as fact rows (`figure_item_groups`, one per item and group) and
every group figure is one filtered GROUP BY over an index range. Each set of rows is read
once per period and shared by the figures that need it.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    cast,
    distinct,
    func,
    literal,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from db.figure_facts import START_FIRST, START_GROUPED
from db.models import (
    FigureAction,
    FigureItemGroup,
    FigureOutcome,
    FigureVersion,
    HelpQuestion,
    PlanAction,
    SocialService,
)
from db.sql_dates import days_between
from intake.core.ids import raw_text
from intake.reports.model import PeriodCounts
from intake.reports.period import Period
from intake.reports.queries import TOTAL, Cells, first_in, per_code

Item = tuple[Any, date, str, int]  # (household key, day, column, number of items)


def _total() -> ColumnElement[str]:
    """The one column of a figure without columns, typed so every backend accepts it."""
    return cast(literal(TOTAL), String(20))


@dataclass
class PreventionPeriod:
    """The rows of one period, read once each and only when a figure asks for them."""

    session: Session
    period: Period

    @property
    def _connection(self) -> Connection:
        # Core, not the ORM: these rows are plain values, and the ORM's per-row work was a
        # third of the figures' time.
        return self.session.connection()

    # Target groups: the fact rows hold each item's groups on its day.
    def by_group(self, kind: str) -> Cells:
        """(group, column) -> the number of items of this kind ("hulpvraag", "plan",
        "actie"), each counted once per group it is in, each plan and action lineage on its
        first day in the period."""
        row = FigureItemGroup
        counts = per_code(self.session, (row.group_code, row.column_code), row.day,
                          row.previous_on, self.period, within=(row.kind, kind))
        return {(code, column): n for (code, column), n in counts.items()}

    @cached_property
    def help_question_count(self) -> int:
        return int(self._connection.scalar(
            select(func.count()).select_from(HelpQuestion)
            .where(HelpQuestion.registered_on.between(self.period.start, self.period.end)))
            or 0)

    @cached_property
    def plan_count(self) -> int:
        """Plans with a version agreed in the period."""
        fact = FigureVersion
        return int(self._connection.scalar(
            select(func.count()).select_from(fact)
            .where(fact.agreed_on.between(self.period.start, self.period.end),
                   first_in(fact.previous_agreed_on, self.period))) or 0)

    @cached_property
    def action_levels(self) -> Cells:
        """(prevention level, total) -> actions of versions agreed in the period, by lineage."""
        fact = FigureAction
        counts = per_code(self.session, (fact.prevention_level,), fact.agreed_on,
                          fact.prevention_previous_on, self.period)
        return {(level, TOTAL): n for (level,), n in counts.items()}

    # Items of the period, per (household, day, column): what the groups are counted over.
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

    def _first_start(self) -> ColumnElement[bool]:
        """The row of its lineage's first start in the period (see `FigureAction`)."""
        fact = FigureAction
        return and_(fact.start_on.between(self.period.start, self.period.end),
                    first_in(fact.start_previous_on, self.period))

    def _started_counts(self, started: Any) -> list[tuple[str, int, int]]:
        days = days_between(started.c.start_on, started.c.agreed_on)
        rows = self._connection.execute(
            select(started.c.organisation, days, func.count())
            .group_by(started.c.organisation, days))
        return [(organisation, int(gap), n) for organisation, gap, n in rows]

    @cached_property
    def started(self) -> list[tuple[str, int, int]]:
        """(organisation, days from agreement to start, number of actions) of the actions
        with a service whose start date lies in the period, in an agreed version, each
        lineage once per organisation: its earliest start there and the first agreement of a
        version holding such a start. Most lineages are read from the row of their first
        start in the period, counted per service and day count (`per_code`: a few hundred
        index ranges, no sort of the period's rows); the few marked otherwise are grouped,
        when there are any."""
        fact = FigureAction
        services = select(SocialService.id, SocialService.organisation)
        organisations: dict[Any, str] = dict(iter(self._connection.execute(services)))
        counts: dict[tuple[str, int], int] = {}
        for (service, gap), n in per_code(self.session, (fact.service_id, fact.start_gap),
                                          fact.start_on, fact.start_previous_on, self.period,
                                          within=(fact.start_unit, START_FIRST)).items():
            if service in organisations:
                key = (organisations[service], int(gap))
                counts[key] = counts.get(key, 0) + n
        found = [(organisation, gap, n) for (organisation, gap), n in counts.items()]
        grouped = select(fact.lineage_id).where(self._first_start(),
                                                fact.start_unit == START_GROUPED)
        if self._connection.scalar(select(grouped.exists())):
            found += self._started_counts(
                select(SocialService.organisation.label("organisation"),
                       func.min(fact.start_on).label("start_on"),
                       func.min(fact.agreed_on).label("agreed_on"))
                .join(SocialService, SocialService.id == fact.service_id)
                .where(fact.start_on.between(self.period.start, self.period.end),
                       fact.agreed_on.is_not(None), fact.lineage_id.in_(grouped))
                .group_by(fact.lineage_id, SocialService.organisation).subquery("started"))
        return found

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
        if not self.finished:  # else every start of the period is probed against nothing
            return 0
        fact = FigureAction
        return int(self._connection.scalar(
            select(func.count(distinct(fact.lineage_id)))
            .join(SocialService, SocialService.id == fact.service_id)
            .where(fact.start_on.between(self.period.start, self.period.end),
                   fact.agreed_on.is_not(None),
                   fact.lineage_id.in_(self._finished(PlanAction.lineage_id)))) or 0)


def help_questions_by_target_group(data: PreventionPeriod) -> PeriodCounts:
    return PeriodCounts(data.period, data.help_question_count, data.by_group("hulpvraag"))


def plans_by_target_group(data: PreventionPeriod) -> PeriodCounts:
    return PeriodCounts(data.period, data.plan_count, data.by_group("plan"))


def actions_by_prevention_level(data: PreventionPeriod) -> PeriodCounts:
    cells = data.action_levels
    return PeriodCounts(data.period, int(sum(cells.values())), dict(cells))


def actions_by_target_group_and_level(data: PreventionPeriod) -> PeriodCounts:
    return PeriodCounts(data.period, int(sum(data.action_levels.values())),
                        data.by_group("actie"))


# Per organisation of the sociale kaart: only actions that point to one of its services.
def actions_started_finished(data: PreventionPeriod) -> PeriodCounts:
    """Started: the start date lies in the period, in an agreed version. Finished: marked
    done in the period. N counts each action (lineage) once."""
    cells: Cells = {}
    started = 0
    for organisation, _days, n in data.started:
        cells[(organisation, "gestart")] = cells.get((organisation, "gestart"), 0) + n
        started += n
    for _lineage, organisation in data.finished:
        cells[(organisation, "afgerond")] = cells.get((organisation, "afgerond"), 0) + 1
    finished = {lineage for lineage, _organisation in data.finished}
    total = started + len(finished) - data.started_among_finished()
    return PeriodCounts(data.period, total, cells)


def results_per_organisation(data: PreventionPeriod) -> PeriodCounts:
    """Results judged at an evaluation in the period, under each organisation with an action
    for that result; N counts each judged result once (its `first` row)."""
    fact = FigureOutcome
    rows = data.session.execute(
        select(fact.organisation, fact.outcome, func.count(), func.sum(fact.first))
        .where(fact.evaluated_on.between(data.period.start, data.period.end))
        .group_by(fact.organisation, fact.outcome))
    cells: Cells = {}
    total = 0
    for organisation, outcome, n, first in rows:
        cells[(organisation, outcome)] = n
        total += int(first)
    return PeriodCounts(data.period, total, cells)


def days_agreement_to_start(data: PreventionPeriod) -> PeriodCounts:
    """Per organisation, the median days from the first agreement of a version holding the
    action (with its start date) to that start, over actions started in the period. An
    action that started before the agreement counts as 0 days."""
    days: dict[str, list[int]] = {}
    for organisation, gap, n in data.started:
        days.setdefault(organisation, []).extend([max(0, gap)] * n)
    cells: Cells = {}
    for organisation, values in days.items():
        cells[(organisation, "mediaan_dagen")] = statistics.median(values)
        cells[(organisation, "acties")] = len(values)
    return PeriodCounts(data.period, sum(len(v) for v in days.values()), cells)
