"""Household register: create, open, edit, duplicate check, access for field workers."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, or_, select

from db.models import (
    Counter,
    Household,
    HouseholdAccess,
    Member,
    MemberNamePart,
    NetworkContact,
    SyncAlias,
    User,
)
from intake.core import audit
from intake.core.access import (
    NO_CASE_ACCESS,
    household_filter,
    require_create,
    require_edit,
    require_read,
    require_reason_given,
    require_role,
)
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.errors import (
    AuditEvent,
    KnownError,
    NotFoundError,
    StaleEditError,
    ValidationError,
)
from intake.core.roles import CASE_EDITORS, CASE_READERS
from intake.core.text import ascii_digits, fold, full_name, name_parts
from intake.core.validation import format_postcode, normalise_bsn, normalise_postcode
from intake.register.members import MemberInput as MemberInput
from intake.register.members import MemberRole as MemberRole
from intake.register.members import MemberView as MemberView
from intake.register.members import NetworkInput as NetworkInput
from intake.register.members import NetworkView as NetworkView
from intake.register.members import Residence as Residence
from intake.register.members import (
    clean_member,
    member_view,
    validate_member,
    validate_residence,
)
from intake.register.need_to_know import OpeningReason, record_opening


@dataclass
class HouseholdInput:
    street: str
    house_number: str
    postcode: str
    city: str
    house_number_suffix: str = ""
    phone: str = ""
    email: str = ""
    members: list[MemberInput] = field(default_factory=list)
    network: list[NetworkInput] = field(default_factory=list)


@dataclass(frozen=True)
class HouseholdView:
    id: uuid.UUID
    dossiernummer: str
    version: int
    street: str
    house_number: int
    house_number_suffix: str
    postcode: str
    city: str
    phone: str
    email: str
    created_at: datetime
    created_by: str
    members: tuple[MemberView, ...]
    network: tuple[NetworkView, ...]

    @property
    def address(self) -> str:
        number = f"{self.house_number}{self.house_number_suffix}"
        return f"{self.street} {number}, {format_postcode(self.postcode)} {self.city}"

    @property
    def title(self) -> str:
        """The name the household goes by: its first member's family name."""
        if not self.members:
            return self.dossiernummer
        first = self.members[0]
        return f"Huishouden {full_name('', first.prefix, first.family_name)}"

    def to_input(self) -> HouseholdInput:
        return HouseholdInput(
            street=self.street, house_number=str(self.house_number), postcode=self.postcode,
            city=self.city, house_number_suffix=self.house_number_suffix, phone=self.phone,
            email=self.email,
            members=[MemberInput(m.given_name, m.family_name, m.role, m.date_of_birth, m.prefix,
                                 m.bsn or "", m.id, m.residence, m.residence_since,
                                 m.residence_note, m.expected) for m in self.members],
            network=[NetworkInput(n.name, n.relation, n.phone, n.can_help_with, n.id)
                     for n in self.network],
        )


@dataclass(frozen=True)
class DuplicateHit:
    # None: the household exists but this person may not open it, so its number (and who
    # registered it, where) stays hidden; the teamleider can look it up.
    dossiernummer: str | None
    reason: str

    @property
    def line(self) -> str:
        if self.dossiernummer is None:
            return (f"• een huishouden dat u niet kunt openen, met {self.reason}; vraag de "
                    "teamleider of het hetzelfde huishouden is")
        return f"• {self.dossiernummer}: {self.reason}"


class PossibleDuplicateError(KnownError):
    """Raised before creating what looks like an existing household; confirm to go on."""

    def __init__(self, hits: list[DuplicateHit]) -> None:
        lines = "\n".join(hit.line for hit in hits)
        super().__init__(f"Dit huishouden lijkt al te bestaan:\n{lines}")
        self.hits = hits


@dataclass(frozen=True)
class _Clean:
    street: str
    house_number: int
    suffix: str
    postcode: str
    city: str
    phone: str
    email: str
    members: list[tuple[MemberInput, str | None]]


def validate(data: HouseholdInput, today: date) -> _Clean:
    """All problems at once, each under its field name, so a form can mark every one."""
    errors: dict[str, str] = {}
    if not data.street.strip():
        errors["street"] = "Vul de straat in."
    number = ascii_digits(data.house_number.strip())
    if not number.isdigit() or not 0 < int(number) < 100_000:
        errors["house_number"] = "Het huisnummer is een getal, zoals 12."
    postcode = normalise_postcode(data.postcode)
    if postcode is None:
        errors["postcode"] = "Een postcode bestaat uit vier cijfers en twee letters, zoals 7551 AB."
    if not data.city.strip():
        errors["city"] = "Vul de woonplaats in."
    if data.email.strip() and "@" not in data.email:
        errors["email"] = "Dit e-mailadres is niet geldig."
    if not data.members:
        errors["members"] = "Een huishouden heeft minstens één gezinslid."
    members: list[tuple[MemberInput, str | None]] = []
    seen_bsn: set[str] = set()
    for index, given in enumerate(data.members, start=1):
        key = f"member{index}"
        member = clean_member(given)
        if not member.given_name or not member.family_name:
            errors[f"{key}.name"] = f"Gezinslid {index}: vul voornaam en achternaam in."
        validate_member(member, index, today, errors)
        bsn: str | None = None
        if member.bsn.strip():
            bsn = normalise_bsn(member.bsn)
            if bsn is None:
                errors[f"{key}.bsn"] = (
                    f"Gezinslid {index}: dit BSN is niet geldig (het voldoet niet aan de elfproef)."
                )
            elif bsn in seen_bsn:
                errors[f"{key}.bsn"] = (
                    f"Gezinslid {index}: dit BSN staat al bij een ander gezinslid."
                )
            else:
                seen_bsn.add(bsn)
        validate_residence(member, index, today, errors)
        members.append((member, bsn))
    for index, contact in enumerate(data.network, start=1):
        if not contact.name.strip():
            errors[f"network{index}.name"] = f"Netwerkcontact {index}: vul een naam in."
    if errors:
        raise ValidationError(errors)
    assert postcode is not None
    return _Clean(data.street.strip(), int(number), data.house_number_suffix.strip().upper(),
                  postcode, data.city.strip(), data.phone.strip(), data.email.strip(), members)


def find_duplicates(
    uow: UnitOfWork, data: HouseholdInput, exclude: uuid.UUID | None = None
) -> list[DuplicateHit]:
    """Same BSN anywhere, or same name + date of birth + postcode. Searches every household,
    including those the actor cannot open; of those it says only that a match exists."""
    require_create(uow)
    clean = validate(data, local_date(uow.now))
    conditions = []
    for member, bsn in clean.members:
        if bsn:
            conditions.append(Member.bsn == bsn)
        if member.date_of_birth:
            conditions.append(and_(
                Member.family_key == fold(member.family_name),
                Member.given_key == fold(member.given_name),
                Member.date_of_birth == member.date_of_birth,
                Household.postcode == clean.postcode,
            ))
    if not conditions:
        return []
    visible = household_filter(uow)
    query = (select(Household.id, Household.dossiernummer, Member.bsn, visible.label("visible"))
             .join(Member, Member.household_id == Household.id).where(or_(*conditions)))
    if exclude is not None:
        query = query.where(Household.id != exclude)
    own_bsns = {bsn for _member, bsn in clean.members if bsn}
    hits: dict[uuid.UUID, DuplicateHit] = {}
    for household_id, dossiernummer, bsn, may_open in uow.session.execute(query):
        reason = ("een gezinslid met hetzelfde BSN" if bsn and bsn in own_bsns
                  else "een gezinslid met dezelfde naam, geboortedatum en postcode")
        hits.setdefault(household_id,
                        DuplicateHit(dossiernummer if may_open else None, reason))
    return list(hits.values())


PROVISIONAL_PREFIX = "VOORLOPIG-"  # the same prefix as intake.team.wire's


def next_dossiernummer(uow: UnitOfWork) -> str:
    """The next number of the year; on a laptop replica a visibly provisional one, replaced by
    the team server's at the first sync (and kept as an alias that still finds the household)."""
    if getattr(uow.store, "replica", False):
        return PROVISIONAL_PREFIX + secrets.token_hex(4).upper()
    year = uow.now.year
    name = f"dossier-{year}"
    counter = uow.session.get(Counter, name, with_for_update=True)
    if counter is None:
        counter = Counter(name=name, value=0)
        uow.session.add(counter)
    counter.value += 1
    return f"HH-{year}-{counter.value:06d}"


def create_household(
    uow: UnitOfWork, data: HouseholdInput, *, confirm_duplicate: bool = False
) -> HouseholdView:
    require_create(uow)
    clean = validate(data, local_date(uow.now))
    if not confirm_duplicate:
        hits = find_duplicates(uow, data)
        if hits:
            raise PossibleDuplicateError(hits)
    household = Household(
        dossiernummer=next_dossiernummer(uow), street=clean.street,
        house_number=clean.house_number, house_number_suffix=clean.suffix,
        postcode=clean.postcode, city=clean.city, phone=clean.phone, email=clean.email,
        created_at=uow.now, created_by_id=uow.actor.id,
    )
    uow.session.add(household)
    _sync_members(uow, household, clean.members)
    _sync_network(household, data.network)
    uow.session.flush()
    audit.record(uow, "aanmaken", "huishouden", household.id, household.id,
                 detail=f"{len(clean.members)} gezinsleden" + (
                     ", mogelijk dubbel bevestigd" if confirm_duplicate else ""))
    return _view(uow, household)


def open_household(uow: UnitOfWork, household_id: uuid.UUID,
                   reason: OpeningReason | None = None) -> HouseholdView:
    """The household's file. Outside one's own work (``needs_reason``) it opens only with a
    ``reason``, which is recorded for the team lead's review; without one ``ReasonRequired``
    is raised (and the refusal audited)."""
    detail = record_opening(uow, household_id, reason) if reason is not None else ""
    require_read(uow, household_id)
    require_reason_given(uow, household_id, "inzien")  # the team lead's file, too
    household = uow.session.get(Household, household_id)
    assert household is not None
    if detail:  # a need-to-know opening is always its own entry
        audit.append(uow.session, uow.actor, uow.now, event=AuditEvent(
            "inzien", "huishouden", str(household.id), household.id, detail))
    else:
        audit.record(uow, "inzien", "huishouden", household.id, household.id)
    return _view(uow, household)


def household_id_for(uow: UnitOfWork, dossiernummer: str) -> uuid.UUID:
    require_role(uow, CASE_READERS, "inzien", "huishouden",
                 NO_CASE_ACCESS.get(uow.actor.role, "Geen toegang."))
    wanted = dossiernummer.strip().upper()
    found = uow.session.scalar(select(Household.id).where(Household.dossiernummer == wanted))
    if found is None:  # a provisional number from a laptop, replaced at its first sync
        found = uow.session.scalar(select(SyncAlias.household_id).where(SyncAlias.alias == wanted))
    if found is None:
        raise NotFoundError(f"Er is geen huishouden met dossiernummer {dossiernummer}.")
    return found


def update_household(
    uow: UnitOfWork, household_id: uuid.UUID, expected_version: int, data: HouseholdInput
) -> HouseholdView:
    require_edit(uow, household_id)
    household = uow.session.get(Household, household_id)
    assert household is not None
    if household.version != expected_version:
        raise StaleEditError("De gegevens van dit huishouden")
    clean = validate(data, local_date(uow.now))
    # One UPDATE per save: an autoflush halfway would bump the version twice.
    with uow.session.no_autoflush:
        changed: list[str] = []
        for attr, value in (("street", clean.street), ("house_number", clean.house_number),
                            ("house_number_suffix", clean.suffix), ("postcode", clean.postcode),
                            ("city", clean.city), ("phone", clean.phone), ("email", clean.email)):
            if getattr(household, attr) != value:
                setattr(household, attr, value)
                changed.append(attr)
        if _sync_members(uow, household, clean.members):
            changed.append("gezinsleden")
        if _sync_network(household, data.network):
            changed.append("netwerk")
    if changed:
        # Touching the household row bumps its version even when only members changed,
        # so two edits of one member list conflict instead of merging silently.
        household.updated_at = uow.now
    uow.session.flush()
    audit.record(uow, "wijzigen", "huishouden", household.id, household.id,
                 detail="velden: " + ", ".join(changed) if changed else "geen wijziging")
    return _view(uow, household)


def _sync_members(
    uow: UnitOfWork, household: Household, members: list[tuple[MemberInput, str | None]]
) -> bool:
    by_id = {m.id: m for m in household.members}
    keep: list[Member] = []
    changed = False
    for position, (data, bsn) in enumerate(members):
        row = by_id.get(data.id) if data.id else None
        if data.id and row is None:
            raise NotFoundError(
                "Een gezinslid is intussen verwijderd; open het huishouden opnieuw."
            )
        values = {
            "position": position, "given_name": data.given_name.strip(),
            "prefix": data.prefix.strip(), "family_name": data.family_name.strip(),
            "date_of_birth": data.date_of_birth, "role": data.role.value, "bsn": bsn,
            "residence": data.residence.value,
            "residence_since": data.residence_since if data.residence.value else None,
            "residence_note": data.residence_note.strip() if data.residence.value else "",
            "expected": data.expected,
            "family_key": fold(data.family_name), "given_key": fold(data.given_name),
        }
        if row is None:
            row = Member(**values)
            changed = True
        else:
            for attr, value in values.items():
                if getattr(row, attr) != value:
                    setattr(row, attr, value)
                    changed = True
        _sync_name_parts(row, household)
        keep.append(row)
    if len(keep) != len(household.members) or any(
            a is not b for a, b in zip(keep, household.members, strict=False)):
        changed = True
    household.members = keep
    return changed


def _sync_name_parts(row: Member, household: Household) -> None:
    """The parts a search word may start, kept with the names they come from."""
    wanted = name_parts(row.given_name, row.family_name)
    if [part.part for part in row.name_parts] != wanted:
        row.name_parts = [MemberNamePart(part=part, household=household) for part in wanted]


def _sync_network(household: Household, contacts: list[NetworkInput]) -> bool:
    by_id = {c.id: c for c in household.network}
    keep: list[NetworkContact] = []
    changed = False
    for position, data in enumerate(contacts):
        values = {"position": position, "name": data.name.strip(),
                  "relation": data.relation.strip(), "phone": data.phone.strip(),
                  "can_help_with": data.can_help_with.strip()}
        row = by_id.get(data.id) if data.id else None
        if row is None:
            row = NetworkContact(**values)
            changed = True
        else:
            for attr, value in values.items():
                if getattr(row, attr) != value:
                    setattr(row, attr, value)
                    changed = True
        keep.append(row)
    if len(keep) != len(household.network):
        changed = True
    household.network = keep
    return changed


def grant_access(uow: UnitOfWork, household_id: uuid.UUID, username: str) -> None:
    """Add a colleague (typically a vindplaatsmedewerker) to this household."""
    require_edit(uow, household_id, "toegang")
    user = uow.session.scalar(select(User).where(User.username == username))
    if user is None or user.disabled:
        raise NotFoundError(f"Er is geen actief account '{username}'.")
    if user.role not in {role.value for role in CASE_EDITORS}:
        raise ValidationError(
            {"username": "Alleen medewerkers die dossiers bewerken kunt u toevoegen."}
        )
    if uow.session.get(HouseholdAccess, (household_id, user.id)) is None:
        uow.session.add(HouseholdAccess(household_id=household_id, user_id=user.id,
                                        granted_at=uow.now))
    audit.record(uow, "toegang", "huishouden", household_id, household_id,
                 detail=f"toegevoegd: {username}")


def _view(uow: UnitOfWork, household: Household) -> HouseholdView:
    creator = uow.session.get(User, household.created_by_id)
    return HouseholdView(
        id=household.id, dossiernummer=household.dossiernummer, version=household.version,
        street=household.street, house_number=household.house_number,
        house_number_suffix=household.house_number_suffix, postcode=household.postcode,
        city=household.city, phone=household.phone, email=household.email,
        created_at=household.created_at,
        created_by=creator.display_name if creator else "",
        members=tuple(member_view(m) for m in household.members),
        network=tuple(NetworkView(c.id, c.name, c.relation, c.phone, c.can_help_with)
                      for c in household.network),
    )
