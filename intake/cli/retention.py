"""`intake retention`: bewaartermijnen, what is due, and the two-person destruction.

The beheerder proposes (`propose`), the teamleider approves (`approve`) or either withdraws.
With ``--db https://…`` the list and the steps run on the team server (terms are set on the
server host); laptop replicas remove a destroyed household at their next sync.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from intake.cli.common import add_user_option, signed_in, signed_in_team, uses_team_server
from intake.core.errors import KnownError

ON_SERVER_HOST = ("Bewaartermijnen wijzigen gebeurt op de serverhost: gebruik daar "
                  "--db postgresql://….")


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


def _due_rows(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Each due dossier as the team server sends it, so both stores print alike."""
    from intake.core.session import unit_of_work
    from intake.retention import retention_list
    if uses_team_server(args):
        with signed_in_team(args) as client:
            return list(client.call("/retention/due", {"all": args.all})["dossiers"])
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        due = retention_list(uow, due_only=not args.all)
    return [{"dossiernummer": d.dossiernummer, "closed_on": d.retention.closed_on.isoformat(),
             "term_code": d.retention.term_code, "years": d.retention.years,
             "ends_on": d.retention.ends_on.isoformat(), "proposed_by": d.proposed_by}
            for d in due]


def _day(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d-%m-%Y")


def cmd_list(args: argparse.Namespace) -> int:
    from intake.retention import term_label
    due = _due_rows(args)
    if not due:
        print("Geen dossiers waarvan de bewaartermijn voorbij is.")
        return 0
    print(f"{'dossiernummer':<16} {'afgesloten':<11} {'termijn':<24} {'einde':<11} voorstel")
    for row in due:
        term = f"{term_label(row['term_code'])} {row['years']} jaar"
        proposal = f"voorgesteld door {row['proposed_by']}" if row["proposed_by"] else ""
        print(f"{row['dossiernummer']:<16} {_day(row['closed_on'])}  {term:<24} "
              f"{_day(row['ends_on'])}  {proposal}".rstrip())
    print(f"{len(due)} dossiers.")
    return 0


def _on_server(args: argparse.Namespace, step: str) -> dict[str, Any]:
    with signed_in_team(args) as client:
        found = client.call("/retention/step", {"step": step,
                                                "dossiernummer": args.dossiernummer})
    return dict(found["uitkomst"] or {})


def cmd_terms(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.retention import retention_terms
    _local(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        terms = retention_terms(uow)
    for term in terms:
        changed = f" (standaard {term.shipped_years})" if term.changed else ""
        print(f"{term.code:<16} {term.years:>3} jaar{changed}  {term.source}")
    return 0


def cmd_set_term(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.retention import retention_terms, set_term
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
    from intake.core.session import unit_of_work
    from intake.retention import propose_destruction, term_label
    if uses_team_server(args):
        found = _on_server(args, "propose")
        code, years, ends = found["term_code"], found["years"], _day(found["ends_on"])
    else:
        with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
            retention = propose_destruction(uow, args.dossiernummer)
        code, years, ends = retention.term_code, retention.years, f"{retention.ends_on:%d-%m-%Y}"
    print(f"Vernietiging van {args.dossiernummer.upper()} voorgesteld (bewaartermijn "
          f"{term_label(code)} {years} jaar, voorbij sinds {ends}). De teamleider keurt haar "
          "goed.")
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.retention import approve_destruction
    if uses_team_server(args):
        found = _on_server(args, "approve")
        removed, kept = found["rows_removed"], found["rows_kept"]
    else:
        with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
            report = approve_destruction(uow, args.dossiernummer)
        removed, kept = report.rows_removed, report.rows_kept
    print(f"Dossier {args.dossiernummer.upper()} vernietigd: {removed} rijen verwijderd, {kept} "
          "zonder persoonsgegevens bewaard voor de cijfers.")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.retention import withdraw_destruction
    if uses_team_server(args):
        _on_server(args, "withdraw")
    else:
        with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
            withdraw_destruction(uow, args.dossiernummer)
    print(f"Voorstel tot vernietiging van {args.dossiernummer.upper()} ingetrokken.")
    return 0
