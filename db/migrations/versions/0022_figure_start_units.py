"""figure facts: how an action counts among the actions started with a service; levels first

The figures per organisation grouped every action started in a period by its lineage to
count each lineage once; a year of a large store sorted tens of thousands of rows for it.
`figure_actions.start_previous_on` (the lineage's start before, in start order) finds the
row of a lineage's first start in a period, and `start_unit` says whether that row stands
for the lineage there; only the few lineages that it does not are grouped. The start index
carries both columns. The support and prevention levels lead an index each, and the target group and column
lead the item groups' index, so that such a figure counts each code over its own range
instead of sorting the period's rows.

Revision ID: 0022_figure_start_units
Revises: 0021_visible_households
Create Date: 2026-12-07 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0022_figure_start_units'
down_revision: str | Sequence[str] | None = '0021_visible_households'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: the action facts as db.figure_facts derives them on the day of this migration.
# Over a lineage's rows with an agreement, a service and a start date, in start order: the
# start before (start_previous_on) and 1 where the row stands for its lineage's run of starts
# in a period (one service, no later row agreed earlier), else 2 (start_unit).
ELIGIBLE = ("CASE WHEN v.agreed_on IS NOT NULL AND a.service_id IS NOT NULL "
            "AND a.start_on IS NOT NULL THEN 1 ELSE 0 END")
LINEAGE = f"PARTITION BY a.lineage_id, {ELIGIBLE}"
ORDER = "ORDER BY a.start_on, v.agreed_on, a.id"
LATER = (f"MIN(v.agreed_on) OVER ({LINEAGE} {ORDER} "
         "ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)")
FILL_ACTIONS = f"""
INSERT INTO figure_actions (action_id, household_id, plan_id, lineage_id, result_id, agreed_on,
                            support_level, prevention_level, service_id, start_on,
                            support_previous_on, prevention_previous_on, start_previous_on,
                            start_unit)
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
                                  ORDER BY v.agreed_on, a.id) END,
       CASE WHEN {ELIGIBLE} = 1 THEN LAG(a.start_on) OVER ({LINEAGE} {ORDER}) END,
       CASE WHEN {ELIGIBLE} = 1 THEN
           CASE WHEN COUNT(*) OVER ({LINEAGE})
                     = COUNT(*) OVER ({LINEAGE}, a.service_id)
                     AND ({LATER} IS NULL OR v.agreed_on <= {LATER})
                THEN 1 ELSE 2 END END
FROM plan_actions a
JOIN plan_results r ON r.id = a.result_id
JOIN plan_versions v ON v.id = r.plan_version_id
JOIN plans p ON p.id = v.plan_id
"""


def upgrade() -> None:
    op.drop_index('ix_figure_actions_start', table_name='figure_actions')
    op.drop_index('ix_figure_actions_support_first', table_name='figure_actions')
    op.add_column('figure_actions', sa.Column('start_previous_on', sa.Date(), nullable=True))
    op.add_column('figure_actions', sa.Column('start_unit', sa.Integer(), nullable=True))
    op.execute("DELETE FROM figure_actions")
    op.execute(FILL_ACTIONS)
    op.create_index('ix_figure_actions_start', 'figure_actions',
                    ['start_on', 'start_unit', 'start_previous_on', 'service_id', 'agreed_on',
                     'lineage_id'],
                    unique=False)
    op.create_index('ix_figure_actions_support_first', 'figure_actions',
                    ['support_level', 'agreed_on', 'support_previous_on'], unique=False)
    op.create_index('ix_figure_actions_prevention_level', 'figure_actions',
                    ['prevention_level', 'agreed_on', 'prevention_previous_on'], unique=False)
    op.drop_index('ix_figure_item_groups_day', table_name='figure_item_groups')
    op.create_index('ix_figure_item_groups_code', 'figure_item_groups',
                    ['kind', 'group_code', 'column_code', 'day', 'previous_on'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_figure_item_groups_code', table_name='figure_item_groups')
    op.create_index('ix_figure_item_groups_day', 'figure_item_groups',
                    ['kind', 'day', 'previous_on', 'group_code', 'column_code'], unique=False)
    op.drop_index('ix_figure_actions_prevention_level', table_name='figure_actions')
    op.drop_index('ix_figure_actions_support_first', table_name='figure_actions')
    op.create_index('ix_figure_actions_support_first', 'figure_actions',
                    ['agreed_on', 'support_previous_on', 'support_level'], unique=False)
    op.drop_index('ix_figure_actions_start', table_name='figure_actions')
    with op.batch_alter_table('figure_actions') as batch:
        batch.drop_column('start_unit')
        batch.drop_column('start_previous_on')
    op.create_index('ix_figure_actions_start', 'figure_actions',
                    ['start_on', 'service_id', 'lineage_id', 'agreed_on'], unique=False)
