"""The `intake` command: no subcommand opens the app; subcommands do headless jobs.

Subcommand modules are imported here and register their parsers from argparse alone: each
imports its domain modules (SQLAlchemy, Alembic, ReportLab, openpyxl) inside its command, so
``intake --help`` loads none of them. The GUI and the team server are imported only when they
are asked for (``intake.cli.frontends``), so a headless job starts fast and never needs a
display.
"""

from __future__ import annotations

import argparse
import logging
import sys

from intake.cli import (
    accounts,
    audit,
    backup,
    demo,
    export,
    frontends,
    inzage,
    plan,
    report,
    retention,
    server,
    sharing,
    target_groups,
    team,
)
from intake.cli.common import add_global_options
from intake.core.errors import KnownError
from intake.core.logsetup import configure

log = logging.getLogger("intake")

COMMANDS = [accounts, audit, backup, demo, report, export, plan, sharing, inzage, retention,
            target_groups, server, team]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake", description="Eén gezin, één plan: brede uitvraag en plan van aanpak.")
    add_global_options(parser)
    parser.add_argument("--verbose", action="store_true", help="uitgebreid logbestand")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "needs_user", False) and not args.user:
        parser.error("geef --user NAAM op (voor of na de opdracht)")
    configure(args.verbose)
    if args.command is None:
        return frontends.run_app(args.db)
    try:
        result: int = args.func(args)
        return result
    except KnownError as error:
        print(f"Fout: {error.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print("Er ging iets onverwachts mis; details staan in het logbestand.", file=sys.stderr)
        return 3
