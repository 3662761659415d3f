"""Time surname-prefix searches in an existing store, the way the register's search field runs them.

Usage:
    INTAKE_PASSWORD=demo-wachtwoord python bench/bench_search.py --db /tmp/demo60k/intake.db

Signs in once as ``consulent`` (sees every household), then runs each query ``--repeat`` times,
each in its own unit of work as the search field does (a new session, the search, its audit
entry, the commit). Reports median and 95th percentile wall time per query in milliseconds.
The first ``--warmup`` runs per query are not counted, so the page cache is warm, as it is
while someone types. Every search writes its audit entry, as in the app: use a demo store.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from intake.register.search import search_households
from intake.session import unit_of_work
from intake.store import open_store, resolve_location

QUERIES = ("jans", "de v", "celik", "bök", "nguyen", "hu", "wolb", "el a", "kowalsk", "jolanda")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--user", default="consulent")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("queries", nargs="*", default=list(QUERIES))
    args = parser.parse_args()
    password = os.environ.get("INTAKE_PASSWORD", "demo-wachtwoord")
    store, actor = open_store(resolve_location(args.db), args.user, password)
    try:
        print(f"{'zoekterm':<10} {'treffers':>8} {'mediaan ms':>11} {'p95 ms':>8} {'max ms':>8}")
        for query in args.queries:
            timings: list[float] = []
            hits = 0
            for run in range(args.warmup + args.repeat):
                started = time.perf_counter()
                with unit_of_work(store, actor) as uow:
                    hits = len(search_households(uow, query))
                elapsed = (time.perf_counter() - started) * 1000
                if run >= args.warmup:
                    timings.append(elapsed)
            print(f"{query:<10} {hits:>8} {statistics.median(timings):>11.1f} "
                  f"{percentile(timings, 0.95):>8.1f} {max(timings):>8.1f}")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
