"""Sharing with a basis: consent or a legal ground to share a household's file with a named
organisation, and need-to-know openings of a household outside one's caseload."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Versioned, new_id


class SharingBasis(Versioned, Base):
    """Consent to share (or another recorded legal ground) with one organisation of the
    sociale kaart: for what purpose, which parts, how given, from and until when."""

    __tablename__ = "sharing_bases"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True)
    organisation_code: Mapped[str] = mapped_column(String(80))  # folded organisation name
    organisation: Mapped[str] = mapped_column(String(200))  # as on the sociale kaart
    ground: Mapped[str] = mapped_column(String(30))  # toestemming, jeugdwet, meldcode, ...
    purpose: Mapped[str] = mapped_column(String(500))
    parts: Mapped[str] = mapped_column(String(100))  # comma-separated: plan,intake,hulpvragen
    given_how: Mapped[str] = mapped_column(String(20), default="")  # getekend / mondeling
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]
    withdrawn_on: Mapped[date | None]
    withdrawn_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime]
    recorded_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))


class NeedToKnowOpening(Base):
    """A household opened outside the opener's caseload, with the reason given; the team
    lead reviews consulents' and regisseurs' openings, the beheerder sees team leads'."""

    __tablename__ = "need_to_know_openings"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    role: Mapped[str] = mapped_column(String(30))  # the opener's role at the time
    opened_at: Mapped[datetime] = mapped_column(index=True)
    reason_code: Mapped[str] = mapped_column(String(30))
    reason_text: Mapped[str] = mapped_column(String(500))
    review_status: Mapped[str] = mapped_column(String(20), default="open")  # open/gezien/vraag
    review_note: Mapped[str] = mapped_column(String(500), default="")
    reviewed_at: Mapped[datetime | None]
    reviewed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
