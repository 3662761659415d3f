"""reports: date indexes behind the management figures

Revision ID: 0004_reports
Revises: 0003_plan
Create Date: 2026-11-22 20:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0004_reports'
down_revision: str | Sequence[str] | None = '0003_plan'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_plan_versions_agreed_on", "plan_versions", ["agreed_on"]),
    ("ix_plan_evaluations_evaluated_on", "plan_evaluations", ["evaluated_on"]),
    ("ix_intakes_started_at", "intakes", ["started_at"]),
    ("ix_intakes_finished_at", "intakes", ["finished_at"]),
    ("ix_plan_actions_result_level", "plan_actions", ["result_id", "support_level", "lineage_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
