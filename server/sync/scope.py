"""Which households a person's replica holds: the server decides, with the access rules.

A vindplaatsmedewerker: the households they may open (their own, added to, caseload). A consulent
or regisseur: their caseload, plus households they made available offline (or created offline)
while the mark lasts. Closed households (every plan closed, no intake open) leave the set, marked
or not. A teamleider or beheerder: none.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from db.models import Household, Intake, Plan, SyncOfflineMark
from intake.core.access import caseload_ids, household_filter
from intake.core.context import UnitOfWork
from intake.core.roles import CASE_EDITORS, Role


def _closed(uow: UnitOfWork) -> set[uuid.UUID]:
    all_closed = select(Plan.household_id).group_by(Plan.household_id).having(
        func.count(Plan.closed_at) == func.count())
    open_intake = select(Intake.household_id).where(Intake.status != "afgerond")
    closed = set(uow.session.scalars(all_closed))
    return closed - set(uow.session.scalars(open_intake.where(
        Intake.household_id.in_(list(closed))))) if closed else set()


def household_set(uow: UnitOfWork) -> set[uuid.UUID]:
    wanted = _wanted(uow)
    if not wanted:
        return wanted
    # The shells a destruction leaves hold no one's case: they never travel.
    return wanted - set(uow.session.scalars(select(Household.id).where(
        Household.id.in_(sorted(wanted)), Household.destroyed_on.is_not(None))))


def _wanted(uow: UnitOfWork) -> set[uuid.UUID]:
    actor = uow.actor
    if actor.role not in CASE_EDITORS:
        return set()
    if actor.role is Role.VINDPLAATS:
        visible = set(uow.session.scalars(select(Household.id).where(household_filter(uow))))
        return visible - _closed(uow)
    marked = set(uow.session.scalars(select(SyncOfflineMark.household_id).where(
        SyncOfflineMark.user_id == actor.id, SyncOfflineMark.until > uow.now)))
    caseload: set[uuid.UUID] = set(uow.session.scalars(select(
        caseload_ids(actor.id).subquery().c[0])))
    existing = set(uow.session.scalars(select(Household.id).where(
        Household.id.in_(list(marked))))) if marked else set()
    return (caseload | existing) - _closed(uow)
