"""Demo stores for the benchmark: build once with `intake demo`, reuse while seed and size
match; a copy with extra audit entries for the audit-size row.

A marker file beside the store records how it was built (and how long that took), so a reused
store still reports its build time, and a store of another size is never mistaken for this one.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

PASSWORD = "demo-wachtwoord"
MARKER = "bench-store.json"
DB_NAME = "intake.db"
BUILD_TIMEOUT_S = 3 * 3600


@dataclass(frozen=True)
class BenchStore:
    folder: Path
    households: int
    seed: int
    build_seconds: float
    built_now: bool

    @property
    def db(self) -> Path:
        return self.folder / DB_NAME


def intake_command() -> list[str]:
    """The installed console script beside this interpreter (what people run), else -m."""
    script = Path(sys.executable).with_name("intake")
    return [str(script)] if script.exists() else [sys.executable, "-m", "intake"]


def cli_env() -> dict[str, str]:
    env = dict(os.environ, INTAKE_PASSWORD=PASSWORD, QT_QPA_PLATFORM="offscreen")
    env.pop("INTAKE_DB", None)
    # An installed app has its byte code compiled (pip does so at install), as ReportLab and
    # the other peers in site-packages have; without this every run of an editable checkout
    # compiles the app's own modules again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _read_marker(folder: Path) -> dict[str, object] | None:
    try:
        data = json.loads((folder / MARKER).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def ensure_store(folder: Path, households: int, seed: int) -> BenchStore:
    """Reuse the store in ``folder`` when its marker says same size and seed; build it when the
    folder is empty or missing; refuse anything else rather than add to a stranger's store."""
    marker = _read_marker(folder)
    if marker is not None and (folder / DB_NAME).exists():
        if marker.get("households") == households and marker.get("seed") == seed:
            return BenchStore(folder, households, seed, float(str(marker["build_seconds"])),
                              built_now=False)
        raise SystemExit(f"{folder} holds a bench store of another size or seed; choose "
                         "another --store or remove it.")
    if folder.exists() and any(folder.iterdir()):
        raise SystemExit(f"{folder} is not empty and has no bench marker; choose another --store.")
    folder.mkdir(parents=True, exist_ok=True)
    command = [*intake_command(), "demo", "--households", str(households), "--seed", str(seed),
               "--password", PASSWORD, "--db", str(folder / DB_NAME)]
    started = time.perf_counter()
    with open(folder / "build.log", "w") as log:
        subprocess.run(command, check=True, stdout=log, stderr=subprocess.STDOUT,
                       env=cli_env(), timeout=BUILD_TIMEOUT_S)
    seconds = time.perf_counter() - started
    record_build(folder, households, seed, seconds, " ".join(command))
    return BenchStore(folder, households, seed, seconds, built_now=True)


def record_build(folder: Path, households: int, seed: int, seconds: float, command: str) -> None:
    (folder / MARKER).write_text(json.dumps({
        "households": households, "seed": seed, "build_seconds": round(seconds, 2),
        "command": command, "built_at": datetime.now().isoformat(timespec="seconds"),
        "nproc": os.cpu_count()}, indent=1))


def copy_store(source: Path, target: Path) -> None:
    """Store file, its WAL and its key file: the copy opens with the same passwords."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for path in source.iterdir():
        if path.name.startswith(DB_NAME) and not path.name.endswith(".bak"):
            shutil.copy2(path, target / path.name)


# ---- extra audit entries ----------------------------------------------------------------------

TEAM_SIZE = 30  # the copy's entries come from a team of this many, the consulent among them
BATCH = 20_000
ACTIONS = (("inzien", "huishouden", 0.55), ("zoeken", "huishouden", 0.2),
           ("inzien", "plan", 0.15), ("wijzigen", "huishouden", 0.07),
           ("afdrukken", "plan", 0.03))


def _digest(fields: list[str]) -> str:
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


def add_audit_entries(store_folder: Path, actor_username: str, target_total: int,
                      seed: int = 7) -> tuple[int, int]:
    """Append entries to the store in ``store_folder`` until it holds ``target_total``.

    A team of ``TEAM_SIZE`` workers (the named account one of them) reads and changes random
    households over the last year. The hash chain is continued the way the app computes it,
    so `intake audit verify` still passes on the copy. Returns (before, after)."""
    from sqlalchemy import text

    from intake.store import open_store, resolve_location

    store, actor = open_store(resolve_location(str(store_folder / DB_NAME)), actor_username,
                              PASSWORD)
    rng = random.Random(seed)
    try:
        with store.engine.begin() as conn:
            before = int(conn.execute(text("SELECT count(*) FROM audit_entries")).scalar_one())
            prev = str(conn.execute(text(
                "SELECT hash FROM audit_entries ORDER BY seq DESC LIMIT 1")).scalar_one())
            households = [row[0] for row in conn.execute(text(
                "SELECT id FROM households ORDER BY random() LIMIT 20000"))]
        team = [actor.id.hex] + [uuid.UUID(int=rng.getrandbits(128)).hex
                                 for _ in range(TEAM_SIZE - 1)]
        names = [actor.username] + [f"medewerker{i}" for i in range(1, TEAM_SIZE)]
        weights = [share for _a, _o, share in ACTIONS]
        to_add = max(0, target_total - before)
        # Naive UTC, as the app stores it; a year of work ending a minute ago.
        start = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=365, minutes=1)
        step = timedelta(days=365) / max(1, to_add)
        insert = text(
            "INSERT INTO audit_entries (at, actor_id, actor_name, action, object_type, "
            "object_id, household_id, result, detail, prev_hash, hash) VALUES "
            "(:at, :actor_id, :actor_name, :action, :object_type, NULL, :household_id, 'ok', "
            ":detail, :prev_hash, :hash)")
        done = 0
        while done < to_add:  # bounded: one batch per BATCH entries
            rows = []
            for i in range(min(BATCH, to_add - done)):
                who = rng.randrange(TEAM_SIZE)
                action, object_type, _share = rng.choices(ACTIONS, weights)[0]
                household = None if action == "zoeken" else rng.choice(households)
                detail = "3 resultaten" if action == "zoeken" else ""
                at = start + step * (done + i)
                fields = [prev, at.isoformat(timespec="microseconds"), str(uuid.UUID(team[who])),
                          names[who], action, object_type, "",
                          str(uuid.UUID(household)) if household else "", "ok", detail]
                digest = _digest(fields)
                rows.append({"at": at.strftime("%Y-%m-%d %H:%M:%S.%f"), "actor_id": team[who],
                             "actor_name": names[who],
                             "action": action, "object_type": object_type,
                             "household_id": household, "detail": detail, "prev_hash": prev,
                             "hash": digest})
                prev = digest
            with store.engine.begin() as conn:
                conn.execute(insert, rows)
            done += len(rows)
        with store.engine.connect() as conn:
            after = int(conn.execute(text("SELECT count(*) FROM audit_entries")).scalar_one())
        return before, after
    finally:
        store.close()
