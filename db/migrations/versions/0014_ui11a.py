"""quick registration: the types a person registers most, counted from an index

Revision ID: 0014_ui11a
Revises: 0013_sharing
Create Date: 2026-12-01 16:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0014_ui11a'
down_revision: str | Sequence[str] | None = '0013_sharing'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_help_questions_registrar_type", "help_questions",
                    ["registered_by_id", "type_code"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_help_questions_registrar_type", table_name="help_questions")
