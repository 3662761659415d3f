"""Indexes the management figures need: each figure filters on a date within a period. The
tables belong to the intake and plan modules; only these indexes are declared here."""

from __future__ import annotations

from sqlalchemy import Index

from db.models.intake import Intake
from db.models.plan import Evaluation, PlanAction, PlanVersion

REPORT_INDEXES = (
    Index("ix_plan_versions_agreed_on", PlanVersion.agreed_on),
    Index("ix_plan_evaluations_evaluated_on", Evaluation.evaluated_on),
    Index("ix_intakes_started_at", Intake.started_at),
    Index("ix_intakes_finished_at", Intake.finished_at),
    # Covering index for the support-level mix: the count reads no action rows.
    Index("ix_plan_actions_result_level", PlanAction.result_id, PlanAction.support_level,
          PlanAction.lineage_id),
    # Actions started and finished in a period, per organisation of the sociale kaart.
    Index("ix_plan_actions_start_on", PlanAction.start_on),
    Index("ix_plan_actions_finished_on", PlanAction.finished_on),
)
