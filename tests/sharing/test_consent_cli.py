"""`intake delen …` and `intake plan print … --voor CODE` on the command line."""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from intake import plans
from intake.cli import main
from intake.core import session
from intake.core.session import unit_of_work
from intake.register.households import HouseholdView
from tests.conftest import PASSWORD, Team


def test_record_print_for_withdraw(team: Team, jolanda: HouseholdView, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    with unit_of_work(team.store, team.consulent) as uow:
        plans.start_plan(uow, jolanda.id)
    db = str(team.location.path)
    team.store.close()
    user = ["--db", db, "--user", "consulent"]
    out = tmp_path / "plan.pdf"
    printing = ["plan", "print", jolanda.dossiernummer, *user, "--out", str(out),
                "--voor", "stadsbank-oost-nederland"]
    assert main(["delen", "organisaties", *user]) == 0
    assert "stadsbank-oost-nederland" in capsys.readouterr().out
    assert main(printing) == 2
    assert "mag niet met Stadsbank Oost Nederland gedeeld worden" in capsys.readouterr().err
    assert not out.exists()
    assert main(["delen", "vastleggen", jolanda.dossiernummer, *user, "--voor",
                 "stadsbank-oost-nederland", "--grondslag", "toestemming", "--doel",
                 "Schuldhulpverlening afstemmen", "--delen", "plan,hulpvragen", "--hoe",
                 "mondeling", "--tot", "31-12-2027"]) == 0
    basis_id = re.search(r"Vastgelegd \(([0-9a-f-]{36})\)", capsys.readouterr().out)
    assert basis_id is not None
    assert main(printing) == 0
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Gedeeld met Stadsbank Oost Nederland" in text and "mondeling" in text
    assert main(["delen", "lijst", jolanda.dossiernummer, *user]) == 0
    assert "geldig" in capsys.readouterr().out
    assert main(["delen", "intrekken", basis_id.group(1), *user]) == 0
    assert "ingetrokken" in capsys.readouterr().out
    out.unlink()
    assert main(printing) == 2
    assert not out.exists()
    assert main(["delen", "lijst", jolanda.dossiernummer, *user]) == 0
    assert "ingetrokken" in capsys.readouterr().out


def test_a_basis_recorded_after_midnight_dutch_time_is_valid_at_once(
        team: Team, jolanda: HouseholdView, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """At 23:30 UTC it is already tomorrow in the Netherlands: the basis starts on the Dutch
    day, and the list must judge it on that day too, not call it 'nog niet geldig'."""
    late = datetime(2026, 12, 7, 23, 30)  # 00:30 on 8 December in Hengelo
    monkeypatch.setattr(session.unit_of_work.__wrapped__, "__defaults__", (lambda: late,))
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    db = str(team.location.path)
    team.store.close()
    user = ["--db", db, "--user", "consulent"]
    assert main(["delen", "vastleggen", jolanda.dossiernummer, *user, "--voor",
                 "stadsbank-oost-nederland", "--grondslag", "toestemming", "--doel",
                 "Schuldhulpverlening afstemmen", "--delen", "plan", "--hoe", "mondeling",
                 "--tot", "31-12-2027"]) == 0
    capsys.readouterr()
    assert main(["delen", "lijst", jolanda.dossiernummer, *user]) == 0
    listed = capsys.readouterr().out
    assert "geldig" in listed and "nog niet geldig" not in listed
