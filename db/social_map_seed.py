"""Seed the sociale kaart from resources/catalogues/sociale_kaart.json into a store.

Only codes the store lacks are inserted, so a name or contact a beheerder changed is never
overwritten and a later migration can ship new services by calling this again.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

SOCIAL_MAP_FILE = (
    Path(__file__).resolve().parent.parent / "resources" / "catalogues" / "sociale_kaart.json"
)

_services = sa.table(
    "social_services",
    sa.column("id", sa.Uuid), sa.column("code", sa.String), sa.column("name", sa.String),
    sa.column("organisation", sa.String), sa.column("kind", sa.String),
    sa.column("domain_code", sa.String), sa.column("description", sa.String),
    sa.column("contact", sa.String), sa.column("active", sa.Boolean),
    sa.column("shipped", sa.Boolean), sa.column("search_key", sa.String),
    sa.column("version", sa.Integer),
)


def shipped_services() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(SOCIAL_MAP_FILE.read_text(encoding="utf-8"))["items"]
    return items


def service_search_key(name: str, organisation: str) -> str:
    from intake.text import fold

    return fold(f"{name} {organisation}")[:400]


def seed_social_map(connection: Connection) -> int:
    present = set(connection.scalars(sa.select(_services.c.code)))
    rows = [
        {"id": uuid.uuid4(), "code": item["code"], "name": item["name"],
         "organisation": item["organisation"], "kind": item["kind"],
         "domain_code": item["domain_code"], "description": item.get("description", ""),
         "contact": item.get("contact", ""), "active": True, "shipped": True,
         "search_key": service_search_key(item["name"], item["organisation"]), "version": 1}
        for item in shipped_services() if item["code"] not in present
    ]
    if rows:
        connection.execute(_services.insert(), rows)
    return len(rows)
