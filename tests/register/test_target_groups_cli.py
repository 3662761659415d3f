"""`intake doelgroep`: set, list and end target groups from the command line, members by
number only."""

from __future__ import annotations

import pytest

from intake.cli import main
from intake.register.households import HouseholdView
from tests.conftest import PASSWORD, Team


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)


def test_set_list_and_end(team: Team, jolanda: HouseholdView,
                          capsys: pytest.CaptureFixture[str]) -> None:
    db = str(team.location.path)
    team.store.close()
    base = ["--db", db, "--user", "consulent"]
    assert main(["doelgroep", "zet", jolanda.dossiernummer, "schulden", "--datum",
                 "01-11-2026", *base]) == 0
    assert main(["doelgroep", "zet", jolanda.dossiernummer, "bijzondere_ouders",
                 "--gezinslid", "1", *base]) == 0
    assert "Doelgroep 'Schulden' gezet vanaf 01-11-2026." in capsys.readouterr().out
    assert main(["doelgroep", "lijst", jolanda.dossiernummer, *base]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "schulden\tSchulden\thuishouden\tsinds 01-11-2026"
    assert lines[1].startswith("bijzondere_ouders\tBijzondere ouders (LVB of GGZ)\t"
                               "gezinslid 1 (alleenstaande)\tsinds ")
    assert lines[1].endswith(", gezondheidsgegeven") and "Jolanda" not in "".join(lines)
    assert main(["doelgroep", "beeindig", jolanda.dossiernummer, "bijzondere_ouders",
                 *base]) == 2
    assert "Geef het gezinslid op." in capsys.readouterr().err
    assert main(["doelgroep", "beeindig", jolanda.dossiernummer, "schulden", "--datum",
                 "20-11-2026", *base]) == 0
    assert main(["doelgroep", "lijst", jolanda.dossiernummer, "--ook-beeindigd", *base]) == 0
    out = capsys.readouterr().out
    assert "Doelgroep 'Schulden' beëindigd op 20-11-2026." in out
    assert "huishouden\tsinds 01-11-2026, tot 20-11-2026" in out


def test_refusals_are_dutch(team: Team, jolanda: HouseholdView,
                            capsys: pytest.CaptureFixture[str]) -> None:
    db = str(team.location.path)
    team.store.close()
    assert main(["doelgroep", "zet", jolanda.dossiernummer, "werkzoekenden", "--gezinslid",
                 "3", "--db", db, "--user", "consulent"]) == 2
    assert "geen gezinslid 3" in capsys.readouterr().err
    assert main(["doelgroep", "zet", jolanda.dossiernummer, "schulden", "--db", db,
                 "--user", "teamleider"]) == 2
    assert capsys.readouterr().err.startswith("Fout: ")
