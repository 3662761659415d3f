"""The figure fact tables kept in step with the plans, in the transaction that changes them.

Every session of the store's factory that writes a plan, version, result or action notes its
household; just before the commit that household's rows of `figure_actions`, `figure_plans`
and `figure_versions` (and the team overview's `overview_plans`) are rebuilt from the plan
tables with one INSERT ... SELECT each. Each
action and agreed version carries the previous agreement of its lineage or plan, so "each
once per period, on its first day there" is a plain filtered count. Rows written with Core
statements (a replica's pull, the demo's bulk load) are not seen by the session: those writers
call `touch` or `rebuild_all` themselves. Deleting a household deletes its facts by cascade.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    Select,
    and_,
    case,
    delete,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
)
from sqlalchemy.orm import Session, UOWTransaction, aliased, sessionmaker

from db.models import (
    EvaluationMoment,
    FigureAction,
    FigurePlan,
    FigureVersion,
    OverviewPlan,
    Plan,
    PlanAction,
    PlanResult,
    PlanVersion,
)

NO_LEVEL = "geen"  # an action without a prevention level
_PENDING = "figure_households"
_CHUNK = 500

# A tracked row's parent column, and the table that column points into.
_PARENT = {Plan: ("household_id", "household"), PlanVersion: ("plan_id", "plan"),
           PlanResult: ("plan_version_id", "version"), PlanAction: ("result_id", "result"),
           EvaluationMoment: ("plan_version_id", "version")}
TABLES = {"plans": "plan", "plan_versions": "version", "plan_results": "result",
          "plan_actions": "action", "plan_evaluation_moments": "moment"}


def _households_of(connection: Connection, level: str, ids: set[Any]) -> set[uuid.UUID]:
    """The households of rows named by id: households, plans, versions, results or actions."""
    if level == "household" or not ids:
        return set(ids)
    query: Select[Any] = select(Plan.household_id)
    if level in ("version", "result", "action", "moment"):
        query = query.join(PlanVersion, PlanVersion.plan_id == Plan.id)
    if level == "moment":
        query = query.join(EvaluationMoment, EvaluationMoment.plan_version_id == PlanVersion.id)
    if level in ("result", "action"):
        query = query.join(PlanResult, PlanResult.plan_version_id == PlanVersion.id)
    if level == "action":
        query = query.join(PlanAction, PlanAction.result_id == PlanResult.id)
    key = {"plan": Plan.id, "version": PlanVersion.id, "result": PlanResult.id,
           "action": PlanAction.id, "moment": EvaluationMoment.id}[level]
    found: set[uuid.UUID] = set()
    listed = list(ids)
    for start in range(0, len(listed), _CHUNK):
        found.update(connection.scalars(
            query.where(key.in_(listed[start:start + _CHUNK])).distinct()))
    return found


def touch(session: Session, table: str, ids: Iterable[Any]) -> None:
    """Rows of a plan table written (or about to be deleted) outside the ORM: their
    households' facts are rebuilt at the commit. Call before deleting, after inserting."""
    level = TABLES.get(table)
    if level is not None:
        pending: set[uuid.UUID] = session.info.setdefault(_PENDING, set())
        pending.update(_households_of(session.connection(), level, set(ids)))


def _note(session: Session, objects: Iterable[Any]) -> None:
    parents: dict[str, set[Any]] = {}
    for obj in objects:
        found = _PARENT.get(type(obj))
        if found is not None:
            column, level = found
            value = getattr(obj, column)
            if value is not None:
                parents.setdefault(level, set()).add(value)
            if isinstance(obj, Plan):  # a plan moved to another household leaves the old one
                old = _old_household(obj)
                if old is not None:
                    parents.setdefault("household", set()).add(old)
    if parents:
        pending: set[uuid.UUID] = session.info.setdefault(_PENDING, set())
        connection = session.connection()
        for level, ids in parents.items():
            pending.update(_households_of(connection, level, ids))


def _old_household(plan: Plan) -> Any:
    history = inspect(plan).attrs.household_id.history
    return history.deleted[0] if history.deleted else None


def _before_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    # A deleted row's parents are still there to be found.
    _note(session, session.deleted)


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    # New rows' parents may have come in with the same flush: look them up after it.
    _note(session, [*session.new, *(o for o in session.dirty if session.is_modified(o))])


def _before_commit(session: Session) -> None:
    session.flush()
    pending: set[uuid.UUID] = session.info.pop(_PENDING, set())
    if pending:
        refresh(session.connection(), pending)


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


def install(sessions: sessionmaker[Session]) -> None:
    """Keep the facts in step in every session of this factory."""
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_rollback", _after_rollback)


def _previous_agreement(level: Any) -> Any:
    """The agreement day of the lineage's previous agreed row with the same level, in
    (agreed_on, action_id) order: a lineage's rows stay within one household, so a rebuild
    of some households sees every row it needs."""
    agreed = PlanVersion.agreed_on
    previous = func.lag(agreed, type_=Date).over(
        partition_by=(PlanAction.lineage_id, level, agreed.is_(None)),
        order_by=(agreed, PlanAction.id))
    return case((agreed.is_not(None), previous))  # None without an agreement


def _action_rows() -> Select[*tuple[Any, ...]]:
    prevention = func.coalesce(PlanAction.prevention_level, NO_LEVEL)
    return (select(PlanAction.id, Plan.household_id, Plan.id, PlanAction.lineage_id,
                   PlanAction.result_id, PlanVersion.agreed_on, PlanAction.support_level,
                   prevention, PlanAction.service_id, PlanAction.start_on,
                   _previous_agreement(PlanAction.support_level),
                   _previous_agreement(prevention))
            .join(PlanResult, PlanResult.id == PlanAction.result_id)
            .join(PlanVersion, PlanVersion.id == PlanResult.plan_version_id)
            .join(Plan, Plan.id == PlanVersion.plan_id))


def _plan_rows() -> Select[*tuple[Any, ...]]:
    first = (select(func.min(PlanVersion.agreed_on)).where(PlanVersion.plan_id == Plan.id)
             .scalar_subquery())
    return select(Plan.id, Plan.household_id, Plan.kind, first)


def _version_rows() -> Select[*tuple[Any, ...]]:
    previous = func.lag(PlanVersion.agreed_on, type_=Date).over(
        partition_by=PlanVersion.plan_id, order_by=(PlanVersion.agreed_on, PlanVersion.id))
    return (select(PlanVersion.id, Plan.household_id, Plan.id, PlanVersion.agreed_on, previous)
            .join(Plan, Plan.id == PlanVersion.plan_id)
            .where(PlanVersion.agreed_on.is_not(None)))


def _overview_rows() -> Select[*tuple[Any, ...]]:
    """Per plan with a version: its newest version (the highest number), the version in
    force (its ``actief`` one; the highest should there ever be two) with its first
    evaluation moment, and from those the day-independent state and the two people a plan
    is listed under. The regisseur shown is the one of the version in force, else of the
    newest version: nobody stands in, as the plan and its print show it. Who answers for a
    plan in counts per person is that regisseur, or the drafter of the version when none is
    set, as the plan module's evaluations_due counts it."""
    latest = aliased(PlanVersion, name="latest_version")
    active = aliased(PlanVersion, name="active_version")
    other = aliased(PlanVersion, name="other_version")
    highest = (select(func.max(other.number)).where(other.plan_id == Plan.id)
               .scalar_subquery())
    in_force = (select(other.id).where(other.plan_id == Plan.id, other.status == "actief")
                .order_by(other.number.desc()).limit(1).scalar_subquery())
    first_due = (select(func.min(EvaluationMoment.due_on))
                 .where(EvaluationMoment.plan_version_id == active.id).scalar_subquery())
    state = case(
        (or_(Plan.closed_at.is_not(None), latest.status == "afgesloten"), "afgesloten"),
        (active.id.is_not(None), "actief"),
        (latest.status == "wacht_op_akkoord", "wacht_op_akkoord"),
        else_="concept")
    new_version = case((and_(active.id.is_not(None), latest.id != active.id), latest.status),
                       else_="")
    responsible = func.coalesce(active.regisseur_id, latest.regisseur_id,
                                active.created_by_id, latest.created_by_id)
    shown = case((active.id.is_not(None), active.regisseur_id), else_=latest.regisseur_id)
    return (select(Plan.id, Plan.household_id, Plan.kind, state, latest.number, active.number,
                   new_version, responsible, shown, Plan.created_by_id, Plan.created_at,
                   active.agreed_on, first_due)
            .select_from(Plan)
            .join(latest, and_(latest.plan_id == Plan.id, latest.number == highest))
            .outerjoin(active, active.id == in_force))


_ACTION_COLUMNS = ("action_id", "household_id", "plan_id", "lineage_id", "result_id",
                   "agreed_on", "support_level", "prevention_level", "service_id", "start_on",
                   "support_previous_on", "prevention_previous_on")
_PLAN_COLUMNS = ("plan_id", "household_id", "kind", "first_agreed_on")
_VERSION_COLUMNS = ("version_id", "household_id", "plan_id", "agreed_on", "previous_agreed_on")
_OVERVIEW_COLUMNS = ("plan_id", "household_id", "kind", "state", "version_number",
                     "active_number", "new_version", "responsible_id", "shown_regisseur_id",
                     "author_id", "created_at", "agreed_on", "next_evaluation_on")


def refresh(connection: Connection, households: Iterable[uuid.UUID]) -> None:
    """Rebuild the facts of these households from their plans."""
    listed = sorted(set(households))
    for start in range(0, len(listed), _CHUNK):
        chunk = listed[start:start + _CHUNK]
        plans = select(Plan.id).where(Plan.household_id.in_(chunk))
        connection.execute(delete(FigureAction).where(
            or_(FigureAction.household_id.in_(chunk), FigureAction.plan_id.in_(plans))))
        connection.execute(delete(FigurePlan).where(
            or_(FigurePlan.household_id.in_(chunk), FigurePlan.plan_id.in_(plans))))
        connection.execute(delete(FigureVersion).where(
            or_(FigureVersion.household_id.in_(chunk), FigureVersion.plan_id.in_(plans))))
        connection.execute(insert(FigureAction).from_select(
            _ACTION_COLUMNS, _action_rows().where(Plan.household_id.in_(chunk))))
        connection.execute(insert(FigureVersion).from_select(
            _VERSION_COLUMNS, _version_rows().where(Plan.household_id.in_(chunk))))
        connection.execute(insert(FigurePlan).from_select(
            _PLAN_COLUMNS, _plan_rows().where(Plan.household_id.in_(chunk))))
        _refresh_overview(connection, chunk, plans)


def rebuild_all(connection: Connection) -> None:
    """All facts anew: after a bulk load that bypassed the session."""
    connection.execute(delete(FigureAction))
    connection.execute(delete(FigurePlan))
    connection.execute(delete(FigureVersion))
    connection.execute(insert(FigureAction).from_select(_ACTION_COLUMNS, _action_rows()))
    connection.execute(insert(FigureVersion).from_select(_VERSION_COLUMNS, _version_rows()))
    connection.execute(insert(FigurePlan).from_select(_PLAN_COLUMNS, _plan_rows()))
    connection.execute(delete(OverviewPlan))
    connection.execute(insert(OverviewPlan).from_select(_OVERVIEW_COLUMNS, _overview_rows()))


def _refresh_overview(connection: Connection, chunk: list[uuid.UUID], plans: Any) -> None:
    connection.execute(delete(OverviewPlan).where(
        or_(OverviewPlan.household_id.in_(chunk), OverviewPlan.plan_id.in_(plans))))
    connection.execute(insert(OverviewPlan).from_select(
        _OVERVIEW_COLUMNS, _overview_rows().where(Plan.household_id.in_(chunk))))
