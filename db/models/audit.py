"""Audit trail (BIO / NEN 7513): append-only, each entry chained to the previous by hash."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class AuditEntry(Base):
    __tablename__ = "audit_entries"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    actor_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    actor_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    household_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    result: Mapped[str] = mapped_column(String(20))
    # Never a name or a BSN: codes, counts and field names only.
    detail: Mapped[str] = mapped_column(String(500), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_household_at", "household_id", "at"),
        Index("ix_audit_actor_action_at", "actor_id", "action", "at"),
    )
