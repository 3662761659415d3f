"""team overview: a summary row per plan (overview_plans), kept with the figure facts

Revision ID: 0020_overview_plans
Revises: 0019_figure_target_groups
Create Date: 2026-12-01 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0020_overview_plans'
down_revision: str | Sequence[str] | None = '0019_figure_target_groups'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: the overview rows as db.figure_facts derives them on the day of this migration.
FILL_OVERVIEW = """
INSERT INTO overview_plans (plan_id, household_id, kind, state, version_number, active_number,
                            new_version, responsible_id, shown_regisseur_id, author_id,
                            created_at, agreed_on, next_evaluation_on)
SELECT p.id, p.household_id, p.kind,
       CASE WHEN p.closed_at IS NOT NULL OR l.status = 'afgesloten' THEN 'afgesloten'
            WHEN a.id IS NOT NULL THEN 'actief'
            WHEN l.status = 'wacht_op_akkoord' THEN 'wacht_op_akkoord'
            ELSE 'concept' END,
       l.number, a.number,
       CASE WHEN a.id IS NOT NULL AND l.id != a.id THEN l.status ELSE '' END,
       COALESCE(a.regisseur_id, l.regisseur_id, a.created_by_id, l.created_by_id),
       CASE WHEN a.id IS NOT NULL THEN a.regisseur_id ELSE l.regisseur_id END,
       p.created_by_id, p.created_at, a.agreed_on,
       (SELECT MIN(m.due_on) FROM plan_evaluation_moments m WHERE m.plan_version_id = a.id)
FROM plans p
JOIN plan_versions l ON l.plan_id = p.id
     AND l.number = (SELECT MAX(n.number) FROM plan_versions n WHERE n.plan_id = p.id)
LEFT OUTER JOIN plan_versions a ON a.id = (
     SELECT x.id FROM plan_versions x WHERE x.plan_id = p.id AND x.status = 'actief'
     ORDER BY x.number DESC LIMIT 1)
"""


def upgrade() -> None:
    op.create_table('overview_plans',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=24), nullable=False),
    sa.Column('version_number', sa.Integer(), nullable=False),
    sa.Column('active_number', sa.Integer(), nullable=True),
    sa.Column('new_version', sa.String(length=24), nullable=False),
    sa.Column('responsible_id', sa.Uuid(), nullable=True),
    sa.Column('shown_regisseur_id', sa.Uuid(), nullable=True),
    sa.Column('author_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=True),
    sa.Column('next_evaluation_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_overview_plans_household_id_households'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', name=op.f('pk_overview_plans'))
    )
    op.execute(FILL_OVERVIEW)
    op.create_index('ix_overview_plans_household', 'overview_plans',
                    ['household_id', 'kind', 'created_at', 'plan_id', 'state',
                     'version_number', 'active_number', 'new_version', 'responsible_id',
                     'shown_regisseur_id', 'agreed_on', 'next_evaluation_on'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_overview_plans_household', table_name='overview_plans')
    op.drop_table('overview_plans')
