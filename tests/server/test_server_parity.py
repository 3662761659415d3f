"""Through the team server, the same results as on a file store with the same (demo) data:
``intake report``, ``export hulpvragen``, ``plan print``, ``users`` and the team overview."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from intake.core.session import unit_of_work
from intake.register.search import search_households
from intake.reports.overview import team_overview
from intake.store import open_store
from intake.store.opening import StoreLocation
from tests.server.conftest import PASSWORD, TeamServer

pytestmark = pytest.mark.postgres

FROM, TO = "01-01-2020", "31-12-2030"


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    monkeypatch.setenv("INTAKE_NEW_PASSWORD", "nieuw-wachtwoord")


def _both(team_server: TeamServer, tmp_path: Path, name: str, *args: str) -> tuple[Path, Path]:
    server_out, file_out = tmp_path / "server" / name, tmp_path / "file" / name
    server_out.parent.mkdir(parents=True, exist_ok=True)
    file_out.parent.mkdir(parents=True, exist_ok=True)
    assert team_server.cli(*args, "--out", str(server_out)) == 0
    assert team_server.file_cli(*args, "--out", str(file_out)) == 0
    return server_out, file_out


def _pdf_text(path: Path) -> list[str]:
    """The text of every page, without the line that says when it was printed."""
    pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    return ["\n".join(line for line in page.splitlines() if "Afgedrukt op" not in line)
            for page in pages]


def _figures(path: Path) -> list[list[str]]:
    """The figures' rows; accounts have their own ids in each store, so the id of a
    regisseur (the key of 'plannen per regisseur') is left out."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
    uuid_like = re.compile(r"^[0-9a-f]{32}$")
    return sorted([cell if not uuid_like.match(cell) else "" for cell in row] for row in rows)


def test_report_csv_and_pdf(team_server: TeamServer, tmp_path: Path) -> None:
    on_server, on_file = _both(team_server, tmp_path, "cijfers.csv", "report", "--from", FROM,
                               "--to", TO, "--user", "teamleider")
    assert _figures(on_server) == _figures(on_file)
    assert len(on_server.read_text(encoding="utf-8").splitlines()) > 5
    on_server, on_file = _both(team_server, tmp_path, "overzicht.pdf", "report", "--from", FROM,
                               "--to", TO, "--user", "teamleider")
    assert _pdf_text(on_server) == _pdf_text(on_file)


def test_export_help_questions(team_server: TeamServer, tmp_path: Path) -> None:
    on_server, on_file = _both(team_server, tmp_path, "hulpvragen.csv", "export", "hulpvragen",
                               "--from", FROM, "--to", TO, "--user", "teamleider")

    def rows(path: Path) -> tuple[list[list[str]], list[list[int]]]:
        found = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        # Each store has its own pseudonym secret: compare which rows share a household.
        pseudonyms = [row[-1] for row in found[1:]]
        groups = [[i for i, p in enumerate(pseudonyms) if p == q] for q in pseudonyms]
        return [row[:-1] for row in found], groups

    assert rows(on_server) == rows(on_file)
    assert len(rows(on_server)[0]) > 10


def test_plan_print_one_and_all(team_server: TeamServer, tmp_path: Path) -> None:
    with team_server.client() as client:  # one of the regisseur's own plans
        client.sign_in("regisseur", PASSWORD)
        dossier = client.overview()["plans"][0]["dossiernummer"]
    for extra in ([], ["--redacted"], ["--inwoner"]):
        on_server, on_file = _both(team_server, tmp_path / "-".join(extra or ["pro"]),
                                   "plan.pdf", "plan", "print", dossier, "--user", "regisseur",
                                   *extra)
        assert _pdf_text(on_server) == _pdf_text(on_file)
    on_server, on_file = _both(team_server, tmp_path, "alle", "plan", "print", "--all-active",
                               "--user", "teamleider")
    names = sorted(p.name for p in on_server.iterdir())
    assert names == sorted(p.name for p in on_file.iterdir()) and names
    for name in names[:3]:
        assert _pdf_text(on_server / name) == _pdf_text(on_file / name)


def test_users(team_server: TeamServer, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    outputs = []
    for run in (team_server.cli, team_server.file_cli):
        assert run("users", "add", "wim", "--name", "Wim Wijkteam", "--role", "vindplaats",
                   "--vindplaats", "huisarts", "--user", "beheerder") == 0
        assert run("users", "passwd", "wim", "--user", "beheerder") == 0
        assert run("users", "disable", "wim", "--user", "beheerder") == 0
        assert run("users", "list", "--user", "beheerder") == 0
        outputs.append(capsys.readouterr().out)
    server, on_file = outputs
    # Only the encrypted file gets a new store key when an account is blocked; the team server
    # has no store key (it ends the account's sessions and its laptops' replicas instead).
    rekeyed = [line for line in on_file.splitlines() if line.startswith("Nieuwe sleutel")]
    assert len(rekeyed) == 1
    assert server == on_file.replace(rekeyed[0] + "\n", "")
    assert "wim" in server and "geblokkeerd" in server
    assert team_server.cli("users", "list", "--user", "consulent") == 2
    assert "functioneel beheerder" in capsys.readouterr().err


def test_the_overview_of_a_caseload(team_server: TeamServer) -> None:
    with team_server.client() as client:
        client.sign_in("regisseur", PASSWORD)
        remote = client.overview()
    store, actor = open_store(StoreLocation.parse(str(team_server.file_store)), "regisseur",
                              PASSWORD)
    try:
        with unit_of_work(store, actor) as uow:
            local = team_overview(uow)
    finally:
        store.close()
    assert remote["own_caseload"] and local.own_caseload
    assert [p["dossiernummer"] for p in remote["plans"]] == [p.dossiernummer
                                                             for p in local.plans]
    assert sorted(w["dossiernummer"] for w in remote["waiting"]) == sorted(
        w.dossiernummer for w in local.waiting)


def test_search_and_figures_answer_as_on_the_file(team_server: TeamServer) -> None:
    with team_server.client() as client:
        client.sign_in("teamleider", PASSWORD)
        remote = [(h["dossiernummer"], h["names"], h["address"]) for h in client.search("jan")]
        figures = client.call("/reports/figures", {"from": FROM, "to": TO})
    store, actor = open_store(StoreLocation.parse(str(team_server.file_store)), "teamleider",
                              PASSWORD)
    try:
        with unit_of_work(store, actor) as uow:
            local = [(h.dossiernummer, h.names, h.address) for h in search_households(uow, "jan")]
    finally:
        store.close()
    assert remote == local and remote
    assert figures["figures"]
