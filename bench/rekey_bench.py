"""Time replacing the store key (blocking an account) on a demo store.

    .venv/bin/intake demo --db /tmp/rekey/intake.db --households 60000 --password demo-wachtwoord
    .venv/bin/python bench/rekey_bench.py --db /tmp/rekey/intake.db --password demo-wachtwoord

Changes the store it is given (adds and blocks accounts): use a throwaway demo store. Production
key derivation costs; prints one markdown line per figure.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sqlalchemy import func, select

from db.engine import StoreLocation
from db.models import Household
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.store import accounts, open_store, rekey_store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--password", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    location = StoreLocation.parse(str(args.db))
    started = time.perf_counter()
    store, admin = open_store(location, "beheerder", args.password)
    sign_in = time.perf_counter() - started
    with store.sessions() as session:
        households = session.scalar(select(func.count()).select_from(Household))
    size = args.db.stat().st_size
    print(f"| store | {households} households, {size / 1e6:.0f} MB |")
    print(f"| sign-in (key pair unwrap + unseal + Argon2id) | {sign_in:.2f} s |")
    times: list[float] = []
    for run in range(args.repeat):
        name = f"bench{run}.{int(time.time())}"
        with unit_of_work(store, admin) as uow:
            accounts.add_account(uow, name, "Bench", Role.CONSULENT, args.password)
        with unit_of_work(store, admin) as uow:
            accounts.disable_account(uow, name)
        started = time.perf_counter()
        report = rekey_store(store, admin)
        times.append(time.perf_counter() - started)
        print(f"| rekey run {run + 1} | {times[-1]:.2f} s, sealed to {report.accounts} "
              "accounts + recovery key |")
    store.close()
    times.sort()
    print(f"| rekey median of {len(times)} | {times[len(times) // 2]:.2f} s "
          f"(min {times[0]:.2f}, max {times[-1]:.2f}) |")
    started = time.perf_counter()
    store, _ = open_store(location, "consulent", args.password)
    store.close()
    print(f"| sign-in after rekey (consulent) | {time.perf_counter() - started:.2f} s |")


if __name__ == "__main__":
    main()
