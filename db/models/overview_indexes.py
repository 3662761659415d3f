"""Covering indexes for the team overview and the plan status per regisseur: per plan its
newest version, the version in force and its dossiernummer, and the households waiting for a
brede uitvraag, come from index entries alone; `overview_plans` holds that per plan, kept by
`db.figure_facts`, so the overview reads one narrow row per plan instead.
On an encrypted store every table row visited is a page read and decrypted at random; a
version row carries its free texts (strengths, worries), a household row its address. The
tables belong to their own modules; only these indexes are declared here."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.models.households import Household
from db.models.intake import HelpQuestion
from db.models.plan import PlanVersion

OVERVIEW_INDEXES = (
    # A plan's versions by number, with every column the plan status reads.
    Index("ix_plan_versions_plan_number_status", PlanVersion.plan_id, PlanVersion.number,
          PlanVersion.status, PlanVersion.id, PlanVersion.regisseur_id,
          PlanVersion.created_by_id, PlanVersion.agreed_on),
    # A household's dossiernummer by its id, skipping destroyed dossiers' shells.
    Index("ix_households_id_dossier", Household.id, Household.destroyed_on,
          Household.dossiernummer),
    # Questions sent on to a brede uitvraag, with what the waiting list tests and shows.
    Index("ix_help_questions_outcome_household", HelpQuestion.outcome_code,
          HelpQuestion.household_id, HelpQuestion.registered_at, HelpQuestion.registered_on,
          HelpQuestion.registered_by_id),
)


class OverviewPlan(Base):
    """Per plan with a version what the team overview and the plan status per regisseur
    show, derived from its versions: the newest version, the version in force (the plan's
    ``actief`` one) and that version's first evaluation moment. Only what holds whatever
    the day is: "evaluatie verlopen" and "binnenkort" are asked of ``next_evaluation_on``
    at query time. Kept in the same transaction as the plans by `db.figure_facts`."""

    __tablename__ = "overview_plans"

    plan_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    # afgesloten / actief (a version in force) / wacht_op_akkoord / concept
    state: Mapped[str] = mapped_column(String(24))
    version_number: Mapped[int]  # the newest version
    active_number: Mapped[int | None] = mapped_column(nullable=True)
    new_version: Mapped[str] = mapped_column(String(24))  # a newer draft's status, or ''
    # Who answers for it in counts per person (the regisseur, else the drafter), and the
    # regisseur a list names (of the version in force, else of the newest version).
    responsible_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    shown_regisseur_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    author_id: Mapped[uuid.UUID]  # who drew up the plan
    created_at: Mapped[datetime]  # of the plan: within a dossier plans are listed in that order
    agreed_on: Mapped[date | None] = mapped_column(nullable=True)  # of the version in force
    next_evaluation_on: Mapped[date | None] = mapped_column(nullable=True)

    __table_args__ = (
        # A caseload's plans by household, in the order a dossier lists them (the plan van
        # aanpak, then the toekomstplannen as drawn up), every column shown in the entry.
        Index("ix_overview_plans_household", "household_id", "kind", "created_at", "plan_id",
              "state", "version_number", "active_number", "new_version", "responsible_id",
              "shown_regisseur_id", "agreed_on", "next_evaluation_on"),
        # The plans per regisseur and state, counted in index order (the management figures).
        Index("ix_overview_plans_responsible", "responsible_id", "state", "next_evaluation_on"),
    )
