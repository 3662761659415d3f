"""Review of need-to-know openings: the team lead's list of consulents' and regisseurs'
openings outside their own work (reviewed / question asked), and the beheerder's list of the
team leads' own openings (who, when, reason; no case content)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from db.models import Household, NeedToKnowOpening, User
from intake.core import audit
from intake.core.access import NEED_TO_KNOW_ROLES, require_role
from intake.core.context import UnitOfWork
from intake.core.errors import NotFoundError, PermissionDenied, ValidationError
from intake.core.roles import Role
from intake.register.need_to_know import REASONS


class ReviewStatus(StrEnum):
    OPEN = "open"
    GEZIEN = "gezien"  # reviewed, in order
    VRAAG = "vraag"  # the team lead asked the opener a question

    @property
    def label(self) -> str:
        return {"open": "Nog na te kijken", "gezien": "Nagekeken",
                "vraag": "Vraag gesteld"}[self.value]


@dataclass(frozen=True)
class OpeningRow:
    id: uuid.UUID
    opened_at: datetime
    opened_by: str
    role: str
    reason_code: str
    reason_label: str
    reason_text: str
    dossiernummer: str  # empty on the beheerder's list
    status: ReviewStatus
    review_note: str
    reviewed_by: str


def _rows(uow: UnitOfWork, roles: frozenset[Role], with_household: bool,
          status: ReviewStatus | None) -> list[OpeningRow]:
    opener, reviewer = User.__table__.alias("opener"), User.__table__.alias("reviewer")
    query = (select(NeedToKnowOpening, opener.c.display_name, reviewer.c.display_name,
                    Household.dossiernummer)
             .join(opener, opener.c.id == NeedToKnowOpening.user_id)
             .outerjoin(reviewer, reviewer.c.id == NeedToKnowOpening.reviewed_by_id)
             .join(Household, Household.id == NeedToKnowOpening.household_id)
             .where(NeedToKnowOpening.role.in_([r.value for r in roles]))
             .order_by(NeedToKnowOpening.opened_at.desc()))
    if status is not None:
        query = query.where(NeedToKnowOpening.review_status == status.value)
    return [OpeningRow(
        id=row.id, opened_at=row.opened_at, opened_by=name, role=Role(row.role).label,
        reason_code=row.reason_code, reason_label=REASONS.get(row.reason_code, row.reason_code),
        reason_text=row.reason_text, dossiernummer=number if with_household else "",
        status=ReviewStatus(row.review_status), review_note=row.review_note,
        reviewed_by=reviewer_name or "")
        for row, name, reviewer_name, number in uow.session.execute(query).all()]


def review_list(uow: UnitOfWork, status: ReviewStatus | None = ReviewStatus.OPEN
                ) -> list[OpeningRow]:
    """The team lead's list: openings by consulents and regisseurs outside their own work,
    newest first (default: those not yet reviewed)."""
    require_role(uow, {Role.TEAMLEIDER}, "openingen", "openen-met-reden",
                 "Alleen een teamleider kijkt het openen van dossiers met een reden na.")
    rows = _rows(uow, NEED_TO_KNOW_ROLES, True, status)
    audit.record(uow, "openingen", "openen-met-reden", detail=f"{len(rows)} regels")
    return rows


def team_lead_openings(uow: UnitOfWork) -> list[OpeningRow]:
    """The beheerder's list: the team leads' own openings of household files, with who,
    when and the reason; no dossiernummer and nothing of the file."""
    require_role(uow, {Role.BEHEERDER}, "openingen", "openen-met-reden",
                 "Alleen de functioneel beheerder ziet het openen van dossiers door "
                 "teamleiders.")
    rows = _rows(uow, frozenset({Role.TEAMLEIDER}), False, None)
    audit.record(uow, "openingen", "openen-met-reden", detail=f"{len(rows)} regels")
    return rows


def review_opening(uow: UnitOfWork, opening_id: uuid.UUID, status: ReviewStatus,
                   note: str = "") -> None:
    """The team lead marks an opening reviewed, or asks the opener a question (note)."""
    require_role(uow, {Role.TEAMLEIDER}, "nakijken", "openen-met-reden",
                 "Alleen een teamleider kijkt het openen van dossiers met een reden na.")
    row = uow.session.get(NeedToKnowOpening, opening_id)
    if row is None or Role(row.role) not in NEED_TO_KNOW_ROLES:
        raise NotFoundError("Deze opening bestaat niet (meer).")
    if row.user_id == uow.actor.id:
        raise PermissionDenied("U kunt uw eigen openingen niet zelf nakijken.")
    if status is ReviewStatus.OPEN:
        raise ValidationError({"status": "Kies 'nagekeken' of 'vraag gesteld'."})
    note = " ".join(note.split())
    if status is ReviewStatus.VRAAG and not note:
        raise ValidationError({"note": "Schrijf de vraag op die u de collega stelt."})
    if len(note) > 500:
        raise ValidationError({"note": "De notitie is te lang (ten hoogste 500 tekens)."})
    # Marked reviewed after a question: the question stays readable with it.
    row.review_status, row.review_note = status.value, note or row.review_note
    row.reviewed_at, row.reviewed_by_id = uow.now, uow.actor.id
    audit.record(uow, "nakijken", "openen-met-reden", row.id, row.household_id,
                 detail=status.value)
