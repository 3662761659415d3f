"""Consent and legal basis for sharing a household's file with a named organisation of the
sociale kaart: with whom, for what purpose, which parts (plan, intake, help questions), how
given, from and until when, withdrawn when. A print for an organisation needs one that
covers it (``basis_for``); withdrawing consent is one action; reminders before it expires."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select

from db.models import Household, SharingBasis, SocialService, User
from intake.core import audit
from intake.core.access import household_filter, own_work, require_edit, require_read
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.errors import AuditEvent, NotFoundError, PermissionDenied, ValidationError
from intake.core.roles import Role
from intake.core.text import fold
from intake.core.validation import format_date

CONSENT = "toestemming"
# The ground a share rests on: the resident's consent, or a law that allows it without.
GROUNDS: dict[str, str] = {
    CONSENT: "Toestemming van de inwoner",
    "jeugdwet": "Wettelijke grondslag: Jeugdwet",
    "wmo": "Wettelijke grondslag: Wmo 2015",
    "participatiewet": "Wettelijke grondslag: Participatiewet",
    "wgs": "Wettelijke grondslag: Wet gemeentelijke schuldhulpverlening",
    "meldcode": "Meldcode huiselijk geweld en kindermishandeling",
}
PARTS: dict[str, str] = {"plan": "plan van aanpak", "intake": "brede uitvraag",
                         "hulpvragen": "hulpvragen"}
HOW: dict[str, str] = {"getekend": "getekend", "mondeling": "mondeling"}
REMIND_DAYS = 30  # consent ending within this many days is on the reminder list
PURPOSE_MAX = 500


def organisation_code(name: str) -> str:
    """The code an organisation of the sociale kaart goes by: 'GGD Twente' is 'ggd-twente'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:80]


def organisations(uow: UnitOfWork) -> dict[str, str]:
    """Code -> name of every organisation with an active service on the sociale kaart."""
    names = uow.session.scalars(select(SocialService.organisation)
                                .where(SocialService.active).distinct())
    return dict(sorted(((organisation_code(n), n) for n in names if n.strip()),
                       key=lambda item: item[1].casefold()))


@dataclass
class BasisInput:
    organisation_code: str
    ground: str
    purpose: str
    parts: list[str] = field(default_factory=lambda: ["plan"])
    given_how: str = ""  # consent only: getekend / mondeling
    valid_from: date | None = None  # default: today
    valid_until: date | None = None  # consent: required


@dataclass(frozen=True)
class BasisView:
    id: uuid.UUID
    household_id: uuid.UUID
    organisation_code: str
    organisation: str
    ground: str
    ground_label: str
    purpose: str
    parts: tuple[str, ...]
    given_how: str
    valid_from: date
    valid_until: date | None
    withdrawn_on: date | None
    recorded_by: str

    @property
    def is_consent(self) -> bool:
        return self.ground == CONSENT

    def status(self, day: date) -> str:
        if self.withdrawn_on is not None and self.withdrawn_on <= day:
            return "ingetrokken"
        if day < self.valid_from:
            return "nog niet geldig"
        if self.valid_until is not None and day > self.valid_until:
            return "verlopen"
        return "geldig"

    def covers(self, part: str, day: date) -> bool:
        return part in self.parts and self.status(day) == "geldig"

    @property
    def printed(self) -> str:
        """The basis as a print states it."""
        period = f"geldig van {format_date(self.valid_from)}" + (
            f" t/m {format_date(self.valid_until)}" if self.valid_until else "")
        how = f", {self.given_how}" if self.given_how else ""
        return f"{self.ground_label}{how}, {period}. Doel: {self.purpose}"


def _view(row: SharingBasis, recorded_by: str) -> BasisView:
    return BasisView(
        id=row.id, household_id=row.household_id, organisation_code=row.organisation_code,
        organisation=row.organisation, ground=row.ground,
        ground_label=GROUNDS.get(row.ground, row.ground), purpose=row.purpose,
        parts=tuple(p for p in row.parts.split(",") if p), given_how=row.given_how,
        valid_from=row.valid_from, valid_until=row.valid_until, withdrawn_on=row.withdrawn_on,
        recorded_by=recorded_by)


def _validate(uow: UnitOfWork, data: BasisInput) -> tuple[str, date]:
    errors: dict[str, str] = {}
    known = organisations(uow)
    name = known.get(data.organisation_code.strip().lower(), "")
    if not name:
        errors["organisation_code"] = "Kies een organisatie van de sociale kaart."
    if data.ground not in GROUNDS:
        errors["ground"] = "Kies de grondslag: toestemming of een wettelijke grondslag."
    purpose = " ".join(data.purpose.split())
    if not purpose:
        errors["purpose"] = "Schrijf op waarvoor de gegevens gedeeld worden."
    elif len(purpose) > PURPOSE_MAX:
        errors["purpose"] = f"Het doel is te lang (ten hoogste {PURPOSE_MAX} tekens)."
    if not data.parts or any(p not in PARTS for p in data.parts):
        errors["parts"] = "Kies welke delen gedeeld mogen worden: plan, intake, hulpvragen."
    start = data.valid_from or local_date(uow.now)
    if data.ground == CONSENT:
        if data.given_how not in HOW:
            errors["given_how"] = "Geef aan hoe de toestemming is gegeven: getekend of mondeling."
        if data.valid_until is None:
            errors["valid_until"] = "Toestemming geldt tot een datum: vul die in."
    if data.valid_until is not None and data.valid_until < start:
        errors["valid_until"] = "De einddatum ligt voor de begindatum."
    if errors:
        raise ValidationError(errors)
    return name, start


def record_basis(uow: UnitOfWork, household_id: uuid.UUID, data: BasisInput) -> BasisView:
    """Record consent (or a legal ground) to share with one organisation."""
    require_edit(uow, household_id, "delen-vastleggen")
    name, start = _validate(uow, data)
    parts = [p for p in PARTS if p in data.parts]
    row = SharingBasis(
        household_id=household_id, organisation_code=data.organisation_code.strip().lower(),
        organisation=name, ground=data.ground, purpose=" ".join(data.purpose.split()),
        parts=",".join(parts), given_how=data.given_how if data.ground == CONSENT else "",
        valid_from=start, valid_until=data.valid_until, withdrawn_on=None,
        recorded_at=uow.now, recorded_by_id=uow.actor.id)
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, "delen-vastleggen", "grondslag", row.id, household_id,
                 detail=f"{row.ground}, {row.organisation_code}, {row.parts}")
    return _view(row, uow.actor.display_name)


def withdraw_consent(uow: UnitOfWork, basis_id: uuid.UUID) -> BasisView:
    """The resident withdraws consent: from today on, nothing is shared on it."""
    row = uow.session.get(SharingBasis, basis_id)
    if row is None:
        raise NotFoundError("Deze toestemming bestaat niet (meer).")
    require_edit(uow, row.household_id, "delen-intrekken")
    if row.ground != CONSENT:
        raise ValidationError({"basis": "Alleen toestemming kan worden ingetrokken; een "
                                        "wettelijke grondslag beëindigt u met een einddatum."})
    if row.withdrawn_on is not None:
        raise ValidationError({"basis": "Deze toestemming is al ingetrokken op "
                                        f"{format_date(row.withdrawn_on)}."})
    row.withdrawn_on, row.withdrawn_by_id = local_date(uow.now), uow.actor.id
    audit.record(uow, "delen-intrekken", "grondslag", row.id, row.household_id,
                 detail=row.organisation_code)
    return _view(row, "")


def household_bases(uow: UnitOfWork, household_id: uuid.UUID) -> list[BasisView]:
    """Every basis recorded for the household, newest first, withdrawn and expired too."""
    require_read(uow, household_id, "delen-overzicht")
    rows = uow.session.execute(
        select(SharingBasis, User.display_name).join(User, User.id == SharingBasis.recorded_by_id)
        .where(SharingBasis.household_id == household_id)
        .order_by(SharingBasis.recorded_at.desc())).all()
    audit.record(uow, "delen-overzicht", "huishouden", household_id, household_id)
    return [_view(row, name) for row, name in rows]


class NoSharingBasis(PermissionDenied):
    """Nothing recorded allows this share."""


def basis_for(uow: UnitOfWork, household_id: uuid.UUID, organisation: str,
              part: str = "plan") -> BasisView:
    """The basis that allows sharing ``part`` with ``organisation`` today (consent before a
    legal ground: the resident's own say comes first); refused (and audited) without one."""
    code = organisation.strip().lower()
    name = organisations(uow).get(code)
    event = AuditEvent("afdrukken", "huishouden", str(household_id), household_id,
                       f"voor {code}: geen grondslag")
    if name is None:
        raise NoSharingBasis(f"Er is geen organisatie met code '{organisation}' op de "
                             "sociale kaart.", event)
    today = local_date(uow.now)
    rows = uow.session.scalars(select(SharingBasis).where(
        SharingBasis.household_id == household_id, SharingBasis.organisation_code == code))
    covering = [v for v in (_view(r, "") for r in rows) if v.covers(part, today)]
    if not covering:
        raise NoSharingBasis(
            f"Het {PARTS[part]} mag niet met {name} gedeeld worden: er is geen geldige "
            "toestemming van de inwoner en geen andere wettelijke grondslag vastgelegd. Leg "
            "eerst toestemming of een grondslag vast.", event)
    return min(covering, key=lambda v: (not v.is_consent, v.valid_from))


@dataclass(frozen=True)
class ExpiringConsent:
    basis_id: uuid.UUID
    household_id: uuid.UUID
    dossiernummer: str
    organisation: str
    valid_until: date
    days_left: int


def expiring_consents(uow: UnitOfWork, within_days: int = REMIND_DAYS) -> list[ExpiringConsent]:
    """Reminders: consent that ends within ``within_days`` and is not withdrawn, for the
    households one works on (the team lead: the whole team), soonest first."""
    if uow.actor.role not in (Role.CONSULENT, Role.REGISSEUR, Role.VINDPLAATS,
                              Role.TEAMLEIDER):
        return []
    today = local_date(uow.now)
    query = (select(SharingBasis, Household.dossiernummer)
             .join(Household, Household.id == SharingBasis.household_id)
             .where(SharingBasis.ground == CONSENT, SharingBasis.withdrawn_on.is_(None),
                    SharingBasis.valid_until >= today,
                    SharingBasis.valid_until <= today + timedelta(days=within_days),
                    household_filter(uow))
             .order_by(SharingBasis.valid_until))
    if uow.actor.role is not Role.TEAMLEIDER:
        query = query.where(own_work(uow.actor.id))
    out = []
    for row, number in uow.session.execute(query).all():
        assert row.valid_until is not None
        out.append(ExpiringConsent(row.id, row.household_id, number, row.organisation,
                                   row.valid_until, (row.valid_until - today).days))
    return out
