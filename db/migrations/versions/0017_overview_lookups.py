"""team overview: covering indexes for a plan's versions, a household's dossiernummer and the
questions sent on to a brede uitvraag

Revision ID: 0017_overview_lookups
Revises: 0016_own_work_lookups
Create Date: 2026-12-01 19:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0017_overview_lookups'
down_revision: str | Sequence[str] | None = '0016_own_work_lookups'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


INDEXES = (
    ("ix_plan_versions_plan_number_status", "plan_versions",
     ["plan_id", "number", "status", "id", "regisseur_id", "created_by_id", "agreed_on"]),
    ("ix_households_id_dossier", "households", ["id", "destroyed_on", "dossiernummer"]),
    ("ix_help_questions_outcome_household", "help_questions",
     ["outcome_code", "household_id", "registered_at", "registered_on", "registered_by_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
