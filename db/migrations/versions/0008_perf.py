"""perf: indexes for lookups per person and per household

Revision ID: 0008_perf
Revises: 0007_name_parts
Create Date: 2026-12-01 11:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0008_perf'
down_revision: str | Sequence[str] | None = '0007_name_parts'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_audit_actor_seq", "audit_entries", ["actor_id", "seq"]),
    ("ix_households_created_by", "households", ["created_by_id", "id"]),
    ("ix_help_questions_registered_by", "help_questions", ["registered_by_id", "outcome_code"]),
    ("ix_intakes_started_by", "intakes", ["started_by_id", "status"]),
    ("ix_intakes_household_status_finished", "intakes", ["household_id", "status",
                                                          "finished_at"]),
    ("ix_plans_created_by", "plans", ["created_by_id"]),
    ("ix_plan_versions_created_by", "plan_versions", ["created_by_id", "status", "plan_id"]),
    ("ix_plan_versions_regisseur_status", "plan_versions", ["regisseur_id", "status"]),
    ("ix_plan_evaluation_moments_version_due", "plan_evaluation_moments",
     ["plan_version_id", "due_on"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
