"""`intake export hulpvragen --from DATE --to DATE --out FILE.csv` (teamleider)."""

from __future__ import annotations

import argparse
from pathlib import Path

from intake.cli.common import add_user_option, signed_in, signed_in_team, uses_team_server
from intake.core.errors import ValidationError
from intake.core.files import open_private, write_private
from intake.core.validation import parse_date


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("export", help="gegevens exporteren voor het dashboard (teamleider)")
    export_sub = parser.add_subparsers(dest="export_command", required=True)
    help_questions = export_sub.add_parser(
        "hulpvragen", help="één regel per hulpvraag, zonder namen, BSN of vrije tekst",
        description="Hulpvragen in een periode als CSV: datum, soort, vindplaats (met "
                    "iJw-verwijzerscode), kanaal, uitkomst en een vast pseudoniem per "
                    "huishouden.")
    add_user_option(help_questions)
    help_questions.add_argument("--from", dest="start", required=True, metavar="DATUM",
                                help="eerste dag (dd-mm-jjjj of jjjj-mm-dd)")
    help_questions.add_argument("--to", dest="end", required=True, metavar="DATUM",
                                help="laatste dag (telt mee)")
    help_questions.add_argument("--out", required=True, type=Path, metavar="BESTAND.csv")
    help_questions.set_defaults(func=cmd_help_questions)


def cmd_help_questions(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.reports.help_question_export import write_csv
    start, end = parse_date(args.start), parse_date(args.end)
    if start is None or end is None:
        raise ValidationError({"from": "Onbekende datum; gebruik dd-mm-jjjj."})
    if args.out.suffix.lower() != ".csv":
        raise ValidationError({"out": "Het uitvoerbestand eindigt op .csv."})
    partial = args.out.with_name(args.out.name + ".deel")
    if uses_team_server(args):
        with signed_in_team(args) as client:
            data = client.help_questions_csv(start.isoformat(), end.isoformat())
        write_private(partial, data)
        partial.replace(args.out)
        count = max(data.count(b"\n") - 1, 0)  # rows after the header
        print(f"{count} hulpvragen geëxporteerd naar {args.out}.")
        return 0
    try:
        with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow, \
                open_private(partial, "w", encoding="utf-8", newline="") as out:
            count = write_csv(uow, start, end, out)
        partial.replace(args.out)  # never leave half a file under the real name
    finally:
        partial.unlink(missing_ok=True)
    print(f"{count} hulpvragen geëxporteerd naar {args.out}.")
    return 0
