"""The household register: the unit of work of the social domain."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, Versioned, new_id


class Household(Versioned, Base):
    __tablename__ = "households"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    dossiernummer: Mapped[str] = mapped_column(String(20), unique=True)
    street: Mapped[str] = mapped_column(String(200))
    house_number: Mapped[int]
    house_number_suffix: Mapped[str] = mapped_column(String(10), default="")
    postcode: Mapped[str] = mapped_column(String(7), index=True)  # normalised "1234AB"
    city: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    is_demo: Mapped[bool] = mapped_column(default=False)
    # Set on the anonymous shell a destroyed dossier leaves behind (the month it was destroyed):
    # it holds the help questions, actions and outcomes the figures of past periods count, and
    # nothing of the resident. No one opens or finds it.
    destroyed_on: Mapped[date | None] = mapped_column(nullable=True)
    # The shell's days from first registration to first agreed plan, kept as a number because
    # its day-level dates are gone (intake.reports.queries.days_to_agreed_plan).
    retained_days_to_plan: Mapped[int | None] = mapped_column(nullable=True)

    members: Mapped[list[Member]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Member.position"
    )
    network: Mapped[list[NetworkContact]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="NetworkContact.position"
    )

    __table_args__ = (Index("ix_households_postcode_number", "postcode", "house_number"),)


class Member(Versioned, Base):
    __tablename__ = "members"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    given_name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(20), default="")  # tussenvoegsel
    family_name: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[date | None] = mapped_column(nullable=True, index=True)
    # An expected child: date_of_birth is then the expected date of birth, which may lie ahead.
    expected: Mapped[bool] = mapped_column(default=False, server_default=false())
    role: Mapped[str] = mapped_column(String(32))
    # Where a member who belongs to the family lives when not at the household's address
    # ('' = at the address; otherwise a code of intake.register.Residence), since when, and
    # where in general terms only ("pleeggezin in Twente"), never an address.
    residence: Mapped[str] = mapped_column(String(32), default="", server_default="")
    residence_since: Mapped[date | None] = mapped_column(nullable=True)
    residence_note: Mapped[str] = mapped_column(String(200), default="", server_default="")
    bsn: Mapped[str | None] = mapped_column(String(9), nullable=True, index=True)
    # Casefolded, accent-free copies: an index range scan serves prefix search on any backend.
    family_key: Mapped[str] = mapped_column(String(100), index=True)
    given_key: Mapped[str] = mapped_column(String(100), index=True)

    household: Mapped[Household] = relationship(back_populates="members")
    name_parts: Mapped[list[MemberNamePart]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class NetworkContact(Versioned, Base):
    __tablename__ = "network_contacts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    can_help_with: Mapped[str] = mapped_column(String(500), default="")

    household: Mapped[Household] = relationship(back_populates="network")


class HouseholdAccess(Base):
    """Field workers see only households they registered or were added to."""

    __tablename__ = "household_access"

    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    granted_at: Mapped[datetime]


class Counter(Base):
    """Named counters, e.g. the yearly dossiernummer sequence."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)



class MemberNamePart(Base):
    """Each part of a member's names a search word may start (intake.core.text.name_parts),
    so every part of a multi-part family name is found through an index range scan."""

    __tablename__ = "member_name_parts"

    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    part: Mapped[str] = mapped_column(String(100), primary_key=True)
    # The member's household, kept here so a search reads one index range and never visits
    # the members table (each visit there is a page to decrypt).
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"))

    household: Mapped[Household] = relationship()

    __table_args__ = (Index("ix_member_name_parts_part_household", "part", "household_id"),
                      Index("ix_member_name_parts_household_part", "household_id", "part"))


class TargetGroupTag(Versioned, Base):
    """A prevention target group (doelgroepen.json) on a member or on the household, from
    the day it was set until the day it was removed (exclusive). Removing keeps the row, so
    figures over an earlier period still count it. Groups that follow from data (an age
    band) are derived and never stored here."""

    __tablename__ = "target_group_tags"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    # None: the group concerns the household; otherwise the member it concerns.
    member_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), nullable=True, index=True
    )
    code: Mapped[str] = mapped_column(String(40))
    set_on: Mapped[date]
    set_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    removed_on: Mapped[date | None] = mapped_column(nullable=True)
    removed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    __table_args__ = (Index("ix_target_group_tags_code_household", "code", "household_id"),)
