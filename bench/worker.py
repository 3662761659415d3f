"""Runs one row group in its own process and prints its lines as JSON.

A row that crashes the interpreter (a Qt abort, a segfault) then costs only its own lines;
each group also starts with cold Python-level caches, as a fresh app would.
Usage (from run.py): python -m bench.worker ROW --store DIR --households N --seed S ...
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path

from bench.lines import Context, failed
from bench.store import BenchStore

RESULT_PREFIX = "BENCH-RESULT "


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("row")
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--households", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--build-seconds", type=float, required=True)
    parser.add_argument("--built-now", action="store_true")
    parser.add_argument("--repeat", type=int, required=True)
    parser.add_argument("--budget", type=float, required=True)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--bulk-seconds", type=float, default=240)
    args = parser.parse_args()
    from bench.rows import ROWS  # after argument parsing: imports are the slow part

    spec = ROWS[args.row]
    store = BenchStore(args.store, args.households, args.seed, args.build_seconds,
                       args.built_now)
    ctx = Context(store, args.repeat, args.budget, args.workdir,
                  {"bulk_seconds": args.bulk_seconds})
    try:
        lines = spec.run(ctx)
    except Exception as error:  # the row's error goes into the table, the run goes on
        traceback.print_exc()
        lines = [failed(spec.figure, spec.goal, error)]
    print(RESULT_PREFIX + json.dumps([line.as_dict() for line in lines]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
