"""Demo generated in worker processes: the same store, row for row, as one process makes."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.engine import StoreLocation
from db.models import AuditEntry
from intake.demo import STEPS, DemoContext, ProgressFactory, run_demo, workers
from intake.demo import run as demo_run
from intake.store import open_store

DEMO_PASSWORD = "demo-wachtwoord"
NOW = datetime(2026, 3, 2, 9, 30)
# What a demo run writes (the rest holds migration times, salted hashes, the audit chain).
CONTENT = {*demo_run._BULK_TABLES, *demo_run._FACT_TABLES, "counters"}

pytestmark = pytest.mark.skipif(workers._fork() is None, reason="worker processes need fork")


def silent(_label: str, _total: int) -> Callable[[int], None]:
    return lambda _done: None


def build(path: Path, households: int, *, parallel: bool,
          progress: ProgressFactory = silent) -> StoreLocation:
    location = StoreLocation.parse(str(path / "intake.db"))
    run_demo(location, households, 5, DEMO_PASSWORD, progress, STEPS, now=NOW,
             parallel=parallel)
    return location


def dump(location: StoreLocation) -> dict[str, Any]:
    """Every table row by row in storage order, account and service ids replaced by the user
    name and code (each store draws its own), the index statements, the run's audit detail."""
    store, _actor = open_store(location, "beheerder", DEMO_PASSWORD)
    try:
        with store.sessions() as session:
            connection = session.connection()
            users = {str(key): str(name) for key, name in connection.exec_driver_sql(
                "SELECT id, username FROM users UNION ALL SELECT id, code FROM social_services")}
            schema = connection.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").all()
            tables: dict[str, Any] = {}
            for kind, name, _table, sql in schema:
                if kind != "table" or name not in CONTENT:
                    continue
                order = "" if "WITHOUT ROWID" in (sql or "").upper() else " ORDER BY rowid"
                rows = connection.exec_driver_sql(f'SELECT * FROM "{name}"{order}').all()
                tables[name] = [tuple(users.get(str(v), v) if isinstance(v, str) else v
                                      for v in row) for row in rows]
            detail = session.scalar(select(AuditEntry.detail)
                                    .where(AuditEntry.action == "demo"))
        return {"schema": [row for row in schema if row[0] == "index"], "tables": tables,
                "audit": detail}
    finally:
        store.close()


def test_workers_write_the_same_store_as_one_process(tmp_path: Path) -> None:
    reports: list[tuple[str, int]] = []

    def progress(label: str, total: int) -> Callable[[int], None]:
        return lambda done: reports.append((label, done))

    alone = dump(build(tmp_path / "alone", 300, parallel=False))
    shared = dump(build(tmp_path / "workers", 300, parallel=True, progress=progress))
    assert alone["schema"] == shared["schema"]
    assert alone["audit"] == shared["audit"]
    assert "300 huishoudens" in str(shared["audit"])
    assert set(alone["tables"]) == set(shared["tables"]) == CONTENT
    filled = [name for name, rows in alone["tables"].items() if rows]
    for name in ("households", "members", "plans", "plan_actions", "intakes", "help_questions",
                 "target_group_tags", "figure_actions", "counters"):
        assert name in filled
    for name in alone["tables"]:
        assert alone["tables"][name] == shared["tables"][name], name
    # Progress from the workers reaches this process, step by step, up to each total.
    labels = [label for label, _done in reports]
    assert labels[0] == "Huishoudens"
    assert ("Huishoudens", 300) in reports and ("Doelgroepen", 300) in reports
    assert labels.index("Plannen") < labels.index("Hulpvragen en uitvragen") \
        < labels.index("Doelgroepen")


def test_an_error_in_a_worker_leaves_no_households(tmp_path: Path) -> None:
    def broken(ctx: DemoContext, _progress: ProgressFactory) -> None:
        assert len(ctx.households) == 50  # written by the households' worker by now
        raise ValueError("stuk")

    location = StoreLocation.parse(str(tmp_path / "intake.db"))
    with pytest.raises(ValueError, match="stuk"):
        run_demo(location, 50, 5, DEMO_PASSWORD, silent, [broken], now=NOW, parallel=True)
    store, _actor = open_store(location, "beheerder", DEMO_PASSWORD)
    try:
        with store.sessions() as session:
            count = session.connection().exec_driver_sql(
                "SELECT count(*) FROM households").scalar()
            indexes = session.connection().exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name = 'members' AND sql IS NOT NULL").scalar()
        assert count == 0
        assert indexes  # the rollback gave the dropped indexes back
    finally:
        store.close()


def test_small_runs_and_other_databases_stay_in_one_process(tmp_path: Path) -> None:
    location = StoreLocation.parse(str(tmp_path / "intake.db"))
    run_demo(location, 10, 5, DEMO_PASSWORD, silent, [], now=NOW)
    store, _actor = open_store(location, "beheerder", DEMO_PASSWORD)
    try:
        with store.sessions() as session:
            connection = session.connection()
            assert not workers.available(workers.PARALLEL_FROM - 1, connection)
            assert workers.available(workers.PARALLEL_FROM, connection) == (
                (os.cpu_count() or 1) > 1)
    finally:
        store.close()
