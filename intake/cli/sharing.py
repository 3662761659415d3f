"""`intake delen`: consent and legal bases for sharing a household's file with an
organisation of the sociale kaart (lijst, vastleggen, intrekken, herinneringen, organisaties).

A print for an organisation is `intake plan print DOSSIERNUMMER --voor CODE`."""

from __future__ import annotations

import argparse
import uuid
from datetime import date

from intake.cli.common import add_user_option, signed_in, uses_team_server
from intake.core.errors import KnownError, ValidationError
from intake.core.validation import format_date, parse_date


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("delen", help="toestemming en grondslag voor delen met organisaties")
    sharing = parser.add_subparsers(dest="sharing_command", required=True)
    listing = sharing.add_parser("lijst", help="grondslagen van één huishouden")
    add_user_option(listing)
    listing.add_argument("dossiernummer", metavar="DOSSIERNUMMER")
    listing.set_defaults(func=cmd_list)
    record = sharing.add_parser(
        "vastleggen", help="toestemming of wettelijke grondslag vastleggen",
        description="Legt vast dat (delen van) het dossier met een organisatie van de sociale "
                    "kaart gedeeld mogen worden, en waarom.")
    add_user_option(record)
    record.add_argument("dossiernummer", metavar="DOSSIERNUMMER")
    record.add_argument("--voor", required=True, metavar="ORGANISATIECODE",
                        help="code van de organisatie (zie 'intake delen organisaties')")
    record.add_argument("--grondslag", required=True, metavar="GRONDSLAG",
                        help="toestemming, jeugdwet, wmo, participatiewet, wgs of meldcode")
    record.add_argument("--doel", required=True, metavar="TEKST")
    record.add_argument("--delen", default="plan", metavar="DELEN",
                        help="met komma's: plan, intake, hulpvragen (standaard: plan)")
    record.add_argument("--hoe", default="", choices=["", "getekend", "mondeling"],
                        help="bij toestemming: hoe gegeven")
    record.add_argument("--van", metavar="DATUM", help="geldig vanaf (standaard: vandaag)")
    record.add_argument("--tot", metavar="DATUM", help="geldig tot en met")
    record.set_defaults(func=cmd_record)
    withdraw = sharing.add_parser("intrekken", help="toestemming intrekken (vanaf vandaag)")
    add_user_option(withdraw)
    withdraw.add_argument("id", metavar="ID", help="het id uit 'intake delen lijst'")
    withdraw.set_defaults(func=cmd_withdraw)
    remind = sharing.add_parser("herinneringen", help="toestemming die binnenkort afloopt")
    add_user_option(remind)
    remind.add_argument("--dagen", type=int, default=30, metavar="N")
    remind.set_defaults(func=cmd_remind)
    known = sharing.add_parser("organisaties", help="organisatiecodes van de sociale kaart")
    add_user_option(known)
    known.set_defaults(func=cmd_organisations)


def _file_store_only(args: argparse.Namespace) -> None:
    if uses_team_server(args):
        raise KnownError("Grondslagen voor delen beheert u nog niet via de teamserver; doe "
                         "het op de teamserver zelf of in de app.")


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise ValidationError({name: f"Onbekende datum '{value}'; gebruik dd-mm-jjjj."})
    return day


def cmd_list(args: argparse.Namespace) -> int:
    from intake.core.clock import local_date
    from intake.core.session import unit_of_work
    from intake.register.households import household_id_for
    from intake.sharing import household_bases
    _file_store_only(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        bases = household_bases(uow, household_id_for(uow, args.dossiernummer))
        today = local_date(uow.now)  # a basis starts on the Dutch day, not the UTC one
    if not bases:
        print("Geen toestemming of grondslag vastgelegd.")
    for b in bases:
        print(f"{b.id}  {b.organisation} ({b.organisation_code})  {b.ground_label}  "
              f"[{', '.join(b.parts)}]  {b.status(today)}  {b.printed}")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.register.households import household_id_for
    from intake.sharing import BasisInput, record_basis
    _file_store_only(args)
    start, until = _day(args.van, "van"), _day(args.tot, "tot")
    data = BasisInput(args.voor, args.grondslag, args.doel,
                      [p.strip() for p in args.delen.split(",") if p.strip()], args.hoe,
                      start, until)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        view = record_basis(uow, household_id_for(uow, args.dossiernummer), data)
    print(f"Vastgelegd ({view.id}): delen met {view.organisation}, {view.printed}")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.sharing import withdraw_consent
    _file_store_only(args)
    try:
        basis_id = uuid.UUID(args.id)
    except ValueError:
        raise ValidationError({"id": "Dat is geen id uit 'intake delen lijst'."}) from None
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        view = withdraw_consent(uow, basis_id)
    print(f"Toestemming voor delen met {view.organisation} ingetrokken per "
          f"{format_date(view.withdrawn_on)}.")
    return 0


def cmd_remind(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.sharing import expiring_consents
    _file_store_only(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        due = expiring_consents(uow, args.dagen)
    if not due:
        print(f"Geen toestemming die binnen {args.dagen} dagen afloopt.")
    for item in due:
        print(f"{item.dossiernummer}  {item.organisation}  loopt af op "
              f"{format_date(item.valid_until)} (over {item.days_left} dagen)")
    return 0


def cmd_organisations(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.sharing import organisations
    _file_store_only(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        known = organisations(uow)
    for code, name in known.items():
        print(f"{code:32} {name}")
    return 0
