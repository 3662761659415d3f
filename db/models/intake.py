"""Help questions, the brede uitvraag and the catalogues a beheerder extends.

Catalogue codes are stable: a code is never deleted or reused (it is deactivated instead), and
every label it ever had is kept in ``catalogue_labels`` so old registrations show the label
they were made under.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Versioned, new_id


class CatalogueEntry(Versioned, Base):
    """One code in an extendable catalogue (hulpvraagtype, vindplaats, kanaal, uitkomst)."""

    __tablename__ = "catalogue_entries"

    catalogue: Mapped[str] = mapped_column(String(20), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))  # the current label
    # hulpvraagtype: the law it falls under (resources/catalogues/wetten.json).
    law_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # vindplaats: iJw referrer code (COD327) where the place is a legal referrer for youth care.
    ijw_code: Mapped[str | None] = mapped_column(String(2), nullable=True)
    active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)
    shipped: Mapped[bool] = mapped_column(default=True)  # False: added by a beheerder
    created_at: Mapped[datetime]


class CatalogueLabel(Base):
    """Every label a code carried, from when. Appended on each relabel, never changed."""

    __tablename__ = "catalogue_labels"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    catalogue: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[datetime]
    set_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    __table_args__ = (
        ForeignKeyConstraint(
            ["catalogue", "code"], ["catalogue_entries.catalogue", "catalogue_entries.code"],
            name="fk_catalogue_labels_entry",
        ),
        Index("ix_catalogue_labels_code_from", "catalogue", "code", "valid_from"),
    )


class Intake(Versioned, Base):
    """One brede uitvraag of a household, taken with one version of the questionnaire."""

    __tablename__ = "intakes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    definition_key: Mapped[str] = mapped_column(String(40))
    definition_version: Mapped[int]
    channel_code: Mapped[str] = mapped_column(String(40))
    vindplaats_code: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), default="open")  # open / afgerond
    started_at: Mapped[datetime]
    started_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    finished_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id"), nullable=True
    )
    # Where the wizard was last: reopening resumes at this question.
    current_key: Mapped[str | None] = mapped_column(String(80), nullable=True)
    current_repeat: Mapped[str] = mapped_column(String(40), default="")
    # Recorded at finishing: plan / verwijzing / afgesloten (from the conclusion).
    next_step: Mapped[str | None] = mapped_column(String(40), nullable=True)

    __table_args__ = (Index("ix_intakes_status_started", "status", "started_at"),)


class IntakeAnswer(Base):
    """One answer, saved the moment it is given. ``repeat_key`` is the member id (hex) for a
    section asked per child and '' otherwise, so the unique key works on every backend."""

    __tablename__ = "intake_answers"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    # No separate index: the unique key below starts with intake_id and serves those lookups.
    intake_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intakes.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(80))
    repeat_key: Mapped[str] = mapped_column(String(40), default="")
    value_json: Mapped[str] = mapped_column(Text)
    definition_version: Mapped[int]
    answered_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("intake_id", "question_key", "repeat_key",
                                       name="uq_intake_answers_key"),)


class Signal(Versioned, Base):
    """A safety or crisis signal raised by an answer; open until every step has a decision."""

    __tablename__ = "signals"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    intake_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("intakes.id", ondelete="CASCADE"), index=True
    )
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # veiligheid / crisis
    question_key: Mapped[str] = mapped_column(String(80))
    repeat_key: Mapped[str] = mapped_column(String(40), default="")
    raised_at: Mapped[datetime]
    raised_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    handled_at: Mapped[datetime | None] = mapped_column(nullable=True)

    # Lists flag the households with an open signal: the open ones (few) from this index alone.
    __table_args__ = (Index("ix_signals_open_household", "handled_at", "household_id", "kind"),)


class SignalStep(Base):
    """The recorded decision for one step of the signal's route (the Meldcode's five steps)."""

    __tablename__ = "signal_steps"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    signal_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("signals.id", ondelete="CASCADE"), index=True
    )
    step: Mapped[int]
    decision: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime]
    decided_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (UniqueConstraint("signal_id", "step", name="uq_signal_steps_step"),)


class HelpQuestion(Versioned, Base):
    """A help question (melding/hulpvraag), registered by type and by where it was found."""

    __tablename__ = "help_questions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), nullable=True
    )
    registered_on: Mapped[date] = mapped_column(index=True)  # the day of the contact
    registered_at: Mapped[datetime]  # when it was written down: picks the catalogue label
    registered_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    type_code: Mapped[str] = mapped_column(String(40))
    vindplaats_code: Mapped[str] = mapped_column(String(40))
    channel_code: Mapped[str] = mapped_column(String(40))
    question: Mapped[str] = mapped_column(String(300), default="")
    outcome_code: Mapped[str] = mapped_column(String(40))
    referral_target: Mapped[str] = mapped_column(String(200), default="")
    intake_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("intakes.id", ondelete="SET NULL"), nullable=True, index=True
    )

    # The quick registration lists the types a person registers most first: counted from
    # this index alone.
    __table_args__ = (Index("ix_help_questions_registrar_type", "registered_by_id",
                            "type_code"),)


class StoreSecret(Base):
    """Secrets that belong to one store, e.g. the key of the export pseudonyms."""

    __tablename__ = "store_secrets"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class StoreSetting(Base):
    """What a beheerder sets for one store, e.g. after how many days to remind of a backup."""

    __tablename__ = "store_settings"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime]
