"""The team overview and the figures view, driven offscreen with real widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView, QHorizontalBarSeries
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from intake.reports.caseload import CaseStatus
from intake.reports.export import ReportFormat
from tests.conftest import Team
from tests.helpers.figures_csv import csv_rows
from tests.reports.test_reports_store import PERIOD, ReportStore, build
from tests.ui.conftest import Notices
from ui.reports.figures_view import FiguresView
from ui.reports.plan_summary import PlanSummaryDialog
from ui.reports.table_models import LazyRowsModel
from ui.reports.team_overview import PLAN_HEADERS, TeamOverview

pytestmark = pytest.mark.gui


@pytest.fixture
def store(team: Team) -> ReportStore:
    return build(team)


def _overview(qtbot: QtBot, store: ReportStore, who: str) -> TeamOverview:
    """The page loads off the UI thread; wait until the first load has arrived."""
    page = TeamOverview(store.team.store, getattr(store.team, who))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)
    return page


def test_teamleider_overview_filters_sorts_and_opens_a_summary(
        qtbot: QtBot, store: ReportStore, notices: Notices) -> None:
    page = _overview(qtbot, store, "teamleider")
    assert page.title.text() == "Teamoverzicht"
    assert page.plans.rowCount() == 6 and page.waiting.rowCount() == 2
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.status.setCurrentIndex(page.status.findData(CaseStatus.WACHT_OP_AKKOORD))
    assert page.plans.rowCount() == 1
    assert page.plans.text(0, 0) == store.dossiers["H4"]
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.status.setCurrentIndex(0)
    page.plan_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    first = page.plans.index(0, 0).data()
    assert first == max(store.dossiers.values())
    page.plan_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by status, in its order
    statuses = [page.plan_at(r).status for r in range(page.plans.rowCount())]
    assert statuses == sorted(statuses, key=list(CaseStatus).index)
    page.dossier.setText(store.dossiers["H1"][-3:])
    assert page.plans.rowCount() == 1
    page.plan_table.setCurrentIndex(page.plans.index(0, 0))
    page.open_selected_plan()
    dialog = page.findChild(PlanSummaryDialog)
    assert dialog is not None and dialog.plan.dossiernummer == store.dossiers["H1"]
    assert dialog.results.rowCount() == 2 and dialog.open_actions.rowCount() == 3
    assert not notices.said


def test_consulent_sees_own_caseload(qtbot: QtBot, store: ReportStore) -> None:
    page = _overview(qtbot, store, "consulent")
    assert page.title.text() == "Mijn caseload"
    assert {page.plans.text(r, 0) for r in range(page.plans.rowCount())} == {
        store.dossiers[k] for k in ("H1", "H3", "H5")}
    assert page.worker.isHidden()


def test_vindplaats_is_refused(qtbot: QtBot, store: ReportStore, notices: Notices) -> None:
    page = _overview(qtbot, store, "vindplaats")
    assert page.plans.rowCount() == 0 and "teamleider" in notices.said[0]


def test_a_long_plan_list_reaches_the_view_in_batches_and_sorts_on_the_light_rows(
        qtbot: QtBot, store: ReportStore) -> None:
    page = _overview(qtbot, store, "teamleider")
    assert page.overview is not None
    plans = page.overview.plans
    rows = list(range(len(plans))) * 400  # 2,400 places in the plan list: more than one batch
    model = LazyRowsModel(PLAN_HEADERS, page.plan_row_cells, page.plan_keys)
    model.set_rows(rows)
    assert model.rowCount() == LazyRowsModel.BATCH and model.canFetchMore()
    assert model.total() == len(rows)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == len(rows)
    model.sort(3, Qt.SortOrder.DescendingOrder)  # version number, as a number
    assert model.rowCount() == LazyRowsModel.BATCH  # a new order starts with one batch again
    numbers = [plans[model.row(r)].version_number for r in range(model.rowCount())]
    assert numbers == sorted(numbers, reverse=True)
    assert model.text(0, 3) == str(numbers[0])
    assert [model.index(0, c).data() for c in range(len(PLAN_HEADERS))] == [
        text for text, _key in page.plan_row_cells(model.row(0))]
    model.set_filter(0, store.dossiers["H1"][-3:].upper())
    assert model.total() == 400 and {plans[model.row(r)].dossiernummer
                                     for r in range(model.rowCount())} == {store.dossiers["H1"]}


def test_the_plan_table_is_fitted_once_to_its_first_rows_and_left_to_drag(
        qtbot: QtBot, store: ReportStore) -> None:
    """Not sized to its contents by Qt (every measured cell through the delegate, on every
    layout pass): as wide as Qt would make each column, measured once per content or order."""
    page = _overview(qtbot, store, "teamleider")
    page.resize(1100, 720)
    page.show()
    header = page.plan_table.horizontalHeader()
    for order in (None, Qt.SortOrder.DescendingOrder):
        if order is not None:
            page.plan_table.sortByColumn(5, order)
        for column in range(len(PLAN_HEADERS) - 1):  # the last one stretches
            assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive
            assert header.sectionSize(column) >= page.plan_table.sizeHintForColumn(column)
            assert header.sectionSize(column) >= header.sectionSizeHint(column)
    header.resizeSection(1, 300)  # the user drags a column wider; it stays so
    page.plan_table.viewport().update()
    qtbot.wait(10)
    assert header.sectionSize(1) == 300


def _figures_page(qtbot: QtBot, store: ReportStore) -> FiguresView:
    page = FiguresView(store.team.store, store.team.teamleider)
    qtbot.addWidget(page)
    page.start.setDate(QDate(2026, 2, 1))
    page.end.setDate(QDate(2026, 2, 28))
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)
    with qtbot.waitSignal(page.loaded, timeout=20000):
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    return page


def test_figures_view_shows_period_n_chart_and_sorts(qtbot: QtBot, store: ReportStore) -> None:
    page = _figures_page(qtbot, store)
    assert page.period() == PERIOD
    assert page.list.count() == 19  # the twelve, then the seven prevention figures
    assert page.list.item(18).text().startswith("Dagen van akkoord plan tot start van de actie")
    page.list.setCurrentRow(1)  # per vindplaats
    assert "Hulpvragen per vindplaats" in page.title.text()
    caption = page.caption.text()
    assert PERIOD.label in caption and "N (hulpvragen): 6 (vorige periode: 2)" in caption
    assert page.chart_box.count() == 1
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, 0).data() == "Zorgloket/stadhuis"
    assert page.proxy.index(0, 1).data() == "4"
    page.list.setCurrentRow(8)  # tevredenheid: no chart, a share in the caption
    assert page.chart_box.count() == 0 and "Aandeel tevreden (4-5): 50%" in page.caption.text()


def test_hiding_small_numbers_applies_on_screen(qtbot: QtBot, store: ReportStore) -> None:
    page = _figures_page(qtbot, store)
    page.list.setCurrentRow(1)  # per vindplaats: Zorgloket 4 of 6, previous period 2

    def shown() -> tuple[list[str], str, list[float]]:
        column = [page.model.text(r, 1) for r in range(page.model.rowCount())]
        chart = page.chart_box.itemAt(0).widget()
        assert isinstance(chart, QChartView)
        [series] = chart.chart().series()
        assert isinstance(series, QHorizontalBarSeries)
        bars = series.barSets()[-1]  # this period
        return column, page.caption.text(), [bars.at(i) for i in range(bars.count())]

    column, caption, bars = shown()
    assert "4" in column and "N (hulpvragen): 6 (vorige periode: 2)" in caption
    assert 4 in bars
    page.suppress.setChecked(True)
    column, caption, bars = shown()
    assert "4" not in column and "< 5" in column
    assert "N (hulpvragen): 6 (vorige periode: < 5)" in caption
    assert not any(0 < value < 5 for value in bars)
    page.suppress.setChecked(False)
    assert "4" in shown()[0]


@pytest.mark.parametrize("fmt", [ReportFormat.CSV, ReportFormat.PDF])
def test_export_runs_off_the_ui_thread(qtbot: QtBot, store: ReportStore, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch, notices: Notices,
                                       fmt: ReportFormat) -> None:
    page = _figures_page(qtbot, store)
    target = tmp_path / f"cijfers.{fmt.value}"
    monkeypatch.setattr(FiguresView, "ask_path", classmethod(lambda cls, *a: target))
    page.suppress.setChecked(fmt is ReportFormat.CSV)
    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export(fmt)
    assert notices.said == [f"Opgeslagen in {target}."]
    if fmt is ReportFormat.CSV:
        rows = csv_rows(target.read_bytes())
        assert any(r["waarde"] == "< 5" for r in rows)
    else:
        assert target.read_bytes().startswith(b"%PDF")
    assert not page.busy


def test_default_period_is_last_full_month(qtbot: QtBot, store: ReportStore) -> None:
    page = FiguresView(store.team.store, store.team.teamleider)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)
    period = page.period()
    assert period.end < date.today() and period.start.day == 1
