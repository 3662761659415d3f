"""'Wie heeft dit dossier ingezien?': the audit entries about one household, for the resident."""

from __future__ import annotations

import re
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
    part: str = ""  # which part of the dossier: 'gezinsleden', 'planversie 2', 'evaluatie'…


PARTS = {"huishouden": "huishouden", "gezinslid": "gezinslid", "hulpvraag": "hulpvraag",
         "hulpvragen": "hulpvragen", "uitvraag": "brede uitvraag", "uitvragen": "brede uitvraag",
         "signaal": "signaal", "signalen": "signalen", "doelgroepen": "doelgroepen",
         "evaluaties": "evaluaties", "plan": "plan", "grondslag": "grondslag voor delen",
         "openen-met-reden": "openen met reden"}
# update_household names the parts it changed: the address and contact fields, or these.
HOUSEHOLD_PARTS = {"gezinsleden": "gezinsleden", "netwerk": "netwerk"}
VERSION = re.compile(r"^(?:concept )?versie (\d+)")


def part_of(object_type: str, detail: str) -> str:
    """The part of the dossier an audit entry is about, in the words of the screen, from what
    the entry holds (so older entries read the same): which version of the plan, whether a
    plan change was an evaluation, which parts of the household a save changed."""
    if object_type == "plan":
        version = VERSION.match(detail)
        if version is None:
            return "plan"
        if "geëvalueerd" in detail:
            return f"evaluatie van versie {version.group(1)}"
        return f"planversie {version.group(1)}"
    if object_type == "huishouden" and detail.startswith("velden: "):
        fields = [name.strip() for name in detail.removeprefix("velden: ").split(",")]
        parts = ["huishouden"] if any(f not in HOUSEHOLD_PARTS for f in fields) else []
        return ", ".join(parts + [HOUSEHOLD_PARTS[f] for f in fields if f in HOUSEHOLD_PARTS])
    return PARTS.get(object_type, object_type)


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
            part=part_of(entry.object_type, entry.detail),
        )
        for entry, display, role in rows
    ]
