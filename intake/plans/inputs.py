"""What the editor hands in, and the checks on it. Every problem is reported at once under a
field name, so a form can mark each field."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from db.models import Member, SocialService, User
from intake.catalogues.fixed import (
    CatalogueItem,
    laws,
    life_domains,
    prevention_levels,
    support_levels,
)
from intake.core.context import UnitOfWork
from intake.core.errors import ValidationError
from intake.core.roles import CASE_EDITORS
from intake.plans.vocab import THEME_LABELS, ActionStatus, WhoKind

TEXT_MAX = 2000
NAME_MAX = 200


@dataclass
class ResultInput:
    domain_code: str
    text: str  # in the resident's own words
    law_code: str = "geen"
    target_on: date | None = None
    member_id: uuid.UUID | None = None
    theme: str | None = None  # toekomstplan only


@dataclass
class ActionInput:
    what: str
    who_kind: WhoKind
    support_level: str  # code from ondersteuningsniveaus.json
    who_name: str = ""  # the network person, professional or organisation
    service_id: uuid.UUID | None = None
    start_on: date | None = None
    due_on: date | None = None
    status: ActionStatus = ActionStatus.GEPLAND
    # preventieniveaus.json; None: the service's level, or none (care, not prevention).
    prevention_level: str | None = None


@dataclass
class ProfessionalInput:
    name: str
    organisation: str = ""
    role: str = ""
    contact: str = ""


@dataclass
class EvaluationMomentInput:
    due_on: date
    label: str = ""


@dataclass
class VersionDetailsInput:
    """The plan-wide fields of one draft version. The lists replace what was there."""

    regisseur_id: uuid.UUID | None = None
    aanspreekpunt: str = ""
    aanspreekpunt_contact: str = ""
    client_support_offered: bool = False
    strengths: str = ""
    worries: str = ""
    earlier_help: str = ""
    professionals: list[ProfessionalInput] = field(default_factory=list)
    evaluation_moments: list[EvaluationMomentInput] = field(default_factory=list)


def _codes(items: Iterable[CatalogueItem]) -> set[str]:
    return {item.code for item in items}


def validate_result(uow: UnitOfWork, household_id: uuid.UUID, data: ResultInput) -> None:
    errors: dict[str, str] = {}
    if data.domain_code not in _codes(life_domains()):
        errors["domain_code"] = "Kies een leefgebied."
    if data.law_code not in _codes(laws()):
        errors["law_code"] = "Kies de wet waar dit resultaat onder valt, of 'Geen wet'."
    if len(data.text) > TEXT_MAX:
        errors["text"] = f"Het resultaat is te lang (ten hoogste {TEXT_MAX} tekens)."
    if data.theme is not None and data.theme not in THEME_LABELS:
        errors["theme"] = "Onbekend thema van het toekomstplan."
    if data.member_id is not None and uow.session.scalar(select(Member.id).where(
            Member.id == data.member_id, Member.household_id == household_id)) is None:
        errors["member_id"] = "Dit gezinslid hoort niet (meer) bij het huishouden."
    if errors:
        raise ValidationError(errors)


def validate_action(uow: UnitOfWork, data: ActionInput,
                    current_service: uuid.UUID | None = None) -> None:
    errors: dict[str, str] = {}
    if not data.what.strip():
        errors["what"] = "Beschrijf wat er gaat gebeuren."
    elif len(data.what) > TEXT_MAX:
        errors["what"] = f"De actie is te lang (ten hoogste {TEXT_MAX} tekens)."
    try:
        WhoKind(data.who_kind)
    except ValueError:
        errors["who_kind"] = "Kies wie de actie uitvoert."
    if data.who_kind in (WhoKind.PROFESSIONAL, WhoKind.ORGANISATIE, WhoKind.NETWERK) \
            and not data.who_name.strip() and data.service_id is None:
        errors["who_name"] = "Vul in wie dit doet (naam van de persoon of organisatie)."
    if len(data.who_name) > NAME_MAX:
        errors["who_name"] = f"De naam is te lang (ten hoogste {NAME_MAX} tekens)."
    if data.support_level not in _codes(support_levels()):
        errors["support_level"] = "Kies het ondersteuningsniveau."
    if data.prevention_level is not None \
            and data.prevention_level not in _codes(prevention_levels()):
        errors["prevention_level"] = "Kies universeel, selectief of geïndiceerd, of geen."
    if data.service_id is not None:
        service = uow.session.get(SocialService, data.service_id)
        if service is None or (not service.active and data.service_id != current_service):
            errors["service_id"] = "Deze dienst staat niet (meer) op de sociale kaart."
    try:
        ActionStatus(data.status)
    except ValueError:
        errors["status"] = "Onbekende status van de actie."
    if data.start_on and data.due_on and data.due_on < data.start_on:
        errors["due_on"] = "De einddatum ligt vóór de startdatum."
    if errors:
        raise ValidationError(errors)


def validate_details(uow: UnitOfWork, data: VersionDetailsInput) -> None:
    errors: dict[str, str] = {}
    if data.regisseur_id is not None:
        user = uow.session.get(User, data.regisseur_id)
        if user is None or user.disabled or user.role not in {r.value for r in CASE_EDITORS}:
            errors["regisseur_id"] = "Kies als regisseur een actieve medewerker die dossiers " \
                                     "bewerkt."
    for name, value in (("strengths", data.strengths), ("worries", data.worries),
                        ("earlier_help", data.earlier_help)):
        if len(value) > 4 * TEXT_MAX:
            errors[name] = "Deze tekst is te lang."
    for attr in ("aanspreekpunt", "aanspreekpunt_contact"):
        if len(getattr(data, attr)) > NAME_MAX:
            errors[attr] = f"Ten hoogste {NAME_MAX} tekens."
    for index, person in enumerate(data.professionals, start=1):
        if not person.name.strip():
            errors[f"professional{index}.name"] = f"Professional {index}: vul een naam in."
    if errors:
        raise ValidationError(errors)
