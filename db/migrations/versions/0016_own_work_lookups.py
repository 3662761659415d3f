"""own work asked per household: plans and help questions by household and person

Revision ID: 0016_own_work_lookups
Revises: 0015_signal_flags
Create Date: 2026-12-01 17:15:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0016_own_work_lookups'
down_revision: str | Sequence[str] | None = '0015_signal_flags'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


INDEXES = (
    ("ix_plans_household_created_by", "plans", ["household_id", "created_by_id"]),
    ("ix_help_questions_household_registrar", "help_questions",
     ["household_id", "registered_by_id", "outcome_code"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
