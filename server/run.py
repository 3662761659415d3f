"""``intake server run``: check everything that can be checked, then serve.

Refuses plain HTTP except on a loopback address, never migrates, and refuses a schema that is
not at head. Connects as the runtime role only.
"""

from __future__ import annotations

import ipaddress
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from db.engine import StoreLocation, make_session_factory
from db.migrate import NotAStoreError, StoreTooNewError, needs_upgrade
from intake.core.errors import KnownError, StoreError
from intake.store.handle import Store
from intake.store.opening import TOO_NEW
from server.app import ServerState, create_app
from server.logs import log_config
from server.provision import (
    ENV_DB_PASSWORD,
    RUNTIME_ROLE,
    RuntimeCredentials,
    default_credentials_path,
    psycopg_url,
    runtime_url,
)
from server.sync import changelog

log = logging.getLogger("intake.server")

NOT_AT_HEAD = ("Het databaseschema is niet bijgewerkt voor deze versie. Voer op de server "
               "'intake server init' uit (als eigenaar van de database) en start daarna opnieuw.")
PLAIN_HTTP = ("Zonder TLS (--tls-cert en --tls-key) luistert de server alleen op een "
              "loopback-adres zoals 127.0.0.1: wachtwoorden en dossiers gaan nooit onversleuteld "
              "over het netwerk.")


@dataclass(frozen=True)
class Listen:
    host: str
    port: int

    @classmethod
    def parse(cls, value: str) -> Listen:
        host, sep, port = value.rpartition(":")
        if not sep or not port.isdigit() or not host:
            raise KnownError(f"Ongeldig luisteradres '{value}'; gebruik HOST:POORT.")
        return cls(host.strip("[]"), int(port))

    @property
    def is_loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


def check_transport(listen: Listen, tls_cert: Path | None, tls_key: Path | None) -> None:
    if (tls_cert is None) != (tls_key is None):
        raise KnownError("Geef --tls-cert en --tls-key samen.")
    if tls_cert is None and not listen.is_loopback:
        raise KnownError(PLAIN_HTTP)
    for path in (tls_cert, tls_key):
        if path is not None and not path.is_file():
            raise KnownError(f"Het bestand {path} bestaat niet.")


def credentials_for(db_url: str, credentials_file: Path | None) -> RuntimeCredentials:
    """From INTAKE_SERVER_DB_PASSWORD (role: the URL's user, or the default), else the file."""
    password = os.environ.get(ENV_DB_PASSWORD)
    if password:
        return RuntimeCredentials(make_url(db_url).username or RUNTIME_ROLE, password)
    return RuntimeCredentials.load(credentials_file or default_credentials_path(db_url))


def runtime_engine(db_url: str, credentials: RuntimeCredentials) -> Engine:
    engine = create_engine(runtime_url(psycopg_url(db_url), credentials), pool_pre_ping=True)
    try:
        if needs_upgrade(engine):
            raise StoreError(NOT_AT_HEAD)
    except StoreTooNewError as error:
        engine.dispose()
        raise StoreError(TOO_NEW) from error
    except NotAStoreError as error:
        engine.dispose()
        raise StoreError("Deze database is geen gegevensopslag van deze applicatie.") from error
    except DBAPIError as error:
        engine.dispose()
        raise StoreError("De database is niet bereikbaar met de gegevens van de serverrol: "
                         f"{type(error.orig).__name__}.") from error
    except KnownError:
        engine.dispose()
        raise
    return engine


def serve(db_url: str, listen: Listen, tls_cert: Path | None, tls_key: Path | None,
          credentials_file: Path | None) -> None:
    check_transport(listen, tls_cert, tls_key)
    engine = runtime_engine(db_url, credentials_for(db_url, credentials_file))
    sessions = make_session_factory(engine)
    changelog.install(sessions)
    store = Store(StoreLocation.parse(db_url), engine, sessions)
    app = create_app(ServerState(store))
    config = uvicorn.Config(
        app, host=listen.host, port=listen.port, ssl_certfile=tls_cert, ssl_keyfile=tls_key,
        log_config=log_config(), access_log=False, server_header=False, proxy_headers=False)
    scheme = "https" if tls_cert else "http"
    log.info("teamserver op %s://%s:%s", scheme, listen.host, listen.port)
    try:
        uvicorn.Server(config).run()
    finally:
        engine.dispose()
