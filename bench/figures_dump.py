"""Every figure of several periods as JSON: run it with two versions of the code on the same
store and diff the files, to show that a faster query counts exactly what the old one did.

    python -m bench.figures_dump --store /tmp/b60 --out /tmp/figures.json
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.store import DB_NAME, PASSWORD
from intake.core.session import unit_of_work
from intake.reports.figures import build_figures
from intake.reports.model import PeriodCounts
from intake.reports.period import Period
from intake.store import open_store, resolve_location


def periods(today: date) -> dict[str, Period]:
    return {
        "year": Period(today - timedelta(days=364), today),
        "two_years": Period(today - timedelta(days=729), today),
        "quarter": Period(date(2026, 7, 1), date(2026, 9, 30)),
        "month": Period(date(2026, 11, 1), date(2026, 11, 30)),
        "one_day": Period(today - timedelta(days=30), today - timedelta(days=30)),
        "leap_day": Period(date(2024, 2, 15), date(2024, 3, 15)),
        "leap_year_back": Period(date(2024, 2, 29), date(2025, 2, 28)),
        "empty": Period(date(2031, 1, 1), date(2031, 12, 31)),
    }


def _counts(counts: PeriodCounts | None) -> Any:
    if counts is None:
        return None
    return {"period": [counts.period.start.isoformat(), counts.period.end.isoformat()],
            "n": counts.n,
            "cells": sorted([row, column, value] for (row, column), value
                            in counts.cells.items())}


def dump(store_folder: Path, today: date) -> dict[str, Any]:
    store, actor = open_store(resolve_location(str(store_folder / DB_NAME)), "teamleider",
                              PASSWORD)
    out: dict[str, Any] = {}
    try:
        with unit_of_work(store, actor) as uow:
            for name, period in periods(today).items():
                started = time.perf_counter()
                figures = build_figures(uow.session, period, today)
                print(f"{name}: {time.perf_counter() - started:.2f} s", flush=True)
                out[name] = {figure.key: {
                    "rows": [[label.code, label.label] for label in figure.rows],
                    "columns": [[label.code, label.label] for label in figure.columns],
                    "current": _counts(figure.current),
                    "previous": _counts(figure.previous)} for figure in figures.figures}
    finally:
        store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    result = dump(args.store, args.today)
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
