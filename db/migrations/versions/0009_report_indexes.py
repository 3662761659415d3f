"""report indexes: covering indexes for the management figures

Revision ID: 0009_report_indexes
Revises: 0008_perf
Create Date: 2026-12-01 12:55:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0009_report_indexes'
down_revision: str | Sequence[str] | None = '0008_perf'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_help_questions_period_codes", "help_questions",
     ["registered_on", "type_code", "vindplaats_code", "channel_code", "outcome_code",
      "household_id"]),
    ("ix_help_questions_household_on", "help_questions", ["household_id", "registered_on"]),
    ("ix_plan_versions_agreed_covering", "plan_versions", ["agreed_on", "id", "plan_id"]),
    ("ix_plan_versions_plan_agreed", "plan_versions", ["plan_id", "agreed_on"]),
    ("ix_plan_results_version_covering", "plan_results", ["plan_version_id", "id"]),
    ("ix_plan_evaluations_on_covering", "plan_evaluations", ["evaluated_on", "id",
                                                             "satisfaction"]),
    ("ix_plan_evaluation_outcomes_evaluation_outcome", "plan_evaluation_outcomes",
     ["evaluation_id", "outcome"]),
)


# Single-column indexes the covering ones above start with.
SUPERSEDED = (
    ("ix_plan_versions_agreed_on", "plan_versions", ["agreed_on"]),
    ("ix_plan_evaluations_evaluated_on", "plan_evaluations", ["evaluated_on"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    for name, table, _columns in SUPERSEDED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, columns in SUPERSEDED:
        op.create_index(name, table, columns, unique=False)
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
