"""Preparing a team database as its owner: migrations, the runtime role and its rights.

Two database roles. The *owner* (who runs ``intake server init``) owns the tables and runs the
migrations. The *runtime role* is what the running server connects as: it may read and write
case data, but may only INSERT and SELECT the audit table, so not even a bug in the server can
rewrite history. Its password is random, made here, and written to a credentials file that
only the owner of the file can read; ``intake server run`` reads it from there (or from
``INTAKE_SERVER_DB_PASSWORD``), never from its command line.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from platformdirs import user_config_dir
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from db.engine import StoreLocation
from db.migrate import upgrade
from intake.core.errors import KnownError, ValidationError

RUNTIME_ROLE = "intake_runtime"
ENV_DB_PASSWORD = "INTAKE_SERVER_DB_PASSWORD"
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# Written by the runtime role but never rewritten: the append-only audit chain.
APPEND_ONLY = ("audit_entries",)
READ_ONLY = ("alembic_version",)


@dataclass(frozen=True)
class RuntimeCredentials:
    role: str
    password: str

    def save(self, path: Path) -> None:
        """Owner-only file (0600), created with that mode so it is never readable by others."""
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(path.name + ".nieuw")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"role": self.role, "password": self.password}, handle)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> RuntimeCredentials:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(role=str(data["role"]), password=str(data["password"]))
        except FileNotFoundError:
            raise KnownError(
                f"Geen verbindingsgegevens van de serverrol in {path}. Voer eerst "
                "'intake server init' uit, of zet INTAKE_SERVER_DB_PASSWORD.") from None
        except (ValueError, KeyError, TypeError):
            raise KnownError(f"Het bestand {path} is geen bestand met verbindingsgegevens.") \
                from None


def default_credentials_path(db_url: str) -> Path:
    database = make_url(db_url).database or "intake"
    return Path(user_config_dir("intake", appauthor=False)) / "server" / f"{database}.runtime.json"


def check_role_name(name: str) -> str:
    if not _ROLE_NAME.match(name):
        raise ValidationError({"role": "Een rolnaam bestaat uit kleine letters, cijfers en _."})
    return name


def runtime_url(db_url: str, credentials: RuntimeCredentials) -> str:
    """The database URL with the runtime role's name and password in place of any other."""
    url = make_url(db_url).set(username=credentials.role, password=credentials.password)
    return url.render_as_string(hide_password=False)


def psycopg_url(db_url: str) -> str:
    """``postgresql://`` as typed by people, with the driver this package installs."""
    url = make_url(db_url)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def migrate_and_grant(owner_url: str, role: str, now: datetime) -> RuntimeCredentials:
    """Bring the schema to head as the owner, then (re)create the runtime role with a fresh
    random password and exactly the rights it needs. Safe to run again after an upgrade."""
    check_role_name(role)
    owner_url = psycopg_url(owner_url)
    engine = create_engine(owner_url)
    try:
        upgrade(engine, StoreLocation.parse(owner_url), now)
        # URL-safe characters only, so the literal below needs no escaping.
        credentials = RuntimeCredentials(role, secrets.token_urlsafe(32))
        with engine.begin() as connection:
            _grant(connection, credentials)
    finally:
        engine.dispose()
    return credentials


def _grant(connection: Connection, credentials: RuntimeCredentials) -> None:
    role = credentials.role
    present = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    verb = "ALTER" if present else "CREATE"
    connection.exec_driver_sql(
        f"{verb} ROLE {role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
        f"PASSWORD '{credentials.password}'")
    database = connection.scalar(text("SELECT current_database()"))
    schema = connection.scalar(text("SELECT current_schema()"))
    statements = [
        f'GRANT CONNECT ON DATABASE "{database}" TO {role}',
        f'GRANT USAGE ON SCHEMA "{schema}" TO {role}',
        f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {role}',
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" TO {role}',
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO {role}',
    ]
    statements += [f'REVOKE UPDATE, DELETE ON "{schema}".{t} FROM {role}' for t in APPEND_ONLY]
    statements += [f'REVOKE INSERT, UPDATE, DELETE ON "{schema}".{t} FROM {role}'
                   for t in READ_ONLY]
    for statement in statements:
        connection.exec_driver_sql(statement)
