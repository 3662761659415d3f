"""Indexes for looking rows up by the person they belong to (recent households, the households
a vindplaatsmedewerker may see, evaluations due per person) and for the first evaluation moment
of a version. The tables belong to their own modules; only these indexes are declared here."""

from __future__ import annotations

from sqlalchemy import Index

from db.models.audit import AuditEntry
from db.models.households import Household
from db.models.intake import HelpQuestion, Intake
from db.models.plan import EvaluationMoment, Plan, PlanVersion

LOOKUP_INDEXES = (
    # A person's newest entries, walked backwards: flat in the size of the audit trail.
    Index("ix_audit_actor_seq", AuditEntry.actor_id, AuditEntry.seq),
    # The households a vindplaatsmedewerker may see (access.visible_household_ids).
    Index("ix_households_created_by", Household.created_by_id, Household.id),
    # Covering: a person's help questions sent to an intake are read from index entries only
    # (a vindplaatsmedewerker registers thousands of help questions).
    Index("ix_help_questions_registered_by", HelpQuestion.registered_by_id,
          HelpQuestion.outcome_code, HelpQuestion.household_id, HelpQuestion.registered_at),
    Index("ix_intakes_started_by", Intake.started_by_id, Intake.status),
    # "No intake finished since": without it SQLite walks every finished intake per question.
    Index("ix_intakes_household_status_finished", Intake.household_id, Intake.status,
          Intake.finished_at),
    Index("ix_plans_created_by", Plan.created_by_id, Plan.household_id),
    # Whether one household is someone's own work (need to know), found by the household.
    Index("ix_plans_household_created_by", Plan.household_id, Plan.created_by_id),
    Index("ix_help_questions_household_registrar", HelpQuestion.household_id,
          HelpQuestion.registered_by_id, HelpQuestion.outcome_code),
    Index("ix_plan_versions_created_by", PlanVersion.created_by_id, PlanVersion.status,
          PlanVersion.plan_id),
    Index("ix_plan_versions_regisseur_status", PlanVersion.regisseur_id, PlanVersion.status,
          PlanVersion.plan_id),
    # The first due date of a version without reading its moments.
    Index("ix_plan_evaluation_moments_version_due", EvaluationMoment.plan_version_id,
          EvaluationMoment.due_on),
)
