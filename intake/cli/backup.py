"""`intake backup --out FILE` and `intake restore FILE --db PATH` (functioneel beheerder)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from intake.cli.common import add_user_option, read_password, signed_in


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser(
        "backup", help="reservekopie maken, ook terwijl de app open is (functioneel beheerder)")
    add_user_option(backup)
    backup.add_argument("--out", type=Path, required=True, metavar="BESTAND")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser("restore", help="reservekopie terugzetten (functioneel beheerder)")
    add_user_option(restore)
    restore.add_argument("backup", type=Path, metavar="RESERVEKOPIE")
    restore.add_argument("--replace", action="store_true",
                         help="een bestaande gegevensopslag vervangen (hij wordt opzij gezet)")
    restore.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.store.backup import make_backup
    started = time.perf_counter()
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        report = make_backup(uow, args.out)
    print(f"Reservekopie geschreven naar {report.path}: {report.households} huishoudens, "
          f"{report.size // 1024} kB, {time.perf_counter() - started:.1f} s.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from intake.core.clock import format_local
    from intake.store import resolve_location
    from intake.store.backup import restore_backup
    started = time.perf_counter()
    report = restore_backup(args.backup, resolve_location(args.db), args.user, read_password(),
                            replace=args.replace)
    if report.moved_aside is not None:
        print(f"De vorige gegevensopslag staat nu op {report.moved_aside}.", file=sys.stderr)
    print(f"Reservekopie van {format_local(report.made_at)} teruggezet op {report.path}: "
          f"{report.households} huishoudens, audittrail intact ({report.audit_entries} regels), "
          f"{time.perf_counter() - started:.1f} s.")
    return 0
