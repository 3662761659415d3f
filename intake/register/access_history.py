"""'Wie heeft dit dossier ingezien?': the audit entries about one household, for the resident."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from db.models import AuditEntry, User
from intake.core import audit
from intake.core.access import require_read
from intake.core.context import UnitOfWork
from intake.core.roles import Role


@dataclass(frozen=True)
class AccessRow:
    at: datetime
    actor_name: str
    display_name: str
    role: str
    action: str
    result: str


def household_history(uow: UnitOfWork, household_id: uuid.UUID) -> list[AccessRow]:
    """'Wie heeft dit dossier ingezien?': every entry about this household, newest first."""
    require_read(uow, household_id, "inzage-overzicht")
    rows = uow.session.execute(
        select(AuditEntry, User.display_name, User.role)
        .outerjoin(User, User.id == AuditEntry.actor_id)
        .where(AuditEntry.household_id == household_id)
        .order_by(AuditEntry.seq.desc())
    ).all()
    audit.record(uow, "inzage-overzicht", "huishouden", household_id, household_id)
    return [
        AccessRow(
            at=entry.at,
            actor_name=entry.actor_name,
            display_name=display or entry.actor_name,
            role=Role(role).label if role else "",
            action=audit.ACTION_LABELS.get(entry.action, entry.action),
            result=entry.result,
        )
        for entry, display, role in rows
    ]
