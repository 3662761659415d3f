"""figure facts: days to an agreed plan per plan; judged results and starts per organisation

The median days from first registration to an agreed plan probed every household's help
questions for each period. The episode now ends at the agreement (the first help question
in the year up to it, else the household's registration day), as a destroyed dossier's
retained days already did, so a household's days are a fact of its plan:
`figure_plans.days_to_plan`, counted over an index on (kind, first_agreed_on, days_to_plan).

The results per organisation joined every judged result of a period to its actions and their
services and removed the duplicates. `figure_outcomes` holds each judged result once per
organisation, with `first` on one row of each result for the total: one index range counted.
The actions started per organisation sorted the period's rows by their day count:
`figure_actions.start_gap` (days from the row's agreement to its start) leads an index after
the service, so each (service, day count) is counted over its own range. The index on
judged results' services served only the join that the new table replaces. The plans per
regisseur are grouped by (responsible_id, state) over an index in that order.

Revision ID: 0023_figure_days_outcomes
Revises: 0022_figure_start_units
Create Date: 2026-12-08 01:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0023_figure_days_outcomes'
down_revision: str | Sequence[str] | None = '0022_figure_start_units'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: the plan facts' days as db.figure_facts derives them on the day of this
# migration, per backend (date arithmetic is spelled differently).
_DATES = {
    "sqlite": {"days": "CAST(julianday({later}) - julianday({earlier}) AS INTEGER)",
               "day": "date({moment})"},
    "postgresql": {"days": "({later} - {earlier})", "day": "CAST({moment} AS DATE)"},
}


def fill_days(dialect: str) -> str:
    spell = _DATES[dialect]

    def days(later: str, earlier: str) -> str:
        return spell["days"].format(later=later, earlier=earlier)

    first_question = (
        "SELECT MIN(q.registered_on) FROM help_questions q "
        "WHERE q.household_id = f.household_id AND q.registered_on <= f.first_agreed_on "
        f"AND {days('f.first_agreed_on', 'q.registered_on')} <= 365")
    registered = spell["day"].format(moment="h.created_at")
    return f"""
UPDATE figure_plans SET days_to_plan = (
    SELECT CASE WHEN e.retained IS NOT NULL THEN e.retained
                WHEN e.start <= e.agreed AND {days('e.agreed', 'e.start')} <= 365
                THEN {days('e.agreed', 'e.start')} END
    FROM (SELECT f.first_agreed_on AS agreed, h.retained_days_to_plan AS retained,
                 COALESCE(({first_question}), {registered}) AS start
          FROM figure_plans f JOIN households h ON h.id = f.household_id
          WHERE f.plan_id = figure_plans.plan_id) e)
WHERE kind = 'plan' AND first_agreed_on IS NOT NULL
"""


FILL_OUTCOMES = """
INSERT INTO figure_outcomes (outcome_id, organisation, household_id, evaluated_on, outcome,
                             first)
SELECT j.outcome_id, j.organisation, j.household_id, j.evaluated_on, j.outcome,
       CASE WHEN ROW_NUMBER() OVER (PARTITION BY j.outcome_id ORDER BY j.organisation) = 1
            THEN 1 ELSE 0 END
FROM (SELECT DISTINCT eo.id AS outcome_id, s.organisation AS organisation,
                      p.household_id AS household_id, e.evaluated_on AS evaluated_on,
                      eo.outcome AS outcome
      FROM plan_evaluation_outcomes eo
      JOIN plan_evaluations e ON e.id = eo.evaluation_id
      JOIN plan_versions v ON v.id = e.plan_version_id
      JOIN plans p ON p.id = v.plan_id
      JOIN plan_actions a ON a.result_id = eo.result_id
      JOIN social_services s ON s.id = a.service_id) j
"""


FILL_GAPS = {
    "sqlite": "UPDATE figure_actions SET start_gap = "
              "CAST(julianday(start_on) - julianday(agreed_on) AS INTEGER) "
              "WHERE start_unit IS NOT NULL",
    "postgresql": "UPDATE figure_actions SET start_gap = start_on - agreed_on "
                  "WHERE start_unit IS NOT NULL",
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.drop_index('ix_figure_actions_result', table_name='figure_actions')
    op.create_index('ix_overview_plans_responsible', 'overview_plans',
                    ['responsible_id', 'state', 'next_evaluation_on'], unique=False)
    op.add_column('figure_actions', sa.Column('start_gap', sa.Integer(), nullable=True))
    op.execute(FILL_GAPS[dialect])
    op.create_index('ix_figure_actions_start_gap', 'figure_actions',
                    ['start_unit', 'service_id', 'start_gap', 'start_on', 'start_previous_on'],
                    unique=False)
    op.create_table('figure_outcomes',
    sa.Column('outcome_id', sa.Uuid(), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('evaluated_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('first', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_figure_outcomes_household_id_households'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('outcome_id', 'organisation', name=op.f('pk_figure_outcomes'))
    )
    op.execute(FILL_OUTCOMES)
    op.create_index(op.f('ix_figure_outcomes_household_id'), 'figure_outcomes', ['household_id'],
                    unique=False)
    op.create_index('ix_figure_outcomes_evaluated', 'figure_outcomes',
                    ['evaluated_on', 'organisation', 'outcome', 'first'], unique=False)
    op.add_column('figure_plans', sa.Column('days_to_plan', sa.Integer(), nullable=True))
    op.execute(fill_days(dialect))
    op.drop_index('ix_figure_plans_first_agreed', table_name='figure_plans')
    op.create_index('ix_figure_plans_days', 'figure_plans',
                    ['kind', 'first_agreed_on', 'days_to_plan'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_overview_plans_responsible', table_name='overview_plans')
    op.drop_index('ix_figure_outcomes_evaluated', table_name='figure_outcomes')
    op.drop_index(op.f('ix_figure_outcomes_household_id'), table_name='figure_outcomes')
    op.drop_table('figure_outcomes')
    op.drop_index('ix_figure_plans_days', table_name='figure_plans')
    op.create_index('ix_figure_plans_first_agreed', 'figure_plans',
                    ['first_agreed_on', 'kind', 'household_id'], unique=False)
    with op.batch_alter_table('figure_plans') as batch:
        batch.drop_column('days_to_plan')
    op.drop_index('ix_figure_actions_start_gap', table_name='figure_actions')
    with op.batch_alter_table('figure_actions') as batch:
        batch.drop_column('start_gap')
    op.create_index('ix_figure_actions_result', 'figure_actions', ['result_id', 'service_id'],
                    unique=False)
