"""Retention figures on a demo store: the due list, one inzage, one destruction (with the
compaction after its commit). Not a test; run by hand:

    .venv/bin/python bench/retention.py --households 3000 --store /tmp/bench-retention

The clock is moved 30 years ahead for the retention steps, so demo dossiers that are closed
are due. Prints one markdown table.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from db.models import Household, Member
from intake.core.clock import utcnow
from intake.core.session import unit_of_work
from intake.inzage import make_inzage
from intake.retention import approve_destruction, propose_destruction, retention_list
from intake.store import open_store, resolve_location

PASSWORD = "bench-wachtwoord"


def _timed(label: str, rows: list[tuple[str, str]], call):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = call()
    rows.append((label, f"{time.perf_counter() - started:.2f} s"))
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=3000)
    parser.add_argument("--store", type=Path, default=Path("/tmp/bench-retention"))
    args = parser.parse_args()
    db = args.store / "intake.db"
    rows: list[tuple[str, str]] = []
    if not db.exists():
        args.store.mkdir(parents=True, exist_ok=True)
        _timed(f"demo store, {args.households} households", rows, lambda: subprocess.run(
            [sys.executable, "-m", "intake", "demo", "--households", str(args.households),
             "--seed", "1", "--password", PASSWORD, "--db", str(db)], check=True,
            stdout=subprocess.DEVNULL, env={**os.environ, "INTAKE_PASSWORD": PASSWORD}))
    later = utcnow() + timedelta(days=365 * 30)

    def clock() -> datetime:
        return later

    location = resolve_location(str(db))
    store, beheerder = open_store(location, "beheerder", PASSWORD)
    _store, teamleider = open_store(location, "teamleider", PASSWORD)
    _store.close()
    _store, consulent = open_store(location, "consulent", PASSWORD)
    _store.close()
    try:
        with unit_of_work(store, beheerder, clock) as uow:
            due = _timed("retention list (due in 30 years)", rows,
                         lambda: retention_list(uow))
        rows.append(("dossiers due", str(len(due))))
        with store.sessions() as session:
            household_id, member = session.execute(
                select(Household.id, Member.id).join(Member, Member.household_id == Household.id)
                .where(Household.dossiernummer == due[0].dossiernummer).limit(1)).one()
        with unit_of_work(store, consulent) as uow:
            files = _timed("inzage PDF + JSON of one member", rows, lambda: make_inzage(
                uow, household_id, member_id=member))
        rows.append(("inzage sizes", f"{len(files.pdf) // 1024} kB PDF, "
                                     f"{len(files.json) // 1024} kB JSON"))
        before = db.stat().st_size
        with unit_of_work(store, beheerder, clock) as uow:
            propose_destruction(uow, due[0].dossiernummer)

        def destroy() -> object:
            with unit_of_work(store, teamleider, clock) as uow:
                return approve_destruction(uow, due[0].dossiernummer)

        report = _timed("approve one destruction (incl. VACUUM + checkpoint)", rows, destroy)
        rows.append(("rows removed / kept", f"{report.rows_removed} / {report.rows_kept}"))  # type: ignore[attr-defined]
        rows.append(("store file before / after", f"{before // 1024} kB / "
                                                  f"{db.stat().st_size // 1024} kB"))
    finally:
        store.close()
    print("| step | figure |\n| --- | --- |")
    for label, value in rows:
        print(f"| {label} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
