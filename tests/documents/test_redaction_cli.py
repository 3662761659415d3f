"""`intake plan print --redacted` stops at a word that looks like an unregistered name and
prints once the person decides with --geen-naam / --vervang-naam."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from intake import plans
from intake.cli import main
from intake.core.session import unit_of_work
from intake.plans import VersionDetailsInput
from intake.register.households import HouseholdView
from tests.conftest import PASSWORD, Team


def test_flagged_words_are_decided_on_the_command_line(
        team: Team, jolanda: HouseholdView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.start_plan(uow, jolanda.id)
        plans.update_details(uow, view.id, view.version, VersionDetailsInput(
            strengths="Jolanda en haar vriend Kevin koken samen met Sinterklaas."))
    db = str(team.location.path)
    team.store.close()
    out = tmp_path / "plan.pdf"
    command = ["plan", "print", jolanda.dossiernummer, "--db", db, "--user", "consulent",
               "--out", str(out), "--redacted"]
    assert main(command) != 0
    assert "Kevin, Sinterklaas" in capsys.readouterr().err
    assert not out.exists()
    assert main([*command, "--vervang-naam", "kevin", "--geen-naam", "Sinterklaas"]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Inwoner en haar vriend [naam] koken samen met Sinterklaas." in text
    assert "Kevin" not in text and "Jolanda" not in text
