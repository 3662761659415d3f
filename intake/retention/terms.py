"""Retention terms: per law, shipped with a default and its source, set by the beheerder.

The terms live in the store (migration 0008 ships them); a change is audited and keeps the
shipped value beside it, so the screen can always say what the default was and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.models import RetentionTerm
from intake.catalogues.fixed import laws
from intake.core import audit
from intake.core.access import require_role
from intake.core.context import UnitOfWork
from intake.core.errors import NotFoundError, StaleEditError, ValidationError
from intake.core.roles import Role

AUDIT_TERM = "audittrail"
NO_LAW = "geen"
MAX_YEARS = 115  # a whole life: anything longer is a typing error
TERM_READERS = frozenset({Role.BEHEERDER, Role.TEAMLEIDER})
READ_REFUSED = "Alleen de functioneel beheerder en de teamleider zien de bewaartermijnen."
SET_REFUSED = "Alleen de functioneel beheerder stelt bewaartermijnen in."


def term_label(code: str) -> str:
    """'Jeugdwet', 'Wmo 2015', …, or 'Audittrail'."""
    if code == AUDIT_TERM:
        return "Audittrail"
    return next((law.label for law in laws() if law.code == code), code)


@dataclass(frozen=True)
class TermView:
    code: str
    years: int
    shipped_years: int
    source: str
    version: int

    @property
    def label(self) -> str:
        return term_label(self.code)

    @property
    def changed(self) -> bool:
        return self.years != self.shipped_years


def _view(row: RetentionTerm) -> TermView:
    return TermView(row.code, row.years, row.shipped_years, row.source, row.version)


def load_terms(uow: UnitOfWork) -> dict[str, TermView]:
    """Every term by code, without a permission check: the retention rules need them."""
    return {row.code: _view(row) for row in uow.session.scalars(
        select(RetentionTerm).order_by(RetentionTerm.code))}


def retention_terms(uow: UnitOfWork) -> list[TermView]:
    require_role(uow, TERM_READERS, "inzien", "bewaartermijnen", READ_REFUSED)
    terms = sorted(load_terms(uow).values(), key=lambda t: (t.code == AUDIT_TERM, -t.years))
    audit.record(uow, "inzien", "bewaartermijnen", detail=f"{len(terms)} termijnen")
    return terms


def set_term(uow: UnitOfWork, code: str, years: int, expected_version: int) -> TermView:
    require_role(uow, {Role.BEHEERDER}, "wijzigen", "bewaartermijnen", SET_REFUSED)
    row = uow.session.get(RetentionTerm, code)
    if row is None:
        raise NotFoundError(f"Er is geen bewaartermijn '{code}'.")
    if row.version != expected_version:
        raise StaleEditError()
    if not 1 <= years <= MAX_YEARS:
        raise ValidationError({"years": f"Een bewaartermijn ligt tussen 1 en {MAX_YEARS} jaar."})
    before = row.years
    row.years = years
    row.set_by_id = uow.actor.id
    row.updated_at = uow.now
    uow.session.flush()
    audit.record(uow, "wijzigen", "bewaartermijnen", code,
                 detail=f"{code}: {before} -> {years} jaar")
    return _view(row)
