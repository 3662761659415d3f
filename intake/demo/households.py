"""Demo households written in bulk: tens of thousands in one transaction, in batches.

The register's own ``create_household`` runs checks and writes an audit entry per household;
for 60,000 demo households that would take far too long. Here rows go in as Core INSERTs
executed a batch of rows at a time, with the same derived columns (search keys,
dossiernummer) the register would have written, and the run records one audit entry for all
of them.
"""

from __future__ import annotations

import random
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Counter, Household, HouseholdAccess, Member, MemberNamePart, NetworkContact
from intake.core.roles import Role
from intake.core.text import fold, name_parts
from intake.demo.context import (
    Composition,
    DemoContext,
    DemoHousehold,
    DemoMember,
    ProgressFactory,
    seeded_uuid,
)
from intake.demo.people import HouseholdMaker, PlannedContact, PlannedHousehold, PlannedMember
from intake.register.households import MemberRole

BATCH = 2000
HISTORY_YEARS = 10
JOLANDA_BSN = "111222333"
# Who registered the demo households: mostly consultants, some coordinators, and a few at the
# GP's practice, so the vindplaatsmedewerker account has households of its own to open.
CREATOR_WEIGHTS = {Role.CONSULENT: 80, Role.REGISSEUR: 17, Role.VINDPLAATS: 3}


def jolanda(reference: date) -> PlannedHousehold:
    """The resident of the domain reference: 28, living alone, her boyfriend's family nearby."""
    born = date(reference.year - 28, 5, 17)
    return PlannedHousehold(
        composition=Composition.ALLEENSTAAND, name_group="nederlands", street="Brinkstraat",
        house_number=14, suffix="", postcode="7551CK", city="Hengelo", phone="06-41234567",
        email="",
        members=[PlannedMember("Jolanda", "", "Verhoef", born, MemberRole.ALLEENSTAAND, True,
                               JOLANDA_BSN)],
        network=[
            PlannedContact("Kevin Hüsken", "vriend", "06-52345678",
                           "gaat mee naar afspraken, helpt met plannen"),
            PlannedContact("Anja Hüsken", "moeder van haar vriend", "074-2345678",
                           "post en formulieren, een luisterend oor"),
        ],
    )


def _existing_bsns(session: Session) -> set[str]:
    return {bsn for bsn in session.scalars(select(Member.bsn).where(Member.bsn.is_not(None)))
            if bsn}


def _counters(session: Session, years: range) -> dict[int, int]:
    names = {f"dossier-{year}": year for year in years}
    found: dict[str, int] = {
        name: value for name, value in session.execute(
            select(Counter.name, Counter.value).where(Counter.name.in_(names)))
    }
    return {year: found.get(name, 0) for name, year in names.items()}


def save_counters(session: Session, counters: dict[int, int]) -> None:
    for year, value in counters.items():
        counter = session.get(Counter, f"dossier-{year}")
        if counter is None:
            session.add(Counter(name=f"dossier-{year}", value=value))
        elif value > counter.value:
            counter.value = value
    session.flush()


def _registration_times(rng: random.Random, count: int, reference: date) -> list[datetime]:
    """Spread over the ten years before the demo year, in order, during office hours."""
    first = date(reference.year - HISTORY_YEARS, 1, 1).toordinal()
    days = reference.toordinal() - first
    stamps = []
    for _ in range(count):
        day = date.fromordinal(first + rng.randrange(days))
        while day.weekday() >= 5:  # weekends: the office is closed
            day = date.fromordinal(first + rng.randrange(days))
        stamps.append(datetime(day.year, day.month, day.day, rng.randint(8, 16),
                               rng.randrange(60), rng.randrange(60)))
    stamps.sort()
    return stamps


def add_households(ctx: DemoContext, count: int, progress: ProgressFactory, *,
                   with_jolanda: bool) -> None:
    """Generate ``count`` households (Jolanda among them when asked) and insert them."""
    taken, counters = read_existing(ctx.session, ctx.now)
    generate_households(ctx, count, progress, with_jolanda=with_jolanda, taken=taken,
                        counters=counters)
    save_counters(ctx.session, counters)


def read_existing(session: Session, now: datetime) -> tuple[set[str], dict[int, int]]:
    """What new households must not repeat: the BSNs in the store and the dossiernummer
    counters of the history years."""
    reference = date(now.year, 1, 1)
    return (_existing_bsns(session),
            _counters(session, range(reference.year - HISTORY_YEARS, reference.year)))


def generate_households(ctx: DemoContext, count: int, progress: ProgressFactory, *,
                        with_jolanda: bool, taken: set[str], counters: dict[int, int]) -> None:
    """The households' rows into ``ctx.insert``; ``ctx.households`` and ``counters`` are
    brought up to date. Reads nothing from the store (a worker process may run it)."""
    rng = ctx.rng_for("huishoudens")
    reference = date(ctx.now.year, 1, 1)
    taken.add(JOLANDA_BSN)
    maker = HouseholdMaker(rng, reference, taken)
    stamps = _registration_times(rng, count, reference)
    creators = list(CREATOR_WEIGHTS)
    creator_weights = list(CREATOR_WEIGHTS.values())
    # Jolanda is the most recently registered household of the demo history.
    jolanda_at = count - 1 if with_jolanda else -1
    report = progress("Huishoudens", count)
    rows = _Rows()
    for index in range(count):
        planned = jolanda(reference) if index == jolanda_at else maker.household()
        creator = Role.CONSULENT if index == jolanda_at else \
            rng.choices(creators, weights=creator_weights)[0]
        created_at = stamps[index]
        counters[created_at.year] += 1
        number = f"HH-{created_at.year}-{counters[created_at.year]:06d}"
        household = rows.add(ctx, rng, planned, number, created_at, creator)
        if index == jolanda_at:
            ctx.jolanda_id = household.id
            # The GP's practice nurse works with her too: give the field worker access.
            rows.access.append({"household_id": household.id,
                                "user_id": ctx.actors[Role.VINDPLAATS].id,
                                "granted_at": created_at})
        if len(rows.households) >= BATCH:
            rows.flush(ctx)
            report(index + 1)
    rows.flush(ctx)
    report(count)
    ctx.counts["huishoudens"] = ctx.counts.get("huishoudens", 0) + count


# A town's names repeat: each is folded and split into its parts once (pure functions).
_folded = lru_cache(maxsize=1 << 16)(fold)


@lru_cache(maxsize=1 << 16)
def _name_parts(given: str, family: str) -> tuple[str, ...]:
    return tuple(name_parts(given, family))


class _Rows:
    """Rows waiting for the next multi-row INSERT."""

    def __init__(self) -> None:
        self.households: list[dict[str, Any]] = []
        self.members: list[dict[str, Any]] = []
        self.name_parts: list[dict[str, Any]] = []
        self.network: list[dict[str, Any]] = []
        self.access: list[dict[str, Any]] = []

    def add(self, ctx: DemoContext, rng: random.Random, planned: PlannedHousehold,
            dossiernummer: str, created_at: datetime, creator: Role) -> DemoHousehold:
        household_id = seeded_uuid(rng)
        self.households.append({
            "id": household_id, "dossiernummer": dossiernummer, "street": planned.street,
            "house_number": planned.house_number, "house_number_suffix": planned.suffix,
            "postcode": planned.postcode, "city": planned.city, "phone": planned.phone,
            "email": planned.email, "created_at": created_at,
            "created_by_id": ctx.actors[creator].id, "is_demo": True, "version": 1,
        })
        members = []
        for position, person in enumerate(planned.members):
            member_id = seeded_uuid(rng)
            self.members.append({
                "id": member_id, "household_id": household_id, "position": position,
                "given_name": person.given_name, "prefix": person.prefix,
                "family_name": person.family_name, "date_of_birth": person.date_of_birth,
                "role": person.role.value, "bsn": person.bsn,
                "family_key": _folded(person.family_name),
                "given_key": _folded(person.given_name),
                "version": 1,
            })
            self.name_parts.extend({"member_id": member_id, "part": part,
                                    "household_id": household_id} for part in
                                   _name_parts(person.given_name, person.family_name))
            members.append(DemoMember(member_id, person.given_name, person.prefix,
                                      person.family_name, person.date_of_birth,
                                      person.role.value, person.female))
        for position, contact in enumerate(planned.network):
            self.network.append({
                "id": seeded_uuid(rng), "household_id": household_id, "position": position,
                "name": contact.name, "relation": contact.relation, "phone": contact.phone,
                "can_help_with": contact.can_help_with, "version": 1,
            })
        made = DemoHousehold(household_id, dossiernummer, planned.composition,
                             planned.name_group, created_at, creator, tuple(members))
        ctx.households.append(made)
        return made

    def flush(self, ctx: DemoContext) -> None:
        # Core inserts on the tables: the ORM's per-object bookkeeping is what we skip here.
        for model, rows in ((Household, self.households), (Member, self.members),
                            (NetworkContact, self.network), (MemberNamePart, self.name_parts),
                            (HouseholdAccess, self.access)):
            if rows:
                ctx.insert(model, rows)
                rows.clear()
