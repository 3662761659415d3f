"""Search-first register: no list of all residents, results as you type.

One field understands a BSN (nine digits), a postcode with an optional house number, a date of
birth, or a name (every word must start a given or family name). Results are limited and only
households the person may see are returned.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, func, or_, select

from db.models import Household, Member
from intake import audit
from intake.access import household_filter, require_role
from intake.roles import CASE_READERS
from intake.session import UnitOfWork
from intake.text import fold, full_name
from intake.validation import format_postcode, normalise_bsn, normalise_postcode, parse_date

MIN_CHARS = 2
LIMIT = 50
_POSTCODE_NUMBER = re.compile(r"^\s*([1-9][0-9]{3}\s*[A-Za-z]{2})\s*(\d+)?\s*$")


@dataclass(frozen=True)
class HouseholdHit:
    id: uuid.UUID
    dossiernummer: str
    names: str
    address: str
    members: int


def _upper_bound(prefix: str) -> str:
    """The smallest string after every string starting with prefix (for an index range scan)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _name_condition(token: str):  # type: ignore[no-untyped-def]
    upper = _upper_bound(token)
    return or_(and_(Member.family_key >= token, Member.family_key < upper),
               and_(Member.given_key >= token, Member.given_key < upper))


def _matching_ids(query: str) -> Select[uuid.UUID] | None:
    text = query.strip()
    born: date | None = parse_date(text) if re.search(r"\d", text) else None
    if born is not None:
        return select(Member.household_id).where(Member.date_of_birth == born)
    digits = re.sub(r"[\s.\-]", "", text)
    if digits.isdigit() and len(digits) in (8, 9):
        bsn = normalise_bsn(digits)
        if bsn is None:
            return None
        return select(Member.household_id).where(Member.bsn == bsn)
    match = _POSTCODE_NUMBER.match(text)
    if match and normalise_postcode(match.group(1)):
        clause = Household.postcode == normalise_postcode(match.group(1))
        if match.group(2):
            clause = and_(clause, Household.house_number == int(match.group(2)))
        return select(Household.id).where(clause)
    tokens = [fold(part) for part in re.split(r"[\s,]+", text) if part]
    tokens = [token for token in tokens if token]
    if not tokens or len("".join(tokens)) < MIN_CHARS:
        return None
    # Each word may match a different member ("jansen fatima" finds the Jansen household
    # where Fatima lives): intersect the households per word.
    per_token = [select(Member.household_id).where(_name_condition(t)) for t in tokens]
    if len(per_token) == 1:
        return per_token[0]
    first, *rest = per_token
    return select(Household.id).where(
        Household.id.in_(first), *[Household.id.in_(sub) for sub in rest]
    )


def search_households(uow: UnitOfWork, query: str, limit: int = LIMIT) -> list[HouseholdHit]:
    require_role(uow, CASE_READERS, "zoeken", "huishouden",
                 "Alleen medewerkers met toegang tot dossiers kunnen huishoudens zoeken.")
    ids = _matching_ids(query)
    if ids is None:
        return []
    households = uow.session.execute(
        select(Household.id)
        .where(Household.id.in_(ids), household_filter(uow))
        .order_by(Household.dossiernummer)
        .limit(limit)
    ).scalars().all()
    hits = describe_households(uow, list(households))
    # The query itself may be a name or a BSN: only its kind of result is recorded.
    audit.record(uow, "zoeken", "huishouden", detail=f"{len(hits)} resultaten")
    return hits


def describe_households(uow: UnitOfWork, ids: list[uuid.UUID]) -> list[HouseholdHit]:
    """Rows for a result list, in the order of ``ids``; only households the actor may see."""
    if not ids:
        return []
    households = {
        h.id: h for h in uow.session.scalars(
            select(Household).where(Household.id.in_(ids), household_filter(uow)))
    }
    members: dict[uuid.UUID, list[Member]] = {}
    for member in uow.session.scalars(
            select(Member).where(Member.household_id.in_(households)).order_by(Member.position)):
        members.setdefault(member.household_id, []).append(member)
    hits = []
    for household_id in ids:
        household = households.get(household_id)
        if household is None:
            continue
        people = members.get(household_id, [])
        names = ", ".join(full_name(m.given_name, m.prefix, m.family_name) for m in people[:3])
        if len(people) > 3:
            names += f" en {len(people) - 3} anderen"
        number = f"{household.house_number}{household.house_number_suffix}"
        hits.append(HouseholdHit(
            id=household.id, dossiernummer=household.dossiernummer, names=names,
            address=f"{household.street} {number}, {format_postcode(household.postcode)} "
                    f"{household.city}",
            members=len(people),
        ))
    return hits


def recent_households(uow: UnitOfWork, limit: int = 10) -> list[HouseholdHit]:
    if uow.actor.role not in CASE_READERS:
        return []
    return describe_households(uow, audit.recent_household_ids(uow, limit))


def count_households(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.count()).select_from(Household)) or 0)
