"""``server init`` and the two roles: the runtime role cannot rewrite the audit trail; the
server refuses plain HTTP off loopback and a schema that is not at head."""

from __future__ import annotations

import stat
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

from intake.cli import main
from server.provision import RuntimeCredentials, runtime_url
from tests.server.conftest import PASSWORD, TeamServer

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("statement", [
    "UPDATE audit_entries SET detail = 'anders' WHERE seq = 1",
    "DELETE FROM audit_entries WHERE seq = 1",
    "TRUNCATE audit_entries",
    "UPDATE alembic_version SET version_num = 'x'",
])
def test_the_runtime_role_cannot_rewrite_history(team_server: TeamServer,
                                                 statement: str) -> None:
    engine = team_server.runtime_engine()
    try:
        with pytest.raises(ProgrammingError, match="permission denied"), \
                engine.begin() as connection:
            connection.execute(text(statement))
        with engine.connect() as connection:  # but reads and appends
            assert connection.scalar(text("SELECT count(*) FROM audit_entries")) > 0
            assert connection.scalar(text("SELECT current_user")) == "intake_runtime"
    finally:
        engine.dispose()


def test_audit_verify_on_the_server_host_and_through_the_server(
        team_server: TeamServer, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    assert main(["audit", "verify", "--db", team_server.owner_url, "--user", "beheerder"]) == 0
    assert "Audittrail intact" in capsys.readouterr().out
    assert team_server.cli("audit", "verify", "--user", "beheerder") == 0
    assert "Audittrail intact" in capsys.readouterr().out


def test_the_credentials_file_is_for_its_owner_only(team_server: TeamServer) -> None:
    mode = stat.S_IMODE(team_server.credentials.stat().st_mode)
    assert mode == 0o600
    assert RuntimeCredentials.load(team_server.credentials).role == "intake_runtime"


def test_init_refuses_a_postgresql_url(team_server: TeamServer, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    assert main(["init", "--db", team_server.owner_url, "--user", "bea", "--name", "B"]) == 2
    assert "intake server init" in capsys.readouterr().err


def test_plain_http_is_refused_off_loopback(team_server: TeamServer,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # Refused before anything binds: no non-loopback address is ever opened.
    assert main(["server", "run", "--db", team_server.owner_url, "--listen", "192.0.2.10:8080",
                 "--runtime-credentials", str(team_server.credentials)]) == 2
    assert "loopback" in capsys.readouterr().err


def test_run_refuses_a_schema_that_is_not_at_head(team_server: TeamServer,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    owner = create_engine(team_server.owner_url, isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS leeg"))
        connection.execute(text("CREATE DATABASE leeg"))
    owner.dispose()
    empty = team_server.owner_url.replace("/postgres?", "/leeg?")
    assert main(["server", "run", "--db", empty, "--listen", "127.0.0.1:1",
                 "--runtime-credentials", str(team_server.credentials)]) == 2
    assert "intake server init" in capsys.readouterr().err
    assert runtime_url(empty, RuntimeCredentials("r", "p")).startswith("postgresql+psycopg://r:p@")


def test_the_command_line_does_not_load_the_server() -> None:
    code = ("import sys, intake.cli; "
            "print([m for m in sys.modules if m.split('.')[0] in "
            "('server', 'httpx', 'starlette', 'uvicorn', 'PySide6', 'ui')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_server_init_prepares_a_database_once(team_server: TeamServer,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    owner = create_engine(team_server.owner_url, isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS tweede"))
        connection.execute(text("CREATE DATABASE tweede"))
    owner.dispose()
    url = team_server.owner_url.replace("/postgres?", "/tweede?")
    credentials = team_server.folder / "tweede" / "runtime.json"
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    command = ["server", "init", "--db", url, "--user", "bea", "--name", "Bea Beheer",
               "--runtime-credentials", str(credentials), "--runtime-role", "tweede_runtime"]
    assert main(command) == 0
    assert "Eerste functioneel beheerder 'bea'" in capsys.readouterr().out
    first = RuntimeCredentials.load(credentials)
    assert main(command) == 0  # again, e.g. after an upgrade: rights renewed, no new account
    assert "al accounts" in capsys.readouterr().out
    assert RuntimeCredentials.load(credentials).password != first.password
    engine = create_engine(runtime_url(url, RuntimeCredentials.load(credentials)))
    try:
        with pytest.raises(ProgrammingError, match="permission denied"), \
                engine.begin() as connection:
            connection.execute(text("DELETE FROM audit_entries"))
    finally:
        engine.dispose()
