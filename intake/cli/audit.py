"""`intake audit verify [--seal FILE]` and `intake audit seal --out FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from intake.cli.common import add_user_option, signed_in, signed_in_team, uses_team_server
from intake.core.errors import KnownError

NO_SEAL_ON_SERVER = ("Het zegel is voor een eigen gegevensopslag; de teamserver houdt de "
                     "audittrail zelf bij.")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("audit", help="audittrail (functioneel beheerder)")
    audit_sub = parser.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="hash-keten van de audittrail controleren")
    add_user_option(verify)
    verify.add_argument("--seal", type=Path, metavar="ZEGELBESTAND",
                        help="ook controleren tegen een eerder gemaakt zegel")
    verify.set_defaults(func=cmd_verify)
    seal = audit_sub.add_parser(
        "seal", help="zegel van de audittrail maken (bewaar het buiten deze computer)")
    add_user_option(seal)
    seal.add_argument("--out", type=Path, required=True, metavar="ZEGELBESTAND")
    seal.set_defaults(func=cmd_seal)


def cmd_verify(args: argparse.Namespace) -> int:
    from intake.core import audit
    from intake.core.seal import Seal
    from intake.core.session import unit_of_work
    if uses_team_server(args):
        if args.seal is not None:
            raise KnownError(NO_SEAL_ON_SERVER)
        with signed_in_team(args) as client:
            found = client.verify_audit()
        report = audit.ChainReport(int(found["entries"]), found["broken_at"])
    else:
        sealed = Seal.read(args.seal) if args.seal is not None else None
        with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
            report = audit.verify_chain(uow, sealed.head if sealed else None)
    if report.broken_at is not None:
        print(f"Audittrail GEBROKEN bij regel {report.broken_at} (van {report.entries}): "
              "een regel is gewijzigd of verwijderd.")
        return 1
    if report.seal_problem is not None:
        print(f"Audittrail klopt NIET met het zegel: {report.seal_problem}.")
        return 1
    extra = " en klopt met het zegel" if args.seal is not None else ""
    print(f"Audittrail intact{extra}: {report.entries} regels gecontroleerd.")
    return 0


def cmd_seal(args: argparse.Namespace) -> int:
    from intake.core.seal import seal_chain, write_seal
    from intake.core.session import unit_of_work
    if uses_team_server(args):
        raise KnownError(NO_SEAL_ON_SERVER)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        seal = seal_chain(uow)
        write_seal(seal, args.out)  # inside: no seal is counted that was never written
    print(f"Zegel geschreven naar {args.out}: {seal.head.entries} regels. Bewaar het buiten "
          "deze computer (bijvoorbeeld op papier of een USB-stick in een kast).")
    return 0
