"""`intake plan print`: one household, every active plan, and who may print."""

from __future__ import annotations

import io
import uuid
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab import rl_config

from intake import plans
from intake.cli import main
from intake.core.session import unit_of_work
from intake.plans import AgreedHow
from intake.register.households import HouseholdView
from tests.conftest import PASSWORD, Team
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions


@pytest.fixture(autouse=True)
def _reproducible_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)


def _agreed_plan(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, jolanda.id)
        keys = [c.key for c in plans.plan_candidates(uow, jolanda.id)]
        view = fill_jolanda_plan(uow, plans.start_plan(uow, jolanda.id, keys))
        view = plans.agree(uow, view.id, view.version, date(2026, 11, 20), AgreedHow.GETEKEND)
        plans.start_new_version(uow, view.plan_id)  # a draft on top: bulk prints the agreed one


def test_print_one_and_all_active(team: Team, jolanda: HouseholdView, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    _agreed_plan(team, jolanda)
    db = str(team.location.path)
    team.store.close()
    out = tmp_path / "plan.pdf"
    assert main(["plan", "print", jolanda.dossiernummer, "--db", db, "--user", "consulent",
                 "--out", str(out), "--inwoner", "--version", "1"]) == 0
    first = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "Uw plan" in first
    folder = tmp_path / "bulk"
    assert main(["plan", "print", "--all-active", "--db", db, "--user", "teamleider",
                 "--out", str(folder), "--redacted"]) == 0
    (written,) = folder.iterdir()
    assert written.name == f"{jolanda.dossiernummer}.pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(written.read_bytes())).pages)
    assert "versie 1 · Actief" in text and "Jolanda" not in text
    assert "1 plannen geschreven" in capsys.readouterr().err


def test_print_refused(team: Team, jolanda: HouseholdView, tmp_path: Path,
                       capsys: pytest.CaptureFixture[str]) -> None:
    _agreed_plan(team, jolanda)
    db = str(team.location.path)
    team.store.close()
    out = tmp_path / "plan.pdf"
    assert main(["plan", "print", jolanda.dossiernummer, "--db", db, "--user", "beheerder",
                 "--out", str(out)]) == 2
    assert main(["plan", "print", "--all-active", "--db", db, "--user", "beheerder",
                 "--out", str(tmp_path / "bulk")]) == 2
    assert main(["plan", "print", "--db", db, "--user", "consulent", "--out", str(out)]) == 2
    assert not out.exists()
    assert "functioneel beheerder" in capsys.readouterr().err


def test_bulk_print_in_worker_processes(team: Team, jolanda: HouseholdView,
                                        tmp_path: Path) -> None:
    """Two worker processes, each signed in as the teamleider: every plan written, each print
    audited as that person, and a plan that cannot be printed reported, not fatal."""
    from sqlalchemy import func, select

    from db.models import AuditEntry
    from intake.cli.bulk_print import PrintJob, print_all
    from intake.plans.queries import active_plans

    _agreed_plan(team, jolanda)
    actor = team.teamleider
    with unit_of_work(team.store, actor) as uow:
        (plan,) = active_plans(uow)
    good = [PrintJob(plan.plan_id, plan.household_id, plan.active_number, plan.dossiernummer,
                     f"kopie-{n}.pdf") for n in range(3)]
    elsewhere = PrintJob(plan.plan_id, uuid.uuid4(), 1, "HH-WEG", "fout.pdf")  # gone
    jobs = [*good, elsewhere]
    out = tmp_path / "bulk"
    out.mkdir()
    outcomes = list(print_all(team.store, actor, str(team.location.path), PASSWORD, jobs, out,
                              resident=False, redacted=True, workers=2))
    assert [o.job for o in outcomes] == jobs
    assert [o.error is None for o in outcomes] == [True, True, True, False]
    assert outcomes[-1].error  # a Dutch message from the domain
    assert sorted(p.name for p in out.iterdir()) == ["kopie-0.pdf", "kopie-1.pdf", "kopie-2.pdf"]
    for written in out.iterdir():
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(written.read_bytes())).pages)
        assert "versie 1 · Actief" in text and "Jolanda" not in text
    with unit_of_work(team.store, actor) as uow:
        printed = uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "afdrukken", AuditEntry.actor_id == actor.id,
            AuditEntry.result == "ok"))
    assert printed == 3


def test_worker_count() -> None:
    from intake.cli.bulk_print import worker_count

    assert worker_count(10, cores=2) == 1
    assert worker_count(60, cores=2) == 2
    assert worker_count(10_000, cores=16) == 4


def test_bulk_print_reports_a_plan_once_its_file_is_synced(
        team: Team, jolanda: HouseholdView, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are written beside the layout of the next plan; an outcome still means the file
    is on disk under its name, and a file that cannot be written stops the print."""
    import os

    from intake.cli.bulk_print import PrintJob, print_all
    from intake.plans.queries import active_plans

    _agreed_plan(team, jolanda)
    with unit_of_work(team.store, team.teamleider) as uow:
        (plan,) = active_plans(uow)
    jobs = [PrintJob(plan.plan_id, plan.household_id, plan.active_number, plan.dossiernummer,
                     f"kopie-{n}.pdf") for n in range(3)]
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    out = tmp_path / "bulk"
    for done, outcome in enumerate(print_all(team.store, team.teamleider, "", PASSWORD, jobs,
                                             out, resident=False, redacted=False, workers=1),
                                   start=1):
        assert outcome.error is None and (out / outcome.job.file_name).stat().st_size > 0
        assert len(synced) >= done
    blocked = tmp_path / "blocked"
    blocked.mkdir(mode=0o700)
    (blocked / "kopie-1.pdf").mkdir()  # a folder where a file should go: cannot be replaced
    with pytest.raises(OSError):
        list(print_all(team.store, team.teamleider, "", PASSWORD, jobs, blocked,
                       resident=False, redacted=False, workers=1))
