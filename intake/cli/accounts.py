"""`intake init` and `intake users add|list|disable|passwd|rekey|recovery-key|recover`."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from intake.cli.common import (
    Progress,
    add_store_option,
    add_user_option,
    read_password,
    signed_in,
    signed_in_team,
    uses_team_server,
)
from intake.core.errors import KnownError, ValidationError
from intake.core.roles import ROLE_LABELS, Role, parse_role
from intake.core.text import printable

if TYPE_CHECKING:
    from intake.core.context import Actor
    from intake.store import RekeyReport, Store

ENV_RECOVERY_KEY = "INTAKE_RECOVERY_KEY"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = sub.add_parser("init", help="nieuwe gegevensopslag met de eerste functioneel beheerder")
    add_user_option(init, help="gebruikersnaam van de eerste functioneel beheerder")
    init.add_argument("--name", required=True, metavar="WEERGAVENAAM")
    init.set_defaults(func=cmd_init)

    users = sub.add_parser("users", help="accounts beheren (functioneel beheerder)")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    add = users_sub.add_parser("add", help="account toevoegen")
    add_user_option(add)
    add.add_argument("username", metavar="GEBRUIKERSNAAM")
    add.add_argument("--name", required=True, metavar="WEERGAVENAAM")
    add.add_argument("--role", required=True, help=", ".join(r.value for r in ROLE_LABELS))
    add.add_argument("--vindplaats", metavar="CODE", help="vindplaats van een vindplaatsmedewerker")
    add.set_defaults(func=cmd_add)
    listing = users_sub.add_parser("list", help="accounts tonen")
    add_user_option(listing)
    listing.set_defaults(func=cmd_list)
    disable = users_sub.add_parser("disable", help="account blokkeren")
    add_user_option(disable)
    disable.add_argument("username", metavar="GEBRUIKERSNAAM")
    disable.set_defaults(func=cmd_disable)
    passwd = users_sub.add_parser("passwd", help="wachtwoord wijzigen")
    add_user_option(passwd)
    passwd.add_argument("username", metavar="GEBRUIKERSNAAM", nargs="?")
    passwd.set_defaults(func=cmd_passwd)
    rekey = users_sub.add_parser(
        "rekey", help="nieuwe sleutel voor de gegevensopslag (na blokkeren gebeurt dat vanzelf)")
    add_user_option(rekey)
    rekey.set_defaults(func=cmd_rekey)
    recovery = users_sub.add_parser(
        "recovery-key", help="nieuwe herstelsleutel maken (vervangt de oude; één keer getoond)")
    add_user_option(recovery)
    recovery.set_defaults(func=cmd_recovery_key)
    regain = users_sub.add_parser(
        "recover", help="met de herstelsleutel een nieuw wachtwoord voor een functioneel "
                        "beheerder instellen",
        description="Voor als elk wachtwoord van een functioneel beheerder kwijt is. De "
                    f"herstelsleutel komt uit {ENV_RECOVERY_KEY} of wordt zonder echo "
                    "gevraagd; het nieuwe wachtwoord uit INTAKE_NEW_PASSWORD of wordt gevraagd.")
    add_store_option(regain)
    regain.add_argument("username", metavar="BEHEERDERNAAM")
    regain.set_defaults(func=cmd_recover)


def _new_password() -> str:
    first = read_password("Nieuw wachtwoord: ", env="INTAKE_NEW_PASSWORD")
    if "INTAKE_NEW_PASSWORD" not in os.environ:
        again = read_password("Herhaal het nieuwe wachtwoord: ", env="INTAKE_NEW_PASSWORD")
        if again != first:
            raise ValidationError({"password": "De twee wachtwoorden zijn niet gelijk."})
    return first


def cmd_init(args: argparse.Namespace) -> int:
    from intake.store import create_store, resolve_location
    location = resolve_location(args.db)
    if location.is_postgresql or location.is_team_server:
        raise KnownError(
            "Een teamdatabase maakt u op de server met 'intake server init --db "
            "postgresql://EIGENAAR@HOST/DATABASE --user NAAM --name \"Naam\"': die maakt ook de "
            "serverrol aan waarmee de teamserver werkt.")
    store, _actor = create_store(location, args.user, args.name, read_password())
    print(f"Gegevensopslag aangemaakt: {store.location.describe()}")
    shown = store.take_recovery_key()
    store.close()
    if shown is not None:
        _show_recovery_key(shown)
    return 0


def _show_recovery_key(shown: str) -> None:
    print()
    print("HERSTELSLEUTEL (wordt maar één keer getoond):")
    print()
    print("    " + "  ".join(shown.split("-")))
    print()
    print("Schrijf of print deze sleutel en bewaar hem op een veilige plek, los van deze "
          "computer.")
    print("Zijn alle wachtwoorden van functioneel beheerders kwijt, dan geeft 'intake users "
          "recover' er weer toegang mee.")


def _report_rekey(report: RekeyReport) -> None:
    print(f"Nieuwe sleutel voor de gegevensopslag: verzegeld voor {report.accounts} "
          f"account(s){' en de herstelsleutel' if report.recovery else ''}.")
    if not report.recovery:
        print("Er is geen herstelsleutel: maak er een met 'intake users recovery-key'.")
    for username in report.need_new_password:
        print(f"Account {username} had nog het oude sleutelformaat: stel een nieuw wachtwoord "
              f"in met 'intake users passwd {username}'.")


def _rekey(store: Store, actor: Actor) -> None:
    from intake.store import rekey_store
    if store.keyring is None:
        return  # a plain SQLite file has no key
    progress = Progress("Nieuwe sleutel", 4)
    report = rekey_store(store, actor, lambda done, _total: progress(done))
    _report_rekey(report)


def cmd_add(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.store import accounts
    role = parse_role(args.role)
    if uses_team_server(args):
        with signed_in_team(args) as client:
            created = client.add_account(args.username, args.name, role.value, _new_password(),
                                         args.vindplaats)
        print(f"Account {created['username']} ({role.label}) aangemaakt.")
        return 0
    with signed_in(args) as (store, actor):
        password = _new_password()
        with unit_of_work(store, actor) as uow:
            view = accounts.add_account(uow, args.username, args.name, role, password,
                                        args.vindplaats)
    print(f"Account {view.username} ({view.role.label}) aangemaakt.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.store import accounts
    if uses_team_server(args):
        with signed_in_team(args) as client:
            listed = client.accounts()
        rows = [(r["username"], Role(r["role"]), bool(r["disabled"]), r["display_name"])
                for r in listed]
    else:
        with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
            rows = [(r.username, r.role, r.disabled, r.display_name)
                    for r in accounts.list_accounts(uow)]
    for username, role, disabled, display_name in rows:
        state = "geblokkeerd" if disabled else "actief"
        # Names come from the store (or a team server): no escape code reaches the terminal.
        print(f"{printable(username):<20} {role.label:<22} {state:<12} {printable(display_name)}")
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.store import accounts
    if uses_team_server(args):
        with signed_in_team(args) as client:
            client.disable_account(args.username)
        print(f"Account {args.username} is geblokkeerd.")
        return 0
    with signed_in(args) as (store, actor):
        with unit_of_work(store, actor) as uow:
            accounts.disable_account(uow, args.username)
        print(f"Account {args.username} is geblokkeerd.")
        # Their own copy of the key file must stop opening the store.
        _rekey(store, actor)
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    with signed_in(args) as (store, actor):
        if store.keyring is None:
            raise KnownError("Alleen een versleutelde gegevensopslag heeft een sleutel.")
        _rekey(store, actor)
    return 0


def cmd_recovery_key(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.store import make_recovery_key
    with signed_in(args) as (store, actor), unit_of_work(store, actor) as uow:
        shown = make_recovery_key(uow)
    print("De oude herstelsleutel werkt niet meer.")
    _show_recovery_key(shown)
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from intake.store import recover, resolve_location
    location = resolve_location(args.db)
    if location.is_team_server or location.is_postgresql:
        raise KnownError("Een herstelsleutel hoort bij een eigen gegevensopslag (een bestand); "
                         "op een teamserver stelt een andere beheerder het wachtwoord in.")
    typed = read_password("Herstelsleutel: ", env=ENV_RECOVERY_KEY)
    password = _new_password()
    store, actor = recover(location, args.username, typed, password)
    store.close()
    print(f"Nieuw wachtwoord ingesteld voor {actor.username}. Meld u daarmee aan; maak daarna "
          "een nieuwe herstelsleutel met 'intake users recovery-key' als die kan zijn "
          "ingezien.")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from intake.core.session import unit_of_work
    from intake.store import accounts
    if uses_team_server(args):
        with signed_in_team(args) as client:
            target = args.username or args.user
            client.change_password(target, _new_password())
        print(f"Wachtwoord van {target} gewijzigd.")
        return 0
    with signed_in(args) as (store, actor):
        target = args.username or actor.username
        password = _new_password()
        with unit_of_work(store, actor) as uow:
            accounts.change_password(uow, target, password)
    print(f"Wachtwoord van {target} gewijzigd.")
    return 0
