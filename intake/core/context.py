"""Who acts, when, and in which database session: what every domain function receives.

Kept apart from the unit of work itself so the audit trail and the access rules can name these
types without importing the code that records refusals through them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from intake.core.roles import Role

if TYPE_CHECKING:  # types only: the login window names an Actor before SQLAlchemy loads
    from sqlalchemy.orm import Session, sessionmaker


class StoreHandle(Protocol):
    """What a unit of work needs of an opened store: a way to start database sessions."""

    @property
    def sessions(self) -> sessionmaker[Session]: ...


@dataclass(frozen=True)
class Actor:
    """The signed-in person every read and write is attributed to."""

    id: uuid.UUID
    username: str
    display_name: str
    role: Role
    vindplaats_code: str | None = None


# Keys of ``UnitOfWork.read_ahead``; the ones marked "+ id" are followed by that id.
AHEAD_MEMBERS = "members"  # + household id: list[Member] in position order
AHEAD_EVALUATION = "evaluation"  # + plan version id: Evaluation | None
AHEAD_USER_NAMES = "user_names"  # dict[user id, display name] of every user
AHEAD_SERVICES = "services"  # dict[service id, SocialService] of the plans read ahead
AHEAD_LABELS = "labels"  # the LabelBook of every catalogue


@dataclass
class UnitOfWork:
    session: Session
    actor: Actor
    now: datetime
    store: StoreHandle
    # Households this actor was found to open without a reason, in this unit of work (one
    # user action): a page checks access once per part it reads, the answer is asked once.
    opens_freely: set[uuid.UUID] = field(default_factory=set)
    # The households whose access was checked in this unit of work, held here so that the
    # session (whose identity map keeps rows only while something refers to them) loads each
    # row once, not once per part of the page that checks access again.
    households_checked: dict[uuid.UUID, object] = field(default_factory=dict)
    # Rows read ahead for many households at once (bulk printing), keyed by what and whose: a
    # reader that finds its key takes the rows from here instead of a statement of its own.
    # Filled only by a read that changes none of them in the same unit of work.
    read_ahead: dict[tuple[object, ...], Any] = field(default_factory=dict)
