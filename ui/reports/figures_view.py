"""Management figures for a period beside the previous period: a list of figures, each shown
with its period and N, a bar chart for the main ones and a table that sorts; exports to
CSV, XLSX and the printable PDF run off the UI thread. For the teamleider."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake.core.clock import today
from intake.core.context import Actor, UnitOfWork
from intake.core.files import write_private
from intake.reports.export import ReportFormat, export_report
from intake.reports.figures import compute_figures
from intake.reports.model import Figure, FigureSet
from intake.reports.period import Period, last_full_month
from intake.reports.tables import display_table, period_lines, share_text
from intake.store import Store
from ui.kit.files import FilePicker
from ui.kit.notice import Notice
from ui.kit.operation import Attempt, Operation, report_progress
from ui.kit.progress import Cancelled
from ui.reports.chart import figure_chart
from ui.reports.table_models import SortableTableModel, number_key, sorted_table

T = TypeVar("T")
FILTERS = {ReportFormat.CSV: "CSV-bestand (*.csv)", ReportFormat.XLSX: "Excel-bestand (*.xlsx)",
           ReportFormat.PDF: "PDF-bestand (*.pdf)"}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class FiguresView(QWidget):
    """Page for the main window: ``FiguresView(store, actor)``."""

    loaded = Signal()  # after every refresh, for whoever waits on it
    exported = Signal()  # after every export, saved or not

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.figures: FigureSet | None = None
        default = last_full_month(today())
        self.start = self._date_edit(default.start)
        self.end = self._date_edit(default.end)
        self.show_button = QPushButton("&Toon")
        self.suppress = QCheckBox("Kleine aantallen verbergen (voor buiten het team)")
        self.export_buttons = {fmt: QPushButton(text) for fmt, text in (
            (ReportFormat.CSV, "CSV…"), (ReportFormat.XLSX, "Excel…"),
            (ReportFormat.PDF, "PDF-overzicht…"))}
        self.list = QListWidget()
        self.list.setAccessibleName("Figuren")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.model = SortableTableModel(("",), self, numeric_from=1)
        self.table, self.proxy = sorted_table(self.model, stretch_column=0)
        self.chart_box = QVBoxLayout()
        self.exporting = False
        self.loading = False
        self._layout()
        self._connect_signals()
        self.refresh()

    @staticmethod
    def _date_edit(day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        return edit

    def _layout(self) -> None:
        top = QHBoxLayout()
        for text, widget in (("Periode &van", self.start), ("&tot en met", self.end)):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addWidget(self.show_button)
        top.addStretch(1)
        # The exports on a line of their own: at 200 % one line would not fit a laptop screen.
        exports = QHBoxLayout()
        exports.addWidget(self.suppress)
        exports.addStretch(1)
        for button in self.export_buttons.values():
            exports.addWidget(button)
        detail = QWidget()
        box = QVBoxLayout(detail)
        box.setContentsMargins(8, 0, 0, 0)
        box.addWidget(self.title)
        box.addWidget(self.caption)
        box.addLayout(self.chart_box)
        box.addWidget(self.table, 1)
        box.addWidget(self.note)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 840])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(exports)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.show_button.clicked.connect(self.refresh)
        self.list.currentRowChanged.connect(self.show_figure)
        self.suppress.toggled.connect(lambda _on: self.show_figure(self.list.currentRow()))
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _checked=False, f=fmt: self.export(f))

    def period(self) -> Period:
        return Period(_pydate(self.start.date()), _pydate(self.end.date()))

    def refresh(self) -> None:
        """Compute the figures off the UI thread."""
        if self.loading:
            return
        period = Attempt(self, self.period).run()
        if period is None:
            return
        self.loading = True
        self._export_operation(lambda uow: compute_figures(uow, period)) \
            .with_progress("De cijfers worden berekend…") \
            .success(self.show_figures).always(self._loaded).run_in_background()

    def _loaded(self) -> None:
        self.loading = False
        self.loaded.emit()

    def show_figures(self, figures: FigureSet) -> None:
        self.figures = figures
        row = max(self.list.currentRow(), 0)
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([figure.title for figure in figures.figures])
        self.list.blockSignals(False)
        self.list.setCurrentRow(row)
        self.show_figure(row)

    def show_figure(self, row: int) -> None:
        if self.figures is None or not 0 <= row < len(self.figures.figures):
            return
        figure = self.figures.figures[row]
        self.title.setText(figure.title)
        self.caption.setText(self._caption(figure, self.suppress.isChecked()))
        self.note.setText(figure.note)
        suppress = self.suppress.isChecked()  # on screen as in the exports
        table = display_table(figure, suppress)
        self.model.set_headers(table.headers)
        self.model.set_rows([[(cell, cell.casefold() if i == 0 else number_key(cell))
                              for i, cell in enumerate(cells)]
                             for cells in table.rows[: len(figure.rows)]])
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.table.resizeColumnsToContents()
        self._show_chart(figure, suppress)

    @staticmethod
    def _caption(figure: Figure, suppress: bool) -> str:
        """Period and N travel with every figure; so does a share where one is stated."""
        lines = period_lines(figure, suppress)
        if figure.share_of is not None:
            label = next(r.label for r in figure.rows if r.code == figure.share_of)
            line = f"Aandeel {label.lower()}: {share_text(figure, figure.current, suppress)}"
            if figure.previous is not None:
                line += f" (vorige periode: {share_text(figure, figure.previous, suppress)})"
            lines.append(line)
        return "  ·  ".join(lines)

    def _show_chart(self, figure: Figure, suppress: bool) -> None:
        while self.chart_box.count():
            item = self.chart_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        if figure.chart:
            self.chart_box.addWidget(figure_chart(figure, suppress))

    # Exports -------------------------------------------------------------------------------

    @classmethod
    def ask_path(cls, parent: QWidget, fmt: ReportFormat, suggested: str) -> Path | None:
        """The file to write; tests replace this (pytest-qt's advice for dialogs)."""
        path = FilePicker.save(parent, "Opslaan als", suggested, FILTERS[fmt])
        if path is None:
            return None
        return path if path.suffix.lower() == f".{fmt.value}" else \
            path.with_name(path.name + f".{fmt.value}")

    def export(self, fmt: ReportFormat) -> None:
        if self.exporting:
            return
        period = Attempt(self, self.period).run()
        if period is None:
            return
        suggested = f"managementinformatie-{period.start:%Y%m%d}-{period.end:%Y%m%d}.{fmt.value}"
        path = self.ask_path(self, fmt, suggested)
        if path is None:
            return
        suppress = self.suppress.isChecked()

        def work(uow: UnitOfWork) -> Path:
            data = export_report(uow, period, fmt, suppress_small=suppress,
                                 progress=report_progress)
            write_private(path, data)
            return path

        label = "Het overzicht wordt gemaakt…" if fmt is ReportFormat.PDF else \
            "De cijfers worden berekend…"
        self.exporting = True
        operation = self._export_operation(work).with_progress(label).success(
            lambda saved: Notice.info(self, f"Opgeslagen in {saved}."))
        operation.always(self._exported).run_in_background()

    def _exported(self) -> None:
        self.exporting = False
        self.exported.emit()

    @property
    def busy(self) -> bool:
        return self.loading or self.exporting

    def _export_operation(self, op: Callable[[UnitOfWork], T]) -> Operation[T]:
        """Background work with the messages of this page: cancelling, a file that could not
        be written; the work captures plain values only, never this page."""
        return Operation(self, self.store, self.actor, op) \
            .on(Cancelled, lambda _error: Notice.info(
                self, "Afgebroken: er is niets opgeslagen.", "Afgebroken")) \
            .on(OSError, lambda error: Notice.warn(
                self, f"Het bestand kon niet worden geschreven: {error.strerror}."))
