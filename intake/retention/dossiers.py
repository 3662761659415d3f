"""When a dossier is closed, which terms apply to it, and when its retention ends.

A dossier is closed when every plan of it is closed, no brede uitvraag is open and every help
question is done: afgesloten, direct geholpen or doorverwezen, or sent to a brede uitvraag that
has since been finished. It closed on the latest of those moments. Its retention ends the
longest term that applies after that day: the terms of every law its help questions (by type)
and plan results fall under, Jeugdwet for a toekomstplan, and 'geen wet' when none applies.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    exists,
    func,
    literal,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import Session

from db.models import (
    CatalogueEntry,
    HelpQuestion,
    Household,
    Intake,
    Plan,
    PlanResult,
    PlanVersion,
)
from intake.retention.terms import NO_LAW, TermView

DONE_OUTCOMES = ("afgesloten", "direct_geholpen", "doorverwezen")
SENT_TO_INTAKE = "brede_uitvraag"
YOUTH_LAW = "jeugdwet"


@dataclass(frozen=True)
class Retention:
    household_id: uuid.UUID
    dossiernummer: str
    closed_on: date
    laws: tuple[str, ...]
    term_code: str
    years: int
    ends_on: date

    def due(self, today: date) -> bool:
        return self.ends_on <= today


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def _open_question() -> ColumnElement[bool]:
    finished_after = exists().where(
        Intake.household_id == HelpQuestion.household_id, Intake.status == "afgerond",
        Intake.finished_at >= HelpQuestion.registered_at)
    return and_(HelpQuestion.household_id == Household.id, or_(
        HelpQuestion.outcome_code.not_in((*DONE_OUTCOMES, SENT_TO_INTAKE)),
        and_(HelpQuestion.outcome_code == SENT_TO_INTAKE, ~finished_after)))


def closed_clause() -> ColumnElement[bool]:
    """WHERE clause on Household: a closed dossier that has not been destroyed."""
    return and_(
        Household.destroyed_on.is_(None),
        ~exists().where(Plan.household_id == Household.id, Plan.closed_at.is_(None)),
        ~exists().where(Intake.household_id == Household.id, Intake.status != "afgerond"),
        ~exists().where(_open_question()),
    )


def _closing_days(session: Session, ids: Select[Any]) -> dict[uuid.UUID, date]:
    """Per household the day it closed: the latest moment anything in it ended."""
    wanted = ids  # the closed households, as a subquery each part filters on
    moments = union_all(
        select(Household.id, Household.created_at).where(Household.id.in_(wanted)),
        select(Plan.household_id, func.max(Plan.closed_at))
        .where(Plan.household_id.in_(wanted)).group_by(Plan.household_id),
        select(Intake.household_id, func.max(Intake.finished_at))
        .where(Intake.household_id.in_(wanted)).group_by(Intake.household_id),
        select(HelpQuestion.household_id, func.max(HelpQuestion.registered_at))
        .where(HelpQuestion.household_id.in_(wanted)).group_by(HelpQuestion.household_id),
        select(HelpQuestion.household_id, func.max(HelpQuestion.updated_at))
        .where(HelpQuestion.household_id.in_(wanted)).group_by(HelpQuestion.household_id),
    ).subquery("moments")
    days: dict[uuid.UUID, date] = {}
    for household_id, moment in session.execute(select(moments.c[0], moments.c[1])):
        if moment is None:
            continue
        day = moment.date() if isinstance(moment, datetime) else moment
        if household_id not in days or day > days[household_id]:
            days[household_id] = day
    return days


def _laws(session: Session, ids: Select[Any]) -> dict[uuid.UUID, set[str]]:
    type_law = (
        select(HelpQuestion.household_id, CatalogueEntry.law_code)
        .join(CatalogueEntry, and_(CatalogueEntry.catalogue == "hulpvraagtype",
                                   CatalogueEntry.code == HelpQuestion.type_code))
        .where(HelpQuestion.household_id.in_(ids), CatalogueEntry.law_code.is_not(None)))
    result_law = (
        select(Plan.household_id, PlanResult.law_code)
        .join(PlanVersion, PlanVersion.plan_id == Plan.id)
        .join(PlanResult, PlanResult.plan_version_id == PlanVersion.id)
        .where(Plan.household_id.in_(ids)))
    toekomst = select(Plan.household_id, literal(YOUTH_LAW)).where(
        Plan.household_id.in_(ids), Plan.kind == "toekomstplan")
    laws: dict[uuid.UUID, set[str]] = {}
    for household_id, law in session.execute(
            union(type_law, result_law, toekomst).subquery("laws").select()):
        if law:
            laws.setdefault(household_id, set()).add(law)
    return laws


def _longest(laws: Iterable[str], terms: dict[str, TermView]) -> TermView:
    applying = [terms[law] for law in laws if law in terms] or [terms[NO_LAW]]
    return max(applying, key=lambda term: (term.years, term.code))


def retentions(session: Session, terms: dict[str, TermView],
               ids: Select[Any]) -> list[Retention]:
    """The retention of every closed dossier among ``ids``, earliest end first."""
    closed = select(Household.id).where(Household.id.in_(ids), closed_clause())
    numbers = dict(session.execute(
        select(Household.id, Household.dossiernummer).where(Household.id.in_(closed))).all())
    if not numbers:
        return []
    days = _closing_days(session, closed)
    laws = _laws(session, closed)
    found = []
    for household_id, number in numbers.items():
        held = laws.get(household_id, set())
        term = _longest(held, terms)
        closed_on = days[household_id]
        found.append(Retention(household_id, number, closed_on, tuple(sorted(held)),
                               term.code, term.years, add_years(closed_on, term.years)))
    return sorted(found, key=lambda r: (r.ends_on, r.dossiernummer))


def retention_of(session: Session, terms: dict[str, TermView],
                 household_id: uuid.UUID) -> Retention | None:
    """One dossier's retention; None while it is not closed."""
    found = retentions(session, terms, select(Household.id).where(Household.id == household_id))
    return found[0] if found else None


def laws_of(session: Session, household_id: uuid.UUID) -> set[str]:
    """The laws an open or closed dossier falls under (for the resident's answer)."""
    return _laws(session, select(Household.id).where(Household.id == household_id)) \
        .get(household_id, set())
