"""What is due for destruction, and the first of the two persons: the beheerder proposes.

The list names dossiers by number with dates, terms and laws only: the beheerder has no access
to case content and needs none to see that a term has passed. The teamleider approves
(intake.retention.destruction) or rejects; a rejected or carried out proposal stays as a row
without personal data.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from db.models import Destruction, Household, User
from intake.core import audit
from intake.core.access import require_role
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.errors import NotFoundError, ValidationError
from intake.core.roles import Role
from intake.retention.dossiers import Retention, retention_of, retentions
from intake.retention.terms import TERM_READERS, load_terms

PROPOSED = "voorgesteld"
DESTROYED = "vernietigd"
WITHDRAWN = "ingetrokken"
LIST_REFUSED = "Alleen de functioneel beheerder en de teamleider zien wat vernietigd moet worden."
PROPOSE_REFUSED = "Alleen de functioneel beheerder stelt een vernietiging voor."
WITHDRAW_REFUSED = "Alleen de functioneel beheerder of de teamleider trekt een voorstel in."


@dataclass(frozen=True)
class DueDossier:
    retention: Retention
    proposed_by: str  # display name; '' when not proposed
    proposed_on: date | None

    @property
    def dossiernummer(self) -> str:
        return self.retention.dossiernummer


def _proposals(uow: UnitOfWork) -> dict[uuid.UUID, tuple[Destruction, str]]:
    rows = uow.session.execute(
        select(Destruction, User.display_name)
        .join(User, User.id == Destruction.proposed_by_id)
        .where(Destruction.status == PROPOSED))
    return {row.household_id: (row, name) for row, name in rows.all()}


def retention_list(uow: UnitOfWork, *, due_only: bool = True) -> list[DueDossier]:
    """Closed dossiers whose retention has ended (or every closed one), earliest end first;
    proposed ones always."""
    require_role(uow, TERM_READERS, "inzien", "bewaartermijnen", LIST_REFUSED)
    today = local_date(uow.now)
    proposals = _proposals(uow)
    found = []
    for retention in retentions(uow.session, load_terms(uow), select(Household.id)):
        proposal = proposals.get(retention.household_id)
        if due_only and not retention.due(today) and proposal is None:
            continue
        found.append(DueDossier(retention, proposal[1] if proposal else "",
                                local_date(proposal[0].proposed_at) if proposal else None))
    audit.record(uow, "inzien", "bewaartermijnen",
                 detail=f"{len(found)} dossiers, {sum(1 for d in found if d.proposed_by)} "
                        "voorgesteld")
    return found


def due_retention(uow: UnitOfWork, household_id: uuid.UUID) -> Retention:
    """The dossier's retention, refused while it is not closed or its term has not ended."""
    retention = retention_of(uow.session, load_terms(uow), household_id)
    if retention is None:
        raise ValidationError({"dossier": "Dit dossier is niet afgesloten: er is nog een open "
                                          "plan, brede uitvraag of hulpvraag."})
    if not retention.due(local_date(uow.now)):
        raise ValidationError({"dossier": "De bewaartermijn van dit dossier loopt tot "
                                          f"{retention.ends_on:%d-%m-%Y}."})
    return retention


def open_proposal(uow: UnitOfWork, household_id: uuid.UUID) -> Destruction | None:
    return uow.session.scalar(select(Destruction).where(
        Destruction.household_id == household_id, Destruction.status == PROPOSED))


def dossier_household(uow: UnitOfWork, dossiernummer: str) -> uuid.UUID:
    """The household of a dossiernummer, for the destruction steps: looked up directly, as the
    beheerder who proposes has no access to case content (the register's lookup refuses him)."""
    household = uow.session.scalar(
        select(Household).where(Household.dossiernummer == dossiernummer.strip().upper()))
    if household is None or household.destroyed_on is not None:
        raise NotFoundError(f"Er is geen huishouden met dossiernummer {dossiernummer}.")
    return household.id


def propose_destruction(uow: UnitOfWork, dossiernummer: str) -> Retention:
    require_role(uow, {Role.BEHEERDER}, "vernietiging-voorstellen", "huishouden",
                 PROPOSE_REFUSED)
    household_id = dossier_household(uow, dossiernummer)
    retention = due_retention(uow, household_id)
    if open_proposal(uow, household_id) is not None:
        raise ValidationError({"dossier": "Voor dit dossier is al een vernietiging voorgesteld."})
    uow.session.add(Destruction(
        household_id=household_id, status=PROPOSED, term_code=retention.term_code,
        years=retention.years, ends_on=retention.ends_on, proposed_at=uow.now,
        proposed_by_id=uow.actor.id))
    audit.record(uow, "vernietiging-voorstellen", "huishouden", household_id, household_id,
                 detail=f"termijn {retention.term_code} {retention.years} jaar")
    return retention


def withdraw_destruction(uow: UnitOfWork, dossiernummer: str) -> None:
    require_role(uow, TERM_READERS, "vernietiging-intrekken", "huishouden", WITHDRAW_REFUSED)
    household_id = dossier_household(uow, dossiernummer)
    proposal = open_proposal(uow, household_id)
    if proposal is None:
        raise NotFoundError("Voor dit dossier is geen vernietiging voorgesteld.")
    proposal.status = WITHDRAWN
    proposal.decided_at = uow.now
    proposal.decided_by_id = uow.actor.id
    audit.record(uow, "vernietiging-intrekken", "huishouden", household_id, household_id)
