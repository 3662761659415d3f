"""Sync figures against a real team server (not a test: it prints times, asserts nothing timed).

Usage:
    python bench/sync_bench.py --households 60000 [--caseload 300] [--laptops 20]

Starts a throwaway PostgreSQL (as the tests do), fills it with the demo (``--households``),
starts ``intake server run`` on 127.0.0.1 with test TLS certificates, and measures:
1. the first join of a consulent whose set holds ``--caseload`` households (made available
   offline on the server, so the figure does not depend on how the demo spreads caseloads);
2. an incremental sync of 100 changed fields on that replica;
3. ``--laptops`` replicas (one consulent each, 100 households each) syncing 100 changes each at
   the same moment: p95 of their sync times, errors, and duplicates (pushed change ids applied
   more than once, or a changed field whose server value is not the pushed one).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import create_engine, func, insert, select, text

from db.models import Household, SyncApplied, SyncOfflineMark, User
from intake.cli import main as intake_main
from intake.core.clock import utcnow
from intake.core.session import unit_of_work
from intake.store import StoreLocation, crypto
from intake.team import replica, sync
from intake.team.client import TeamClient

PASSWORD = "demo-wachtwoord"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def _server(owner_url: str, folder: Path, credentials: Path) -> tuple[subprocess.Popen[bytes],
                                                                      str, Path]:
    import trustme

    from tests.server.conftest import _wait_until_up, free_port

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "intake", "server", "run", "--db", owner_url, "--listen",
             f"127.0.0.1:{port}", "--tls-cert", str(cert_file), "--tls-key", str(key_file),
             "--runtime-credentials", str(credentials)], stdout=out, stderr=subprocess.STDOUT)
    url = f"https://127.0.0.1:{port}"
    _wait_until_up(process, url, ca_file, log)
    return process, url, ca_file


def _account(url: str, ca: Path, username: str) -> None:
    with TeamClient(url, ca) as admin:
        admin.sign_in("beheerder", PASSWORD)
        admin.add_account(username, username, "consulent", PASSWORD)


def _mark(owner_url: str, username: str, households: list[uuid.UUID]) -> None:
    engine = create_engine(owner_url)
    try:
        with engine.begin() as connection:
            user_id = connection.scalar(select(User.id).where(User.username == username))
            until = utcnow() + timedelta(days=14)
            connection.execute(insert(SyncOfflineMark), [
                {"user_id": user_id, "household_id": h, "until": until} for h in households])
    finally:
        engine.dispose()


def _join(url: str, ca: Path, folder: Path, username: str) -> tuple[float, replica.Store,
                                                                     replica.TeamFile]:
    location = StoreLocation.parse(str(folder / username / "intake.db"))
    started = time.perf_counter()
    store, _actor, team = replica.join(location, url, username, PASSWORD, str(ca))
    sync.synchronise(store, team, PASSWORD)
    elapsed = time.perf_counter() - started
    store.close()
    store, _actor = replica.open_replica(location, username, PASSWORD)
    return elapsed, store, team


def _change(store: replica.Store, username: str, count: int, tag: str) -> dict[uuid.UUID, str]:
    """``count`` changed fields: the phone number of ``count`` households."""
    with store.sessions() as session:
        actor = replica.actor_for(session.scalars(select(User).where(
            User.username == username)).one())
    made: dict[uuid.UUID, str] = {}
    with unit_of_work(store, actor) as uow:
        for household in uow.session.scalars(select(Household).limit(count)):
            household.phone = f"06-{tag}{len(made):04d}"[:40]
            made[household.id] = household.phone
    return made


def run(households: int, caseload: int, laptops: int, folder: Path) -> None:
    from tests.helpers import pg_server

    crypto.set_work_factors(scrypt_n=2**14, argon_time=1, argon_memory_kib=8192)
    credentials = folder / "runtime.json"
    with pg_server.running_server(55439) as owner_url:
        started = time.perf_counter()
        assert intake_main(["demo", "--db", owner_url, "--households", str(households),
                            "--password", PASSWORD, "--runtime-credentials",
                            str(credentials)]) == 0
        print(f"demo van {households} huishoudens: {time.perf_counter() - started:.0f} s")
        process, url, ca = _server(owner_url, folder, credentials)
        engine = create_engine(owner_url)
        try:
            with engine.connect() as connection:
                ids = list(connection.scalars(select(Household.id).order_by(Household.id)))
            _account(url, ca, "bench")
            _mark(owner_url, "bench", ids[:caseload])
            elapsed, store, team = _join(url, ca, folder, "bench")
            print(f"1. eerste aansluiting, {caseload} huishoudens: {elapsed:.2f} s")
            _change(store, "bench", 100, "a")
            started = time.perf_counter()
            report = sync.synchronise(store, team, PASSWORD)
            print(f"2. incrementele synchronisatie van {report.pushed} wijzigingen: "
                  f"{time.perf_counter() - started:.2f} s")
            store.close()

            replicas = []
            for number in range(laptops):
                username = f"bench{number:02d}"
                _account(url, ca, username)
                start = caseload + number * 100
                _mark(owner_url, username, ids[start:start + 100])
                _elapsed, laptop_store, laptop_team = _join(url, ca, folder, username)
                expected = _change(laptop_store, username, 100, f"{number:02d}")
                replicas.append((laptop_store, laptop_team, expected))
            times: list[float] = []
            errors: list[str] = []
            barrier = threading.Barrier(laptops)

            def one(laptop_store: replica.Store, laptop_team: replica.TeamFile) -> None:
                barrier.wait()
                begun = time.perf_counter()
                try:
                    sync.synchronise(laptop_store, laptop_team, PASSWORD)
                except Exception as error:
                    errors.append(type(error).__name__)
                    return
                times.append(time.perf_counter() - begun)

            threads = [threading.Thread(target=one, args=(s, t)) for s, t, _e in replicas]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            with engine.connect() as connection:
                wrong = 0
                for _store, _team, expected in replicas:
                    found = dict(connection.execute(select(Household.id, Household.phone).where(
                        Household.id.in_(list(expected)))).all())
                    wrong += sum(1 for h, phone in expected.items() if found.get(h) != phone)
                applied = connection.scalar(select(func.count()).select_from(SyncApplied))
                doubles = connection.scalar(text(
                    "SELECT count(*) FROM (SELECT row_id, count(*) FROM sync_changes WHERE "
                    "table_name = 'households' AND op = 'upsert' AND actor LIKE 'bench__' "
                    "GROUP BY row_id HAVING count(*) > 1) d"))
            print(f"3. {laptops} laptops tegelijk, elk 100 wijzigingen: p95 "
                  f"{percentile(times, 0.95):.2f} s, mediaan {statistics.median(times):.2f} s, "
                  f"fouten {len(errors)}, verkeerde of ontbrekende waarden {wrong}, "
                  f"dubbel toegepast {doubles}; toegepaste wijzigings-id's op de server: "
                  f"{applied}")
            for laptop_store, _team, _expected in replicas:
                laptop_store.close()
        finally:
            engine.dispose()
            process.terminate()
            process.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=60_000)
    parser.add_argument("--caseload", type=int, default=300)
    parser.add_argument("--laptops", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.helpers
    with tempfile.TemporaryDirectory(prefix="intake-syncbench-") as folder:
        run(args.households, args.caseload, args.laptops, Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
