"""Reading the extendable catalogues held in the store: help-question types, vindplaatsen,
channels and outcomes. Shipped codes are seeded by the migration (db/catalogue_seed.py); a
beheerder extends them through ``intake.catalogues.admin``.

Every label a code ever carried is kept, so a registration can show the label it was made
under (``LabelBook.at``) next to today's (``LabelBook.current``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CatalogueEntry, CatalogueLabel
from intake.core.access import SENT_TO_INTAKE
from intake.core.context import UnitOfWork
from intake.core.errors import NotFoundError, ValidationError


class CatalogueKind(StrEnum):
    HULPVRAAGTYPE = "hulpvraagtype"
    VINDPLAATS = "vindplaats"
    KANAAL = "kanaal"
    UITKOMST = "uitkomst"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    CatalogueKind.HULPVRAAGTYPE: "Soort hulpvraag",
    CatalogueKind.VINDPLAATS: "Vindplaats",
    CatalogueKind.KANAAL: "Kanaal",
    CatalogueKind.UITKOMST: "Uitkomst",
}

# Outcome codes the domain acts on; the catalogue may hold more.
OUTCOME_DIRECT = "direct_geholpen"
OUTCOME_INTAKE = SENT_TO_INTAKE
OUTCOME_REFERRED = "doorverwezen"
OUTCOME_CLOSED = "afgesloten"


@dataclass(frozen=True)
class CatalogueEntryView:
    catalogue: CatalogueKind
    code: str
    label: str
    law_code: str | None
    ijw_code: str | None
    active: bool
    position: int
    shipped: bool
    version: int


def view(entry: CatalogueEntry) -> CatalogueEntryView:
    return CatalogueEntryView(
        catalogue=CatalogueKind(entry.catalogue), code=entry.code, label=entry.label,
        law_code=entry.law_code, ijw_code=entry.ijw_code, active=entry.active,
        position=entry.position, shipped=entry.shipped, version=entry.version,
    )


def entries(
    uow: UnitOfWork, kind: CatalogueKind, *, include_inactive: bool = False
) -> list[CatalogueEntryView]:
    """The codes of one catalogue in display order; pickers show only active ones."""
    query = select(CatalogueEntry).where(CatalogueEntry.catalogue == kind.value)
    if not include_inactive:
        query = query.where(CatalogueEntry.active.is_(True))
    rows = uow.session.scalars(query.order_by(CatalogueEntry.position, CatalogueEntry.code))
    return [view(row) for row in rows]


def get_entry(session: Session, kind: CatalogueKind, code: str) -> CatalogueEntry:
    entry = session.get(CatalogueEntry, (kind.value, code))
    if entry is None:
        raise NotFoundError(f"{kind.label} met code '{code}' bestaat niet.")
    return entry


def require_active(session: Session, kind: CatalogueKind, code: str, field_name: str) -> \
        CatalogueEntry:
    """The entry for a code chosen on a form; a ValidationError under ``field_name`` if the
    code is unknown or no longer in use."""
    entry = session.get(CatalogueEntry, (kind.value, code)) if code else None
    if entry is None:
        raise ValidationError({field_name: f"Kies een {kind.label.lower()}."})
    if not entry.active:
        raise ValidationError({field_name: (
            f"{kind.label} '{entry.label}' is niet meer in gebruik. Kies een andere.")})
    return entry


@dataclass
class LabelBook:
    """All labels of all catalogues, for showing many registrations at once."""

    _history: dict[tuple[str, str], tuple[list[datetime], list[str]]] = field(
        default_factory=dict)
    _current: dict[tuple[str, str], str] = field(default_factory=dict)
    _extra: dict[tuple[str, str], CatalogueEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> LabelBook:
        book = cls()
        for entry in session.scalars(select(CatalogueEntry)):
            book._current[(entry.catalogue, entry.code)] = entry.label
            book._extra[(entry.catalogue, entry.code)] = entry
        rows = session.execute(
            select(CatalogueLabel.catalogue, CatalogueLabel.code, CatalogueLabel.valid_from,
                   CatalogueLabel.label).order_by(CatalogueLabel.valid_from)
        )
        for catalogue, code, valid_from, label in rows:
            moments, labels = book._history.setdefault((catalogue, code), ([], []))
            moments.append(valid_from)
            labels.append(label)
        return book

    def current(self, kind: CatalogueKind, code: str) -> str:
        return self._current.get((kind.value, code), code)

    def at(self, kind: CatalogueKind, code: str, moment: datetime) -> str:
        """The label the code carried at ``moment`` (the current one if it had none yet)."""
        history = self._history.get((kind.value, code))
        if not history:
            return self.current(kind, code)
        moments, labels = history
        index = bisect.bisect_right(moments, moment) - 1
        return labels[max(index, 0)]

    def law_code(self, type_code: str) -> str | None:
        entry = self._extra.get((CatalogueKind.HULPVRAAGTYPE.value, type_code))
        return entry.law_code if entry else None

    def ijw_code(self, vindplaats_code: str) -> str | None:
        entry = self._extra.get((CatalogueKind.VINDPLAATS.value, vindplaats_code))
        return entry.ijw_code if entry else None
