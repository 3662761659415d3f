"""figure facts: the target groups of each help question, agreed version and action on its day

Revision ID: 0019_figure_target_groups
Revises: 0018_figure_first_agreements
Create Date: 2026-12-01 22:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0019_figure_target_groups'
down_revision: str | Sequence[str] | None = '0018_figure_first_agreements'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: the item groups as db.figure_facts derives them on the day of this migration,
# with the derived groups of doelgroepen.json of that day (code, age band [from, to) in years).
AGE_BANDS = (("jonge_kind", 0, 2),)
# A date as the number YYYYMMDD: the age on a day is (day - born) // 10000, as age_on counts.
DAY_NUMBER = {"sqlite": "CAST(strftime('%Y%m%d', {0}) AS INTEGER)",
              "postgresql": "CAST(to_char({0}, 'YYYYMMDD') AS INTEGER)"}
ITEMS = """(
SELECT 'hulpvraag' AS kind, q.id AS item_id, q.household_id AS household_id,
       q.registered_on AS day, CAST(NULL AS DATE) AS previous_on, 'aantal' AS column_code
FROM help_questions q
UNION ALL
SELECT 'plan', v.version_id, v.household_id, v.agreed_on, v.previous_agreed_on, 'aantal'
FROM figure_versions v
UNION ALL
SELECT 'actie', a.action_id, a.household_id, a.agreed_on, a.prevention_previous_on,
       a.prevention_level
FROM figure_actions a WHERE a.agreed_on IS NOT NULL
) i"""
TYPED = f"""
SELECT i.kind, i.item_id, t.code, i.household_id, i.day, i.previous_on, i.column_code
FROM {ITEMS}
JOIN target_group_tags t ON t.household_id = i.household_id AND t.set_on <= i.day
     AND (t.removed_on IS NULL OR i.day < t.removed_on)"""
DERIVED = f"""
SELECT i.kind, i.item_id, '{{code}}', i.household_id, i.day, i.previous_on, i.column_code
FROM {ITEMS}
JOIN members m ON m.household_id = i.household_id AND m.date_of_birth IS NOT NULL
     AND {{gap}} >= {{low}} * 10000 AND {{gap}} < {{high}} * 10000"""
INSERT = """INSERT INTO figure_item_groups (kind, item_id, group_code, household_id, day,
                                previous_on, column_code)
"""


def fill_sql(dialect: str) -> str:
    number = DAY_NUMBER[dialect]
    gap = f"{number.format('i.day')} - {number.format('m.date_of_birth')}"
    derived = [DERIVED.format(code=code, gap=gap, low=low, high=high)
               for code, low, high in AGE_BANDS]
    return INSERT + "\nUNION\n".join([TYPED, *derived])


def upgrade() -> None:
    op.create_table('figure_item_groups',
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('item_id', sa.Uuid(), nullable=False),
    sa.Column('group_code', sa.String(length=40), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('previous_on', sa.Date(), nullable=True),
    sa.Column('column_code', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_figure_item_groups_household_id_households'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('kind', 'item_id', 'group_code', name=op.f('pk_figure_item_groups'))
    )
    op.execute(fill_sql(op.get_bind().dialect.name))
    op.create_index('ix_figure_item_groups_day', 'figure_item_groups',
                    ['kind', 'day', 'previous_on', 'group_code', 'column_code'], unique=False)
    op.create_index(op.f('ix_figure_item_groups_household_id'), 'figure_item_groups',
                    ['household_id'], unique=False)


def downgrade() -> None:
    op.drop_table('figure_item_groups')
