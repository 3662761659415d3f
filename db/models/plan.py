"""The plan van aanpak: one plan per household (plus a toekomstplan per young adult), kept as
numbered versions. An agreed version is frozen; a change starts a new draft copied from it.

Results and actions carry a ``lineage_id`` shared by their copies in every version, so "what
changed" between two versions compares like with like. The sociale kaart lives here too: the
services an action can point to.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, Versioned, new_id


class SocialService(Versioned, Base):
    """One service on the sociale kaart. Codes are stable; a service is deactivated, not
    deleted, so old actions keep pointing at it."""

    __tablename__ = "social_services"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # algemeen / maatwerk
    domain_code: Mapped[str] = mapped_column(String(40))  # levensdomeinen.json
    description: Mapped[str] = mapped_column(String(500), default="")
    contact: Mapped[str] = mapped_column(String(500), default="")
    active: Mapped[bool] = mapped_column(default=True)
    shipped: Mapped[bool] = mapped_column(default=True)
    # universeel / selectief / geindiceerd (preventieniveaus.json); None: care, not prevention.
    prevention_level: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # Folded name + organisation: a LIKE on this serves search on every backend.
    search_key: Mapped[str] = mapped_column(String(400), index=True)


class Plan(Versioned, Base):
    __tablename__ = "plans"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # plan / toekomstplan
    owner_member_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), nullable=True
    )
    # "plan" or "toekomstplan:<member hex>": unique per household, portable (no partial index).
    scope_key: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime]
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None] = mapped_column(nullable=True)

    versions: Mapped[list[PlanVersion]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanVersion.number"
    )

    __table_args__ = (UniqueConstraint("household_id", "scope_key", name="uq_plans_scope"),)


class PlanVersion(Versioned, Base):
    __tablename__ = "plan_versions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    number: Mapped[int]
    # concept / wacht_op_akkoord / actief / vervangen / geevalueerd / afgesloten
    status: Mapped[str] = mapped_column(String(24), index=True)
    created_at: Mapped[datetime]
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    agreed_on: Mapped[date | None] = mapped_column(nullable=True)
    agreed_how: Mapped[str | None] = mapped_column(String(20), nullable=True)  # getekend/mondeling
    agreed_recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id"), nullable=True
    )
    client_support_offered: Mapped[bool] = mapped_column(default=False)
    regisseur_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id"), nullable=True, index=True
    )
    aanspreekpunt: Mapped[str] = mapped_column(String(200), default="")
    aanspreekpunt_contact: Mapped[str] = mapped_column(String(200), default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    worries: Mapped[str] = mapped_column(Text, default="")
    earlier_help: Mapped[str] = mapped_column(Text, default="")
    closing_reason: Mapped[str] = mapped_column(String(500), default="")

    plan: Mapped[Plan] = relationship(back_populates="versions")
    results: Mapped[list[PlanResult]] = relationship(
        back_populates="plan_version", cascade="all, delete-orphan", order_by="PlanResult.position"
    )
    professionals: Mapped[list[PlanProfessional]] = relationship(
        cascade="all, delete-orphan", order_by="PlanProfessional.position"
    )
    evaluation_moments: Mapped[list[EvaluationMoment]] = relationship(
        cascade="all, delete-orphan", order_by="EvaluationMoment.due_on"
    )

    __table_args__ = (UniqueConstraint("plan_id", "number", name="uq_plan_versions_number"),)


class PlanProfessional(Base):
    """A professional involved; edited as a list with the version's details."""

    __tablename__ = "plan_professionals"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    plan_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")


class EvaluationMoment(Base):
    __tablename__ = "plan_evaluation_moments"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    plan_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    due_on: Mapped[date] = mapped_column(index=True)
    label: Mapped[str] = mapped_column(String(200), default="")


class PlanResult(Versioned, Base):
    __tablename__ = "plan_results"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    plan_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    lineage_id: Mapped[uuid.UUID] = mapped_column(default=new_id)
    position: Mapped[int] = mapped_column(default=0)
    domain_code: Mapped[str] = mapped_column(String(40))
    law_code: Mapped[str] = mapped_column(String(20), default="geen")
    theme: Mapped[str | None] = mapped_column(String(30), nullable=True)  # toekomstplan theme
    member_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), nullable=True
    )
    text: Mapped[str] = mapped_column(Text, default="")  # in the resident's own words
    target_on: Mapped[date | None] = mapped_column(nullable=True)
    # Where it came from: leefgebied (a low score) / hulpvraag / eigen (typed by hand).
    source_kind: Mapped[str] = mapped_column(String(20), default="eigen")
    source_ref: Mapped[str] = mapped_column(String(80), default="")

    plan_version: Mapped[PlanVersion] = relationship(back_populates="results")
    actions: Mapped[list[PlanAction]] = relationship(
        back_populates="result", cascade="all, delete-orphan", order_by="PlanAction.position"
    )


class PlanAction(Versioned, Base):
    __tablename__ = "plan_actions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    result_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plan_results.id", ondelete="CASCADE"), index=True
    )
    lineage_id: Mapped[uuid.UUID] = mapped_column(default=new_id)
    position: Mapped[int] = mapped_column(default=0)
    what: Mapped[str] = mapped_column(Text)
    who_kind: Mapped[str] = mapped_column(String(20))  # inwoner/netwerk/professional/organisatie
    who_name: Mapped[str] = mapped_column(String(200), default="")
    support_level: Mapped[str] = mapped_column(String(40))  # ondersteuningsniveaus.json
    service_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("social_services.id", ondelete="SET NULL"), nullable=True
    )
    start_on: Mapped[date | None] = mapped_column(nullable=True)
    due_on: Mapped[date | None] = mapped_column(nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="gepland")
    # preventieniveaus.json; taken from the service when none is chosen.
    prevention_level: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # The day the action was marked done (status gedaan); travels with its copies.
    finished_on: Mapped[date | None] = mapped_column(nullable=True)

    result: Mapped[PlanResult] = relationship(back_populates="actions")


class Evaluation(Base):
    """The evaluation of one agreed version; written once, never edited."""

    __tablename__ = "plan_evaluations"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    plan_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), unique=True
    )
    evaluated_on: Mapped[date]
    satisfaction: Mapped[int | None] = mapped_column(nullable=True)  # 1-5
    decision: Mapped[str] = mapped_column(String(20))  # volgende_versie / afsluiten
    closing_reason: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))

    outcomes: Mapped[list[EvaluationOutcome]] = relationship(cascade="all, delete-orphan")


class EvaluationOutcome(Base):
    __tablename__ = "plan_evaluation_outcomes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    evaluation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plan_evaluations.id", ondelete="CASCADE"), index=True
    )
    result_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plan_results.id", ondelete="CASCADE"), index=True
    )
    outcome: Mapped[str] = mapped_column(String(20))  # behaald/deels_behaald/niet_behaald/...
    note: Mapped[str] = mapped_column(Text, default="")


Index("ix_plan_versions_plan_status", PlanVersion.plan_id, PlanVersion.status)
