"""What every subcommand shares: the store option, signing in, progress on the terminal."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from intake.core.errors import KnownError

if TYPE_CHECKING:
    from intake.core.context import Actor
    from intake.store import Store

if TYPE_CHECKING:
    from intake.team.client import TeamClient

ENV_PASSWORD = "INTAKE_PASSWORD"


STORE_HELP = "gegevensopslag (standaard: INTAKE_DB of het bestand in uw gebruikersmap)"
USER_HELP = ("uw gebruikersnaam; het wachtwoord komt uit INTAKE_PASSWORD of wordt zonder echo "
             "gevraagd")


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """``--db`` and ``--user`` before the subcommand (``intake --db X users list``)."""
    parser.add_argument("--db", metavar="PAD_OF_URL", help=STORE_HELP)
    parser.add_argument("--user", metavar="NAAM", help=USER_HELP)


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """``--db`` after the subcommand too. SUPPRESS keeps a value given before the subcommand:
    argparse would otherwise overwrite it with this subparser's default."""
    parser.add_argument("--db", metavar="PAD_OF_URL", default=argparse.SUPPRESS, help=STORE_HELP)


def add_user_option(parser: argparse.ArgumentParser, help: str = USER_HELP) -> None:
    """``--db`` and ``--user``, before or after the subcommand; the user is required."""
    add_store_option(parser)
    parser.add_argument("--user", metavar="NAAM", default=argparse.SUPPRESS, help=help)
    parser.set_defaults(needs_user=True)
    parser.add_argument("--ca", metavar="BESTAND",
                        help="CA-certificaat van de teamserver (standaard: INTAKE_CA of de "
                             "vertrouwde certificaten van het systeem)")


def read_password(prompt: str = "Wachtwoord: ", env: str = ENV_PASSWORD) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise KnownError(f"Geen wachtwoord: zet {env} of start de opdracht in een terminal.")
    return getpass.getpass(prompt)


def open_signed_in(db: str | None, username: str, password: str) -> tuple[Store, Actor]:
    from intake.store import open_store, resolve_location
    from intake.store.location import replica_file
    location = resolve_location(db)
    if location.path is None or not replica_file(location.path).exists():
        return open_store(location, username, password)
    # A laptop replica opens through intake.team, so every change reaches its outbox; only
    # then is the team client (and its HTTP stack) imported.
    from intake.team.replica import open_replica

    return open_replica(location, username, password)


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[tuple[Store, Actor]]:
    store, actor = open_signed_in(args.db, args.user, read_password())
    try:
        yield store, actor
    finally:
        store.close()


def uses_team_server(args: argparse.Namespace) -> bool:
    """``--db https://…``: the command runs on the team server, through its API."""
    from intake.store import resolve_location
    return resolve_location(args.db).is_team_server


@contextmanager
def signed_in_team(args: argparse.Namespace) -> Iterator[TeamClient]:
    # Imported here: the HTTP stack loads only when a team server is used.
    from intake.store import resolve_location
    from intake.team.client import TeamClient

    client = TeamClient(resolve_location(args.db).url, getattr(args, "ca", None))
    with client:
        client.sign_in(args.user, read_password())
        yield client


class Progress:
    """A one-line progress counter on stderr; silent when stderr is not a terminal
    except for a line every tenth of the way, so CI logs stay short."""

    def __init__(self, label: str, total: int) -> None:
        self.label = label
        self.total = max(total, 1)
        self.tty = sys.stderr.isatty()
        self._last_tenth = -1

    def __call__(self, done: int) -> None:
        if self.tty:
            percent = 100 * done // self.total
            print(f"\r{self.label}: {done}/{self.total} ({percent}%)", end="", file=sys.stderr,
                  flush=True)
            if done >= self.total:
                print(file=sys.stderr)
            return
        tenth = 10 * done // self.total
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            print(f"{self.label}: {done}/{self.total}", file=sys.stderr, flush=True)
