"""Performance figures of the app on a demo store, as one markdown table.

    python bench/run.py [--store DIR] [--households 60000] [--repeat N] [--only ROW...]
                        [--out FILE.md]

Builds the demo store in DIR with `intake demo` (or reuses it when it was built with the same
size and seed), then runs each row in its own process and prints the table. See README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `bench` importable
    sys.path.insert(0, str(ROOT))

from bench.lines import Line, failed  # noqa: E402
from bench.rows import ROW_LIST, ROWS, Row  # noqa: E402
from bench.store import BenchStore, ensure_store  # noqa: E402
from bench.worker import RESULT_PREFIX  # noqa: E402

COLUMNS = ("figure", "goal", "measured (median, min–max, n)", "peer ratio",
           "largest UI-thread stall", "note")


def run_row(row: Row, store: BenchStore, args: argparse.Namespace, workdir: Path) -> list[Line]:
    command = [sys.executable, "-m", "bench.worker", row.key, "--store", str(store.folder),
               "--households", str(store.households), "--seed", str(store.seed),
               "--build-seconds", str(store.build_seconds), "--repeat", str(args.repeat),
               "--budget", str(args.budget), "--workdir", str(workdir),
               "--bulk-seconds", str(args.bulk_seconds)]
    if store.built_now:
        command.append("--built-now")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    try:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=row.timeout_s)
    except subprocess.TimeoutExpired:
        return [failed(row.figure, row.goal, f"no result within {row.timeout_s:.0f} s")]
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            if done.stderr.strip():
                (workdir / f"{row.key}.stderr").write_text(done.stderr)
            return [Line(**item) for item in json.loads(line[len(RESULT_PREFIX):])]
    tail = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
    return [failed(row.figure, row.goal, f"worker died (rc {done.returncode}): {tail}")]


def table(lines: list[Line]) -> str:
    def cell(value: str) -> str:
        return value.replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for line in lines:
        out.append("| " + " | ".join(cell(v) for v in (
            line.figure, line.goal, line.measured, line.peer, line.stall, line.note)) + " |")
    return "\n".join(out)


def _git_head() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                              capture_output=True, check=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _ram_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def header(args: argparse.Namespace, store: BenchStore, started: datetime, seconds: float,
           load: tuple[tuple[float, ...], tuple[float, ...]]) -> str:
    versions = ", ".join(f"{name} {version(name)}" for name in
                         ("PySide6", "SQLAlchemy", "reportlab", "sqlcipher3"))
    command = "python bench/run.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    return "\n".join([
        f"# Benchmark, {store.households:,} households ({started:%Y-%m-%d %H:%M})",
        "",
        f"- machine: {os.cpu_count()} cores (nproc), {_ram_gib()} RAM, "
        f"{platform.platform()}",
        f"- Python {platform.python_version()}, {versions}",
        f"- code: `git rev-parse --short HEAD` = {_git_head()}",
        f"- command: `{command}`",
        f"- store: {store.folder} (seed {store.seed}, "
        f"{'built in this run' if store.built_now else 'reused'}); repeat {args.repeat}, "
        f"budget {args.budget:.0f} s per figure",
        f"- run took {seconds / 60:.1f} min; load average at start "
        f"{' / '.join(f'{x:.1f}' for x in load[0])}, at end "
        f"{' / '.join(f'{x:.1f}' for x in load[1])}",
        "- the machine was shared with other workloads (test suites) during the run: read "
        "medians and peer ratios, not single runs",
        "",
        "",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/bench60k"))
    parser.add_argument("--households", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=15,
                        help="runs per figure (subprocess rows use fewer)")
    parser.add_argument("--budget", type=float, default=60,
                        help="seconds per figure after which repeats stop early")
    parser.add_argument("--only", nargs="+", choices=list(ROWS), metavar="ROW",
                        help="rows to run: " + ", ".join(ROWS))
    parser.add_argument("--bulk-seconds", type=float, default=240,
                        help="bulk printing is stopped after this long")
    parser.add_argument("--out", type=Path, help="also write the table to this markdown file")
    args = parser.parse_args()
    started, clock = datetime.now(), time.monotonic()
    load_start = os.getloadavg()
    print(f"store {args.store} …", file=sys.stderr, flush=True)
    store = ensure_store(args.store, args.households, args.seed)
    workdir = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    lines: list[Line] = []
    try:
        for row in ROW_LIST:
            if args.only and row.key not in args.only:
                continue
            row_clock = time.monotonic()
            print(f"{row.key} …", end=" ", file=sys.stderr, flush=True)
            lines += run_row(row, store, args, workdir)
            print(f"{time.monotonic() - row_clock:.0f} s", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    text = header(args, store, started, time.monotonic() - clock,
                  (load_start, os.getloadavg())) + table(lines) + "\n"
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
