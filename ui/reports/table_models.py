"""A table model whose cells carry a sort key next to their text, and a table view sorted by
clicking a header through a QSortFilterProxyModel (numbers sort as numbers, dates as dates);
for long lists a lazy model that keeps the light rows and formats only what is in view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QTableView, QWidget

from ui.kit.widgets import fit_columns, make_table

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
Cell = tuple[str, Any]  # (text shown, sort key)
R = TypeVar("R")


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


class LazyRowsModel(QAbstractTableModel, Generic[R]):
    """Read-only rows kept as the domain's light rows (frozen dataclasses), for lists of
    tens of thousands: a cell's text is made when the view asks for it (the rows in view),
    rows reach the view in batches (``canFetchMore``/``fetchMore``), and sorting and the
    text filter work on the light rows with a key per column, never on formatted cells.
    ``cells(row)`` gives a row's (text, sort key) per column, for the rows in view;
    ``keys[column](row)`` the same sort key, for sorting every row by one column without
    formatting the others."""

    BATCH = 500

    def __init__(self, headers: Sequence[str], cells: Callable[[R], Sequence[Cell]],
                 keys: Sequence[Callable[[R], Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert len(keys) == len(headers)
        self._headers = list(headers)
        self._cells = cells
        self._keys = list(keys)
        self._all: Sequence[R] = []
        self._shown: Sequence[R] = []
        self._fetched = 0
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._filter: tuple[int, str] = (0, "")
        self._formatted: dict[int, Sequence[Cell]] = {}

    # ---- content -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        # A range (places in a columnar list) is kept as it is: twenty thousand numbers in
        # a list are as many objects for the collector to look at on the UI thread.
        self._all = rows if isinstance(rows, range) else list(rows)  # type: ignore[assignment]
        self._arrange()

    def row(self, row: int) -> R:
        return self._shown[row]

    def text(self, row: int, column: int) -> str:
        return self._row_cells(row)[column][0]

    def total(self) -> int:
        """Rows after the filter, fetched by the view or not."""
        return len(self._shown)

    def set_filter(self, column: int, text: str) -> None:
        """Rows whose sort key in ``column`` (for a text column: its text, folded) contains
        ``text`` (case-insensitive)."""
        self._filter = (column, text.casefold())
        self._arrange()

    def _row_cells(self, row: int) -> Sequence[Cell]:
        found = self._formatted.get(row)
        if found is None:
            found = self._formatted[row] = self._cells(self._shown[row])
        return found

    def _arrange(self) -> None:
        self.beginResetModel()
        column, text = self._filter
        shown = self._all if not text else [
            r for r in self._all if text in str(self._keys[column](r)).casefold()]
        by, order = self._sort
        if by >= 0:
            shown = sorted(shown, key=self._keys[by],
                           reverse=order == Qt.SortOrder.DescendingOrder)
        self._shown = shown if shown is self._all else list(shown)
        self._formatted = {}
        self._fetched = min(len(self._shown), self.BATCH)
        self.endResetModel()

    # ---- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetched < len(self._shown)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(self.BATCH, len(self._shown) - self._fetched)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._fetched, self._fetched + more - 1)
        self._fetched += more
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._arrange()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return None
        text, key = self._row_cells(index.row())[index.column()]
        return key if role == SORT_ROLE else text

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


def lazy_table(model: LazyRowsModel[Any]) -> QTableView:
    """A table over a lazy model: it sorts itself (no proxy in between); its columns are
    fitted to the first rows once per new content or order (``fit_columns``), not measured
    through the delegate on every layout pass."""
    table = make_table(model)
    fit_columns(table, text=model.text)
    model.modelReset.connect(lambda: fit_columns(table, text=model.text))
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicatorShown(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the domain's order at first
    return table
