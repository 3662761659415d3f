"""the households a person may see read from index entries only

A vindplaatsmedewerker's search starts from the households they may see; listing them read a
table row for every help question they sent to an intake and for every plan version they are
regisseur of or drew up. Three indexes get the columns those parts need.

Revision ID: 0021_visible_households
Revises: 0020_overview_plans
Create Date: 2026-12-01 22:35:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0021_visible_households'
down_revision: str | Sequence[str] | None = '0020_overview_plans'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# name, table, columns before, columns after
WIDENED = (
    ("ix_help_questions_registered_by", "help_questions",
     ["registered_by_id", "outcome_code"],
     ["registered_by_id", "outcome_code", "household_id", "registered_at"]),
    ("ix_plans_created_by", "plans", ["created_by_id"], ["created_by_id", "household_id"]),
    ("ix_plan_versions_regisseur_status", "plan_versions",
     ["regisseur_id", "status"],
     ["regisseur_id", "status", "plan_id"]),
)


def upgrade() -> None:
    for name, table, _before, after in WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, after, unique=False)


def downgrade() -> None:
    for name, table, before, _after in reversed(WIDENED):
        op.drop_index(name, table_name=table)
        op.create_index(name, table, before, unique=False)
