"""Opening a household outside one's own work with a reason (need to know).

The rule itself is in ``intake.core.access`` (``needs_reason``); here the reason is checked
and recorded, so the team lead can review it (``intake.sharing.openings``). The reason's text
is kept with the opening, never in the audit trail (it may hold a name)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from db.models import Household, NeedToKnowOpening
from intake.core.access import needs_reason
from intake.core.context import UnitOfWork
from intake.core.errors import ValidationError

# A short choice, then a text: codes are stored and never change meaning.
REASONS: dict[str, str] = {
    "vervanging": "Ik vervang de collega die dit huishouden begeleidt",
    "spoed": "Spoed of crisis: er moet nu iets gebeuren",
    "aanmelding": "Nieuwe aanmelding of overdracht die ik oppak",
    "overleg": "Casusoverleg of consultatie waarvoor ik ben gevraagd",
    "kwaliteit": "Kwaliteitscontrole of klacht (teamleider)",
    "anders": "Anders (licht toe)",
}
REASON_MIN = 10  # characters of explanation at least
REASON_MAX = 500


@dataclass(frozen=True)
class OpeningReason:
    code: str
    text: str

    @property
    def label(self) -> str:
        return REASONS.get(self.code, self.code)


def validate_reason(reason: OpeningReason) -> OpeningReason:
    errors: dict[str, str] = {}
    if reason.code not in REASONS:
        errors["reason_code"] = "Kies waarom u dit huishouden opent."
    text = " ".join(reason.text.split())
    if len(text) < REASON_MIN:
        errors["reason_text"] = (f"Licht de reden toe in ten minste {REASON_MIN} tekens: "
                                 "wat moet u in dit dossier doen?")
    elif len(text) > REASON_MAX:
        errors["reason_text"] = f"De toelichting is te lang (ten hoogste {REASON_MAX} tekens)."
    if errors:
        raise ValidationError(errors)
    return OpeningReason(reason.code, text)


def record_opening(uow: UnitOfWork, household_id: uuid.UUID,
                   reason: OpeningReason | None) -> str:
    """When opening asks for a reason: validate and record it. Returns the audit detail for
    the opening ('' when no reason was needed)."""
    if reason is None or uow.session.get(Household, household_id) is None \
            or not needs_reason(uow, household_id):
        return ""
    clean = validate_reason(reason)
    uow.session.add(NeedToKnowOpening(
        household_id=household_id, user_id=uow.actor.id, role=uow.actor.role.value,
        opened_at=uow.now, reason_code=clean.code, reason_text=clean.text))
    uow.session.flush()
    return f"buiten eigen dossiers, reden {clean.code}"
