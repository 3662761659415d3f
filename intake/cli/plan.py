"""`intake plan print`: a plan van aanpak as PDF, one household or every plan in force.

Allowed for the team lead and the people on the case (whoever may read the household);
every print is in the audit trail.
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from intake.cli.common import (
    Progress,
    add_user_option,
    read_password,
    signed_in,
    signed_in_team,
    uses_team_server,
)
from intake.core.errors import KnownError, ValidationError
from intake.core.files import private_folder, write_private

if TYPE_CHECKING:
    from intake.plans.queries import PrintablePlan


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("plan", help="plan van aanpak (afdrukken)")
    plan_sub = parser.add_subparsers(dest="plan_command", required=True)
    printer = plan_sub.add_parser(
        "print", help="plan als PDF",
        description="Drukt het plan van een huishouden af als PDF, of met --all-active elk plan "
                    "dat van kracht is (een bestand per plan, genoemd naar het dossiernummer).")
    add_user_option(printer)
    printer.add_argument("dossiernummer", nargs="?", metavar="DOSSIERNUMMER")
    printer.add_argument("--all-active", action="store_true",
                         help="elk actief plan dat u mag inzien; --out is dan een map")
    printer.add_argument("--out", required=True, type=Path, metavar="BESTAND_OF_MAP")
    printer.add_argument("--version", type=int, metavar="N",
                         help="planversie (standaard: nieuwste)")
    printer.add_argument("--inwoner", action="store_true", help="inwonerversie in eenvoudige taal")
    printer.add_argument("--redacted", action="store_true",
                         help="namen en contactgegevens vervangen (voor buiten het team)")
    printer.add_argument("--geen-naam", action="append", default=[], metavar="WOORD",
                         dest="not_names",
                         help="bij --redacted: dit gemarkeerde woord is geen naam (herhaalbaar)")
    printer.add_argument("--vervang-naam", action="append", default=[], metavar="WOORD",
                         dest="replace",
                         help="bij --redacted: vervang dit gemarkeerde woord door [naam] "
                              "(herhaalbaar)")
    printer.add_argument("--voor", metavar="ORGANISATIECODE", dest="organisation",
                         help="afdruk voor een organisatie van de sociale kaart: alleen met "
                              "vastgelegde toestemming of grondslag, die op de afdruk staat")
    printer.add_argument("--reden", metavar="CODE",
                         help="een huishouden buiten uw eigen dossiers openen met deze reden "
                              "(een onjuiste code noemt de mogelijke); samen met --toelichting")
    printer.add_argument("--toelichting", metavar="TEKST", default="",
                         help="bij --reden: wat u in dit dossier moet doen")
    printer.set_defaults(func=cmd_print)


def _file_name(plan: PrintablePlan) -> str:
    from intake.plans.vocab import PlanKind
    if plan.kind is PlanKind.TOEKOMSTPLAN:
        return f"{plan.dossiernummer}-toekomstplan-{plan.owner_position or 0}.pdf"
    return f"{plan.dossiernummer}.pdf"


def cmd_print(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.documents import NameReview, print_plan
    from intake.plans.queries import active_plans
    from intake.register import REASONS, OpeningReason
    from intake.register.households import household_id_for, open_household
    if args.all_active == bool(args.dossiernummer):
        raise ValidationError({"dossiernummer": "Geef een dossiernummer of --all-active."})
    if args.all_active and args.version is not None:
        raise ValidationError({"version": "--version gaat niet samen met --all-active."})
    review = NameReview(frozenset(args.not_names), frozenset(args.replace))
    if args.reden and args.reden not in REASONS:
        raise ValidationError({"reden": f"Kies een reden: {', '.join(sorted(REASONS))}."})
    reason = OpeningReason(args.reden, args.toelichting) if args.reden else None
    if reason is not None and args.all_active:
        raise ValidationError({"reden": "--reden geldt voor één huishouden, niet --all-active."})
    if uses_team_server(args):
        return _print_on_server(args)
    with signed_in(args) as (store, actor):
        started = time.perf_counter()
        if not args.all_active:
            with unit_of_work(store, actor) as uow:
                household_id = household_id_for(uow, args.dossiernummer)
                if reason is not None:  # outside one's own work: opened with the reason
                    open_household(uow, household_id, reason)
                pdf = print_plan(uow, household_id, args.version,
                                 resident=args.inwoner, redacted=args.redacted, review=review,
                                 for_organisation=args.organisation)
            write_private(args.out, pdf)
            print(f"Plan geschreven naar {args.out} ({len(pdf) // 1024} kB, "
                  f"{time.perf_counter() - started:.2f} s).", file=sys.stderr)
            return 0
        # The worker pool (multiprocessing) is imported for a bulk print only.
        from intake.cli.bulk_print import PrintJob, print_all

        with unit_of_work(store, actor) as uow:
            plans = active_plans(uow)
        private_folder(args.out)
        jobs = [PrintJob(p.plan_id, p.household_id, p.active_number, p.dossiernummer,
                         _file_name(p)) for p in plans]
        progress = Progress("Plannen", len(jobs))
        failed = done = 0
        outcomes = print_all(store, actor, args.db, read_password(), jobs, args.out,
                             resident=args.inwoner, redacted=args.redacted, review=review,
                             for_organisation=args.organisation)
        try:
            for done, printed in enumerate(outcomes, start=1):
                if printed.error is not None:
                    failed += 1
                    print(f"\n{printed.job.dossiernummer}: {printed.error}", file=sys.stderr)
                progress(done)
        except KeyboardInterrupt:
            outcomes.close()
            # Workers finish the plans they hold, so a few more files may follow this count.
            print(f"\nAfgebroken na {done} van {len(jobs)} plannen; wat klaar was staat in "
                  f"{args.out}.", file=sys.stderr)
            return 130
    print(f"{len(plans) - failed} plannen geschreven naar {args.out} "
          f"({time.perf_counter() - started:.1f} s).", file=sys.stderr)
    return 1 if failed else 0


def _print_on_server(args: argparse.Namespace) -> int:
    """The same prints, made by the team server (which checks and audits each one)."""
    from intake.plans.queries import PrintablePlan
    from intake.plans.vocab import PlanKind
    started = time.perf_counter()
    options = {"resident": args.inwoner, "redacted": args.redacted,
               "not_names": args.not_names, "replace": args.replace,
               "for_organisation": args.organisation}
    with signed_in_team(args) as client:
        if not args.all_active:
            pdf = client.print_plan(dossiernummer=args.dossiernummer, version=args.version,
                                    reason_code=args.reden, reason_text=args.toelichting,
                                    **options)
            write_private(args.out, pdf)
            print(f"Plan geschreven naar {args.out} ({len(pdf) // 1024} kB, "
                  f"{time.perf_counter() - started:.2f} s).", file=sys.stderr)
            return 0
        plans = [PrintablePlan(uuid.UUID(p["plan_id"]), uuid.UUID(p["household_id"]),
                               p["dossiernummer"], PlanKind(p["kind"]), p["owner_position"],
                               int(p["active_number"])) for p in client.active_plans()]
        private_folder(args.out)
        progress = Progress("Plannen", len(plans))
        failed = 0
        for done, plan in enumerate(plans, start=1):
            try:
                pdf = client.print_plan(household_id=str(plan.household_id),
                                        plan_id=str(plan.plan_id), version=plan.active_number,
                                        **options)
                write_private(args.out / _file_name(plan), pdf)
            except KnownError as error:
                failed += 1
                print(f"\n{plan.dossiernummer}: {error.message}", file=sys.stderr)
            progress(done)
    print(f"{len(plans) - failed} plannen geschreven naar {args.out} "
          f"({time.perf_counter() - started:.1f} s).", file=sys.stderr)
    return 1 if failed else 0
