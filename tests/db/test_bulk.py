"""Bulk loading (db/bulk.py): the rows stored are exactly those a Core insert stores, and the
indexes dropped for a load come back with the same names and statements."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, cast

import pytest
from sqlalchemy import Connection, Table, insert

from db import bulk
from db.models import Household, Member
from tests.conftest import Team


def _household(created_by: uuid.UUID, number: int) -> dict[str, Any]:
    return {"id": uuid.uuid4(), "dossiernummer": f"HH-2020-{number:06d}", "street": "Brinkstraat",
            "house_number": number, "postcode": "7551CK", "city": "Hengelo",
            "created_at": datetime(2020, 5, 17, 9, 30, 15, 123456),
            "created_by_id": created_by, "is_demo": True, "version": 1}


def _member(household_id: uuid.UUID) -> dict[str, Any]:
    # expected, residence and residence_note are left out: their Python defaults apply
    return {"id": uuid.uuid4(), "household_id": household_id, "position": 0,
            "given_name": "Jolanda", "prefix": "", "family_name": "Verhoef",
            "date_of_birth": date(1998, 5, 17), "role": "alleenstaand", "bsn": None,
            "family_key": "verhoef", "given_key": "jolanda", "version": 1}


def _raw(connection: Connection, table: str, ids: list[uuid.UUID]) -> list[tuple[Any, ...]]:
    rows = []
    for found in ids:
        row = connection.exec_driver_sql(
            f"SELECT * FROM {table} WHERE id = ?", (found.hex,)).one()
        rows.append(tuple(row))
    return rows


def _without_ids(rows: list[tuple[Any, ...]], ids: set[str]) -> list[tuple[Any, ...]]:
    return [tuple("<id>" if value in ids else value for value in row) for row in rows]


def test_bulk_rows_are_stored_as_a_core_insert_stores_them(team: Team) -> None:
    by_core, by_bulk = _household(team.beheerder.id, 1), _household(team.beheerder.id, 2)
    by_bulk["house_number"] = 1
    by_bulk["dossiernummer"] = by_core["dossiernummer"].replace("2020", "2021")
    core_member, bulk_member = _member(by_core["id"]), _member(by_bulk["id"])
    with team.store.engine.begin() as connection:
        connection.execute(insert(cast(Table, Household.__table__)), [by_core])
        connection.execute(insert(cast(Table, Member.__table__)), [core_member])
        bulk.insert_rows(connection, Household, [by_bulk])
        bulk.insert_rows(connection, cast(Table, Member.__table__), [bulk_member])
        households = _raw(connection, "households", [by_core["id"], by_bulk["id"]])
        members = _raw(connection, "members", [core_member["id"], bulk_member["id"]])
        defaults = connection.exec_driver_sql(
            "SELECT expected, residence, residence_note FROM members WHERE id = ?",
            (bulk_member["id"].hex,)).one()
    ids = {row[key].hex for row in (by_core, by_bulk, core_member, bulk_member)
           for key in ("id", "household_id") if key in row}
    core_house, bulk_house = _without_ids(households, ids)
    assert tuple(value.replace("HH-2021", "HH-2020") if isinstance(value, str) else value
                 for value in bulk_house) == core_house
    assert _without_ids(members, ids)[0] == _without_ids(members, ids)[1]
    # the defaults of the left-out columns were written, as the Core insert writes them
    assert tuple(defaults) == (0, "", "")


def test_a_batch_with_other_columns_in_one_row_is_refused(team: Team) -> None:
    first, second = _household(team.beheerder.id, 1), _household(team.beheerder.id, 2)
    del second["is_demo"]
    with team.store.engine.begin() as connection, pytest.raises(ValueError, match="same"):
        bulk.insert_rows(connection, Household, [first, second])


def _indexes(connection: Connection, table: str) -> list[tuple[str, str]]:
    return [(str(name), str(sql)) for name, sql in connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name", (table,))]


def test_indexes_are_dropped_for_the_load_and_built_again_the_same(team: Team) -> None:
    with team.store.engine.begin() as connection:
        before = {table: _indexes(connection, table) for table in ("households", "members")}
        assert before["households"] and before["members"]
        with bulk.indexes_built_after(connection, ["households"]):
            assert _indexes(connection, "households") == []
            assert _indexes(connection, "members") == before["members"]
            bulk.insert_rows(connection, Household, [_household(team.beheerder.id, 1)])
        after = {table: _indexes(connection, table) for table in ("households", "members")}
    assert after == before


def test_a_failed_load_leaves_the_indexes_in_place(team: Team) -> None:
    with team.store.engine.connect() as connection:
        before = _indexes(connection, "households")
    with pytest.raises(RuntimeError), team.store.engine.begin() as connection, \
            bulk.indexes_built_after(connection, ["households"]):
        raise RuntimeError("stopped halfway")
    with team.store.engine.connect() as connection:
        assert _indexes(connection, "households") == before
