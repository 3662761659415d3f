"""Small building blocks shared by the screens: read-only table models and inline messages."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from math import ceil
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"
COLUMN_GAP = 24
SIZED_ROWS = 100  # rows a column is measured on (besides those in view) when a table fills
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table of display strings; ``keys`` holds an id per row (views hold ids)."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[str, ...]] = []
        self.keys: list[Any] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]], keys: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.keys = list(keys) if keys is not None else [None] * len(self._rows)
        self.endResetModel()

    def row_values(self, row: int) -> tuple[str, ...]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class _RoomyDelegate(QStyledItemDelegate):
    """Columns sized to their contents get some air, so neighbouring values never touch."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return super().sizeHint(option, index) + QSize(COLUMN_GAP, 0)


def make_table(model: QAbstractItemModel, stretch_column: int | None = None) -> QTableView:
    """A keyboard-friendly, read-only, whole-row-selecting table; the last column stretches."""
    table = QTableView()
    table.setModel(model)
    table.setItemDelegate(_RoomyDelegate(table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setShowGrid(False)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    # Uniform row heights, and column widths from the rows in view plus the first hundred: a
    # list of 20,000 plans is laid out without measuring every cell.
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(90)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(SIZED_ROWS)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return table


def fit_columns(table: QTableView, rows: int = SIZED_ROWS,
                text: Callable[[int, int], str] | None = None) -> None:
    """Columns as wide as their header and the texts of the first ``rows`` rows, measured once
    with the view's font, then left to the user to drag. For a long lazy list: sized to its
    contents Qt asks the delegate for every measured cell (in Python, with each of its roles)
    on each layout pass, two or three passes as a table fills, on the UI thread. ``text(row,
    column)``: a cell's text straight from the model, instead of through Qt."""
    model = table.model()
    text = text or (lambda row, column: str(model.index(row, column).data() or ""))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    metrics = QFontMetricsF(table.font())  # fractional, rounded up as the delegate does
    # What QStyledItemDelegate adds to a text (a margin each side) and the gap of ours.
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    columns = model.columnCount()
    count = min(rows, model.rowCount())
    for column in range(columns - 1 if header.stretchLastSection() else columns):
        widest = max((ceil(metrics.horizontalAdvance(text(row, column)))
                      for row in range(count)), default=0)
        header.resizeSection(column, max(widest + 2 * margin + COLUMN_GAP,
                                         header.sectionSizeHint(column),
                                         header.minimumSectionSize()))


def fit_columns_on_reset(table: QTableView, text: Callable[[int, int], str] | None = None) -> None:
    """``fit_columns`` now and again whenever the model's rows are replaced: for a list of a
    few hundred rows refreshed while the person works (measured by Qt, each refresh asked the
    delegate for every cell, 30-70 ms on the UI thread)."""
    model = table.model()
    fit_columns(table, text=text)
    model.modelReset.connect(lambda: fit_columns(table, text=text))


class ErrorLabel(QLabel):
    """A red line under a field, hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def show_field_errors(errors: Mapping[str, ErrorLabel], fields: Mapping[str, str],
                      general: ErrorLabel) -> None:
    """Each message under its field; messages without a field go to ``general``."""
    rest = []
    for label in errors.values():
        label.show_message("")
    for name, message in fields.items():
        if name in errors:
            errors[name].show_message(message)
        else:
            rest.append(message)
    general.show_message(" ".join(rest))


def with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    """The field with its error line right under it, for one row of a QFormLayout."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class ElidedLabel(QLabel):
    """One line that ends in "…" where there is no room (a status bar at 200 %), never cut
    off mid-letter; the whole text is its tooltip and its accessible name."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(60)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8,
                     super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideMiddle, max(self.width() - 4, 0)))
