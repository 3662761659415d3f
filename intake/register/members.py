"""Who belongs to a household and where they live: members (also those who live elsewhere,
such as a child placed out of home) and the network around them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from db.models import Member
from intake.core.text import clean_line, full_name


class Residence(StrEnum):
    """Where a member who belongs to the family lives; THUIS is the household's address."""

    THUIS = ""
    UIT_HUIS_GEPLAATST = "uit_huis_geplaatst"
    ANDERE_OUDER = "andere_ouder"
    ZORGINSTELLING = "zorginstelling"
    ELDERS = "elders"

    @property
    def label(self) -> str:
        return _RESIDENCE_LABELS[self]


_RESIDENCE_LABELS = {
    Residence.THUIS: "Woont op dit adres",
    Residence.UIT_HUIS_GEPLAATST: "Uit huis geplaatst",
    Residence.ANDERE_OUDER: "Woont bij de andere ouder",
    Residence.ZORGINSTELLING: "Woont in een zorginstelling",
    Residence.ELDERS: "Woont elders",
}
# Where, in general terms only: a printed plan must not lead anyone to a placed child.
RESIDENCE_NOTE_MAX = 200


class MemberRole(StrEnum):
    OUDER = "ouder/verzorger"
    PARTNER = "partner"
    KIND = "kind"
    ALLEENSTAAND = "alleenstaande"
    OVERIG = "overig"


@dataclass
class MemberInput:
    given_name: str
    family_name: str
    role: MemberRole
    date_of_birth: date | None = None
    prefix: str = ""
    bsn: str = ""
    id: uuid.UUID | None = None
    residence: Residence = Residence.THUIS
    residence_since: date | None = None
    residence_note: str = ""
    # Not born yet: date_of_birth is the expected date, which may lie ahead (never a BSN).
    expected: bool = False


@dataclass
class NetworkInput:
    name: str
    relation: str = ""
    phone: str = ""
    can_help_with: str = ""
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class MemberView:
    id: uuid.UUID
    given_name: str
    prefix: str
    family_name: str
    date_of_birth: date | None
    role: MemberRole
    bsn: str | None
    residence: Residence = Residence.THUIS
    residence_since: date | None = None
    residence_note: str = ""
    expected: bool = False

    @property
    def lives_elsewhere(self) -> bool:
        return self.residence is not Residence.THUIS

    @property
    def name(self) -> str:
        return full_name(self.given_name, self.prefix, self.family_name)

    def age_on(self, day: date) -> int | None:
        born = self.date_of_birth
        if born is None or self.expected:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(frozen=True)
class NetworkView:
    id: uuid.UUID
    name: str
    relation: str
    phone: str
    can_help_with: str




def member_view(row: Member, with_bsn: bool = True) -> MemberView:
    return MemberView(row.id, row.given_name, row.prefix, row.family_name, row.date_of_birth,
                      MemberRole(row.role), row.bsn if with_bsn else None,
                      Residence(row.residence), row.residence_since, row.residence_note,
                      row.expected)


# What the BRP holds (voornamen, voorvoegsel, geslachtsnaam), as far as the stored columns go.
GIVEN_MAX = 100
PREFIX_MAX = 20
FAMILY_MAX = 100
EARLIEST_BIRTH = date(1900, 1, 1)
# An expected child is registered from the pregnancy on: at most ten months ahead.
EXPECTED_AHEAD_DAYS = 300


def clean_member(member: MemberInput) -> MemberInput:
    """Names as stored: one line, no control characters or bidi overrides, no outer spaces."""
    return replace(member, given_name=clean_line(member.given_name).strip(),
                   prefix=clean_line(member.prefix).strip(),
                   family_name=clean_line(member.family_name).strip(),
                   residence_note=clean_line(member.residence_note).strip())


def validate_member(member: MemberInput, index: int, today: date,
                    errors: dict[str, str]) -> None:
    """Name lengths and the date of birth: not before 1900, not ahead unless expected."""
    key = f"member{index}"
    for field, label, limit in (("given_name", "de voornamen", GIVEN_MAX),
                                ("prefix", "het tussenvoegsel", PREFIX_MAX),
                                ("family_name", "de achternaam", FAMILY_MAX)):
        if len(getattr(member, field)) > limit:
            errors[f"{key}.name"] = (
                f"Gezinslid {index}: {label} is te lang (ten hoogste {limit} tekens).")
    born = member.date_of_birth
    if member.expected:
        if born is None:
            errors[f"{key}.date_of_birth"] = (
                f"Gezinslid {index}: vul de verwachte geboortedatum in.")
        elif born > today + timedelta(days=EXPECTED_AHEAD_DAYS):
            errors[f"{key}.date_of_birth"] = (
                f"Gezinslid {index}: de verwachte geboortedatum ligt meer dan tien maanden "
                "vooruit.")
        if member.bsn.strip():
            errors[f"{key}.bsn"] = f"Gezinslid {index}: een verwacht kind heeft nog geen BSN."
        return
    if born is not None and born < EARLIEST_BIRTH:
        errors[f"{key}.date_of_birth"] = (
            f"Gezinslid {index}: een geboortedatum vóór 1900 kan niet; controleer het jaar.")
    elif born is not None and born > today:
        errors[f"{key}.date_of_birth"] = (
            f"Gezinslid {index}: de geboortedatum ligt in de toekomst. Is het een verwacht "
            "kind? Kies dan 'verwacht kind'.")


def validate_residence(member: MemberInput, index: int, today: date,
                       errors: dict[str, str]) -> None:
    """Since when and where only make sense for a member who lives elsewhere."""
    key = f"member{index}"
    if member.residence is Residence.THUIS:
        return
    if member.residence_since and member.residence_since > today:
        errors[f"{key}.residence_since"] = (
            f"Gezinslid {index}: de datum waarop het elders ging wonen ligt in de toekomst.")
    if len(member.residence_note.strip()) > RESIDENCE_NOTE_MAX:
        errors[f"{key}.residence_note"] = (
            f"Gezinslid {index}: beschrijf in hoogstens {RESIDENCE_NOTE_MAX} tekens waar, "
            "in algemene woorden (geen adres).")
