"""Exports: the CSV parses, the XLSX opens, the PDF names every active plan, and the CLI."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab import rl_config
from sqlalchemy import select

from db.models import AuditEntry
from intake.cli import main
from intake.core.errors import PermissionDenied
from intake.core.session import unit_of_work
from intake.reports.export import ReportFormat, export_report
from intake.reports.export_tables import CSV_HEADER
from tests.conftest import PASSWORD, Team
from tests.helpers.figures_csv import csv_rows
from tests.reports.test_reports_store import PERIOD, TODAY, ReportStore, at, build


@pytest.fixture
def store(team: Team) -> ReportStore:
    rl_config.invariant = 1
    return build(team)


def _export(rs: ReportStore, fmt: ReportFormat, suppress: bool = False) -> bytes:
    with unit_of_work(rs.team.store, rs.team.teamleider, at(TODAY)) as uow:
        return export_report(uow, PERIOD, fmt, suppress_small=suppress)


def test_csv_parses_with_both_periods(store: ReportStore) -> None:
    rows = csv_rows(_export(store, ReportFormat.CSV))
    mine = [r for r in rows if r["figuur"] == "hulpvragen_vindplaats"
            and r["rij_code"] == "zorgloket"]
    assert {(r["periode_van"], r["waarde"], r["n"]) for r in mine} == {
        ("2026-02-01", "4", "6"), ("2026-01-04", "1", "2")}
    assert {r["figuur"] for r in rows} >= {"tevredenheid", "ondersteuningsniveau",
                                          "doorlooptijd_plan", "plannen_regisseur"}


def test_csv_suppresses_small_cells(store: ReportStore) -> None:
    rows = csv_rows(_export(store, ReportFormat.CSV, suppress=True))
    values = {r["waarde"] for r in rows if r["figuur"] != "doorlooptijd_plan"}
    assert values <= {"0", "< 5", "6"}
    assert any(r["waarde"] == "< 5" for r in rows)


def test_xlsx_has_a_sheet_per_figure(store: ReportStore) -> None:
    book = load_workbook(io.BytesIO(_export(store, ReportFormat.XLSX)))
    assert "Overzicht" in book.sheetnames and "Tevredenheid van inwoners" in book.sheetnames
    sheet = book["Hulpvragen per vindplaats"]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells[1][0] == f"Periode: {PERIOD.label}"
    assert ["Zorgloket/stadhuis", 4, 1] in [row[:3] for row in cells]


def test_pdf_has_every_active_plan(store: ReportStore) -> None:
    reader = PdfReader(io.BytesIO(_export(store, ReportFormat.PDF)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for key in ("H1", "H2"):  # active, and active with its evaluation overdue
        assert store.dossiers[key] in text
    assert "Plan van aanpak " + store.dossiers["H3"] not in text  # a concept is not printed
    assert "Resultaat financien van H1" in text
    assert "Hulpvragen per soort" in text and PERIOD.label in text
    with store.team.store.sessions() as session:
        printed = session.scalars(select(AuditEntry.household_id).where(
            AuditEntry.action == "afdrukken", AuditEntry.object_type == "plan")).all()
    assert set(printed) == {store.households["H1"], store.households["H2"]}


def test_pdf_for_outside_the_team_leaves_plans_out(store: ReportStore) -> None:
    reader = PdfReader(io.BytesIO(_export(store, ReportFormat.PDF, suppress=True)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "< 5" in text
    assert store.dossiers["H1"] not in text


@pytest.mark.parametrize("who", ["consulent", "regisseur", "beheerder"])
def test_only_a_teamleider_exports(store: ReportStore, who: str) -> None:
    with pytest.raises(PermissionDenied), \
            unit_of_work(store.team.store, getattr(store.team, who)) as uow:
        export_report(uow, PERIOD, ReportFormat.CSV)


def test_cli_writes_each_format(store: ReportStore, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    db = str(store.team.location.path)
    for suffix in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"rapport.{suffix}"
        code = main(["report", "--db", db, "--user", "teamleider", "--from", "01-02-2026",
                     "--to", "28-02-2026", "--out", str(out), "--klein-aantal-verbergen"])
        assert code == 0 and out.stat().st_size > 0
    assert main(["report", "--db", db, "--user", "consulent", "--from", "01-02-2026",
                 "--to", "28-02-2026", "--out", str(tmp_path / "x.csv")]) == 2
    assert main(["report", "--db", db, "--user", "teamleider", "--from", "01-02-2026",
                 "--to", "28-02-2026", "--out", str(tmp_path / "x.txt")]) == 2
    err = capsys.readouterr().err
    assert "teamleider" in err and ".pdf, .csv of .xlsx" in err


def test_the_csv_opens_in_dutch_excel(store: ReportStore) -> None:
    data = _export(store, ReportFormat.CSV)
    first_line = data.split(b"\r\n", 1)[0]
    assert first_line == b"\xef\xbb\xbf" + ";".join(CSV_HEADER).encode()
    rows = csv_rows(data)
    assert any(r["titel"] == "Huishoudens met meer dan één hulpvraag of wet" for r in rows)
    numbers = [r["waarde"] for r in rows if r["waarde"][:1].isdigit()]
    assert numbers and not [n for n in numbers if "." in n], "decimal commas"
    medians = [r["waarde"] for r in rows if r["figuur"] == "doorlooptijd_plan"
               and "," in r["waarde"]]
    assert all(re.fullmatch(r"\d+,\d", m) for m in medians)


def test_xlsx_sheets_and_headers_are_dutch_words(store: ReportStore) -> None:
    book = load_workbook(io.BytesIO(_export(store, ReportFormat.XLSX)))
    index = book["Overzicht"]
    listed = {row[0].value: row[1].value for row in index.iter_rows(min_row=6)
              if row[0].value and row[0].value != "Blad"}
    assert set(listed) == set(book.sheetnames) - {"Overzicht"}
    for name in book.sheetnames:
        assert "_" not in name and len(name) <= 31
        if name != "Overzicht":
            assert str(listed[name]).startswith(name.split(" (")[0].split(" ")[0])
            sheet = book[name]
            assert sheet["A1"].value == listed[name]
            headers = next(row for row in sheet.iter_rows(values_only=True)
                           if row[1] is not None)
            assert not [h for h in headers if isinstance(h, str) and "_" in h], name
