"""figure facts: households with several help questions or laws, per question; intakes

The households with more than one help question or law grouped the period's questions per
household. `figure_questions` keeps, per question, the days of the household's questions
before it, so the first, second and first "other law" question of a household in a period
are found by one range scan. The intakes finished in a period that also started in it are
counted from an index on (finished_at, started_at) instead of visiting each intake.

Revision ID: 0024_figure_questions
Revises: 0023_figure_days_outcomes
Create Date: 2026-12-08 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0024_figure_questions'
down_revision: str | Sequence[str] | None = '0023_figure_days_outcomes'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: the question facts as db.question_facts derives them on the day of this
# migration. A run of questions under one law starts where the law changes; the day before
# the run's start is the latest question under another law.
_UNDER_LAW = "PARTITION BY l.household_id, l.has_law ORDER BY l.registered_on, l.id"
_HOUSEHOLD = "PARTITION BY o.household_id ORDER BY o.registered_on, o.id"
FILL_QUESTIONS = f"""
INSERT INTO figure_questions (question_id, household_id, registered_on, previous_on,
                              second_previous_on, other_law_on, other_law_before_on)
SELECT o.id, o.household_id, o.registered_on,
       LAG(o.registered_on) OVER ({_HOUSEHOLD}),
       LAG(o.registered_on, 2) OVER ({_HOUSEHOLD}),
       o.other_law_on,
       MAX(o.other_law_on) OVER ({_HOUSEHOLD}
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
FROM (SELECT s.id, s.household_id, s.registered_on,
             CASE WHEN s.has_law = 1 THEN
                 MAX(CASE WHEN s.law_before != s.law THEN s.on_before END)
                 OVER (PARTITION BY s.household_id, s.has_law ORDER BY s.registered_on, s.id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) END AS other_law_on
      FROM (SELECT l.id, l.household_id, l.registered_on, l.law, l.has_law,
                   LAG(l.law) OVER ({_UNDER_LAW}) AS law_before,
                   LAG(l.registered_on) OVER ({_UNDER_LAW}) AS on_before
            FROM (SELECT q.id, q.household_id, q.registered_on,
                         CASE WHEN c.law_code IS NOT NULL AND c.law_code != 'geen'
                              THEN c.law_code END AS law,
                         CASE WHEN c.law_code IS NOT NULL AND c.law_code != 'geen'
                              THEN 1 ELSE 0 END AS has_law
                  FROM help_questions q
                  LEFT JOIN catalogue_entries c
                         ON c.catalogue = 'hulpvraagtype' AND c.code = q.type_code) l) s) o
"""


def upgrade() -> None:
    op.drop_index('ix_intakes_finished_at', table_name='intakes')
    op.create_index('ix_intakes_finished_started', 'intakes', ['finished_at', 'started_at'],
                    unique=False)
    op.create_table('figure_questions',
    sa.Column('question_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('previous_on', sa.Date(), nullable=True),
    sa.Column('second_previous_on', sa.Date(), nullable=True),
    sa.Column('other_law_on', sa.Date(), nullable=True),
    sa.Column('other_law_before_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_figure_questions_household_id_households'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('question_id', name=op.f('pk_figure_questions'))
    )
    op.execute(FILL_QUESTIONS)
    op.create_index(op.f('ix_figure_questions_household_id'), 'figure_questions',
                    ['household_id'], unique=False)
    op.create_index('ix_figure_questions_registered', 'figure_questions',
                    ['registered_on', 'previous_on', 'second_previous_on', 'other_law_on',
                     'other_law_before_on'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_figure_questions_registered', table_name='figure_questions')
    op.drop_index(op.f('ix_figure_questions_household_id'), table_name='figure_questions')
    op.drop_table('figure_questions')
    op.drop_index('ix_intakes_finished_started', table_name='intakes')
    op.create_index('ix_intakes_finished_at', 'intakes', ['finished_at'], unique=False)
