"""`intake demo`: fill a new (or demo) store with fictitious households and demo accounts."""

from __future__ import annotations

import argparse
from pathlib import Path

from intake.cli import frontends
from intake.cli.common import Progress, add_store_option


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser(
        "demo", help="demogegevens: fictieve huishoudens en een demo-account per rol",
        description="Vult een nieuwe gegevensopslag met fictieve huishoudens en maakt per rol "
                    "een demo-account met het opgegeven wachtwoord. Een bestaande demo-opslag "
                    "krijgt er huishoudens bij; een opslag met echte gegevens wordt geweigerd.")
    add_store_option(demo)
    demo.add_argument("--households", type=int, default=1000, metavar="AANTAL",
                      help="aantal huishoudens (standaard 1000)")
    demo.add_argument("--seed", type=int, default=1, metavar="GETAL",
                      help="zelfde getal, zelfde gegevens (standaard 1)")
    demo.add_argument("--password", required=True, metavar="WACHTWOORD",
                      help="wachtwoord van alle demo-accounts (minstens 8 tekens)")
    demo.add_argument("--runtime-credentials", type=Path, metavar="BESTAND",
                      help="bij postgresql://: waar de verbindingsgegevens van de serverrol "
                           "komen")
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from intake.demo import STEPS, run_demo
    from intake.store import resolve_location
    location = resolve_location(args.db)
    if location.is_postgresql:
        # Prepared as a team database: migrations as owner, the server's role, demo accounts.
        args.server_command = "demo"
        return frontends.run_server_command(args)
    result = run_demo(location, args.households, args.seed, args.password, Progress, STEPS)
    what = "aangemaakt" if result.created_store else "aangevuld"
    print(f"Demo-opslag {what}: {location.describe()}")
    print(f"{result.households_added} huishoudens toegevoegd, {result.households_total} in "
          "totaal.")
    print("Demo-accounts (wachtwoord zoals opgegeven met --password):")
    for account in result.accounts:
        print(f"  {account.username:<12} {account.role.label}")
    return 0
