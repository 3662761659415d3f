"""The second person: the teamleider approves a proposed destruction, and it is carried out.

An explicit exception to the teamleider not changing case content. In one transaction:
- everything of the resident goes: the household, its members (with their names, search keys
  and BSN), network, access grants, intake answers, signals, professionals, evaluation moments,
  every free text, and on the team server its conflicts, provisional numbers and the change-log
  lines that name it (their keys can hold a folded name);
- help questions, intakes, plans with their versions, results, actions, evaluations and their
  outcomes stay, under an anonymous shell (a new id, no address, no number anyone knows) with
  their codes and with every date moved to the first day of its month, so the figures of every
  month, quarter and year stay the same. The days from first registration to the first agreed
  plan are kept as one number on the shell for the same reason;
- the audit trail keeps every entry (they hold ids and codes only) and gains one: 'vernietigen'.
After the commit a SQLite store is rebuilt (VACUUM) and its WAL emptied, so no free page or old
frame still holds what was removed. Laptop replicas that hold the household remove it at their
next sync (server.sync.pull answers 'vernietigd').
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, delete, event, select, text
from sqlalchemy.orm import Session

from db.figure_facts import PLAN_KIND
from db.models import (
    Evaluation,
    EvaluationMoment,
    EvaluationOutcome,
    FigurePlan,
    HelpQuestion,
    Household,
    HouseholdAccess,
    Intake,
    IntakeAnswer,
    Plan,
    PlanProfessional,
    PlanVersion,
    Signal,
    SignalStep,
    SyncAlias,
    SyncChange,
    SyncConflict,
    SyncOfflineMark,
    SyncOutbox,
)
from intake.core import audit
from intake.core.access import require_role
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.errors import AuditEvent, NotFoundError, PermissionDenied
from intake.core.roles import Role
from intake.retention.dossiers import Retention
from intake.retention.schedule import DESTROYED, dossier_household, due_retention, open_proposal

log = logging.getLogger(__name__)

APPROVE_REFUSED = "Alleen de teamleider keurt een vernietiging goed."
SAME_PERSON = "Wie de vernietiging voorstelde, kan haar niet ook goedkeuren."


@dataclass(frozen=True)
class DestructionReport:
    retention: Retention
    rows_removed: int
    rows_kept: int


def _month(day: date) -> date:
    return day.replace(day=1)


def _month_at(moment: datetime) -> datetime:
    return datetime(moment.year, moment.month, 1)


def _days_to_plan(session: Session, household: Household) -> int | None:
    """The days this household counts in the figure of days to an agreed plan, kept on the
    shell: its dates become months, which would change them."""
    return session.scalar(select(FigurePlan.days_to_plan).where(
        FigurePlan.household_id == household.id, FigurePlan.kind == PLAN_KIND))


class _Wipe:
    def __init__(self, uow: UnitOfWork, household: Household, shell: Household) -> None:
        self.session = uow.session
        self.old = household.id
        self.shell = shell.id
        self.removed = 0
        self.kept = 0

    def drop(self, rows: Any) -> None:
        for row in list(rows):
            self.session.delete(row)
            self.removed += 1

    def keep(self, row: Any) -> None:
        row.updated_at = None
        self.kept += 1

    def help_questions(self) -> None:
        for question in self.session.scalars(
                select(HelpQuestion).where(HelpQuestion.household_id == self.old)):
            question.household_id = self.shell
            question.member_id = None
            question.question = ""
            question.referral_target = ""
            question.registered_on = _month(question.registered_on)
            question.registered_at = _month_at(question.registered_at)
            self.keep(question)

    def intakes(self) -> None:
        intakes = list(self.session.scalars(select(Intake).where(Intake.household_id == self.old)))
        ids = [i.id for i in intakes]
        signals = list(self.session.scalars(select(Signal).where(Signal.household_id == self.old)))
        self.drop(self.session.scalars(select(SignalStep).where(
            SignalStep.signal_id.in_([s.id for s in signals]))))
        self.drop(signals)
        self.drop(self.session.scalars(select(IntakeAnswer).where(IntakeAnswer.intake_id.in_(ids))))
        for found in intakes:
            found.household_id = self.shell
            found.started_at = _month_at(found.started_at)
            found.finished_at = _month_at(found.finished_at) if found.finished_at else None
            found.current_key = None
            found.current_repeat = ""
            self.keep(found)

    def plans(self) -> None:
        for number, plan in enumerate(self.session.scalars(
                select(Plan).where(Plan.household_id == self.old).order_by(Plan.created_at))):
            plan.household_id = self.shell
            plan.owner_member_id = None
            plan.scope_key = "plan" if plan.kind == "plan" else f"toekomstplan:{number}"
            plan.created_at = _month_at(plan.created_at)
            plan.closed_at = _month_at(plan.closed_at) if plan.closed_at else None
            self.keep(plan)
            for version in plan.versions:
                self.version(version)

    def version(self, version: PlanVersion) -> None:
        for name in ("aanspreekpunt", "aanspreekpunt_contact", "strengths", "worries",
                     "earlier_help", "closing_reason"):
            setattr(version, name, "")
        version.created_at = _month_at(version.created_at)
        version.agreed_on = _month(version.agreed_on) if version.agreed_on else None
        self.keep(version)
        self.drop(self.session.scalars(select(PlanProfessional).where(
            PlanProfessional.plan_version_id == version.id)))
        self.drop(self.session.scalars(select(EvaluationMoment).where(
            EvaluationMoment.plan_version_id == version.id)))
        for result in version.results:
            result.text = ""
            result.member_id = None
            result.target_on = None
            result.source_ref = ""
            self.keep(result)
            for action in result.actions:
                action.what = ""
                action.who_name = ""
                action.start_on = None
                action.due_on = None
                self.keep(action)
        evaluation = self.session.scalar(
            select(Evaluation).where(Evaluation.plan_version_id == version.id))
        if evaluation is not None:
            evaluation.evaluated_on = _month(evaluation.evaluated_on)
            evaluation.created_at = _month_at(evaluation.created_at)
            evaluation.note = ""
            evaluation.closing_reason = ""
            self.kept += 1
            for outcome in self.session.scalars(select(EvaluationOutcome).where(
                    EvaluationOutcome.evaluation_id == evaluation.id)):
                outcome.note = ""
                self.kept += 1

    def household(self, household: Household) -> None:
        self.removed += 1 + len(household.members) + len(household.network) + sum(
            len(m.name_parts) for m in household.members)
        self.drop(self.session.scalars(select(HouseholdAccess).where(
            HouseholdAccess.household_id == self.old)))
        self.drop(self.session.scalars(select(SyncConflict).where(
            SyncConflict.household_id == self.old)))
        self.drop(self.session.scalars(select(SyncAlias).where(SyncAlias.household_id == self.old)))
        self.session.execute(delete(SyncOfflineMark).where(
            SyncOfflineMark.household_id == self.old))
        self.session.execute(delete(SyncOutbox).where(SyncOutbox.household_id == self.old))
        self.session.delete(household)  # members, name parts and network cascade with it
        self.session.flush()
        # Written by the team server's change log in this very flush too: the keys of deleted
        # name parts hold the folded name. Replicas learn of the destruction another way.
        self.session.execute(delete(SyncChange).where(SyncChange.household_id == self.old))


def _shell(uow: UnitOfWork, household: Household) -> Household:
    shell = Household(
        dossiernummer=f"V-{uuid.uuid4().hex[:12].upper()}", street="", house_number=0,
        house_number_suffix="", postcode="", city="", phone="", email="",
        created_at=_month_at(household.created_at), created_by_id=uow.actor.id,
        is_demo=household.is_demo, destroyed_on=_month(local_date(uow.now)),
        retained_days_to_plan=_days_to_plan(uow.session, household))
    uow.session.add(shell)
    uow.session.flush()
    return shell


def approve_destruction(uow: UnitOfWork, dossiernummer: str) -> DestructionReport:
    require_role(uow, {Role.TEAMLEIDER}, "vernietigen", "huishouden", APPROVE_REFUSED)
    household_id = dossier_household(uow, dossiernummer)
    proposal = open_proposal(uow, household_id)
    if proposal is None:
        raise NotFoundError("Voor dit dossier is geen vernietiging voorgesteld: de functioneel "
                            "beheerder stelt haar eerst voor.")
    if proposal.proposed_by_id == uow.actor.id:
        raise PermissionDenied(SAME_PERSON, AuditEvent("vernietigen", "huishouden",
                                                       str(household_id), household_id))
    retention = due_retention(uow, household_id)
    session = uow.session
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete = ON"))
    household = session.get(Household, household_id)
    assert household is not None
    wipe = _Wipe(uow, household, _shell(uow, household))
    wipe.help_questions()
    wipe.intakes()
    wipe.plans()
    session.flush()
    wipe.household(household)
    proposal.status = DESTROYED
    proposal.decided_at = uow.now
    proposal.decided_by_id = uow.actor.id
    proposal.ends_on = _month(proposal.ends_on)
    proposal.rows_removed = wipe.removed
    audit.record(uow, "vernietigen", "huishouden", household_id, household_id,
                 detail=f"termijn {retention.term_code} {retention.years} jaar, "
                        f"{wipe.removed} rijen verwijderd, {wipe.kept} geanonimiseerd bewaard")
    _compact_after_commit(session)
    return DestructionReport(retention, wipe.removed, wipe.kept)


def _compact_after_commit(session: Session) -> None:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite" or not isinstance(bind, Engine):
        return  # PostgreSQL: autovacuum reclaims the dead rows (README, what lies outside)

    def compact(_session: Session) -> None:
        compact_sqlite(bind)

    event.listen(session, "after_commit", compact, once=True)


def compact_sqlite(engine: Engine) -> None:
    """Rebuild the file and empty the WAL: nothing removed stays in a free page or an old frame.
    A reader holding the WAL open delays the truncation to the next checkpoint; logged."""
    raw = engine.raw_connection()  # VACUUM and a checkpoint cannot run inside a transaction
    try:
        cursor = raw.cursor()
        cursor.execute("VACUUM")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy = cursor.fetchone()
        if busy and busy[0]:
            log.warning("checkpoint after destruction was busy; the WAL empties at the next one")
        cursor.close()
    finally:
        raw.close()


