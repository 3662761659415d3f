"""The sociale kaart: services and organisations an action in a plan can point to.

Everyone signed in may search it (the action editor does); only the functioneel beheerder
changes it. A service is never deleted, only deactivated, so old plans keep their reference.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from db.models import SocialService
from intake.catalogues.fixed import life_domains, prevention_levels
from intake.core import audit
from intake.core.access import require_role
from intake.core.context import UnitOfWork
from intake.core.errors import NotFoundError, StaleEditError, ValidationError
from intake.core.roles import Role
from intake.core.text import fold

KINDS = {"algemeen": "Algemene voorziening", "maatwerk": "Maatwerkvoorziening"}
SEARCH_LIMIT = 50


def service_search_key(name: str, organisation: str) -> str:
    return fold(f"{name} {organisation}")[:400]


@dataclass(frozen=True)
class ServiceView:
    id: uuid.UUID
    version: int
    code: str
    name: str
    organisation: str
    kind: str  # algemeen / maatwerk
    kind_label: str
    domain_code: str
    domain_label: str
    description: str
    contact: str
    active: bool
    prevention_level: str | None = None  # universeel / selectief / geindiceerd, or none
    prevention_level_label: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.organisation})"


@dataclass
class ServiceInput:
    name: str
    organisation: str
    kind: str
    domain_code: str
    description: str = ""
    contact: str = ""
    active: bool = True
    prevention_level: str | None = None


def _view(row: SocialService) -> ServiceView:
    domain = next((d.label for d in life_domains() if d.code == row.domain_code),
                  row.domain_code)
    level = next((p.label for p in prevention_levels() if p.code == row.prevention_level),
                 row.prevention_level or "")
    return ServiceView(row.id, row.version, row.code, row.name, row.organisation, row.kind,
                       KINDS.get(row.kind, row.kind), row.domain_code, domain, row.description,
                       row.contact, row.active, row.prevention_level, level)


def search_services(uow: UnitOfWork, text: str = "", *, domain_code: str | None = None,
                    kind: str | None = None, include_inactive: bool = False,
                    limit: int = SEARCH_LIMIT) -> list[ServiceView]:
    """Services whose name or organisation contains every typed word (accents and case
    ignored), optionally of one life domain or kind; alphabetical."""
    query = select(SocialService)
    for word in fold(text).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(SocialService.search_key.like(f"%{escaped}%", escape="\\"))
    if domain_code:
        query = query.where(SocialService.domain_code == domain_code)
    if kind:
        query = query.where(SocialService.kind == kind)
    if not include_inactive:
        query = query.where(SocialService.active.is_(True))
    rows = uow.session.scalars(
        query.order_by(SocialService.organisation, SocialService.name).limit(limit))
    return [_view(row) for row in rows]


def get_service(uow: UnitOfWork, service_id: uuid.UUID) -> ServiceView:
    row = uow.session.get(SocialService, service_id)
    if row is None:
        raise NotFoundError("Deze dienst staat niet op de sociale kaart.")
    return _view(row)


def _require_beheerder(uow: UnitOfWork, action: str) -> None:
    require_role(uow, {Role.BEHEERDER}, action, "sociale kaart",
                 "Alleen een functioneel beheerder kan de sociale kaart wijzigen.")


def _validate(data: ServiceInput) -> None:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = "Vul de naam van de dienst in."
    if not data.organisation.strip():
        errors["organisation"] = "Vul de organisatie in."
    if data.kind not in KINDS:
        errors["kind"] = "Kies algemene voorziening of maatwerkvoorziening."
    if data.domain_code not in {d.code for d in life_domains()}:
        errors["domain_code"] = "Kies een leefgebied."
    if data.prevention_level is not None \
            and data.prevention_level not in {p.code for p in prevention_levels()}:
        errors["prevention_level"] = "Kies universeel, selectief of geïndiceerd, of geen."
    for name, limit in (("name", 200), ("organisation", 200), ("description", 500),
                        ("contact", 500)):
        if len(getattr(data, name)) > limit:
            errors[name] = f"Ten hoogste {limit} tekens."
    if errors:
        raise ValidationError(errors)


def _apply(row: SocialService, data: ServiceInput) -> None:
    row.name = data.name.strip()
    row.organisation = data.organisation.strip()
    row.kind = data.kind
    row.domain_code = data.domain_code
    row.description = data.description.strip()
    row.contact = data.contact.strip()
    row.active = data.active
    row.prevention_level = data.prevention_level
    row.search_key = service_search_key(row.name, row.organisation)


def add_service(uow: UnitOfWork, data: ServiceInput) -> ServiceView:
    _require_beheerder(uow, "aanmaken")
    _validate(data)
    base = re.sub(r"[^a-z0-9]+", "_", fold(f"{data.organisation} {data.name}")).strip("_")[:50]
    code, n = base or "dienst", 1
    while uow.session.scalar(select(SocialService.id).where(SocialService.code == code)):
        n += 1
        code = f"{base}_{n}"
    row = SocialService(code=code, shipped=False, search_key="")
    _apply(row, data)
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, "aanmaken", "sociale kaart", row.id, detail=f"dienst {code}")
    return _view(row)


def update_service(uow: UnitOfWork, service_id: uuid.UUID, expected_version: int,
                   data: ServiceInput) -> ServiceView:
    """Change a service (name, contact, ...) or deactivate it (``active=False``)."""
    _require_beheerder(uow, "wijzigen")
    row = uow.session.get(SocialService, service_id)
    if row is None:
        raise NotFoundError("Deze dienst staat niet op de sociale kaart.")
    if row.version != expected_version:
        raise StaleEditError("Deze dienst")
    _validate(data)
    _apply(row, data)
    row.updated_at = uow.now
    uow.session.flush()
    audit.record(uow, "wijzigen", "sociale kaart", row.id,
                 detail=f"dienst {row.code}" + ("" if row.active else ", uitgezet"))
    return _view(row)
