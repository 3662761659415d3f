"""`intake report --from DATE --to DATE --out FILE.(pdf|csv|xlsx)`: the management figures for
a period (beside the previous period of the same length), for the teamleider."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from intake.cli.common import (
    Progress,
    add_user_option,
    signed_in,
    signed_in_team,
    uses_team_server,
)
from intake.core.errors import ValidationError
from intake.core.files import write_private
from intake.core.validation import parse_date
from intake.reports.period import Period


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "report", help="managementinformatie over een periode (teamleider)",
        description="Cijfers over een periode naast de vorige periode van dezelfde lengte, als "
                    "CSV, XLSX of afdrukbare PDF (met een pagina per actief plan).")
    add_user_option(parser)
    parser.add_argument("--from", dest="start", required=True, metavar="DATUM",
                        help="eerste dag (dd-mm-jjjj of jjjj-mm-dd)")
    parser.add_argument("--to", dest="end", required=True, metavar="DATUM",
                        help="laatste dag (telt mee)")
    parser.add_argument("--out", required=True, type=Path, metavar="BESTAND",
                        help="uitvoerbestand: .pdf, .csv of .xlsx")
    parser.add_argument("--klein-aantal-verbergen", dest="suppress", action="store_true",
                        help="aantallen onder 5 tonen als '< 5' en geen plannen opnemen "
                             "(voor buiten het team)")
    parser.set_defaults(func=cmd_report)


def _day(value: str, name: str) -> date:
    day = parse_date(value)
    if day is None:
        raise ValidationError({name: f"Onbekende datum '{value}'; gebruik dd-mm-jjjj."})
    return day


def cmd_report(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.reports.export import ReportFormat, export_report, format_for
    period = Period(_day(args.start, "from"), _day(args.end, "to"))
    fmt = format_for(args.out)
    progress: Progress | None = None

    def show(done: int, total: int) -> None:
        nonlocal progress
        if progress is None:
            progress = Progress("Plannen", total)
        progress(done)

    started = time.perf_counter()
    if uses_team_server(args):
        with signed_in_team(args) as client:
            data = client.report(period.start.isoformat(), period.end.isoformat(), fmt.value,
                                 args.suppress)
    else:
        with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
            data = export_report(uow, period, fmt, suppress_small=args.suppress, progress=show)
    seconds = time.perf_counter() - started
    write_private(args.out, data)
    what = "Overzicht" if fmt is ReportFormat.PDF else "Cijfers"
    print(f"{what} over {period.label} geschreven naar {args.out} ({seconds:.2f} s).",
          file=sys.stderr)
    return 0
