"""The prevention figures against counts by hand on the fixed store of prevention_store.py,
small-cell suppression in every export, and the figures through a running team server."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from db.models import SocialService
from intake.catalogues.shipped import shipped_services
from intake.core.session import unit_of_work
from intake.reports.export import ReportFormat, export_report
from intake.reports.figures import compute_figures
from intake.reports.model import FigureSet, PeriodCounts
from intake.reports.tables import display_table
from tests.conftest import Team
from tests.helpers import pg_server
from tests.helpers.figures_csv import csv_rows
from tests.helpers.pdf_text import pdf_pages
from tests.reports.prevention_store import build
from tests.reports.test_reports_postgres import _team as pg_team
from tests.reports.test_reports_store import PERIOD, TODAY, at

A = "aantal"
PREVENTION_KEYS = ("hulpvragen_doelgroep", "plannen_doelgroep", "acties_preventieniveau",
                   "acties_doelgroep_preventieniveau", "acties_organisatie",
                   "resultaten_organisatie", "doorlooptijd_organisatie")


@pytest.fixture
def figures(team: Team) -> FigureSet:
    build(team)
    with unit_of_work(team.store, team.teamleider, at(TODAY)) as uow:
        return compute_figures(uow, PERIOD)


def _nonzero(counts: PeriodCounts | None) -> dict[tuple[str, str], float]:
    assert counts is not None
    return {k: v for k, v in counts.cells.items() if v}


def test_help_questions_per_target_group(figures: FigureSet) -> None:
    figure = figures.get("hulpvragen_doelgroep")
    assert figure.current.n == 5 and figure.previous and figure.previous.n == 2
    # P1 5-02 and 20-02 (baby, bijzondere ouders; schulden only from 15-02); P2 5-02 (Sem
    # still kwetsbaar, toddler not yet 2, complex) and 12-02 (only complex); P3 none.
    assert _nonzero(figure.current) == {
        ("jonge_kind", A): 3, ("bijzondere_ouders", A): 2, ("schulden", A): 1,
        ("kwetsbare_jongeren", A): 1, ("complexe_gezinssituatie", A): 2}
    # P1 5-01: only the baby (bijzondere ouders from 10-01); P2 25-01: Sem and the toddler.
    assert _nonzero(figure.previous) == {("jonge_kind", A): 2, ("kwetsbare_jongeren", A): 1}
    assert figure.rows[0].code == "jonge_kind" and len(figure.rows) == 9


def test_plans_per_target_group(figures: FigureSet) -> None:
    figure = figures.get("plannen_doelgroep")
    assert figure.current.n == 2  # P1 on 16-02, P2's second version on 24-02
    assert _nonzero(figure.current) == {
        ("jonge_kind", A): 1, ("bijzondere_ouders", A): 1, ("schulden", A): 1,
        ("complexe_gezinssituatie", A): 1}
    assert figure.previous and figure.previous.n == 1
    assert _nonzero(figure.previous) == {("jonge_kind", A): 1, ("kwetsbare_jongeren", A): 1}


def test_actions_per_prevention_level(figures: FigureSet) -> None:
    figure = figures.get("acties_preventieniveau")
    assert [r.code for r in figure.rows] == ["universeel", "selectief", "geindiceerd", "geen"]
    assert figure.current.n == 6
    # LOES set to selectief by hand over its service's universeel; the wijkteam action in
    # P2's second version counts once, as does the maatje.
    assert _nonzero(figure.current) == {("geindiceerd", A): 2, ("selectief", A): 3,
                                        ("geen", A): 1}
    assert figure.previous and _nonzero(figure.previous) == {("selectief", A): 1}


def test_actions_per_target_group_and_level(figures: FigureSet) -> None:
    figure = figures.get("acties_doelgroep_preventieniveau")
    assert figure.current.n == 6
    p1 = {"geindiceerd": 2, "selectief": 1, "geen": 1}
    expected = {(group, level): n for group in ("jonge_kind", "bijzondere_ouders", "schulden")
                for level, n in p1.items()}
    expected[("complexe_gezinssituatie", "selectief")] = 2
    assert _nonzero(figure.current) == expected
    assert figure.previous and _nonzero(figure.previous) == {
        ("jonge_kind", "selectief"): 1, ("kwetsbare_jongeren", "selectief"): 1}


def test_actions_started_and_finished_per_organisation(figures: FigureSet) -> None:
    figure = figures.get("acties_organisatie")
    assert figure.current.n == 5
    assert _nonzero(figure.current) == {
        ("Stadsbank Oost Nederland", "gestart"): 2, ("LOES", "gestart"): 1,
        ("Humanitas", "gestart"): 1, ("Wijkracht", "afgerond"): 1}
    assert [r.label for r in figure.rows] == ["Humanitas", "LOES", "Stadsbank Oost Nederland",
                                              "Wijkracht"]
    assert figure.previous and figure.previous.n == 1
    assert _nonzero(figure.previous) == {("Wijkracht", "gestart"): 1}


def test_results_at_evaluation_per_organisation(figures: FigureSet) -> None:
    figure = figures.get("resultaten_organisatie")
    assert figure.current.n == 1
    assert _nonzero(figure.current) == {("Wijkracht", "deels_behaald"): 1}
    assert figure.previous and figure.previous.n == 0


def test_median_days_from_agreement_to_start_per_organisation(figures: FigureSet) -> None:
    figure = figures.get("doorlooptijd_organisatie")
    assert figure.current.n == 4
    # Stadsbank: 4 and 10 days after 16-02; LOES on the day; Humanitas a day after 24-02.
    assert _nonzero(figure.current) == {
        ("Stadsbank Oost Nederland", "mediaan_dagen"): 7,
        ("Stadsbank Oost Nederland", "acties"): 2, ("LOES", "acties"): 1,
        ("Humanitas", "mediaan_dagen"): 1, ("Humanitas", "acties"): 1}
    table = display_table(figure)
    stadsbank = next(row for row in table.rows if row[0] == "Stadsbank Oost Nederland")
    assert stadsbank[1:] == ("7", "2", "2", "0")  # median, N, total, previous total
    hidden = next(row for row in display_table(figure, suppress=True).rows
                  if row[0] == "Stadsbank Oost Nederland")
    assert hidden[1:3] == ("n < 5", "< 5")


def test_small_cells_are_suppressed_in_every_export(team: Team) -> None:
    build(team)
    with unit_of_work(team.store, team.teamleider, at(TODAY)) as uow:
        data = export_report(uow, PERIOD, ReportFormat.CSV, suppress_small=True)
        plain = export_report(uow, PERIOD, ReportFormat.CSV)
        book = export_report(uow, PERIOD, ReportFormat.XLSX, suppress_small=True)
        pdf = export_report(uow, PERIOD, ReportFormat.PDF, suppress_small=True)
    rows = csv_rows(data)

    def cell(rows: list[dict[str, str]], figure: str, row: str, column: str) -> dict[str, str]:
        return next(r for r in rows if r["figuur"] == figure and r["rij_code"] == row
                    and r["kolom_code"] == column and r["periode_van"] == "2026-02-01")

    assert cell(rows, "hulpvragen_doelgroep", "jonge_kind", A)["waarde"] == "< 5"
    assert cell(rows, "hulpvragen_doelgroep", "werkzoekenden", A)["waarde"] == "0"
    assert cell(rows, "acties_preventieniveau", "selectief", A)["n"] == "6"
    assert cell(rows, "doorlooptijd_organisatie", "Stadsbank Oost Nederland",
                "mediaan_dagen")["waarde"] == "n < 5"
    open_rows = csv_rows(plain)
    assert cell(open_rows, "hulpvragen_doelgroep", "jonge_kind", A)["waarde"] == "3"
    assert cell(open_rows, "doorlooptijd_organisatie", "Stadsbank Oost Nederland",
                "mediaan_dagen")["waarde"] == "7"
    sheet = load_workbook(io.BytesIO(book))["Acties per organisatie gestart"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Stadsbank Oost Nederland", "< 5", 0, "< 5", 0] in values
    text = " ".join(pdf_pages(pdf))
    assert "Hulpvragen per doelgroep" in text
    assert "Dagen van akkoord plan tot start van de actie" in text
    assert "Stadsbank Oost Nederland" in text and "n < 5" in text


def test_a_new_store_holds_the_shipped_prevention_levels(team: Team) -> None:
    with team.store.sessions() as session:
        stored = {code: level for code, level in session.execute(
            select(SocialService.code, SocialService.prevention_level))}
    assert stored == {item["code"]: item["prevention_level"] for item in shipped_services()}
    assert stored["ggd_jgz"] == "universeel" and stored["trivium_pleegzorg"] is None


@pytest.mark.postgres
def test_the_same_prevention_figures_on_postgresql(team: Team) -> None:
    build(team)
    with unit_of_work(team.store, team.teamleider, at(TODAY)) as uow:
        on_file = compute_figures(uow, PERIOD)
    with pg_server.running_server() as url:
        server_team = pg_team(url)
        try:
            build(server_team)
            with unit_of_work(server_team.store, server_team.teamleider, at(TODAY)) as uow:
                on_pg = compute_figures(uow, PERIOD)
        finally:
            server_team.store.close()
    for key in PREVENTION_KEYS:
        assert on_pg.get(key).current.cells == on_file.get(key).current.cells, key
        assert on_pg.get(key).current.n == on_file.get(key).current.n, key
        previous, expected = on_pg.get(key).previous, on_file.get(key).previous
        assert previous and expected and previous.cells == expected.cells, key
