"""Reminders for the beheerder of a standalone store: make a backup, seal the audit trail.

When each was last done comes from the audit trail itself (a restored store keeps its own
history); after how many days to remind is a setting of the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from db.models import AuditEntry
from intake.core import audit
from intake.core.access import require_role
from intake.core.context import UnitOfWork
from intake.core.errors import ValidationError
from intake.core.roles import Role
from intake.store.settings import number_setting, put_number_setting

BACKUP_DAYS = "herinnering_reservekopie_dagen"
SEAL_DAYS = "herinnering_zegel_dagen"
DEFAULT_DAYS = {BACKUP_DAYS: 7, SEAL_DAYS: 30}
MAX_DAYS = 365
ADMIN_ONLY = frozenset({Role.BEHEERDER})


@dataclass(frozen=True)
class UpkeepView:
    backup_days: int
    seal_days: int
    last_backup: datetime | None
    last_seal: datetime | None
    reminders: tuple[str, ...]  # Dutch sentences; empty when nothing is due


def _require_admin(uow: UnitOfWork, action: str) -> None:
    require_role(uow, ADMIN_ONLY, action, "gegevensopslag",
                 "Alleen een functioneel beheerder ziet en wijzigt de herinneringen.")


def _days(uow: UnitOfWork, name: str) -> int:
    return number_setting(uow.session, name, DEFAULT_DAYS[name])


def _last(uow: UnitOfWork, action: str) -> datetime | None:
    return uow.session.scalar(select(func.max(AuditEntry.at)).where(
        AuditEntry.action == action, AuditEntry.result == "ok"))


def _reminder(last: datetime | None, days: int, now: datetime, never: str, late: str) -> list[str]:
    if last is None:
        return [never]
    age = (now - last).days
    return [late.format(days=age)] if age >= days else []


def upkeep(uow: UnitOfWork) -> UpkeepView:
    _require_admin(uow, "instelling")
    backup_days, seal_days = _days(uow, BACKUP_DAYS), _days(uow, SEAL_DAYS)
    last_backup, last_seal = _last(uow, "reservekopie"), _last(uow, "audit-verzegelen")
    reminders = [
        *_reminder(last_backup, backup_days, uow.now,
                   "Er is nog nooit een reservekopie gemaakt. Maak er nu een.",
                   "De laatste reservekopie is {days} dagen oud. Maak een nieuwe."),
        *_reminder(last_seal, seal_days, uow.now,
                   "De audittrail is nog nooit verzegeld. Maak een zegel en bewaar het buiten "
                   "deze computer.",
                   "Het laatste zegel van de audittrail is {days} dagen oud. Maak een nieuw."),
    ]
    return UpkeepView(backup_days, seal_days, last_backup, last_seal, tuple(reminders))


def set_reminder_days(uow: UnitOfWork, backup_days: int, seal_days: int) -> UpkeepView:
    _require_admin(uow, "instelling")
    errors = {field: f"Kies 1 tot {MAX_DAYS} dagen." for field, value
              in (("backup_days", backup_days), ("seal_days", seal_days))
              if not 1 <= value <= MAX_DAYS}
    if errors:
        raise ValidationError(errors)
    for name, value in ((BACKUP_DAYS, backup_days), (SEAL_DAYS, seal_days)):
        put_number_setting(uow.session, name, value, uow.now)
    uow.session.flush()
    audit.record(uow, "instelling", "gegevensopslag",
                 detail=f"herinneringen: reservekopie {backup_days}, zegel {seal_days} dagen")
    return upkeep(uow)
