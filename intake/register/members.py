"""Who belongs to a household and where they live: members (also those who live elsewhere,
such as a child placed out of home) and the network around them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from db.models import Member
from intake.core.text import full_name


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

    @property
    def lives_elsewhere(self) -> bool:
        return self.residence is not Residence.THUIS

    @property
    def name(self) -> str:
        return full_name(self.given_name, self.prefix, self.family_name)

    def age_on(self, day: date) -> int | None:
        born = self.date_of_birth
        if born is None:
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
                      Residence(row.residence), row.residence_since, row.residence_note)


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
