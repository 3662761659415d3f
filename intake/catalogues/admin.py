"""Catalogue management for the functioneel beheerder: add, relabel, deactivate, reactivate.

A code is a promise to every registration that used it: it is never deleted and never given
to something else. A code that is no longer wanted is deactivated (pickers stop offering it,
history keeps showing it), and a new label is appended to the label history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from db.models import CatalogueEntry, CatalogueLabel
from intake.catalogues.fixed import laws
from intake.catalogues.stored import CatalogueEntryView, CatalogueKind, entries, get_entry, view
from intake.core import audit
from intake.core.access import require_role
from intake.core.context import UnitOfWork
from intake.core.errors import StaleEditError, ValidationError
from intake.core.roles import Role

ADMIN_ONLY = frozenset({Role.BEHEERDER})
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
IJW_REFERRER_CODES = {"01", "02", "03", "04", "05", "06", "07", "08"}


@dataclass(frozen=True)
class LabelChange:
    label: str
    valid_from: datetime


def _require_admin(uow: UnitOfWork, action: str) -> None:
    require_role(uow, ADMIN_ONLY, action, "catalogus",
                 "Alleen een functioneel beheerder beheert de catalogi.")


def _clean_label(label: str) -> str:
    cleaned = " ".join(label.split())
    if not cleaned:
        raise ValidationError({"label": "Vul een omschrijving in."})
    if len(cleaned) > 200:
        raise ValidationError({"label": "Een omschrijving heeft hoogstens 200 tekens."})
    return cleaned


def _check_version(entry: CatalogueEntry, expected_version: int) -> None:
    if entry.version != expected_version:
        raise StaleEditError("Deze catalogusregel")


def list_entries(uow: UnitOfWork, kind: CatalogueKind) -> list[CatalogueEntryView]:
    """Every code of a catalogue, inactive ones included."""
    _require_admin(uow, "inzien")
    return entries(uow, kind, include_inactive=True)


def add_entry(
    uow: UnitOfWork, kind: CatalogueKind, code: str, label: str, *,
    law_code: str | None = None, ijw_code: str | None = None,
) -> CatalogueEntryView:
    _require_admin(uow, "aanmaken")
    code = code.strip().lower()
    if not _CODE.match(code):
        raise ValidationError({"code": (
            "Een code heeft 2 tot 40 tekens: kleine letters, cijfers of liggend streepje, en "
            "begint met een letter.")})
    existing = uow.session.get(CatalogueEntry, (kind.value, code))
    if existing is not None:
        state = "in gebruik" if existing.active else "uitgezet, maar blijft bewaard"
        raise ValidationError({"code": (
            f"De code '{code}' bestaat al ({existing.label}; {state}). Een code wordt nooit "
            "opnieuw gebruikt: kies een nieuwe code.")})
    clean = _clean_label(label)
    if kind is CatalogueKind.HULPVRAAGTYPE:
        if law_code not in {law.code for law in laws()}:
            raise ValidationError({"law_code": "Kies de wet waar deze soort hulpvraag onder valt."})
    elif law_code is not None:
        raise ValidationError({"law_code": "Alleen een soort hulpvraag hoort bij een wet."})
    if ijw_code is not None and (kind is not CatalogueKind.VINDPLAATS
                                 or ijw_code not in IJW_REFERRER_CODES):
        raise ValidationError({"ijw_code": "Een iJw-verwijzerscode is 01 tot en met 08 en hoort "
                                           "alleen bij een vindplaats."})
    position = uow.session.scalar(
        select(func.coalesce(func.max(CatalogueEntry.position), -1) + 1)
        .where(CatalogueEntry.catalogue == kind.value)) or 0
    entry = CatalogueEntry(catalogue=kind.value, code=code, label=clean, law_code=law_code,
                           ijw_code=ijw_code, active=True, position=position, shipped=False,
                           created_at=uow.now)
    uow.session.add(entry)
    uow.session.flush()
    uow.session.add(CatalogueLabel(catalogue=kind.value, code=code, label=clean,
                                   valid_from=uow.now, set_by_id=uow.actor.id))
    audit.record(uow, "aanmaken", "catalogus", f"{kind.value}:{code}", detail="code toegevoegd")
    return view(entry)


def relabel(uow: UnitOfWork, kind: CatalogueKind, code: str, label: str,
            expected_version: int) -> CatalogueEntryView:
    """A new label from now on; registrations made earlier keep showing the old one."""
    _require_admin(uow, "wijzigen")
    entry = get_entry(uow.session, kind, code)
    _check_version(entry, expected_version)
    clean = _clean_label(label)
    if clean == entry.label:
        return view(entry)
    entry.label = clean
    entry.updated_at = uow.now
    uow.session.add(CatalogueLabel(catalogue=kind.value, code=code, label=clean,
                                   valid_from=uow.now, set_by_id=uow.actor.id))
    uow.session.flush()
    audit.record(uow, "wijzigen", "catalogus", f"{kind.value}:{code}", detail="nieuwe omschrijving")
    return view(entry)


def set_active(uow: UnitOfWork, kind: CatalogueKind, code: str, active: bool,
               expected_version: int) -> CatalogueEntryView:
    """Deactivate (pickers stop offering it) or reactivate a code; it is never deleted."""
    _require_admin(uow, "wijzigen")
    entry = get_entry(uow.session, kind, code)
    _check_version(entry, expected_version)
    if entry.active != active:
        entry.active = active
        entry.updated_at = uow.now
        uow.session.flush()
        audit.record(uow, "wijzigen", "catalogus", f"{kind.value}:{code}",
                     detail="weer in gebruik" if active else "uitgezet")
    return view(entry)


def deactivate(uow: UnitOfWork, kind: CatalogueKind, code: str,
               expected_version: int) -> CatalogueEntryView:
    return set_active(uow, kind, code, False, expected_version)


def label_history(uow: UnitOfWork, kind: CatalogueKind, code: str) -> list[LabelChange]:
    """Every label the code carried, oldest first."""
    _require_admin(uow, "inzien")
    get_entry(uow.session, kind, code)
    rows = uow.session.execute(
        select(CatalogueLabel.label, CatalogueLabel.valid_from)
        .where(CatalogueLabel.catalogue == kind.value, CatalogueLabel.code == code)
        .order_by(CatalogueLabel.valid_from))
    return [LabelChange(label, valid_from) for label, valid_from in rows]
