"""A team server of its own for the replica tests (they change its data, so they do not share
the one of tests/server): a throwaway PostgreSQL with the demo, ``intake server run`` on
127.0.0.1 with test TLS certificates, restartable with a fault hook in its environment.
Laptop replicas live in temp folders."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine

from intake.core.clock import utcnow
from intake.core.context import Actor
from intake.store import Store, StoreLocation, crypto
from intake.team import replica, sync
from intake.team.client import TeamClient
from intake.team.faults import ENV_FAULT
from tests.helpers import pg_server
from tests.server.conftest import PASSWORD, _demo, _wait_until_up, free_port

PORT = 55435

pytestmark = pytest.mark.postgres


@dataclass
class SyncServer:
    owner_url: str
    credentials: Path
    ca: Path
    cert: Path
    key: Path
    folder: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self, fault: str | None = None) -> None:
        self.stop()
        self.starts += 1
        self.port = self.port or free_port()  # the same address: laptops keep it
        log = self.folder / f"server-{self.starts}.log"
        env = {**os.environ, "INTAKE_LOG_DIR": str(self.folder / "server-logs")}
        env.pop("INTAKE_PASSWORD", None)
        env.pop(ENV_FAULT, None)
        if fault:
            env[ENV_FAULT] = fault
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "intake", "server", "run", "--db", self.owner_url,
                 "--listen", f"127.0.0.1:{self.port}", "--tls-cert", str(self.cert),
                 "--tls-key", str(self.key), "--runtime-credentials", str(self.credentials)],
                stdout=out, stderr=subprocess.STDOUT, env=env)
        _wait_until_up(self.process, self.base_url, self.ca, log)

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def ensure_running(self) -> None:
        if self.process is None or self.process.poll() is not None:
            self.start()

    def client(self, username: str | None = None, password: str = PASSWORD) -> TeamClient:
        client = TeamClient(self.base_url, self.ca)
        if username:
            client.sign_in(username, password)
        return client

    def owner_engine(self) -> Engine:
        return create_engine(self.owner_url)


@pytest.fixture(scope="session")
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncServer]:
    if not pg_server.available() and os.environ.get("CI") != "true":
        pytest.skip("PostgreSQL server binaries not installed (CI installs them)")
    import trustme

    crypto.set_work_factors(scrypt_n=2**10, argon_time=1, argon_memory_kib=1024)
    folder = tmp_path_factory.mktemp("syncserver")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    for pem in cert.cert_chain_pems[1:]:
        pem.write_to_path(str(cert_file), append=True)
    credentials = folder / "config" / "runtime.json"
    with pg_server.running_server(PORT) as owner_url:
        os.environ["INTAKE_LOG_DIR"] = str(folder / "logs")
        _demo(owner_url, credentials, utcnow())
        server = SyncServer(owner_url, credentials, ca_file, cert_file, key_file, folder)
        server.start()
        try:
            with server.client("beheerder") as admin:
                for username, name, role, vindplaats in (
                        ("consulent2", "Kees Consulent", "consulent", None),
                        ("vindplaats2", "Wim Wijkteam", "vindplaats", "wijkteam"),
                        ("vindplaats3", "Sara School", "vindplaats", "school")):
                    admin.add_account(username, name, role, PASSWORD, vindplaats)
            yield server
        finally:
            server.stop()


@pytest.fixture
def server(sync_server: SyncServer) -> SyncServer:
    sync_server.ensure_running()
    return sync_server


@dataclass
class Laptop:
    """One person's replica in a temp folder."""

    server: SyncServer
    location: StoreLocation
    username: str
    password: str = PASSWORD
    store: Store | None = None
    actor: Actor | None = None
    reports: list[sync.SyncReport] = field(default_factory=list)

    def join(self) -> Laptop:
        store, _actor, team = replica.join(self.location, self.server.base_url, self.username,
                                          self.password, str(self.server.ca))
        self.reports.append(sync.synchronise(store, team, self.password))
        store.close()
        return self.open()

    def open(self) -> Laptop:
        self.close()
        self.store, self.actor = replica.open_replica(self.location, self.username,
                                                      self.password)
        return self

    def team(self) -> replica.TeamFile:
        return replica.team_file(self.location)

    def sync(self, **options: Any) -> sync.SyncReport:
        assert self.store is not None
        report = sync.synchronise(self.store, self.team(), self.password, **options)
        self.reports.append(report)
        return report

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    @property
    def path(self) -> Path:
        assert self.location.path is not None
        return self.location.path


@pytest.fixture
def laptops(server: SyncServer, tmp_path: Path) -> Iterator[Any]:
    made: list[Laptop] = []

    def make(username: str, name: str | None = None) -> Laptop:
        folder = tmp_path / (name or username)
        folder.mkdir()
        laptop = Laptop(server, StoreLocation.parse(str(folder / "intake.db")), username)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.close()
