"""figure facts: plan actions and plans with their agreement days; births by household

Revision ID: 0014_figure_facts
Revises: 0013_sharing
Create Date: 2026-12-01 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014_figure_facts'
down_revision: str | Sequence[str] | None = '0013_sharing'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: the facts as db.figure_facts derives them on the day of this migration.
FILL_ACTIONS = """
INSERT INTO figure_actions (action_id, household_id, plan_id, lineage_id, result_id, agreed_on,
                            support_level, prevention_level, service_id, start_on)
SELECT a.id, p.household_id, p.id, a.lineage_id, a.result_id, v.agreed_on, a.support_level,
       COALESCE(a.prevention_level, 'geen'), a.service_id, a.start_on
FROM plan_actions a
JOIN plan_results r ON r.id = a.result_id
JOIN plan_versions v ON v.id = r.plan_version_id
JOIN plans p ON p.id = v.plan_id
"""
FILL_PLANS = """
INSERT INTO figure_plans (plan_id, household_id, kind, first_agreed_on)
SELECT p.id, p.household_id, p.kind,
       (SELECT MIN(v.agreed_on) FROM plan_versions v WHERE v.plan_id = p.id)
FROM plans p
"""


def upgrade() -> None:
    op.create_table('figure_actions',
    sa.Column('action_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('lineage_id', sa.Uuid(), nullable=False),
    sa.Column('result_id', sa.Uuid(), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=True),
    sa.Column('support_level', sa.String(length=40), nullable=False),
    sa.Column('prevention_level', sa.String(length=20), nullable=False),
    sa.Column('service_id', sa.Uuid(), nullable=True),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_figure_actions_household_id_households'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('action_id', name=op.f('pk_figure_actions'))
    )
    op.create_index('ix_figure_actions_agreed', 'figure_actions', ['agreed_on', 'lineage_id', 'support_level', 'prevention_level', 'household_id'], unique=False)
    op.create_index('ix_figure_actions_start', 'figure_actions', ['start_on', 'service_id', 'lineage_id', 'agreed_on'], unique=False)
    op.create_index('ix_figure_actions_result', 'figure_actions', ['result_id', 'service_id'], unique=False)
    op.create_index(op.f('ix_figure_actions_household_id'), 'figure_actions', ['household_id'], unique=False)
    op.create_index(op.f('ix_figure_actions_plan_id'), 'figure_actions', ['plan_id'], unique=False)
    op.create_table('figure_plans',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('first_agreed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_figure_plans_household_id_households'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', name=op.f('pk_figure_plans'))
    )
    op.create_index('ix_figure_plans_first_agreed', 'figure_plans', ['first_agreed_on', 'kind', 'household_id'], unique=False)
    op.create_index(op.f('ix_figure_plans_household_id'), 'figure_plans', ['household_id'], unique=False)
    op.create_index('ix_members_birth_household', 'members', ['date_of_birth', 'household_id'], unique=False)
    op.execute(FILL_ACTIONS)
    op.execute(FILL_PLANS)


def downgrade() -> None:
    op.drop_index('ix_members_birth_household', table_name='members')
    op.drop_table('figure_plans')
    op.drop_table('figure_actions')
