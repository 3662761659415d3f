"""`intake delen …` and `intake plan print … --voor CODE` on the command line."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from intake import plans
from intake.cli import main
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
