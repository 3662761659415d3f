"""`intake team join|sync|status|conflicts|offline`: a laptop replica of a team store.

Every command names the replica with ``--db PAD`` and the person with ``--user NAAM`` (before or
after the subcommand); the password comes from INTAKE_PASSWORD or is asked without echo.
"""

from __future__ import annotations

import argparse
import uuid
from typing import TYPE_CHECKING

from intake.cli.common import add_user_option, read_password
from intake.core.errors import KnownError, ValidationError

if TYPE_CHECKING:
    from intake.store import StoreLocation
    from intake.team.sync import SyncReport

# The HTTP stack loads only when a team command runs (``intake`` starts fast without it).


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("team", help="laptopreplica van een teamopslag: aansluiten, "
                                         "synchroniseren, conflicten")
    team_sub = parser.add_subparsers(dest="team_command", required=True)
    join = team_sub.add_parser(
        "join", help="deze laptop aansluiten op een teamserver",
        description="Maakt een versleutelde replica (--db) met alleen de huishoudens die u mag "
                    "zien, en vult hem bij de teamserver.")
    join.add_argument("url", metavar="URL", help="adres van de teamserver (https://…)")
    add_user_option(join)
    join.set_defaults(func=cmd_join)
    run = team_sub.add_parser("sync", help="wijzigingen versturen en ophalen")
    add_user_option(run)
    run.set_defaults(func=cmd_sync)
    state = team_sub.add_parser("status", help="verbonden of offline, laatste synchronisatie, "
                                               "niet verzonden wijzigingen")
    add_user_option(state)
    state.set_defaults(func=cmd_status)
    found = team_sub.add_parser("conflicts", help="conflicten en geweigerde wijzigingen")
    add_user_option(found)
    found.set_defaults(func=cmd_conflicts)
    found_sub = found.add_subparsers(dest="conflicts_command")
    resolve = found_sub.add_parser("resolve", help="een conflict oplossen")
    resolve.add_argument("id", metavar="ID")
    resolve.add_argument("--keep", required=True, metavar="mijn|server|WAARDE",
                         help="mijn: uw waarde; server: de waarde van de server; anders: "
                              "deze waarde")
    add_user_option(resolve)
    resolve.set_defaults(func=cmd_resolve)
    offline = team_sub.add_parser("offline", help="een huishouden beschikbaar maken voor "
                                                  "offline (bijvoorbeeld voor een huisbezoek)")
    offline.add_argument("dossiernummer", metavar="DOSSIERNUMMER")
    offline.add_argument("--days", type=int, default=14, metavar="DAGEN")
    offline.add_argument("--reden", metavar="CODE",
                         help="buiten uw eigen dossiers: de reden (zie intake plan print --help)")
    offline.add_argument("--toelichting", metavar="TEKST", default="")
    add_user_option(offline)
    offline.set_defaults(func=cmd_offline)


def _location(args: argparse.Namespace) -> StoreLocation:
    from intake.store import resolve_location
    location = resolve_location(args.db)
    if location.is_team_server:
        raise KnownError("Geef met --db het bestand van de laptopreplica, niet de server.")
    return location


def _print_report(report: SyncReport) -> None:
    print(f"Verzonden: {report.pushed} ({report.applied} doorgevoerd, {report.same} al gelijk, "
          f"{report.conflicts} conflict, {report.refused} geweigerd). Opgehaald: "
          f"{report.pulled_rows} rijen, {report.households_removed} huishoudens verwijderd.")
    for message in dict.fromkeys(report.messages):
        print(f"  Geweigerd: {message}")


def cmd_join(args: argparse.Namespace) -> int:
    from intake.team import replica, sync
    from intake.team.faults import Faults

    password = read_password()
    location = _location(args)
    store, _actor, team = replica.join(location, args.url, args.user, password, args.ca)
    try:
        report = sync.synchronise(store, team, password, hooks=Faults.from_env())
    finally:
        store.close()
    print(f"Aangesloten op {args.url}; replica in {location.describe()}.")
    _print_report(report)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from intake.team import replica, sync
    from intake.team.faults import Faults

    password = read_password()
    location = _location(args)
    store, _actor = replica.open_replica(location, args.user, password)
    try:
        team = replica.team_file(location)
        report = sync.synchronise(store, team, password, hooks=Faults.from_env())
    finally:
        store.close()
    _print_report(report)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from intake.team import replica, sync

    location = _location(args)
    store, _actor = replica.open_replica(location, args.user, read_password(), online=False)
    try:
        team = replica.team_file(location)
        print(sync.status(store, team, sync.reachable(team)).line())
    finally:
        store.close()
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from intake.team import conflicts, replica

    location = _location(args)
    store, actor = replica.open_replica(location, args.user, read_password(), online=False)
    try:
        found = conflicts.open_conflicts(store, actor.id)
        refused = conflicts.refused_changes(store)
    finally:
        store.close()
    if not found and not refused:
        print("Geen conflicten en geen geweigerde wijzigingen.")
    for conflict in found:
        print(conflict.line() + ("" if conflict.mine_to_resolve else "  (lost een ander op)"))
    for change in refused:
        print(change.line())
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from intake.team import conflicts, replica, sync

    try:
        conflict_id = uuid.UUID(args.id)
    except ValueError:
        raise ValidationError({"id": "Geef het ID van een conflict (intake team conflicts)."}) \
            from None
    password = read_password()
    location = _location(args)
    store, _actor = replica.open_replica(location, args.user, password)
    try:
        team = replica.team_file(location)
        with team.client() as client:
            client.sign_in(team.username, password)
            conflicts.resolve(client, team, conflict_id, args.keep)
            sync.synchronise(store, team, password, client=client)
    finally:
        store.close()
    print("Conflict opgelost.")
    return 0


def cmd_offline(args: argparse.Namespace) -> int:
    from intake.team import replica, sync

    password = read_password()
    location = _location(args)
    store, _actor = replica.open_replica(location, args.user, password)
    try:
        team = replica.team_file(location)
        with team.client() as client:
            client.sign_in(team.username, password)
            answer = client.call("/sync/offline", {"dossiernummer": args.dossiernummer,
                                                   "days": args.days,
                                                   "reason_code": args.reden,
                                                   "reason_text": args.toelichting})
            sync.synchronise(store, team, password, client=client)
    finally:
        store.close()
    print(f"Beschikbaar voor offline tot {answer['tot'][:10]}.")
    return 0
