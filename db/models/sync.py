"""Laptop replicas and their sync with the team server.

One schema for both sides, so a replica is an ordinary store: on the server the change log,
the applied push ids, the replicas and their offline marks fill up; on a laptop the outbox and
the sync state. The conflicts table lives on both (the laptop keeps a copy of what concerns it).
Values travel as JSON text: the column's value encoded by ``intake.team.rows``.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, new_id


class SyncOutbox(Base):
    """Laptop: one row per changed column of a synced row, written in the transaction of the
    change itself. ``status``: nieuw (to push), geweigerd (refused by the server: kept and
    shown)."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    change_id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(80))
    op: Mapped[str] = mapped_column(String(10))  # insert / update / delete / audit
    column_name: Mapped[str] = mapped_column(String(60), default="")
    base_json: Mapped[str] = mapped_column(Text, default="null")
    new_json: Mapped[str] = mapped_column(Text, default="null")
    household_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True, index=True)
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), default="nieuw", index=True)
    message: Mapped[str] = mapped_column(String(500), default="")


class SyncState(Base):
    """Laptop: the pull cursor and the last sync, saved with the rows a pull applied."""

    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class SyncChange(Base):
    """Server: every written row of a synced table; ``seq`` is the pull cursor."""

    __tablename__ = "sync_changes"

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"),
                                     primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(80))
    op: Mapped[str] = mapped_column(String(10))  # upsert / delete
    household_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64), default="")  # user name, for conflicts

    __table_args__ = (Index("ix_sync_changes_household_seq", "household_id", "seq"),)


class SyncApplied(Base):
    """Server: each pushed change id once, with the outcome the client was (or will be) told."""

    __tablename__ = "sync_applied"

    change_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    replica_id: Mapped[uuid.UUID]
    outcome: Mapped[str] = mapped_column(String(12))  # toegepast / gelijk / conflict / geweigerd
    message: Mapped[str] = mapped_column(String(500), default="")
    conflict_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    at: Mapped[datetime]


class SyncReplica(Base):
    """Server: one laptop replica of one person. ``secret`` wraps the replica key a second
    time and is released only after an online sign-in; ``contact_hash`` lets the laptop ask
    whether it was revoked without a password."""

    __tablename__ = "sync_replicas"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    secret: Mapped[str] = mapped_column(String(64))
    contact_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_contact: Mapped[datetime | None] = mapped_column(nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)


class SyncOfflineMark(Base):
    """Server: a household a person opened online or made available offline, until when."""

    __tablename__ = "sync_offline_marks"

    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    until: Mapped[datetime]


class SyncAlias(Base):
    """Server and laptop: the provisional dossiernummer a household was created with offline,
    so it stays findable by it after the server gave it its real number."""

    __tablename__ = "sync_aliases"

    alias: Mapped[str] = mapped_column(String(20), primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(index=True)


class SyncConflict(Base):
    """Both values of one field changed on two sides; the server's value stays until the person
    whose change arrived second resolves it. Also flags possible duplicate households
    (``column_name`` '*dubbel*', the other household's id as ``server_json``)."""

    __tablename__ = "sync_conflicts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(80))
    column_name: Mapped[str] = mapped_column(String(60))
    household_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True, index=True)
    base_json: Mapped[str] = mapped_column(Text, default="null")
    server_json: Mapped[str] = mapped_column(Text, default="null")
    server_by: Mapped[str] = mapped_column(String(64), default="")
    server_at: Mapped[datetime | None] = mapped_column(nullable=True)
    client_json: Mapped[str] = mapped_column(Text, default="null")
    client_by_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    client_by: Mapped[str] = mapped_column(String(64), default="")
    client_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolved_json: Mapped[str | None] = mapped_column(Text, nullable=True)
