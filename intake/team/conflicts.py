"""Conflicts and refused changes as the laptop shows them, and resolving a conflict.

A conflict is resolved on the team server (it holds both values); the laptop then pulls the
outcome. ``keep``: ``mijn`` (the value from the change that arrived second), ``server`` (the
value the server kept), or any other text: that value.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from db.models import Household, SyncConflict, SyncOutbox
from intake.store import Store
from intake.team.client import TeamClient
from intake.team.replica import TeamFile

DUPLICATE = "*dubbel*"
FIELD_LABELS = {"households": "huishouden", "members": "gezinslid", "plan_versions": "plan",
                "plan_results": "resultaat", "plan_actions": "actie",
                "help_questions": "hulpvraag", "intakes": "uitvraag"}


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    dossiernummer: str
    what: str
    server_value: Any
    server_by: str
    server_at: datetime | None
    my_value: Any
    my_by: str
    my_at: datetime
    mine_to_resolve: bool
    duplicate: bool

    def line(self) -> str:
        if self.duplicate:
            return (f"{self.id}  {self.dossiernummer}: mogelijk dubbel met "
                    f"{self.server_value}")
        return (f"{self.id}  {self.dossiernummer} {self.what}: server {self.server_value!r} "
                f"({self.server_by or '?'}), mijn {self.my_value!r} ({self.my_by})")


@dataclass(frozen=True)
class RefusedView:
    change_id: uuid.UUID
    dossiernummer: str
    what: str
    value: Any
    message: str

    def line(self) -> str:
        return f"{self.dossiernummer} {self.what}: niet doorgevoerd – {self.message}"


def _dossier(session: Any, household_id: uuid.UUID | None) -> str:
    if household_id is None:
        return "-"
    return session.scalar(select(Household.dossiernummer).where(
        Household.id == household_id)) or "-"


def open_conflicts(store: Store, user_id: uuid.UUID) -> list[ConflictView]:
    with store.sessions() as session:
        found = session.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
                                .order_by(SyncConflict.client_at))
        return [ConflictView(
            id=c.id, dossiernummer=_dossier(session, c.household_id),
            what=f"{FIELD_LABELS.get(c.table_name, c.table_name)}.{c.column_name}",
            server_value=json.loads(c.server_json), server_by=c.server_by,
            server_at=c.server_at, my_value=json.loads(c.client_json), my_by=c.client_by,
            my_at=c.client_at, mine_to_resolve=c.client_by_id == user_id
            or c.column_name == DUPLICATE, duplicate=c.column_name == DUPLICATE)
            for c in found]


def refused_changes(store: Store) -> list[RefusedView]:
    with store.sessions() as session:
        found = session.scalars(select(SyncOutbox).where(SyncOutbox.status == "geweigerd")
                                .order_by(SyncOutbox.seq))
        return [RefusedView(
            change_id=r.change_id, dossiernummer=_dossier(session, r.household_id),
            what=f"{FIELD_LABELS.get(r.table_name, r.table_name)}"
                 + (f".{r.column_name}" if r.column_name else f" ({r.op})"),
            value=json.loads(r.new_json), message=r.message) for r in found]


def conflicted_fields(store: Store, household_id: uuid.UUID) -> set[tuple[str, str, str]]:
    """(table, row id, column) of this household's open conflicts: shown marked 'conflict'."""
    with store.sessions() as session:
        return {(t, r, c) for t, r, c in session.execute(
            select(SyncConflict.table_name, SyncConflict.row_id, SyncConflict.column_name)
            .where(SyncConflict.household_id == household_id,
                   SyncConflict.resolved_at.is_(None)))}


def resolve(client: TeamClient, team: TeamFile, conflict_id: uuid.UUID, keep: str) -> None:
    if keep in ("mijn", "server"):
        body: dict[str, Any] = {"id": str(conflict_id), "keep": keep}
    else:
        body = {"id": str(conflict_id), "keep": "waarde", "value": keep}
    client.call("/sync/conflicts/resolve", body)
