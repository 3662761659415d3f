"""Retention and the resident's right of access through the team server: the same answers as
on a file store with the same demo data (the steps themselves are tested in tests/retention and,
with a laptop replica, in tests/team)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Household, Member
from tests.server.conftest import PASSWORD, TeamServer

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)


def test_the_retention_list_as_on_the_file(team_server: TeamServer,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert team_server.cli("retention", "list", "--all", "--user", "beheerder") == 0
    on_server = capsys.readouterr().out
    assert team_server.file_cli("retention", "list", "--all", "--user", "beheerder") == 0
    assert on_server == capsys.readouterr().out
    assert " dossiers." in on_server and "Jeugdwet 20 jaar" in on_server
    number = on_server.splitlines()[1].split()[0]  # the earliest end: a demo dossier of 2021
    assert team_server.cli("retention", "propose", number, "--user", "beheerder") == 0
    assert team_server.cli("retention", "list", "--user", "teamleider") == 0
    assert "voorgesteld door" in capsys.readouterr().out
    assert team_server.cli("retention", "approve", number, "--user", "consulent") == 2
    assert "Alleen de teamleider" in capsys.readouterr().err
    # withdrawn again: the shared demo keeps every dossier for the other tests
    assert team_server.cli("retention", "withdraw", number, "--user", "teamleider") == 0
    assert team_server.cli("retention", "list", "--user", "teamleider") == 0
    assert "voorgesteld door" not in capsys.readouterr().out


def test_inzage_through_the_server(team_server: TeamServer, tmp_path: Path) -> None:
    engine = team_server.owner_engine()
    try:
        with engine.connect() as connection:
            number, given, prefix, family = connection.execute(
                select(Household.dossiernummer, Member.given_name, Member.prefix,
                       Member.family_name).join(Member, Member.household_id == Household.id)
                .where(Member.role != "kind").order_by(Household.dossiernummer).limit(1)).one()
    finally:
        engine.dispose()
    name = " ".join(part for part in (given, prefix, family) if part)
    answers = []
    for run, where in ((team_server.cli, "server"), (team_server.file_cli, "file")):
        pdf, raw = tmp_path / where / "inzage.pdf", tmp_path / where / "inzage.json"
        assert run("inzage", number, "--member", name, "--out", str(pdf), "--json", str(raw),
                   "--user", "regisseur") == 0
        assert pdf.read_bytes().startswith(b"%PDF")
        answers.append(json.loads(raw.read_bytes())["onderdelen"])
    on_server, on_file = answers
    for key in ("gegevens", "hulpvragen", "uitvraag", "plannen", "bewaartermijn", "rechten"):
        assert on_server[key] == on_file[key], key
    assert on_server["gegevens"]["tabellen"][0]["rijen"][0]["Waarde"] == name
