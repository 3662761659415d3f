"""quick registration and signals: the types a person registers most, and the open signals,
each read from an index

Revision ID: 0015_signal_flags
Revises: 0014_figure_facts
Create Date: 2026-12-01 16:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0015_signal_flags'
down_revision: str | Sequence[str] | None = '0014_figure_facts'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


INDEXES = (
    ("ix_help_questions_registrar_type", "help_questions", ["registered_by_id", "type_code"]),
    ("ix_signals_open_household", "signals", ["handled_at", "household_id", "kind"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
