"""Which tables a replica holds, how their rows travel, and to which household a row belongs.

Three kinds of table travel:
- case tables: a household and everything under it; laptops push changes to them and pull them
  for the households of their person's set;
- server tables per household (conflicts, provisional numbers): pulled only;
- reference tables (accounts without their secrets, catalogues, sociale kaart): pulled by
  everyone, never pushed.
Values travel as JSON: ids, dates and times as ISO text.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Connection, Select, Table, select
from sqlalchemy.orm import Session

from db.models import Base

CASE_TABLES: tuple[str, ...] = (
    "households", "members", "member_name_parts", "network_contacts", "household_access",
    "help_questions", "intakes", "intake_answers", "signals", "signal_steps", "plans",
    "plan_versions", "plan_professionals", "plan_evaluation_moments", "plan_results",
    "plan_actions", "plan_evaluations", "plan_evaluation_outcomes", "target_group_tags",
    "sharing_bases",
)
SERVER_HOUSEHOLD_TABLES: tuple[str, ...] = ("sync_conflicts", "sync_aliases")
REFERENCE_TABLES: tuple[str, ...] = ("users", "catalogue_entries", "catalogue_labels",
                                     "social_services")
HOUSEHOLD_TABLES = CASE_TABLES + SERVER_HOUSEHOLD_TABLES
PULLED_TABLES = REFERENCE_TABLES + HOUSEHOLD_TABLES
AUDIT_TABLE = "audit_entries"
# Bookkeeping the server keeps itself: never a field of a three-way merge.
BOOKKEEPING = frozenset({"version", "updated_at"})
# Columns that name who did something: a pushed row may only name the signed-in person there.
ACTOR_COLUMNS = frozenset({"created_by_id", "registered_by_id", "started_by_id",
                           "answered_by_id", "raised_by_id", "decided_by_id", "set_by_id",
                           "removed_by_id", "recorded_by_id", "withdrawn_by_id"})
# What a laptop never receives of an account.
USER_SECRETS = {"password_hash": "", "failed_logins": 0, "locked_until": None}

# table -> (column holding the parent's id, parent table); None: the column is household_id.
PARENTS: dict[str, tuple[str, str] | None] = {
    "members": None, "member_name_parts": None, "network_contacts": None,
    "household_access": None,
    "help_questions": None, "intakes": None, "signals": None, "plans": None,
    "target_group_tags": None,
    "sharing_bases": None,
    "sync_conflicts": None, "sync_aliases": None,
    "intake_answers": ("intake_id", "intakes"),
    "signal_steps": ("signal_id", "signals"),
    "plan_versions": ("plan_id", "plans"),
    "plan_professionals": ("plan_version_id", "plan_versions"),
    "plan_evaluation_moments": ("plan_version_id", "plan_versions"),
    "plan_results": ("plan_version_id", "plan_versions"),
    "plan_evaluations": ("plan_version_id", "plan_versions"),
    "plan_actions": ("result_id", "plan_results"),
    "plan_evaluation_outcomes": ("evaluation_id", "plan_evaluations"),
}


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def mapped_class(name: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) == name:
            return mapper.class_
    raise KeyError(name)


def dependency_order(names: Iterable[str]) -> list[str]:
    """Parents before children (inserts); reverse it for deletes."""
    wanted = set(names)
    return [t.name for t in Base.metadata.sorted_tables if t.name in wanted]


# Values.
def encode(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def dumps(value: Any) -> str:
    return json.dumps(encode(value), ensure_ascii=False, sort_keys=True)


def decode(column: Column[Any], raw: Any) -> Any:
    if raw is None:
        return None
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return raw
    if kind is uuid.UUID:
        return uuid.UUID(str(raw))
    if kind is datetime:
        return datetime.fromisoformat(str(raw))
    if kind is date:
        return date.fromisoformat(str(raw))
    if kind is bool:
        return bool(raw)
    if kind is int:
        return int(raw)
    return raw


def encode_row(tbl: Table, values: dict[str, Any]) -> dict[str, Any]:
    return {c.name: encode(values.get(c.name)) for c in tbl.columns if c.name in values}


def decode_row(tbl: Table, values: dict[str, Any]) -> dict[str, Any]:
    return {c.name: decode(c, values[c.name]) for c in tbl.columns if c.name in values}


# Identities.
def row_id(tbl: Table, values: dict[str, Any]) -> str:
    return "|".join(str(values[c.name]) for c in tbl.primary_key.columns)


def key_values(tbl: Table, key: str) -> dict[str, Any]:
    parts = key.split("|")
    columns = list(tbl.primary_key.columns)
    if len(parts) != len(columns):
        raise ValueError(key)
    return {c.name: decode(c, p) for c, p in zip(columns, parts, strict=True)}


def key_clause(tbl: Table, key: str) -> Any:
    from sqlalchemy import and_

    return and_(*(tbl.c[name] == value for name, value in key_values(tbl, key).items()))


# Households.
def household_of(connection: Connection | Session, name: str,
                 values: dict[str, Any]) -> uuid.UUID | None:
    """The household a row (given by its column values) belongs to."""
    if name == "households":
        found = values.get("id")
        return found if isinstance(found, uuid.UUID) else None
    if name not in PARENTS:
        value = values.get("household_id")
        return value if isinstance(value, uuid.UUID) else None
    parent = PARENTS[name]
    if parent is None:
        value = values.get("household_id")
        return value if isinstance(value, uuid.UUID) else None
    column, parent_name = parent
    parent_id = values.get(column)
    if parent_id is None:
        return None
    parent_table = table(parent_name)
    row = connection.execute(select(parent_table).where(parent_table.c.id == parent_id)) \
        .mappings().first()
    return household_of(connection, parent_name, dict(row)) if row is not None else None


def ids_under(name: str, household_ids: Sequence[uuid.UUID]) -> Select[Any]:
    """SELECT of the rows of one household table that belong to these households."""
    tbl = table(name)
    if name == "households":
        return select(tbl).where(tbl.c.id.in_(household_ids))
    parent = PARENTS[name]
    if parent is None:
        return select(tbl).where(tbl.c.household_id.in_(household_ids))
    column, parent_name = parent
    inner = ids_under(parent_name, household_ids).subquery()
    return select(tbl).where(tbl.c[column].in_(select(inner.c.id)))


def public_row(name: str, values: dict[str, Any]) -> dict[str, Any]:
    """What may leave the server of a row: an account without its password hash."""
    if name == "users":
        return {**values, **USER_SECRETS}
    return values
