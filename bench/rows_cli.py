"""Rows that time whole processes: GUI cold start, `intake --help`, one plan printed, bulk
printing, and the demo build. Wall time is measured from spawning the process to its result,
so interpreter start-up and imports are included, as a person waiting would feel them."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from bench import peers
from bench.lines import Context, Line
from bench.rows_domain import sign_in
from bench.store import cli_env, intake_command
from bench.timing import Stats, describe, fmt_seconds

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
CHILD_TIMEOUT_S = 120


def _run(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, env=cli_env(), cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE, timeout=CHILD_TIMEOUT_S)
    return time.perf_counter() - started


def _until_line(command: list[str], wanted: str) -> float:
    """Seconds from spawning until the child prints ``wanted`` (then it exits by itself)."""
    started = time.perf_counter()
    with subprocess.Popen(command, env=cli_env(), cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as child:
        assert child.stdout is not None
        try:
            for line in child.stdout:  # bounded: the child exits after its line
                if line.strip() == wanted:
                    return time.perf_counter() - started
            raise RuntimeError(f"child ended without '{wanted}' (rc {child.wait()})")
        finally:
            child.kill()
            child.wait(timeout=CHILD_TIMEOUT_S)


def _alternate(ours: list[str], peer: list[str], runs: int, budget_s: float,
               run: Callable[[list[str]], float] = _run) -> tuple[Stats, Stats]:
    """Ours and the peer alternately (same background load), after one warm-up each that
    fills the OS file cache: what a second start on the same day sees."""
    run(ours)
    run(peer)
    a, b = [], []
    deadline = time.monotonic() + budget_s
    for _ in range(max(1, runs)):
        a.append(run(ours))
        b.append(run(peer))
        if time.monotonic() > deadline:
            break
    return Stats(tuple(a)), Stats(tuple(b))


def coldstart(ctx: Context) -> list[Line]:
    ours_cmd = [sys.executable, str(ROOT / "bench" / "cold_login.py"), "--db",
                str(ctx.store.db)]
    peer_cmd = [sys.executable, "-c", peers.BARE_WINDOW_SCRIPT]
    ours, peer = _alternate(ours_cmd, peer_cmd, max(3, ctx.repeat // 2), ctx.budget_s,
                            lambda command: _until_line(command, "painted"))
    return [Line("GUI cold start to login window painted (process spawn → first paint)",
                 "≤ 2.5x bare PySide6 window", describe(ours),
                 f"{ours.median / peer.median:.2f}x (peer {fmt_seconds(peer.median)})",
                 note="warm OS file cache; peer: bare QApplication + window with a label and "
                      "a button, same process-spawn → paint measure")]


def _module_count(code: str) -> int:
    out = subprocess.run([sys.executable, "-c", code], env=cli_env(), cwd=ROOT, text=True,
                         capture_output=True, timeout=CHILD_TIMEOUT_S, check=True).stdout
    return int(out.strip().splitlines()[-1])


def _heaviest_imports(limit: int = 5) -> str:
    """Third-party packages by cumulative import time, from ``python -X importtime``: each
    package is imported once, wherever in the tree that happens."""
    err = subprocess.run([sys.executable, "-X", "importtime", "-c",
                          "from intake.cli import main; main(['--help'])"],
                         env=cli_env(), cwd=ROOT, text=True, capture_output=True,
                         timeout=CHILD_TIMEOUT_S).stderr
    ours = {"intake", "ui", "db", "resources", "site", "encodings"}
    totals: dict[str, int] = {}
    for match in re.finditer(r"import time:\s+\d+ \|\s+(\d+) \|\s+(\S+)", err):
        name = match.group(2)
        if "." not in name and name not in ours and not name.startswith("_"):
            totals[name] = max(totals.get(name, 0), int(match.group(1)))
    top = sorted(totals.items(), key=lambda item: -item[1])[:limit]
    return ", ".join(f"{name} {micro / 1000:.0f} ms" for name, micro in top)


def help_row(ctx: Context) -> list[Line]:
    ours, peer = _alternate([*intake_command(), "--help"],
                            [sys.executable, "-c", "import argparse; "
                             "argparse.ArgumentParser(prog='x').parse_args(['--help'])"],
                            ctx.repeat, ctx.budget_s)
    count = ("import sys\nfrom intake.cli import main\ntry:\n    main(['--help'])\n"
             "except SystemExit:\n    pass\nprint(len(sys.modules))")
    modules = _module_count(count)
    bare = _module_count("import sys, argparse; print(len(sys.modules))")
    return [Line("`intake --help` wall time and modules imported", "≤ 0.3 s", describe(ours),
                 f"{ours.median / peer.median:.1f}x (peer {fmt_seconds(peer.median)})",
                 note=f"{modules} modules in sys.modules (bare argparse: {bare}); heaviest "
                      f"imports: {_heaviest_imports()}; peer: bare argparse --help")]


def _active_dossier(ctx: Context) -> tuple[str, int]:
    store, _actor = sign_in(ctx, "teamleider")
    try:
        with store.engine.connect() as conn:
            row = conn.execute(text(
                "SELECT h.dossiernummer, "
                "(SELECT count(*) FROM plan_versions w JOIN plans q ON q.id = w.plan_id "
                " WHERE w.status = 'actief') FROM plans p "
                "JOIN plan_versions v ON v.plan_id = p.id "
                "JOIN households h ON h.id = p.household_id "
                "WHERE v.status = 'actief' AND p.kind = 'plan' "
                "ORDER BY h.dossiernummer LIMIT 1")).one()
        return str(row[0]), int(row[1])
    finally:
        store.close()


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def plan_row(ctx: Context) -> list[Line]:
    dossier, _count = _active_dossier(ctx)
    out = ctx.workdir / "plan.pdf"
    ours_cmd = [*intake_command(), "plan", "print", dossier, "--out", str(out), "--db",
                str(ctx.store.db), "--user", "teamleider"]
    _run(ours_cmd)
    pages = _pages(out)
    peer_out = ctx.workdir / "peer.pdf"
    peer_cmd = [sys.executable, "-c", peers.BARE_PDF_SCRIPT, str(pages), str(peer_out),
                str(FONT)]
    ours, peer = _alternate(ours_cmd, peer_cmd, max(3, ctx.repeat // 2), ctx.budget_s)
    return [Line("one plan printed by the CLI (`intake plan print DOSSIER --out F.pdf`)",
                 "≤ 2x bare ReportLab", describe(ours),
                 f"{ours.median / peer.median:.2f}x (peer {fmt_seconds(peer.median)})",
                 note=f"{dossier}, {pages} pages ({out.stat().st_size // 1024} kB; peer "
                      f"{_pages(peer_out)} pages, {peer_out.stat().st_size // 1024} kB); "
                      "peer: python + ReportLab platypus, same DejaVu font, same page count")]


def _rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else 0.0


def _descendants(pid: int) -> list[int]:
    """The process and everything it started (bulk printing's worker processes), from the
    parent ids in /proc."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = [pid], [pid]
    while frontier:  # bounded: every pid is visited once
        frontier = [child for child, parent in parents.items() if parent in frontier]
        tree += frontier
    return tree


def _tree_rss_mb(pid: int) -> tuple[float, int]:
    """Summed RSS of the process and its workers, and how many processes that is."""
    tree = _descendants(pid)
    return sum(_rss_mb(p) for p in tree), len(tree)


def bulk(ctx: Context) -> list[Line]:
    """Samples the printing process every 50 ms: PDFs written and its RSS. Stops it with
    Ctrl+C (SIGINT, which the CLI handles) once the time bound is reached."""
    bound_s = float(ctx.extra.get("bulk_seconds", 240))
    _dossier, total = _active_dossier(ctx)
    out = Path(tempfile.mkdtemp(prefix="bulk-", dir=ctx.workdir))
    command = [*intake_command(), "plan", "print", "--all-active", "--out", str(out), "--db",
               str(ctx.store.db), "--user", "teamleider"]
    started = time.perf_counter()
    child = subprocess.Popen(command, env=cli_env(), cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    first_at = at_100 = None
    rss_100 = peak = last_rss = 0.0
    written = processes = 0
    stopped = False
    try:
        while child.poll() is None:  # bounded by bound_s below
            time.sleep(0.05)
            rss, count = _tree_rss_mb(child.pid)
            processes = max(processes, count)
            last_rss = rss or last_rss
            peak = max(peak, rss)
            written = sum(1 for _ in os.scandir(out))
            now = time.perf_counter()
            if written and first_at is None:
                first_at = now
            if written >= 100 and at_100 is None:
                at_100, rss_100 = now, last_rss
            if now - started > bound_s:
                stopped = True
                child.send_signal(signal.SIGINT)
                child.wait(timeout=CHILD_TIMEOUT_S)
                break
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    ended = time.perf_counter()
    written = sum(1 for _ in os.scandir(out))
    if at_100 is None or first_at is None:
        raise RuntimeError(f"only {written} PDFs in {ended - started:.0f} s")
    steady = (written - 100) / max(1e-9, ended - at_100)
    overall = written / (ended - started)
    scope = (f"stopped after {bound_s:.0f} s: {written:,} of {total:,} active plans "
             f"(full run would take ≈ {total / steady / 60:.0f} min)" if stopped
             else f"all {written:,} active plans in {ended - started:.0f} s")
    return [Line("bulk print of all active plans (`intake plan print --all-active`): plans/s",
                 "≥ 60 plans/s on 2 cores", f"{steady:.1f} plans/s after the first 100 "
                 f"({overall:.1f} plans/s overall incl. start-up), n=1", "",
                 note=scope),
            Line("bulk print: RSS after 100 plans vs at the end",
                 "RSS after all ≤ RSS after 100 + 50 MB",
                 f"{rss_100:.0f} MB after 100 → {last_rss:.0f} MB at the end "
                 f"(+{last_rss - rss_100:.0f} MB; peak {peak:.0f} MB), n=1", "",
                 note=scope + f"; RSS of the printing process and its workers ({processes} "
                      "processes) summed, from /proc every 50 ms")]


def build_row(ctx: Context) -> list[Line]:
    how = "built in this run" if ctx.store.built_now else "recorded when the store was built"
    return [Line(f"`intake demo --households {ctx.store.households}` build time",
                 "≤ 60 s; 600k in ≤ 10 min", f"{ctx.store.build_seconds:.1f} s, n=1", "",
                 note=f"{how} (bench-store.json in {ctx.store.folder})")]

