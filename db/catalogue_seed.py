"""Seed the extendable catalogues from resources/catalogues into a store.

Only codes the store does not hold yet are inserted: a label or active flag a beheerder changed
is never overwritten, so running this again (a later migration that ships new codes) is safe.
Lightweight table definitions keep the seed independent of the ORM models of the day.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "resources" / "catalogues"

# catalogue name in the store -> file shipped in resources/catalogues
SEEDED_CATALOGUES = {
    "hulpvraagtype": "hulpvraagtypen.json",
    "vindplaats": "vindplaatsen.json",
    "kanaal": "kanalen.json",
    "uitkomst": "uitkomsten.json",
}
# Labels shipped with the application are valid since long before any registration.
SHIPPED_LABELS_FROM = datetime(2000, 1, 1)

_entries = sa.table(
    "catalogue_entries",
    sa.column("catalogue", sa.String), sa.column("code", sa.String),
    sa.column("label", sa.String), sa.column("law_code", sa.String),
    sa.column("ijw_code", sa.String), sa.column("active", sa.Boolean),
    sa.column("position", sa.Integer), sa.column("shipped", sa.Boolean),
    sa.column("created_at", sa.DateTime), sa.column("version", sa.Integer),
)
_labels = sa.table(
    "catalogue_labels",
    sa.column("id", sa.Uuid), sa.column("catalogue", sa.String), sa.column("code", sa.String),
    sa.column("label", sa.String), sa.column("valid_from", sa.DateTime),
    sa.column("set_by_id", sa.Uuid),
)


def shipped_items(catalogue: str) -> list[dict[str, Any]]:
    path = CATALOGUE_DIR / SEEDED_CATALOGUES[catalogue]
    items: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["items"]
    return items


def seed_catalogues(connection: Connection, now: datetime) -> int:
    """Insert the shipped codes a store lacks; returns how many were added."""
    added = 0
    for catalogue in SEEDED_CATALOGUES:
        present = set(connection.scalars(
            sa.select(_entries.c.code).where(_entries.c.catalogue == catalogue)))
        offset = len(present)
        for position, item in enumerate(shipped_items(catalogue)):
            if item["code"] in present:
                continue
            connection.execute(_entries.insert().values(
                catalogue=catalogue, code=item["code"], label=item["label"],
                law_code=item.get("law_code"), ijw_code=item.get("ijw_code"), active=True,
                position=offset + position, shipped=True, created_at=now, version=1))
            connection.execute(_labels.insert().values(
                id=uuid.uuid4(), catalogue=catalogue, code=item["code"], label=item["label"],
                valid_from=SHIPPED_LABELS_FROM, set_by_id=None))
            added += 1
    return added
