"""Covering indexes for the team overview and the plan status per regisseur: per plan its
newest version, the version in force and its dossiernummer, and the households waiting for a
brede uitvraag, come from index entries alone.
On an encrypted store every table row visited is a page read and decrypted at random; a
version row carries its free texts (strengths, worries), a household row its address. The
tables belong to their own modules; only these indexes are declared here."""

from __future__ import annotations

from sqlalchemy import Index

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
