"""`intake doelgroep lijst|zet|beeindig`: the prevention target groups of one household.

Members are named by their number in the household (as on screen and in `lijst`), never by
name or BSN, so a command line in a shell history holds no personal data. Runs on a file
store, a laptop replica (whose changes sync) or through the team server.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from intake.cli.common import add_user_option, signed_in, signed_in_team, uses_team_server
from intake.core.errors import ValidationError
from intake.core.validation import format_date, parse_date


def _codes() -> str:
    # Static: the catalogue loads with the domain, which the start-up leaves out.
    return ("Doelgroepcodes: jeugd_lvb_ggz, bijzondere_ouders, kwetsbare_jongeren, werkzoekenden, "
            "laaggeletterdheid_taal (persoon); complexe_gezinssituatie, kinderen_in_armoede, "
            "schulden (huishouden). 'jonge_kind' volgt uit de geboortedatum.")


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


def _show(groups: list[dict[str, Any]], roles: dict[str, str]) -> None:
    """One line per group, from its JSON form (the same locally and from the team server)."""
    if not groups:
        print("Geen doelgroepen.")
    for g in groups:
        who = "huishouden" if g["member_id"] is None else \
            f"gezinslid {g['member_number']} ({roles.get(g['member_id'], '?')})"
        since = "uit geboortedatum" if g["derived"] else f"sinds {_dmy(g['set_on'])}"
        until = f", tot {_dmy(g['removed_on'])}" if g["removed_on"] and not g["derived"] \
            else ""
        health = ", gezondheidsgegeven" if g["health_data"] else ""
        print(f"{g['code']}\t{g['label']}\t{who}\t{since}{until}{health}")


def _dmy(iso: str | None) -> str:
    return format_date(date.fromisoformat(iso)) if iso else ""


def cmd_list(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.register.households import household_id_for, open_household
    from intake.register.target_groups import household_target_groups
    from intake.team.wire import to_json
    if uses_team_server(args):
        with signed_in_team(args) as client:
            answer = client.call("/households/target-groups", {
                "dossiernummer": args.dossiernummer, "ook_beeindigd": args.history})
        _show(answer["doelgroepen"], answer["rollen"])
        return 0
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        household_id = household_id_for(uow, args.dossiernummer)
        groups = household_target_groups(uow, household_id, include_removed=args.history)
        roles = {str(m.id): m.role.value for m in open_household(uow, household_id).members}
    _show(to_json(groups), roles)
    return 0


def _change(args: argparse.Namespace, path: str) -> dict[str, Any]:
    """Set or end one group, on the team server or in the file store; its JSON form."""
    from intake.core.session import unit_of_work
    from intake.register.households import household_id_for
    from intake.register.target_groups import end_target_group, member_by_number, set_target_group
    from intake.team.wire import to_json
    day = _day(args.datum)
    if uses_team_server(args):
        with signed_in_team(args) as client:
            return dict(client.call(path, {
                "dossiernummer": args.dossiernummer, "code": args.code,
                "gezinslid": args.gezinslid, "datum": day.isoformat() if day else None,
            })["doelgroep"])
    change = set_target_group if path.endswith("set") else end_target_group
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        household_id = household_id_for(uow, args.dossiernummer)
        view = change(uow, household_id, args.code,
                      member_by_number(uow, household_id, args.gezinslid), day)
    return dict(to_json(view))


def cmd_set(args: argparse.Namespace) -> int:
    view = _change(args, "/households/target-groups/set")
    print(f"Doelgroep '{view['label']}' gezet vanaf {_dmy(view['set_on'])}.")
    return 0


def cmd_end(args: argparse.Namespace) -> int:
    view = _change(args, "/households/target-groups/end")
    print(f"Doelgroep '{view['label']}' beëindigd op {_dmy(view['removed_on'])}.")
    return 0
