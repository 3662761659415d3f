"""Who may see and change which household. Enforced here, so no screen can forget it."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, exists, or_, select, true

from db.models import Household, HouseholdAccess
from intake.core.context import UnitOfWork
from intake.core.errors import AuditEvent, NotFoundError, PermissionDenied
from intake.core.roles import CASE_EDITORS, CASE_READERS, SEES_ALL_HOUSEHOLDS, Role

NO_CASE_ACCESS = {
    Role.BEHEERDER: "Een functioneel beheerder heeft geen toegang tot dossiers van inwoners.",
    Role.TEAMLEIDER: "Een teamleider kan dossiers inzien maar niet wijzigen.",
}


def require_role(uow: UnitOfWork, roles: frozenset[Role] | set[Role], action: str,
                 object_type: str, message: str) -> None:
    if uow.actor.role not in roles:
        raise PermissionDenied(message, AuditEvent(action, object_type))


def household_filter(uow: UnitOfWork) -> ColumnElement[bool]:
    """A WHERE clause limiting households to what the current actor may see."""
    actor = uow.actor
    if actor.role in SEES_ALL_HOUSEHOLDS:
        return true()
    if actor.role is Role.VINDPLAATS:
        granted = exists().where(
            HouseholdAccess.household_id == Household.id, HouseholdAccess.user_id == actor.id
        )
        return or_(Household.created_by_id == actor.id, granted)
    return Household.id.is_(None)  # sees none


def _can_see(uow: UnitOfWork, household_id: uuid.UUID) -> bool:
    found = uow.session.scalar(
        select(Household.id).where(Household.id == household_id, household_filter(uow))
    )
    return found is not None


def _exists(uow: UnitOfWork, household_id: uuid.UUID) -> None:
    if uow.session.get(Household, household_id) is None:
        raise NotFoundError("Dit huishouden bestaat niet (meer).")


def require_read(uow: UnitOfWork, household_id: uuid.UUID, action: str = "inzien") -> None:
    event = AuditEvent(action, "huishouden", str(household_id), household_id)
    if uow.actor.role not in CASE_READERS:
        raise PermissionDenied(NO_CASE_ACCESS.get(uow.actor.role, "Geen toegang."), event)
    _exists(uow, household_id)
    if not _can_see(uow, household_id):
        raise PermissionDenied(
            "U heeft geen toegang tot dit huishouden: u heeft het niet zelf aangemeld en bent er "
            "niet aan toegevoegd.",
            event,
        )


def require_edit(uow: UnitOfWork, household_id: uuid.UUID, action: str = "wijzigen") -> None:
    event = AuditEvent(action, "huishouden", str(household_id), household_id)
    if uow.actor.role not in CASE_EDITORS:
        raise PermissionDenied(NO_CASE_ACCESS.get(uow.actor.role, "Geen toegang."), event)
    require_read(uow, household_id, action)


def require_create(uow: UnitOfWork) -> None:
    if uow.actor.role not in CASE_EDITORS:
        raise PermissionDenied(
            NO_CASE_ACCESS.get(uow.actor.role, "Geen toegang."),
            AuditEvent("aanmaken", "huishouden"),
        )
