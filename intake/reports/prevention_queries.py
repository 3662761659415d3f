"""The aggregate SQL behind the prevention figures: target groups, prevention levels and the
organisations of the sociale kaart.

A target group counts for a help question, plan or action when the household held it (on
itself or on any member) on that item's day: the contact date, the day the plan was agreed.
Typed groups are matched in SQL on the tag's set and removal days; derived groups (an age
band) only on the members born in the period's window, checked per day in Python.
"""

from __future__ import annotations

import statistics
import uuid
from collections.abc import Iterable
from datetime import date

from sqlalchemy import (
    ColumnElement,
    String,
    Subquery,
    and_,
    case,
    cast,
    distinct,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from db.models import (
    Evaluation,
    EvaluationOutcome,
    HelpQuestion,
    Member,
    Plan,
    PlanAction,
    PlanResult,
    PlanVersion,
    SocialService,
    TargetGroupTag,
)
from intake.register.target_groups import age_on, target_groups
from intake.reports.model import PeriodCounts
from intake.reports.period import Period
from intake.reports.queries import TOTAL, Cells

NO_LEVEL = "geen"  # an action without a prevention level (care, not prevention)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _total() -> ColumnElement[str]:
    """The one column of a figure without columns, typed so every backend accepts it."""
    return cast(literal(TOTAL), String(20))


def _group_cells(session: Session, anchor: Subquery, period: Period) -> Cells:
    """(target group, column) -> distinct items, for an anchor of (item, household_id, day,
    column) rows."""
    tag = TargetGroupTag
    held = and_(tag.household_id == anchor.c.household_id, tag.set_on <= anchor.c.day,
                or_(tag.removed_on.is_(None), tag.removed_on > anchor.c.day))
    rows = session.execute(
        select(tag.code, anchor.c.column, func.count(distinct(anchor.c.item)))
        .select_from(anchor).join(tag, held).group_by(tag.code, anchor.c.column))
    cells: Cells = {(code, column): n for code, column, n in rows}
    for group in target_groups():
        if not group.derived or group.age_band is None:
            continue
        low, high = group.age_band
        members = session.execute(
            select(anchor.c.item, anchor.c.column, anchor.c.day, Member.date_of_birth)
            .select_from(anchor).join(Member, Member.household_id == anchor.c.household_id)
            .where(Member.date_of_birth > _years_before(period.start, high),
                   Member.date_of_birth <= _years_before(period.end, low)))
        seen: set[tuple[uuid.UUID, str]] = set()
        for item, column, day, born in members:
            if born <= day and low <= age_on(born, day) < high:
                seen.add((item, column))
        for _item, column in seen:
            cells[(group.code, column)] = cells.get((group.code, column), 0) + 1
    return cells


def _count(session: Session, anchor: Subquery) -> int:
    return int(session.scalar(select(func.count(distinct(anchor.c.item))).select_from(anchor))
               or 0)


def help_questions_by_target_group(session: Session, period: Period) -> PeriodCounts:
    anchor = (select(HelpQuestion.id.label("item"), HelpQuestion.household_id,
                     HelpQuestion.registered_on.label("day"),
                     _total().label("column"))
              .where(HelpQuestion.registered_on.between(period.start, period.end))
              .subquery("anchor"))
    return PeriodCounts(period, _count(session, anchor), _group_cells(session, anchor, period))


def _agreed_in(period: Period) -> Subquery:
    """Each plan with a version agreed in the period, on the first such day."""
    return (select(Plan.id.label("item"), Plan.household_id,
                   func.min(PlanVersion.agreed_on).label("day"))
            .join(PlanVersion, PlanVersion.plan_id == Plan.id)
            .where(PlanVersion.agreed_on.between(period.start, period.end))
            .group_by(Plan.id, Plan.household_id).subquery("agreed_plan"))


def plans_by_target_group(session: Session, period: Period) -> PeriodCounts:
    plans = _agreed_in(period)
    anchor = select(plans.c.item, plans.c.household_id, plans.c.day,
                    _total().label("column")).subquery("anchor")
    return PeriodCounts(period, _count(session, anchor), _group_cells(session, anchor, period))


def _agreed_actions(period: Period) -> Subquery:
    """Actions of plan versions agreed in the period, by lineage (a copy in a later version
    agreed in the same period is the same action), with the household and agreement day."""
    level = func.coalesce(PlanAction.prevention_level, NO_LEVEL)
    return (select(PlanAction.lineage_id.label("item"), Plan.household_id,
                   func.min(PlanVersion.agreed_on).label("day"), level.label("column"))
            .join(PlanResult, PlanResult.id == PlanAction.result_id)
            .join(PlanVersion, PlanVersion.id == PlanResult.plan_version_id)
            .join(Plan, Plan.id == PlanVersion.plan_id)
            .where(PlanVersion.agreed_on.between(period.start, period.end))
            .group_by(PlanAction.lineage_id, Plan.household_id, level).subquery("anchor"))


def actions_by_prevention_level(session: Session, period: Period) -> PeriodCounts:
    anchor = _agreed_actions(period)
    rows = session.execute(select(anchor.c.column, func.count(distinct(anchor.c.item)))
                           .group_by(anchor.c.column))
    cells: Cells = {(level, TOTAL): n for level, n in rows}
    return PeriodCounts(period, _count(session, anchor), cells)


def actions_by_target_group_and_level(session: Session, period: Period) -> PeriodCounts:
    anchor = _agreed_actions(period)
    return PeriodCounts(period, _count(session, anchor), _group_cells(session, anchor, period))


# Per organisation of the sociale kaart: only actions that point to one of its services.
def actions_started_finished(session: Session, period: Period) -> PeriodCounts:
    """Started: the start date lies in the period, in an agreed version. Finished: marked
    done in the period. N counts each action (lineage) once."""
    started = and_(PlanAction.start_on.between(period.start, period.end),
                   PlanVersion.agreed_on.is_not(None))
    finished = PlanAction.finished_on.between(period.start, period.end)
    base = (select(SocialService.organisation,
                   func.count(distinct(case((started, PlanAction.lineage_id)))),
                   func.count(distinct(case((finished, PlanAction.lineage_id)))))
            .join(SocialService, SocialService.id == PlanAction.service_id)
            .join(PlanResult, PlanResult.id == PlanAction.result_id)
            .join(PlanVersion, PlanVersion.id == PlanResult.plan_version_id)
            .where(or_(started, finished)))
    cells: Cells = {}
    for organisation, n_started, n_finished in session.execute(
            base.group_by(SocialService.organisation)):
        cells[(organisation, "gestart")] = n_started
        cells[(organisation, "afgerond")] = n_finished
    total = session.scalar(
        base.with_only_columns(func.count(distinct(PlanAction.lineage_id))))
    return PeriodCounts(period, int(total or 0), cells)


def results_per_organisation(session: Session, period: Period) -> PeriodCounts:
    """Results judged at an evaluation in the period, under each organisation with an action
    for that result; N counts each judged result once."""
    base = (select(SocialService.organisation, EvaluationOutcome.outcome,
                   func.count(distinct(EvaluationOutcome.id)))
            .join(Evaluation, Evaluation.id == EvaluationOutcome.evaluation_id)
            .join(PlanAction, PlanAction.result_id == EvaluationOutcome.result_id)
            .join(SocialService, SocialService.id == PlanAction.service_id)
            .where(Evaluation.evaluated_on.between(period.start, period.end)))
    cells: Cells = {(organisation, outcome): n for organisation, outcome, n in session.execute(
        base.group_by(SocialService.organisation, EvaluationOutcome.outcome))}
    total = session.scalar(base.with_only_columns(func.count(distinct(EvaluationOutcome.id))))
    return PeriodCounts(period, int(total or 0), cells)


def days_agreement_to_start(session: Session, period: Period) -> PeriodCounts:
    """Per organisation, the median days from the first agreement of the plan version that
    holds an action to the action's start, over actions started in the period. An action
    that started before the agreement counts as 0 days."""
    started = (select(PlanAction.lineage_id)
               .join(PlanResult, PlanResult.id == PlanAction.result_id)
               .join(PlanVersion, PlanVersion.id == PlanResult.plan_version_id)
               .where(PlanAction.start_on.between(period.start, period.end),
                      PlanAction.service_id.is_not(None), PlanVersion.agreed_on.is_not(None)))
    rows = session.execute(
        select(PlanAction.lineage_id, SocialService.organisation, PlanAction.start_on,
               PlanVersion.agreed_on)
        .join(SocialService, SocialService.id == PlanAction.service_id)
        .join(PlanResult, PlanResult.id == PlanAction.result_id)
        .join(PlanVersion, PlanVersion.id == PlanResult.plan_version_id)
        .where(PlanVersion.agreed_on.is_not(None), PlanAction.lineage_id.in_(started)))
    agreed: dict[uuid.UUID, date] = {}  # lineage -> its first agreement
    start: dict[uuid.UUID, tuple[date, str]] = {}  # lineage -> (start, organisation)
    for lineage, organisation, start_on, agreed_on in rows:
        if agreed_on is None:
            continue
        agreed[lineage] = min(agreed_on, agreed.get(lineage, agreed_on))
        if start_on is not None and period.start <= start_on <= period.end:
            here = (start_on, organisation)
            start[lineage] = min(here, start.get(lineage, here))
    actions = [(organisation, day, agreed[lineage])
               for lineage, (day, organisation) in start.items()]
    return _medians(period, actions)


def _medians(period: Period, actions: Iterable[tuple[str, date, date]]) -> PeriodCounts:
    days: dict[str, list[int]] = {}
    for organisation, start, agreed in actions:
        days.setdefault(organisation, []).append(max(0, (start - agreed).days))
    cells: Cells = {}
    for organisation, values in days.items():
        cells[(organisation, "mediaan_dagen")] = statistics.median(values)
        cells[(organisation, "acties")] = len(values)
    return PeriodCounts(period, sum(len(v) for v in days.values()), cells)
