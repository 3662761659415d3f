"""``intake server init|run`` and ``intake demo --db postgresql://…``: what the command line
hands over once it has parsed the arguments (see ``intake/cli/server.py``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import func, select

from db.engine import StoreLocation, make_engine
from db.models import User
from intake.cli.common import Progress, read_password
from intake.core.clock import utcnow
from intake.core.errors import KnownError
from intake.demo import STEPS, run_demo
from intake.store import create_store
from server.provision import (
    RUNTIME_ROLE,
    RuntimeCredentials,
    default_credentials_path,
    migrate_and_grant,
    psycopg_url,
)
from server.run import Listen, serve

NOT_POSTGRESQL = ("De teamserver werkt met PostgreSQL: geef --db postgresql://EIGENAAR@HOST/"
                  "DATABASE.")


def _owner_url(args: argparse.Namespace) -> str:
    if not args.db or not StoreLocation.parse(args.db).is_postgresql:
        raise KnownError(NOT_POSTGRESQL)
    return psycopg_url(args.db)


def _credentials_path(args: argparse.Namespace, url: str) -> Path:
    chosen: Path | None = getattr(args, "runtime_credentials", None)
    return chosen or default_credentials_path(url)


def _provision(args: argparse.Namespace, url: str) -> tuple[RuntimeCredentials, Path]:
    credentials = migrate_and_grant(url, getattr(args, "runtime_role", None) or RUNTIME_ROLE,
                                    utcnow())
    path = _credentials_path(args, url)
    credentials.save(path)
    return credentials, path


def _has_accounts(url: str) -> bool:
    engine = make_engine(StoreLocation.parse(url))
    try:
        with engine.connect() as connection:
            return bool(connection.scalar(select(func.count()).select_from(User)))
    finally:
        engine.dispose()


def cmd_init(args: argparse.Namespace) -> int:
    url = _owner_url(args)
    password = read_password()
    credentials, path = _provision(args, url)
    print(f"Schema bijgewerkt; serverrol '{credentials.role}' mag de audittrail alleen lezen "
          f"en aanvullen. Verbindingsgegevens (alleen voor u leesbaar): {path}")
    if _has_accounts(url):
        print("Er zijn al accounts; er is geen nieuwe beheerder aangemaakt.")
        return 0
    store, _admin = create_store(StoreLocation.parse(url), args.user, args.name, password)
    store.close()
    print(f"Eerste functioneel beheerder '{args.user}' aangemaakt.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    url = _owner_url(args)
    credentials, path = _provision(args, url)
    location = StoreLocation.parse(url)
    result = run_demo(location, args.households, args.seed, args.password, Progress, STEPS)
    print(f"Demo-database {'aangemaakt' if result.created_store else 'aangevuld'}: "
          f"{location.describe()}; {result.households_total} huishoudens. Serverrol "
          f"'{credentials.role}', verbindingsgegevens in {path}.")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    if not args.db or not StoreLocation.parse(args.db).is_postgresql:
        raise KnownError(NOT_POSTGRESQL)
    serve(args.db, Listen.parse(args.listen), args.tls_cert, args.tls_key,
          args.runtime_credentials)
    return 0


COMMANDS = {"init": cmd_init, "run": cmd_run, "demo": cmd_demo}


def dispatch(args: argparse.Namespace) -> int:
    name = getattr(args, "server_command", None) or "demo"
    if name not in COMMANDS:
        print(f"Onbekende opdracht: {name}", file=sys.stderr)
        return 2
    return COMMANDS[name](args)
