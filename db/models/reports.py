"""Indexes the management figures need. Each figure reads the rows of its period from one
index range and, where it can, never visits the table: on an encrypted store every table row
visited is a page read and decrypted at random, where an index range is a few pages read in
order. The case tables belong to the intake and plan modules; declared here are their indexes
and the fact tables derived from the plans (kept in step by `db.figure_facts`)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.models.households import Member
from db.models.intake import HelpQuestion, Intake
from db.models.plan import (
    Evaluation,
    EvaluationOutcome,
    Plan,
    PlanAction,
    PlanResult,
    PlanVersion,
)

REPORT_INDEXES = (
    Index("ix_intakes_started_at", Intake.started_at),
    # Intakes finished in a period, and which of them started in it, from the index alone.
    Index("ix_intakes_finished_started", Intake.finished_at, Intake.started_at),
    # Covering index for the support-level mix: the count reads no action rows.
    Index("ix_plan_actions_result_level", PlanAction.result_id, PlanAction.support_level,
          PlanAction.lineage_id),
    # Help questions per type, vindplaats, channel and outcome, and per household, in a period.
    Index("ix_help_questions_period_codes", HelpQuestion.registered_on, HelpQuestion.type_code,
          HelpQuestion.vindplaats_code, HelpQuestion.channel_code, HelpQuestion.outcome_code,
          HelpQuestion.household_id),
    # A household's first help question in a window (days from registration to agreed plan).
    Index("ix_help_questions_household_on", HelpQuestion.household_id,
          HelpQuestion.registered_on),
    # Versions agreed in a period, with what their results and plans are found by.
    Index("ix_plan_versions_agreed_covering", PlanVersion.agreed_on, PlanVersion.id,
          PlanVersion.plan_id),
    # "Agreed before the period" per plan.
    Index("ix_plan_versions_plan_agreed", PlanVersion.plan_id, PlanVersion.agreed_on),
    Index("ix_plan_results_version_covering", PlanResult.plan_version_id, PlanResult.id),
    Index("ix_plan_evaluations_on_covering", Evaluation.evaluated_on, Evaluation.id,
          Evaluation.satisfaction),
    Index("ix_plan_evaluation_outcomes_evaluation_outcome", EvaluationOutcome.evaluation_id,
          EvaluationOutcome.outcome),
    # Covering indexes for the prevention figures: actions per prevention level (and the
    # organisation of their service at evaluation), started and finished per organisation.
    Index("ix_plan_actions_result_prevention", PlanAction.result_id, PlanAction.prevention_level,
          PlanAction.lineage_id, PlanAction.service_id, PlanAction.start_on),
    # Plans to their household from the index alone (the path from versions agreed in a
    # period to their results uses the covering indexes above).
    Index("ix_plans_id_household", Plan.id, Plan.household_id),
    Index("ix_plan_actions_start_on", PlanAction.start_on, PlanAction.service_id,
          PlanAction.lineage_id, PlanAction.result_id),
    Index("ix_plan_actions_finished_on", PlanAction.finished_on, PlanAction.service_id,
          PlanAction.lineage_id),
    # Members in an age band on some day of the period (the derived target groups), with
    # their household, without visiting the members themselves.
    Index("ix_members_birth_household", Member.date_of_birth, Member.household_id),
)


class FigureAction(Base):
    """Every plan action with its household, plan and the day its version was agreed: the
    action figures read one narrow table by one index range instead of joining actions,
    results, versions and plans for every row of a year. Kept by `db.figure_facts`."""

    __tablename__ = "figure_actions"

    action_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True)
    plan_id: Mapped[uuid.UUID] = mapped_column(index=True)
    lineage_id: Mapped[uuid.UUID]
    result_id: Mapped[uuid.UUID]
    agreed_on: Mapped[date | None] = mapped_column(nullable=True)
    support_level: Mapped[str] = mapped_column(String(40))
    prevention_level: Mapped[str] = mapped_column(String(20))  # "geen" without a level
    service_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    start_on: Mapped[date | None] = mapped_column(nullable=True)
    # The agreement day of the same lineage's previous agreed row with the same support
    # level (prevention level), in (agreed_on, action_id) order; None for the first one and
    # for a row without agreement. A lineage counts once in a period, on its first day
    # there: the row whose day lies in the period and whose previous one lies before it.
    support_previous_on: Mapped[date | None] = mapped_column(nullable=True)
    prevention_previous_on: Mapped[date | None] = mapped_column(nullable=True)
    # Among the actions started with a service, a lineage counts once per period and
    # organisation: on the row of its first start there (`start_previous_on`, the start of
    # the lineage's row before, lies before the period) when `start_unit` is `START_FIRST`
    # in `db.figure_facts`, by grouping its rows when it is `START_GROUPED`; both None for a
    # row without agreement, service or start date.
    start_previous_on: Mapped[date | None] = mapped_column(nullable=True)
    start_unit: Mapped[int | None] = mapped_column(nullable=True)
    # Days from the row's agreement to its start (negative: started before it), with
    # `start_unit`: the days from agreement to start per organisation, counted per service
    # and day count over an index range each.
    start_gap: Mapped[int | None] = mapped_column(nullable=True)

    __table_args__ = (
        # Actions of versions agreed in a period, per lineage, level and household.
        Index("ix_figure_actions_agreed", "agreed_on", "lineage_id", "support_level",
              "prevention_level", "household_id"),
        # Each lineage once per period, per support level and per prevention level: the
        # levels first, each counted over its own range (`intake.reports.queries.per_code`).
        Index("ix_figure_actions_support_first", "support_level", "agreed_on",
              "support_previous_on"),
        Index("ix_figure_actions_prevention_level", "prevention_level", "agreed_on",
              "prevention_previous_on"),
        Index("ix_figure_actions_prevention_first", "agreed_on", "prevention_previous_on",
              "prevention_level", "household_id"),
        # Actions with a service started in a period.
        Index("ix_figure_actions_start", "start_on", "start_unit", "start_previous_on",
              "service_id", "agreed_on", "lineage_id"),
        # The same, each lineage's first start per service and day count (`per_code`).
        Index("ix_figure_actions_start_gap", "start_unit", "service_id", "start_gap", "start_on",
              "start_previous_on"),
    )


class FigurePlan(Base):
    """Every plan with the day of its first agreed version (None while there is none) and,
    for the household's plan (kind "plan", one per household), the days from the start of
    its episode to that agreement (see `db.figure_facts`)."""

    __tablename__ = "figure_plans"

    plan_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    first_agreed_on: Mapped[date | None] = mapped_column(nullable=True)
    days_to_plan: Mapped[int | None] = mapped_column(nullable=True)

    __table_args__ = (
        Index("ix_figure_plans_days", "kind", "first_agreed_on", "days_to_plan"),
    )


class FigureVersion(Base):
    """Every agreed plan version with its plan's previous agreement day (in (agreed_on,
    version_id) order; None for the first): a plan counts once in a period, on its first
    agreement day there."""

    __tablename__ = "figure_versions"

    version_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True)
    plan_id: Mapped[uuid.UUID] = mapped_column(index=True)
    agreed_on: Mapped[date]
    previous_agreed_on: Mapped[date | None] = mapped_column(nullable=True)

    __table_args__ = (
        Index("ix_figure_versions_first", "agreed_on", "previous_agreed_on", "household_id"),
    )


class FigureQuestion(Base):
    """Every help question with the days of the household's questions before it (in
    (registered_on, question_id) order), so "households with a question, with more than one,
    with questions under more than one law" in a period are counts over one index range: a
    household's first question in the period is the one whose previous lies before it, its
    second the one whose previous lies in it and whose second previous does not.
    `other_law_on` is the day of the latest earlier question under another law (both under a
    law, not "geen"), `other_law_before_on` the latest `other_law_on` of the questions before;
    so the first question of a period to follow one under another law in it is the one whose
    `other_law_on` lies in the period and whose `other_law_before_on` does not. A type's law is
    fixed when its code is added. Kept by `db.figure_facts`."""

    __tablename__ = "figure_questions"

    question_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True)
    registered_on: Mapped[date]
    previous_on: Mapped[date | None] = mapped_column(nullable=True)
    second_previous_on: Mapped[date | None] = mapped_column(nullable=True)
    other_law_on: Mapped[date | None] = mapped_column(nullable=True)
    other_law_before_on: Mapped[date | None] = mapped_column(nullable=True)

    __table_args__ = (
        Index("ix_figure_questions_registered", "registered_on", "previous_on",
              "second_previous_on", "other_law_on", "other_law_before_on"),
    )


class FigureOutcome(Base):
    """Every result judged at an evaluation, once per organisation of the sociale kaart with
    an action for that result (a service of it): the results per organisation are a plain
    count of one index range, where joining evaluations, actions and services and removing
    the duplicates sorted every judged result of a period. `first` marks one row per judged
    result, so the total counts each once. A service moved to another organisation rebuilds
    the rows of the households that use it. Kept by `db.figure_facts`."""

    __tablename__ = "figure_outcomes"

    outcome_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200), primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True)
    evaluated_on: Mapped[date]
    outcome: Mapped[str] = mapped_column(String(20))
    first: Mapped[int]

    __table_args__ = (
        Index("ix_figure_outcomes_evaluated", "evaluated_on", "organisation", "outcome",
              "first"),
    )


class FigureItemGroup(Base):
    """A help question, an agreed plan version or an action of an agreed version, once per
    target group its household held on the item's day: typed on the household or a member
    (the tags that held that day) or derived from a member's date of birth (an age band, as
    `age_on` counts years). The groups depend on that day only, never on the period, so a
    group figure is one filtered count. Health-data groups are health data here too: the
    rows go with the household's tags and members (rebuilt) and with the household
    (cascade). Kept by `db.figure_facts`."""

    __tablename__ = "figure_item_groups"

    kind: Mapped[str] = mapped_column(String(10), primary_key=True)  # hulpvraag, plan, actie
    item_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    group_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True)
    day: Mapped[date]
    # The item's previous agreement as its fact row has it (None for a help question): the
    # figure counts a plan or action lineage once per period, on its first day there.
    previous_on: Mapped[date | None] = mapped_column(nullable=True)
    # The figure's column: "aantal", or an action's prevention level ("geen" without one).
    column_code: Mapped[str] = mapped_column(String(20))

    __table_args__ = (
        # Per group and column, each counted over its own range of days
        # (`intake.reports.queries.per_code`).
        Index("ix_figure_item_groups_code", "kind", "group_code", "column_code", "day",
              "previous_on"),
    )
