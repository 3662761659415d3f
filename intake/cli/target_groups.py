"""`intake doelgroep lijst|zet|beeindig`: the prevention target groups of one household.

Members are named by their number in the household (as on screen and in `lijst`), never by
name or BSN, so a command line in a shell history holds no personal data. Runs on a file
store or a laptop replica (whose changes sync); not yet through the team server.
"""

from __future__ import annotations

import argparse
import uuid
from datetime import date

from intake.cli.common import add_user_option, signed_in, uses_team_server
from intake.core.context import UnitOfWork
from intake.core.errors import KnownError, NotFoundError, ValidationError
from intake.core.session import unit_of_work
from intake.core.validation import format_date, parse_date
from intake.register.households import household_id_for, open_household
from intake.register.target_groups import (
    Scope,
    household_target_groups,
    remove_target_group,
    set_target_group,
    target_groups,
)

TEAM_SERVER = ("Doelgroepen wijzigt u in de app, op de teamopslag zelf of op een laptopreplica; "
               "via de teamserver kan dit nog niet.")


def _codes() -> str:
    return "doelgroepen: " + "; ".join(
        f"{g.code} ({g.scope.value}{', gezondheidsgegeven' if g.health_data else ''})"
        for g in target_groups() if not g.derived) + ". 'jonge_kind' volgt uit de geboortedatum."


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("doelgroep", help="doelgroepen van een huishouden (preventie)",
                            epilog=_codes())
    commands = parser.add_subparsers(dest="doelgroep_command", required=True)
    show = commands.add_parser("lijst", help="doelgroepen die nu gelden (ook afgeleide)")
    add_user_option(show)
    show.add_argument("dossiernummer", metavar="DOSSIERNUMMER")
    show.add_argument("--ook-beeindigd", dest="history", action="store_true",
                      help="ook doelgroepen die niet meer gelden")
    show.set_defaults(func=cmd_list)
    for name, help_text, day_help, func in (
            ("zet", "een doelgroep zetten", "vanaf deze dag (standaard vandaag)", cmd_set),
            ("beeindig", "een doelgroep beëindigen", "geldt niet meer vanaf deze dag "
             "(standaard vandaag)", cmd_end)):
        command = commands.add_parser(name, help=help_text, epilog=_codes())
        add_user_option(command)
        command.add_argument("dossiernummer", metavar="DOSSIERNUMMER")
        command.add_argument("code", metavar="DOELGROEP")
        command.add_argument("--gezinslid", type=int, metavar="NR",
                             help="nummer van het gezinslid (zie 'lijst'); niet bij een "
                                  "doelgroep van het huishouden")
        command.add_argument("--datum", metavar="DATUM", help=day_help)
        command.set_defaults(func=func)


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise ValidationError({"datum": f"Onbekende datum '{value}'; gebruik dd-mm-jjjj."})
    return day


def _member(uow: UnitOfWork, household_id: uuid.UUID, number: int | None) -> uuid.UUID | None:
    if number is None:
        return None
    members = open_household(uow, household_id).members
    if not 1 <= number <= len(members):
        raise ValidationError({"gezinslid": f"Dit huishouden heeft geen gezinslid {number} "
                                            f"(1 tot en met {len(members)})."})
    return members[number - 1].id


def _refuse_team_server(args: argparse.Namespace) -> None:
    if uses_team_server(args):
        raise KnownError(TEAM_SERVER)


def cmd_list(args: argparse.Namespace) -> int:
    _refuse_team_server(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        household_id = household_id_for(uow, args.dossiernummer)
        numbers = {m.id: (i, m.role.value) for i, m in enumerate(
            open_household(uow, household_id).members, start=1)}
        groups = household_target_groups(uow, household_id, include_removed=args.history)
    if not groups:
        print("Geen doelgroepen.")
    for g in groups:
        who = "huishouden" if g.member_id is None else \
            "gezinslid {} ({})".format(*numbers.get(g.member_id, (0, "?")))
        since = "uit geboortedatum" if g.derived else f"sinds {format_date(g.set_on)}"
        until = f", tot {format_date(g.removed_on)}" if g.removed_on and not g.derived else ""
        health = ", gezondheidsgegeven" if g.health_data else ""
        print(f"{g.code}\t{g.label}\t{who}\t{since}{until}{health}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    _refuse_team_server(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        household_id = household_id_for(uow, args.dossiernummer)
        view = set_target_group(uow, household_id, args.code,
                                _member(uow, household_id, args.gezinslid), _day(args.datum))
    print(f"Doelgroep '{view.label}' gezet vanaf {format_date(view.set_on)}.")
    return 0


def cmd_end(args: argparse.Namespace) -> int:
    _refuse_team_server(args)
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        household_id = household_id_for(uow, args.dossiernummer)
        member_id = _member(uow, household_id, args.gezinslid)
        group = next((g for g in household_target_groups(uow, household_id)
                      if g.code == args.code and g.member_id == member_id and g.id), None)
        if group is None or group.id is None:
            scope = next((g.scope for g in target_groups() if g.code == args.code), None)
            hint = " Geef --gezinslid op." if scope is Scope.PERSOON and member_id is None \
                else ""
            raise NotFoundError(f"Deze doelgroep geldt nu niet voor dit huishouden.{hint}")
        view = remove_target_group(uow, group.id, group.version, _day(args.datum))
    print(f"Doelgroep '{view.label}' beëindigd op {format_date(view.removed_on)}.")
    return 0
