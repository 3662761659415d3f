"""`intake inzage`: the resident's right of access (article 15 AVG) as PDF and JSON.

For whoever may open the household; the member is named by full name or date of birth, and an
ambiguous one is refused with the list of matches.
"""

from __future__ import annotations

import argparse
import base64
import sys
from pathlib import Path

from intake.cli.common import add_user_option, signed_in, signed_in_team, uses_team_server


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "inzage", help="inzage voor een inwoner (art. 15 AVG) als PDF en JSON",
        description="Stelt het overzicht op van alles wat over één gezinslid is vastgelegd, "
                    "als PDF en desgewenst als JSON (voor gegevensoverdracht).")
    add_user_option(parser)
    parser.add_argument("dossiernummer", metavar="DOSSIERNUMMER")
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", metavar="VOLLEDIGE NAAM", help="volledige naam van het gezinslid")
    who.add_argument("--geboortedatum", metavar="DD-MM-JJJJ", help="geboortedatum van het "
                                                                  "gezinslid")
    parser.add_argument("--out", required=True, type=Path, metavar="BESTAND.pdf")
    parser.add_argument("--json", type=Path, metavar="BESTAND.json")
    parser.set_defaults(func=cmd_inzage)


def cmd_inzage(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.inzage import InzageFiles, make_inzage
    from intake.register.households import household_id_for
    if uses_team_server(args):  # the whole access log is on the server, not on a laptop
        with signed_in_team(args) as client:
            found = client.call("/inzage", {"dossiernummer": args.dossiernummer,
                                            "member": args.member,
                                            "geboortedatum": args.geboortedatum})
        files = InzageFiles(base64.b64decode(found["pdf"]), str(found["json"]).encode("utf-8"),
                            int(found["withheld"]), bool(found["needs_review"]))
    else:
        with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
            files = make_inzage(uow, household_id_for(uow, args.dossiernummer),
                                member_name=args.member, born=args.geboortedatum)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(files.pdf)
    written = [str(args.out)]
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_bytes(files.json)
        written.append(str(args.json))
    print(f"Inzage geschreven naar {' en '.join(written)}.", file=sys.stderr)
    if files.needs_review:
        print(f"Let op: {files.withheld} onderdelen achtergehouden (signalen, Meldcode). Laat "
              "een professional het overzicht beoordelen voordat het het team verlaat.",
              file=sys.stderr)
    return 0
