"""`intake server init|run`: the team server on its own host (PostgreSQL behind HTTPS).

Only the parser lives here; the work is in the ``server`` package, imported when a server
command actually runs (``intake.cli.frontends``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from intake.cli import frontends
from intake.cli.common import add_store_option, add_user_option


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("server", help="teamserver: database voorbereiden en API starten")
    server_sub = parser.add_subparsers(dest="server_command", required=True)
    init = server_sub.add_parser(
        "init", help="schema bijwerken, serverrol en eerste beheerder aanmaken",
        description="Voert als eigenaar van de database de migraties uit, maakt (opnieuw) de "
                    "serverrol met een willekeurig wachtwoord en de eerste functioneel "
                    "beheerder (wachtwoord uit INTAKE_PASSWORD of gevraagd). Opnieuw uitvoeren "
                    "na een upgrade is veilig.")
    add_user_option(init, help="gebruikersnaam van de eerste functioneel beheerder")
    init.add_argument("--name", required=True, metavar="WEERGAVENAAM")
    _add_credentials(init)
    init.add_argument("--runtime-role", metavar="ROL", help="naam van de serverrol "
                      "(standaard intake_runtime)")
    init.set_defaults(func=frontends.run_server_command)
    run = server_sub.add_parser(
        "run", help="de HTTPS-API starten",
        description="Start de API. Zonder TLS alleen op een loopback-adres. Migreert nooit.")
    add_store_option(run)
    run.add_argument("--listen", required=True, metavar="HOST:POORT")
    run.add_argument("--tls-cert", type=Path, metavar="BESTAND")
    run.add_argument("--tls-key", type=Path, metavar="BESTAND")
    _add_credentials(run)
    run.set_defaults(func=frontends.run_server_command)


def _add_credentials(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runtime-credentials", type=Path, metavar="BESTAND",
                        help="verbindingsgegevens van de serverrol (alleen voor de eigenaar "
                             "leesbaar; standaard in de configuratiemap)")
