"""Retention terms and destructions: how long a closed dossier is kept, and the two-person step
that ends it.

A destruction record names the household by its id only (the same id the audit trail carries),
never by a name, number or address: it outlives the household so a laptop replica still holding
the household learns at its next sync that it must go.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Versioned, new_id


class RetentionTerm(Versioned, Base):
    """One term, per law (a law code of wetten.json) or for the audit trail ('audittrail')."""

    __tablename__ = "retention_terms"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    years: Mapped[int]
    source: Mapped[str] = mapped_column(String(500))
    shipped_years: Mapped[int]
    set_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class Destruction(Base):
    """A proposed (voorgesteld), carried out (vernietigd) or withdrawn (ingetrokken) destruction."""

    __tablename__ = "retention_destructions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    household_id: Mapped[uuid.UUID] = mapped_column(index=True)  # no key: outlives the household
    status: Mapped[str] = mapped_column(String(12), index=True)
    term_code: Mapped[str] = mapped_column(String(20))
    years: Mapped[int]
    # The retention end; a month (its first day) once the destruction is carried out.
    ends_on: Mapped[date]
    proposed_at: Mapped[datetime]
    proposed_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(nullable=True)
    decided_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    rows_removed: Mapped[int] = mapped_column(default=0)
