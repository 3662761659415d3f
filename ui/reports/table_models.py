"""A table model whose cells carry a sort key next to their text, and a table view sorted by
clicking a header through a QSortFilterProxyModel (numbers sort as numbers, dates as dates)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QTableView, QWidget

from ui.kit.widgets import make_table

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
Cell = tuple[str, Any]  # (text shown, sort key)


def number_key(text: str) -> float:
    """'12' -> 12, '33%' -> 33, '< 5' -> 4.5 (under five), anything else sorts first."""
    cleaned = text.replace("%", "").replace(",", ".").strip()
    if cleaned == "< 5":
        return 4.5
    try:
        return float(cleaned)
    except ValueError:
        return -1.0


class SortableTableModel(QAbstractTableModel):
    """Read-only rows of cells; ``keys`` holds an id per row (views hold ids, not objects)."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None,
                 numeric_from: int | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[Cell]] = []
        self.keys: list[Any] = []
        self.numeric_from = numeric_from  # columns from here on are right-aligned

    def set_headers(self, headers: Sequence[str]) -> None:
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = []
        self.keys = []
        self.endResetModel()

    def set_rows(self, rows: Sequence[Sequence[Cell]], keys: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self._rows = [list(row) for row in rows]
        self.keys = list(keys) if keys is not None else [None] * len(self._rows)
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text, key = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == SORT_ROLE:
            return key
        if role == Qt.ItemDataRole.TextAlignmentRole and self.numeric_from is not None \
                and index.column() >= self.numeric_from:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


def sorted_table(model: SortableTableModel, stretch_column: int | None = None
                 ) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    table = make_table(proxy, stretch_column)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicatorShown(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the domain's order at first
    return table, proxy


def source_row(proxy: QSortFilterProxyModel, index: QModelIndex) -> int:
    return proxy.mapToSource(index).row() if index.isValid() else -1
