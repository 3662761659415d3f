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
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Row,
    Select,
    and_,
    bindparam,
    exists,
    extract,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import InstrumentedAttribute, aliased

from db.models import Household, Member, MemberNamePart, SyncAlias
from intake.core import audit
from intake.core.access import (
    NO_CASE_ACCESS,
    household_filter,
    household_filter_of,
    household_ids_visible_to,
    on_replica,
    opens_without_reason_of,
    reason_values,
    require_role,
    visible_household_ids,
)
from intake.core.context import Actor, UnitOfWork
from intake.core.planner import unindexed
from intake.core.roles import CASE_READERS
from intake.core.text import TUSSENVOEGSELS, digits, fold, full_name, words
from intake.core.validation import format_postcode, normalise_bsn, normalise_postcode, parse_date

MIN_CHARS = 2
AnyRow = Row[*tuple[Any, ...]]  # a result row of any columns
LIMIT = 50
_POSTCODE_NUMBER = re.compile(r"^\s*([1-9][0-9]{3}\s*[A-Za-z]{2})\s*(\d+)?\s*$")


@dataclass(frozen=True)
class HouseholdHit:
    """A search result. ``limited``: a household outside the searcher's own work, shown with
    only the names, year of birth and street (no number, no dossiernummer); opening it asks
    for a reason (``intake.register.need_to_know``)."""

    id: uuid.UUID
    dossiernummer: str
    names: str
    address: str
    members: int
    limited: bool = False


_DOSSIER = re.compile(r"^(HH-\d{4}-\d{6}|VOORLOPIG-[0-9A-F]{8})$")
# How many matching members are looked at before the visible households are ranked: a prefix
# like "jans" matches thousands of people in a large store; the list shows fifty anyway.
CANDIDATES = 500


def _upper_bound(prefix: str) -> str:
    """The smallest string after every string starting with prefix (for an index range scan)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _starts_with(column: InstrumentedAttribute[str], name: str) -> ColumnElement[bool]:
    """The column starts with the prefix bound as ``name`` (its upper bound as ``name_end``)."""
    return and_(column >= bindparam(name), column < bindparam(f"{name}_end"))


Candidates = tuple[Select[uuid.UUID], dict[str, Any]]  # a statement and its values


def _name_query(text: str) -> Candidates | None:
    """Every word must start some part of the names of a member of the household (AND):
    "jansen fatima" finds the Jansens where Fatima lives, "vries" finds Jansen-de Vries. A
    tussenvoegsel is no part: it matches nothing by itself and is left out next to others."""
    tokens = list(dict.fromkeys(w for w in words(text) if w not in TUSSENVOEGSELS))
    if len("".join(tokens)) < MIN_CHARS:
        return None
    # The longest word drives a range scan of the (part, household) index, which holds the
    # household itself; every other word must start a part in the same household.
    ordered = sorted(tokens, key=len, reverse=True)
    values: dict[str, Any] = {}
    for i, token in enumerate(ordered):
        values[f"word{i}"], values[f"word{i}_end"] = token, _upper_bound(token)
    return _name_statement(len(ordered) - 1), values


@lru_cache(maxsize=64)
def _name_statement(others: int, actor: Actor | None = None) -> Select[uuid.UUID]:
    """The name query for a driving word and ``others`` more, its words bound as values: one
    statement per number of words (and person), built and compiled once (building it, and the
    statement around it, cost more than running it). With an ``actor`` who sees part of the
    households, each match of the driving word is looked up in the list of those first, and
    only the few that remain are asked for the other words (of "el a", 3,000 name parts start
    with "el"; each asked for an "a" cost more than the whole list). Unindexed: left to
    itself the planner walks that list and looks each up in the name index, a random page
    read (and decryption) per household, where one range scan of the name index reads a few
    pages."""
    query = select(MemberNamePart.household_id).where(_starts_with(MemberNamePart.part, "word0"))
    visible = household_ids_visible_to(actor) if actor is not None else None
    if visible is not None:
        query = query.where(unindexed(MemberNamePart.household_id).in_(visible))
    for i in range(1, others + 1):
        other = aliased(MemberNamePart)
        query = query.where(exists().where(other.household_id == MemberNamePart.household_id,
                                           _starts_with(other.part, f"word{i}")))
    return query


def _dossier_query(text: str) -> Select[uuid.UUID] | None:
    """A dossiernummer, or the provisional number a laptop gave a household before its first
    sync (kept as an alias, so the household stays findable by it)."""
    wanted = text.strip().upper()
    if not _DOSSIER.match(wanted):
        return None
    aliases = select(SyncAlias.household_id).where(SyncAlias.alias == wanted)
    return select(Household.id.label("household_id")).where(
        or_(Household.dossiernummer == wanted, Household.id.in_(aliases)))


def _candidates(text: str) -> Candidates | None:
    """The statement that finds the households the query names, with its values (a name's
    words; other kinds of query are rare and built with their values in)."""
    by_number = _dossier_query(text)
    if by_number is not None:
        return by_number, {}
    born: date | None = parse_date(text) if re.search(r"\d", text) else None
    if born is not None:
        return select(Member.household_id).where(Member.date_of_birth == born), {}
    number = digits(text)
    if number.isdigit() and len(number) in (8, 9):
        bsn = normalise_bsn(number)
        if bsn is None:
            return None
        return select(Member.household_id).where(Member.bsn == bsn), {}
    match = _POSTCODE_NUMBER.match(text)
    if match and normalise_postcode(match.group(1)):
        clause = Household.postcode == normalise_postcode(match.group(1))
        if match.group(2):
            clause = and_(clause, Household.house_number == int(match.group(2)))
        return select(Household.id.label("household_id")).where(clause), {}
    return _name_query(text)


def _ranked(candidates: Select[uuid.UUID], visible: CompoundSelect[tuple[uuid.UUID]] | None,
            limit: int) -> Select[uuid.UUID]:
    """The newest ``limit`` visible households among the candidates."""
    inner = candidates.subquery()
    # A vindplaatsmedewerker sees a few percent of the households: their ids are listed once
    # and each candidate is looked up in that list (see _name_statement for why unindexed).
    # Someone who sees every household (visible is None: household_filter is TRUE) needs no
    # look-up of each candidate in households before the ranking below looks them up anyway.
    matching = select(inner.c.household_id)
    if visible is not None:
        matching = matching.where(unindexed(inner.c.household_id).in_(visible))
    # One statement: the candidates' ids stay in SQLite instead of making a round trip
    # through Python (each id converted to a UUID and bound again).
    return _newest(matching.limit(CANDIDATES), true(), limit)


def _newest(candidates: Select[uuid.UUID], visible: ColumnElement[bool],
            limit: int) -> Select[uuid.UUID]:
    found = candidates.subquery()
    return (select(Household.id).where(Household.id.in_(select(found.c.household_id)), visible)
            .order_by(Household.dossiernummer.desc()).limit(limit))


@lru_cache(maxsize=64)
def _ranked_by_name(others: int, actor: Actor, limit: int, few: bool) -> Select[uuid.UUID]:
    """A name search of one person, kept: what it may see depends on the person only.
    ``few``: the driving word starts at most CANDIDATES name parts, so every match is a
    candidate whichever way visibility is asked, and each is asked by itself (a few index
    look-ups per household) instead of listing the thousands of households the person sees
    (5 ms on every search, where a rare name has a handful of matches)."""
    if few:
        return _newest(_name_statement(others), household_filter_of(actor, few=True), limit)
    return _ranked(_name_statement(others, actor), None, limit)


# How many name parts start with the driving word, counted up to one past CANDIDATES.
_MATCHES = select(func.count()).select_from(
    select(MemberNamePart.household_id).where(_starts_with(MemberNamePart.part, "word0"))
    .limit(CANDIDATES + 1).subquery())


def _few_matches(uow: UnitOfWork, values: dict[str, Any]) -> bool:
    """Whether the driving word starts few enough name parts to ask visibility of each
    (only for someone who sees part of the households: for the others there is no list)."""
    if household_ids_visible_to(uow.actor) is None:
        return False
    counted = _read(uow, _MATCHES, {"word0": values["word0"], "word0_end": values["word0_end"]})
    return int(counted.scalar_one()) <= CANDIDATES


def _statement(uow: UnitOfWork, text: str, limit: int) -> Candidates | None:
    found = _candidates(text)
    if found is None:
        return None
    candidates, values = found
    if values:  # words of a name, bound: the statement is kept per person
        return _ranked_by_name(len(values) // 2 - 1, uow.actor, limit,
                               _few_matches(uow, values)), values
    return _ranked(candidates, visible_household_ids(uow), limit), values


def _read(uow: UnitOfWork, statement: Any, values: dict[str, Any]) -> Any:
    """Plain rows from the session's connection: result rows of a few columns need none of the
    ORM's row handling. What is pending is flushed first, as ``Session.execute`` would."""
    if uow.session.autoflush:
        uow.session.flush()
    return uow.session.connection().execute(statement, values)


def search_households(uow: UnitOfWork, query: str, limit: int = LIMIT) -> list[HouseholdHit]:
    """At most ``limit`` visible households matching the query (the most recently registered
    when there are more), sorted by their names."""
    require_role(uow, CASE_READERS, "zoeken", "huishouden",
                 "Alleen medewerkers met toegang tot dossiers kunnen huishoudens zoeken.")
    found = _statement(uow, query.strip(), limit)
    if found is None:
        return []
    statement, values = found
    # A name search's statement is kept per person, and so is this; other kinds are rare.
    describe = _described if values else _described.__wrapped__
    described = describe(statement, uow.actor, on_replica(uow))
    hits = sorted(_hits(_read(uow, described, {**values, **reason_values(uow)})),
                  key=lambda hit: (fold(hit.names), hit.dossiernummer))
    # The query itself may be a name or a BSN: only its kind of result is recorded.
    audit.record(uow, "zoeken", "huishouden", detail=f"{len(hits)} resultaten")
    return hits


_BY_ID: BindParameter[list[uuid.UUID]] = bindparam("ids", expanding=True)


@lru_cache(maxsize=128)
def _described(newest: Select[uuid.UUID] | None, actor: Actor,
               replica: bool) -> Select[*tuple[Any, ...]]:
    """The rows of a page of results: each household with its members, one row per member,
    the newest first. ``newest``: the statement that finds them (kept per person, so this is
    kept with it); ``None``: the households bound as ``ids``. One statement: the found ids
    stay in SQLite instead of making a round trip through Python for the households and
    again for their members. Whether each opens without a reason is asked in it too."""
    found = Household.id.in_(_BY_ID) if newest is None \
        else Household.id.in_(select(newest.subquery().c.id))
    return (select(Household.id, Household.dossiernummer, Household.street,
                   Household.house_number, Household.house_number_suffix, Household.postcode,
                   Household.city, opens_without_reason_of(actor, replica).label("free"),
                   Member.given_name, Member.prefix, Member.family_name,
                   extract("year", Member.date_of_birth).label("born"))
            .outerjoin(Member, Member.household_id == Household.id)
            .where(found, household_filter_of(actor, few=True))
            .order_by(Household.dossiernummer.desc(), Member.position))


def _hits(rows: Any) -> list[HouseholdHit]:
    """Hits from the rows of ``_described``, in their order."""
    hits = []
    for _household_id, rows_of_one in groupby(rows, key=itemgetter(0)):
        household, *others = list(rows_of_one)
        people = [household, *others] if household.given_name is not None else []
        hits.append(_hit(household, people))
    return hits


def describe_households(uow: UnitOfWork, ids: list[uuid.UUID]) -> list[HouseholdHit]:
    """Rows for a result list, in the order of ``ids``; only households the actor may see.
    Plain columns rather than ORM objects: a page of fifty results is one small read."""
    if not ids:
        return []
    found = {hit.id: hit for hit in _hits(_read(
        uow, _described(None, uow.actor, on_replica(uow)), {"ids": ids, **reason_values(uow)}))}
    return [found[household_id] for household_id in ids if household_id in found]


def _hit(household: AnyRow, people: list[AnyRow]) -> HouseholdHit:
    if not household.free:
        return _limited_hit(household, people)
    names = ", ".join(full_name(m.given_name, m.prefix, m.family_name) for m in people[:3])
    if len(people) > 3:
        names += f" en {len(people) - 3} anderen"
    number = f"{household.house_number}{household.house_number_suffix}"
    return HouseholdHit(
        id=household.id, dossiernummer=household.dossiernummer, names=names,
        address=f"{household.street} {number}, {format_postcode(household.postcode)} "
                f"{household.city}",
        members=len(people),
    )


def _limited_hit(household: AnyRow, people: list[AnyRow]) -> HouseholdHit:
    """Enough to know it is the right resident, nothing of the file: names with the year of
    birth, the street without a number."""
    shown = [full_name(m.given_name, m.prefix, m.family_name)
             + (f" ({int(m.born)})" if m.born is not None else "") for m in people[:3]]
    names = ", ".join(shown)
    if len(people) > 3:
        names += f" en {len(people) - 3} anderen"
    return HouseholdHit(id=household.id, dossiernummer="", names=names,
                        address=household.street, members=0, limited=True)


def recent_households(uow: UnitOfWork, limit: int = 10) -> list[HouseholdHit]:
    if uow.actor.role not in CASE_READERS:
        return []
    return describe_households(uow, audit.recent_household_ids(uow, limit))


def count_households(uow: UnitOfWork) -> int:
    """How many households this person may open (a functioneel beheerder: none to count)."""
    require_role(uow, CASE_READERS, "zoeken", "huishouden", NO_CASE_ACCESS.get(
        uow.actor.role, "Geen toegang."))
    return int(uow.session.scalar(
        select(func.count()).select_from(Household).where(household_filter(uow))) or 0)
