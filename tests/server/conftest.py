"""One team server for the whole module set: a throwaway PostgreSQL, ``intake demo`` on it
(migrations as owner, the runtime role, demo accounts), and ``intake server run`` as a real
subprocess on 127.0.0.1 with TLS certificates from a test CA. A file store gets the same demo
data, so results through the server can be compared with the file's."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, create_engine

from intake.cli import main
from intake.core.clock import utcnow
from intake.store import crypto
from intake.team.client import TeamClient
from server.provision import RuntimeCredentials, runtime_url
from tests.helpers import pg_server

PORT = 55433  # not the port of the other PostgreSQL tests: this server lives all session
PASSWORD = "demo-wachtwoord"
HOUSEHOLDS = 40
SEED = 7

pytestmark = pytest.mark.postgres


def _skip_without_postgres() -> None:
    if not pg_server.available() and os.environ.get("CI") != "true":
        pytest.skip("PostgreSQL server binaries not installed (CI installs them)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class TeamServer:
    base_url: str
    owner_url: str
    credentials: Path
    ca: Path
    log: Path
    file_store: Path
    folder: Path
    demo_now: datetime

    def client(self, local_address: str | None = None) -> TeamClient:
        transport = httpx.HTTPTransport(local_address=local_address, verify=self._context()) \
            if local_address else None
        return TeamClient(self.base_url, self.ca, transport=transport)

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca))

    def runtime_engine(self) -> Engine:
        return create_engine(runtime_url(self.owner_url, RuntimeCredentials.load(
            self.credentials)))

    def owner_engine(self) -> Engine:
        return create_engine(self.owner_url)

    def cli(self, *args: str) -> int:
        return main([*args, "--db", self.base_url, "--ca", str(self.ca)])

    def file_cli(self, *args: str) -> int:
        return main([*args, "--db", str(self.file_store)])


def _demo(db: str, credentials: Path | None, now: datetime) -> None:
    extra = ["--runtime-credentials", str(credentials)] if credentials else []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("intake.demo.run.utcnow", lambda: now)
        assert main(["demo", "--db", db, "--households", str(HOUSEHOLDS), "--seed", str(SEED),
                     "--password", PASSWORD, *extra]) == 0


def _wait_until_up(process: subprocess.Popen[bytes], url: str, ca: Path, log: Path) -> None:
    for _ in range(200):  # bounded: at most ~20 s
        if process.poll() is not None:
            raise AssertionError("server stopped:\n" + log.read_text(encoding="utf-8"))
        try:
            answer = httpx.get(f"{url}/api/v1/status", timeout=1,
                               verify=ssl.create_default_context(cafile=str(ca)))
            if answer.status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError("server did not start:\n" + log.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def team_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamServer]:
    _skip_without_postgres()
    import trustme

    crypto.set_work_factors(scrypt_n=2**10, argon_time=1, argon_memory_kib=1024)
    folder = tmp_path_factory.mktemp("teamserver")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    for pem in cert.cert_chain_pems[1:]:
        pem.write_to_path(str(cert_file), append=True)
    credentials = folder / "config" / "runtime.json"
    now = utcnow()
    with pg_server.running_server(PORT) as owner_url:
        os.environ["INTAKE_LOG_DIR"] = str(folder / "logs")
        _demo(owner_url, credentials, now)
        file_store = folder / "file" / "intake.db"
        _demo(str(file_store), None, now)
        port = free_port()
        log = folder / "server.log"
        env = {**os.environ, "INTAKE_LOG_DIR": str(folder / "server-logs")}
        env.pop("INTAKE_PASSWORD", None)
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "intake", "server", "run", "--db", owner_url,
                 "--listen", f"127.0.0.1:{port}", "--tls-cert", str(cert_file),
                 "--tls-key", str(key_file), "--runtime-credentials", str(credentials)],
                stdout=out, stderr=subprocess.STDOUT, env=env)
        url = f"https://127.0.0.1:{port}"
        try:
            _wait_until_up(process, url, ca_file, log)
            yield TeamServer(url, owner_url, credentials, ca_file, log, file_store, folder, now)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
