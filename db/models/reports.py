"""Indexes the management figures need: each figure filters on a date within a period. The
tables belong to the intake and plan modules; only these indexes are declared here."""

from __future__ import annotations

from sqlalchemy import Index

from db.models.intake import Intake
from db.models.plan import Evaluation, Plan, PlanAction, PlanResult, PlanVersion

REPORT_INDEXES = (
    Index("ix_plan_versions_agreed_on", PlanVersion.agreed_on),
    Index("ix_plan_evaluations_evaluated_on", Evaluation.evaluated_on),
    Index("ix_intakes_started_at", Intake.started_at),
    Index("ix_intakes_finished_at", Intake.finished_at),
    # Covering index for the support-level mix: the count reads no action rows.
    Index("ix_plan_actions_result_level", PlanAction.result_id, PlanAction.support_level,
          PlanAction.lineage_id),
    # Covering indexes for the prevention figures: actions per prevention level (and the
    # organisation of their service at evaluation), started and finished per organisation.
    Index("ix_plan_actions_result_prevention", PlanAction.result_id, PlanAction.prevention_level,
          PlanAction.lineage_id, PlanAction.service_id, PlanAction.start_on),
    # The path from versions agreed in a period to their actions and household, read from
    # indexes only (a version or result row holds long texts).
    Index("ix_plan_versions_agreed_plan", PlanVersion.agreed_on, PlanVersion.id,
          PlanVersion.plan_id),
    Index("ix_plan_results_version_result", PlanResult.plan_version_id, PlanResult.id),
    Index("ix_plans_id_household", Plan.id, Plan.household_id),
    Index("ix_plan_actions_start_on", PlanAction.start_on, PlanAction.service_id,
          PlanAction.lineage_id, PlanAction.result_id),
    Index("ix_plan_actions_finished_on", PlanAction.finished_on, PlanAction.service_id,
          PlanAction.lineage_id),
)
