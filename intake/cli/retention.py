"""`intake retention`: bewaartermijnen, what is due, and the two-person destruction.

The beheerder proposes (`propose`), the teamleider approves (`approve`) or either withdraws.
On a team store these run on the server host against its database (``--db postgresql://…``);
laptop replicas remove a destroyed household at their next sync.
"""

from __future__ import annotations

import argparse

from intake.cli.common import add_user_option, signed_in, uses_team_server
from intake.core.errors import KnownError
from intake.core.session import unit_of_work
from intake.retention import (
    approve_destruction,
    propose_destruction,
    retention_list,
    retention_terms,
    set_term,
    term_label,
    withdraw_destruction,
)

ON_SERVER_HOST = ("Bewaartermijnen en vernietiging van een teamopslag lopen op de serverhost: "
                  "gebruik daar --db postgresql://….")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("retention", help="bewaartermijnen en vernietiging")
    retention_sub = parser.add_subparsers(dest="retention_command", required=True)
    listing = retention_sub.add_parser(
        "list", help="dossiers waarvan de bewaartermijn voorbij is",
        description="Toont de afgesloten dossiers waarvan de bewaartermijn voorbij is, en de "
                    "voorgestelde vernietigingen. Met --all elk afgesloten dossier.")
    add_user_option(listing)
    listing.add_argument("--all", action="store_true", help="ook dossiers die nog niet aan de "
                                                            "beurt zijn")
    listing.set_defaults(func=cmd_list)
    terms = retention_sub.add_parser("terms", help="de bewaartermijnen en hun bron")
    add_user_option(terms)
    terms.set_defaults(func=cmd_terms)
    setter = retention_sub.add_parser("set-term", help="een bewaartermijn wijzigen (beheerder)")
    add_user_option(setter)
    setter.add_argument("code", metavar="CODE", help="wet (jeugdwet, wmo, …) of audittrail")
    setter.add_argument("years", type=int, metavar="JAREN")
    setter.set_defaults(func=cmd_set_term)
    for name, help_text, func in (
            ("propose", "vernietiging voorstellen (functioneel beheerder)", cmd_propose),
            ("approve", "vernietiging goedkeuren en uitvoeren (teamleider)", cmd_approve),
            ("withdraw", "voorstel tot vernietiging intrekken", cmd_withdraw)):
        command = retention_sub.add_parser(name, help=help_text)
        add_user_option(command)
        command.add_argument("dossiernummer", metavar="DOSSIERNUMMER")
        command.set_defaults(func=func)


def _local(args: argparse.Namespace) -> None:
    if uses_team_server(args):
        raise KnownError(ON_SERVER_HOST)


def cmd_list(args: argparse.Namespace) -> int:
    _local(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        due = retention_list(uow, due_only=not args.all)
    if not due:
        print("Geen dossiers waarvan de bewaartermijn voorbij is.")
        return 0
    print(f"{'dossiernummer':<16} {'afgesloten':<11} {'termijn':<24} {'einde':<11} voorstel")
    for item in due:
        r = item.retention
        term = f"{term_label(r.term_code)} {r.years} jaar"
        proposal = f"voorgesteld door {item.proposed_by}" if item.proposed_by else ""
        print(f"{r.dossiernummer:<16} {r.closed_on:%d-%m-%Y}  {term:<24} "
              f"{r.ends_on:%d-%m-%Y}  {proposal}".rstrip())
    print(f"{len(due)} dossiers.")
    return 0


def cmd_terms(args: argparse.Namespace) -> int:
    _local(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        terms = retention_terms(uow)
    for term in terms:
        changed = f" (standaard {term.shipped_years})" if term.changed else ""
        print(f"{term.code:<16} {term.years:>3} jaar{changed}  {term.source}")
    return 0


def cmd_set_term(args: argparse.Namespace) -> int:
    _local(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        current = {t.code: t for t in retention_terms(uow)}
        if args.code not in current:
            raise KnownError(f"Onbekende bewaartermijn '{args.code}'. Kies uit: "
                             + ", ".join(sorted(current)) + ".")
        term = set_term(uow, args.code, args.years, current[args.code].version)
    print(f"Bewaartermijn {term.code}: {term.years} jaar.")
    return 0


def cmd_propose(args: argparse.Namespace) -> int:
    _local(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        retention = propose_destruction(uow, args.dossiernummer)
    print(f"Vernietiging van {retention.dossiernummer} voorgesteld (bewaartermijn "
          f"{term_label(retention.term_code)} {retention.years} jaar, voorbij sinds "
          f"{retention.ends_on:%d-%m-%Y}). De teamleider keurt haar goed.")
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    _local(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        report = approve_destruction(uow, args.dossiernummer)
    print(f"Dossier {args.dossiernummer.upper()} vernietigd: {report.rows_removed} rijen "
          f"verwijderd, {report.rows_kept} zonder persoonsgegevens bewaard voor de cijfers.")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    _local(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        withdraw_destruction(uow, args.dossiernummer)
    print(f"Voorstel tot vernietiging van {args.dossiernummer.upper()} ingetrokken.")
    return 0
