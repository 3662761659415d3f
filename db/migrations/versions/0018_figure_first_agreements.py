"""figure facts: previous agreements of action lineages (per level) and of plans (figure_versions)

Revision ID: 0018_figure_first_agreements
Revises: 0017_overview_lookups
Create Date: 2026-12-01 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018_figure_first_agreements'
down_revision: str | Sequence[str] | None = '0017_overview_lookups'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: the action facts as db.figure_facts derives them on the day of this migration.
FILL_ACTIONS = """
INSERT INTO figure_actions (action_id, household_id, plan_id, lineage_id, result_id, agreed_on,
                            support_level, prevention_level, service_id, start_on,
                            support_previous_on, prevention_previous_on)
SELECT a.id, p.household_id, p.id, a.lineage_id, a.result_id, v.agreed_on, a.support_level,
       COALESCE(a.prevention_level, 'geen'), a.service_id, a.start_on,
       CASE WHEN v.agreed_on IS NULL THEN NULL ELSE
           LAG(v.agreed_on) OVER (PARTITION BY a.lineage_id, a.support_level,
                                               v.agreed_on IS NULL
                                  ORDER BY v.agreed_on, a.id) END,
       CASE WHEN v.agreed_on IS NULL THEN NULL ELSE
           LAG(v.agreed_on) OVER (PARTITION BY a.lineage_id,
                                               COALESCE(a.prevention_level, 'geen'),
                                               v.agreed_on IS NULL
                                  ORDER BY v.agreed_on, a.id) END
FROM plan_actions a
JOIN plan_results r ON r.id = a.result_id
JOIN plan_versions v ON v.id = r.plan_version_id
JOIN plans p ON p.id = v.plan_id
"""
FILL_VERSIONS = """
INSERT INTO figure_versions (version_id, household_id, plan_id, agreed_on, previous_agreed_on)
SELECT v.id, p.household_id, p.id, v.agreed_on,
       LAG(v.agreed_on) OVER (PARTITION BY v.plan_id ORDER BY v.agreed_on, v.id)
FROM plan_versions v
JOIN plans p ON p.id = v.plan_id
WHERE v.agreed_on IS NOT NULL
"""


def upgrade() -> None:
    op.add_column('figure_actions', sa.Column('support_previous_on', sa.Date(), nullable=True))
    op.add_column('figure_actions',
                  sa.Column('prevention_previous_on', sa.Date(), nullable=True))
    op.execute("DELETE FROM figure_actions")
    op.execute(FILL_ACTIONS)
    op.create_index('ix_figure_actions_support_first', 'figure_actions',
                    ['agreed_on', 'support_previous_on', 'support_level'], unique=False)
    op.create_index('ix_figure_actions_prevention_first', 'figure_actions',
                    ['agreed_on', 'prevention_previous_on', 'prevention_level', 'household_id'],
                    unique=False)
    op.create_table('figure_versions',
    sa.Column('version_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=False),
    sa.Column('previous_agreed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_figure_versions_household_id_households'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', name=op.f('pk_figure_versions'))
    )
    op.execute(FILL_VERSIONS)
    op.create_index('ix_figure_versions_first', 'figure_versions',
                    ['agreed_on', 'previous_agreed_on', 'household_id'], unique=False)
    op.create_index(op.f('ix_figure_versions_household_id'), 'figure_versions',
                    ['household_id'], unique=False)
    op.create_index(op.f('ix_figure_versions_plan_id'), 'figure_versions', ['plan_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_table('figure_versions')
    op.drop_index('ix_figure_actions_prevention_first', table_name='figure_actions')
    op.drop_index('ix_figure_actions_support_first', table_name='figure_actions')
    with op.batch_alter_table('figure_actions') as batch:
        batch.drop_column('prevention_previous_on')
        batch.drop_column('support_previous_on')
