"""`intake audit verify`: is the audit trail's hash chain intact?"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from intake.cli.common import add_user_option, signed_in, signed_in_team, uses_team_server

if TYPE_CHECKING:
    pass


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("audit", help="audittrail (functioneel beheerder)")
    audit_sub = parser.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="hash-keten van de audittrail controleren")
    add_user_option(verify)
    verify.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from intake.core import audit
    from intake.core.session import unit_of_work
    if uses_team_server(args):
        with signed_in_team(args) as client:
            found = client.verify_audit()
        report = audit.ChainReport(int(found["entries"]), found["broken_at"])
    else:
        with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
            report = audit.verify_chain(uow)
    if report.ok:
        print(f"Audittrail intact: {report.entries} regels gecontroleerd.")
        return 0
    print(f"Audittrail GEBROKEN bij regel {report.broken_at} (van {report.entries}): "
          "een regel is gewijzigd of verwijderd.")
    return 1
