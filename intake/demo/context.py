"""What a demo run hands to each step: the store, the demo accounts, the households made so far.

A step is ``step(ctx, progress)``. It writes its rows with ``ctx.insert`` into the one
transaction of the run (bulk inserts, no unit of work per row), adds its totals to
``ctx.counts`` for the single audit entry, and draws its randomness from
``ctx.rng_for("its-name")`` so that adding a step never changes what the other steps generate
for the same seed. A large run gives each step a worker process of its own (see ``workers``):
a step reads what it needs from the context (``ctx.services``), not from ``ctx.session``.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from db import bulk
from intake.core.context import Actor
from intake.core.roles import Role
from intake.store import Store

# Progress(label, total) gives a callable reporting how many are done; the CLI passes its
# terminal counter, tests pass something silent.
ProgressFactory = Callable[[str, int], Callable[[int], None]]


class Composition(StrEnum):
    """The kinds of household the demo world holds."""

    OUDERE_ALLEEN = "oudere, alleenwonend"
    ALLEENSTAAND = "alleenstaand"
    JONGVOLWASSENE = "jongvolwassene"
    STEL = "stel"
    GEZIN = "gezin met kinderen"
    GROOT_GEZIN = "groot gezin"
    EENOUDERGEZIN = "eenoudergezin"
    MEERGENERATIE = "meergeneratiegezin"


@dataclass(frozen=True, slots=True)
class DemoMember:
    id: uuid.UUID
    given_name: str
    prefix: str
    family_name: str
    date_of_birth: date
    role: str  # a MemberRole value
    female: bool


@dataclass(frozen=True, slots=True)
class DemoHousehold:
    id: uuid.UUID
    dossiernummer: str
    composition: Composition
    name_group: str
    created_at: datetime
    created_by: Role
    members: tuple[DemoMember, ...]


@dataclass
class DemoContext:
    store: Store
    session: Session
    actors: dict[Role, Actor]
    seed: int
    # Households already in the store before this run: part of every derived seed, so a second
    # run on the same store adds new households instead of repeating the first ones.
    offset: int
    rng: random.Random
    now: datetime
    households: list[DemoHousehold] = field(default_factory=list)
    jolanda_id: uuid.UUID | None = None
    # What this run added, e.g. {"huishoudens": 60000}; becomes the detail of the audit entry.
    counts: dict[str, int] = field(default_factory=dict)
    # The sociale-kaart services: (code, id, prevention level), read once before the steps.
    services: tuple[tuple[str, uuid.UUID, str | None], ...] = ()
    # In a worker process: where ``insert`` sends the rows instead of the session.
    sink: Callable[[Table | type[Any], Sequence[dict[str, Any]]], None] | None = None

    def insert(self, target: Table | type[Any], rows: Sequence[dict[str, Any]]) -> None:
        """Rows for one table (dicts with the same keys), in the run's transaction."""
        if not rows:
            return
        if self.sink is not None:
            self.sink(target, rows)
        else:
            bulk.insert_rows(self.session.connection(), target, rows)

    def rng_for(self, name: str) -> random.Random:
        """An independent, reproducible random stream for one step."""
        return random.Random(f"intake-demo:{self.seed}:{self.offset}:{name}")


# What uuid.UUID(int=..., version=4) does to the drawn bits: the variant and version fields.
_KEEP = ~((0xC000 << 48) | (0xF000 << 64))
_MARK = (0x8000 << 48) | (4 << 76)
_UNKNOWN = uuid.SafeUUID.unknown  # looked up once: an enum member costs a call per access


def seeded_uuid(rng: random.Random) -> uuid.UUID:
    """A version-4 UUID drawn from a seeded stream: same seed, same identities.

    The same value as ``uuid.UUID(int=rng.getrandbits(128), version=4)``, made without the
    constructor's argument checks: a large demo draws millions of them."""
    made = object.__new__(uuid.UUID)
    object.__setattr__(made, "int", (rng.getrandbits(128) & _KEEP) | _MARK)
    object.__setattr__(made, "is_safe", _UNKNOWN)
    return made


Step = Callable[[DemoContext, ProgressFactory], None]
