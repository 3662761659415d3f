"""Colleagues a plan can name: the active accounts that work on cases (the regisseur picker).

The account list itself is for the beheerder only; this shows names and roles, nothing more,
to anyone who reads case files.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from db.models import User
from intake.core.access import require_role
from intake.core.context import UnitOfWork
from intake.core.roles import CASE_EDITORS, CASE_READERS, Role


@dataclass(frozen=True)
class Colleague:
    id: uuid.UUID
    display_name: str
    role: Role

    @property
    def label(self) -> str:
        return f"{self.display_name} ({self.role.label.lower()})"


def case_workers(uow: UnitOfWork) -> list[Colleague]:
    """Active accounts that may edit case files (consulent, regisseur, vindplaats), by name."""
    require_role(uow, CASE_READERS, "inzien", "medewerkers",
                 "Een functioneel beheerder heeft geen toegang tot dossiers van inwoners.")
    rows = uow.session.scalars(
        select(User).where(User.disabled.is_(False),
                           User.role.in_([role.value for role in CASE_EDITORS]))
        .order_by(User.display_name))
    return [Colleague(row.id, row.display_name, Role(row.role)) for row in rows]
