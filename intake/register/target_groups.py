"""Prevention target groups (doelgroepen) on a member or on the household, with the day each
was set and removed, so figures over a past period count what held then.

Groups that follow from data are derived, never typed: the 'jonge kind' follows from the date
of birth. A typed group with an age band (kwetsbare jongeren 16-27) can only be set for a
member of that age. Some groups are health data (LVB, GGZ): ``health_data`` marks them, and
``without_health_data`` is what a redacted print and the resident's access answer call.
Tags are rows under the household and its members, so they go when the dossier goes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

from sqlalchemy import select

from db.models import Member, TargetGroupTag
from intake.core import audit
from intake.core.access import require_edit, require_read
from intake.core.clock import local_date
from intake.core.context import AHEAD_MEMBERS, UnitOfWork
from intake.core.errors import NotFoundError, StaleEditError, ValidationError
from intake.core.text import full_name
from resources import CATALOGUE_DIR


class Scope(StrEnum):
    PERSOON = "persoon"
    HUISHOUDEN = "huishouden"


@dataclass(frozen=True)
class TargetGroup:
    code: str
    label: str
    scope: Scope
    health_data: bool  # special-category data: never in a redacted print or access answer
    derived: bool  # follows from the date of birth; never typed
    age_band: tuple[int, int] | None = None  # [from, to) in whole years

    def fits_age(self, age: int | None) -> bool:
        return self.age_band is None or age is None or \
            self.age_band[0] <= age < self.age_band[1]


@cache
def target_groups() -> tuple[TargetGroup, ...]:
    raw = json.loads((CATALOGUE_DIR / "doelgroepen.json").read_text(encoding="utf-8"))
    return tuple(
        TargetGroup(item["code"], item["label"], Scope(item["scope"]),
                    bool(item["health_data"]), bool(item.get("derived", False)),
                    tuple(item["age_band"]) if item.get("age_band") else None)
        for item in raw["items"])


def target_group(code: str) -> TargetGroup | None:
    return next((g for g in target_groups() if g.code == code), None)


def is_health_data(code: str) -> bool:
    """True for a health-data group; an unknown code is treated as health data (safe side)."""
    group = target_group(code)
    return group is None or group.health_data


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February
        return born.replace(year=born.year + years, day=28)


@dataclass(frozen=True)
class TargetGroupView:
    code: str
    label: str
    health_data: bool
    derived: bool
    member_id: uuid.UUID | None  # None: the group concerns the household
    member_name: str
    set_on: date | None
    removed_on: date | None  # exclusive: the first day it no longer held
    id: uuid.UUID | None = None  # None for a derived group
    version: int = 0
    member_number: int = 0  # 1-based, in the household's order; 0 for the household

    def holds_on(self, day: date) -> bool:
        return (self.set_on is None or self.set_on <= day) and \
            (self.removed_on is None or day < self.removed_on)


def without_health_data(groups: Iterable[TargetGroupView]) -> list[TargetGroupView]:
    """What may appear outside the team or in the resident's access answer."""
    return [g for g in groups if not g.health_data and not is_health_data(g.code)]


def _view(row: TargetGroupTag, names: dict[uuid.UUID, str],
          numbers: dict[uuid.UUID, int] | None = None) -> TargetGroupView:
    group = target_group(row.code)
    return TargetGroupView(
        row.code, group.label if group else row.code, is_health_data(row.code), False,
        row.member_id, names.get(row.member_id, "") if row.member_id else "", row.set_on,
        row.removed_on, row.id, row.version,
        (numbers or {}).get(row.member_id, 0) if row.member_id else 0)


def derived_groups(members: Iterable[Member], on: date) -> list[TargetGroupView]:
    out = []
    members = list(members)
    for group in target_groups():
        if not group.derived or group.age_band is None:
            continue
        low, high = group.age_band
        for number, member in enumerate(members, start=1):
            born = member.date_of_birth
            if born is None or born > on or not group.fits_age(age_on(born, on)):
                continue
            out.append(TargetGroupView(
                group.code, group.label, group.health_data, True, member.id,
                full_name(member.given_name, member.prefix, member.family_name),
                _birthday(born, low), _birthday(born, high), member_number=number))
    return out


def _members(uow: UnitOfWork, household_id: uuid.UUID) -> list[Member]:
    ahead: list[Member] | None = uow.read_ahead.get((AHEAD_MEMBERS, household_id))
    if ahead is not None:
        return list(ahead)
    return list(uow.session.scalars(select(Member).where(Member.household_id == household_id)
                                    .order_by(Member.position)))


def read_target_groups(uow: UnitOfWork, household_id: uuid.UUID, on: date,
                       include_removed: bool = False) -> list[TargetGroupView]:
    """The groups of a household for a caller that has checked access and audits itself
    (a print, the access answer): typed ones holding on ``on`` (all with
    ``include_removed``), then the derived ones."""
    members = _members(uow, household_id)
    names = {m.id: full_name(m.given_name, m.prefix, m.family_name) for m in members}
    numbers = {m.id: number for number, m in enumerate(members, start=1)}
    rows = uow.session.scalars(select(TargetGroupTag).where(
        TargetGroupTag.household_id == household_id).order_by(TargetGroupTag.set_on))
    typed = [_view(row, names, numbers) for row in rows]
    if not include_removed:
        typed = [g for g in typed if g.holds_on(on)]
    return typed + derived_groups(members, on)


def household_target_groups(uow: UnitOfWork, household_id: uuid.UUID, *,
                            include_removed: bool = False) -> list[TargetGroupView]:
    """The household page's list: every group holding today (with ``include_removed`` also
    the history), typed and derived."""
    require_read(uow, household_id)
    groups = read_target_groups(uow, household_id, local_date(uow.now), include_removed)
    audit.record(uow, "inzien", "doelgroepen", household_id, household_id,
                 detail=f"{len(groups)} doelgroepen")
    return groups


def _detail(code: str, what: str) -> str:
    # A health-data group is special-category data: its code stays out of the audit trail.
    return f"doelgroep {what}: " + ("gezondheidsgegeven" if is_health_data(code) else code)


def set_target_group(uow: UnitOfWork, household_id: uuid.UUID, code: str,
                     member_id: uuid.UUID | None = None,
                     set_on: date | None = None) -> TargetGroupView:
    require_edit(uow, household_id)
    day = set_on or local_date(uow.now)
    group = target_group(code)
    errors: dict[str, str] = {}
    member = uow.session.get(Member, member_id) if member_id else None
    if group is None:
        errors["code"] = "Kies een doelgroep."
    elif group.derived:
        errors["code"] = "Deze doelgroep volgt uit de geboortedatum en wordt niet ingevuld."
    elif group.scope is Scope.PERSOON and member is None:
        errors["member_id"] = "Kies het gezinslid voor wie deze doelgroep geldt."
    elif group.scope is Scope.HUISHOUDEN and member_id is not None:
        errors["member_id"] = "Deze doelgroep geldt voor het hele huishouden, niet voor één " \
                              "gezinslid."
    if member_id is not None and (member is None or member.household_id != household_id):
        errors["member_id"] = "Dit gezinslid hoort niet (meer) bij het huishouden."
    if day > local_date(uow.now):
        errors["set_on"] = "De datum ligt in de toekomst."
    if group is not None and "code" not in errors and member is not None \
            and member.date_of_birth is not None and group.age_band \
            and not group.fits_age(age_on(member.date_of_birth, day)):
        low, high = group.age_band
        errors["code"] = f"Deze doelgroep geldt van {low} tot en met {high - 1} jaar."
    if not errors:
        already = uow.session.scalar(select(TargetGroupTag.id).where(
            TargetGroupTag.household_id == household_id, TargetGroupTag.code == code,
            TargetGroupTag.member_id.is_(None) if member_id is None
            else TargetGroupTag.member_id == member_id,
            TargetGroupTag.removed_on.is_(None)))
        if already is not None:
            errors["code"] = "Deze doelgroep staat er al."
    if errors:
        raise ValidationError(errors)
    row = TargetGroupTag(household_id=household_id, member_id=member_id, code=code, set_on=day,
                         set_by_id=uow.actor.id)
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, "wijzigen", "doelgroepen", row.id, household_id,
                 detail=_detail(code, "gezet"))
    return _view(row, _names(member))


def _names(member: Member | None) -> dict[uuid.UUID, str]:
    if member is None:
        return {}
    return {member.id: full_name(member.given_name, member.prefix, member.family_name)}


def remove_target_group(uow: UnitOfWork, tag_id: uuid.UUID, expected_version: int,
                        removed_on: date | None = None) -> TargetGroupView:
    """The group no longer holds from ``removed_on`` (default today); the row stays, so
    figures over an earlier period still count it."""
    row = uow.session.get(TargetGroupTag, tag_id)
    if row is None:
        raise NotFoundError("Deze doelgroep bestaat niet (meer).")
    require_edit(uow, row.household_id)
    if row.version != expected_version:
        raise StaleEditError("De gegevens van deze doelgroep")
    day = removed_on or local_date(uow.now)
    errors: dict[str, str] = {}
    if row.removed_on is not None:
        errors["removed_on"] = "Deze doelgroep is al beëindigd."
    elif day < row.set_on:
        errors["removed_on"] = "De einddatum ligt vóór de datum waarop de doelgroep is gezet."
    elif day > local_date(uow.now):
        errors["removed_on"] = "De datum ligt in de toekomst."
    if errors:
        raise ValidationError(errors)
    row.removed_on = day
    row.removed_by_id = uow.actor.id
    row.updated_at = uow.now
    uow.session.flush()
    audit.record(uow, "wijzigen", "doelgroepen", row.id, row.household_id,
                 detail=_detail(row.code, "beëindigd"))
    member = uow.session.get(Member, row.member_id) if row.member_id else None
    return _view(row, _names(member))


def member_by_number(uow: UnitOfWork, household_id: uuid.UUID, number: int | None
                     ) -> uuid.UUID | None:
    """The member with this number (1-based, as listed); None for no number."""
    if number is None:
        return None
    require_read(uow, household_id)
    members = _members(uow, household_id)
    if not 1 <= number <= len(members):
        raise ValidationError({"gezinslid": f"Dit huishouden heeft geen gezinslid {number} "
                                            f"(1 tot en met {len(members)})."})
    return members[number - 1].id


def end_target_group(uow: UnitOfWork, household_id: uuid.UUID, code: str,
                     member_id: uuid.UUID | None = None,
                     removed_on: date | None = None) -> TargetGroupView:
    """End the group ``code`` that holds now for this member (or the household)."""
    require_edit(uow, household_id)
    row = uow.session.scalar(select(TargetGroupTag).where(
        TargetGroupTag.household_id == household_id, TargetGroupTag.code == code,
        TargetGroupTag.member_id.is_(None) if member_id is None
        else TargetGroupTag.member_id == member_id,
        TargetGroupTag.removed_on.is_(None)))
    if row is None:
        group = target_group(code)
        hint = " Geef het gezinslid op." if group is not None and \
            group.scope is Scope.PERSOON and member_id is None else ""
        raise NotFoundError(f"Deze doelgroep geldt nu niet voor dit huishouden.{hint}")
    return remove_target_group(uow, row.id, row.version, removed_on)
