"""The shape every figure has: labelled rows and columns of counts for a period, the same for
the previous period, and the number of cases behind it. Exports and screens read only this."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from intake.reports.period import Period


class Measure(StrEnum):
    COUNT = "aantal"
    MEDIAN = "mediaan"


@dataclass(frozen=True)
class Label:
    code: str
    label: str


@dataclass(frozen=True)
class PeriodCounts:
    """One period's cells: (row code, column code) -> value. Missing cells are zero."""

    period: Period
    n: int  # the number of cases behind the figure in this period
    cells: dict[tuple[str, str], float] = field(default_factory=dict)

    def value(self, row: str, column: str) -> float:
        return self.cells.get((row, column), 0)

    def row_total(self, row: str) -> float:
        return sum(value for (r, _c), value in self.cells.items() if r == row)


@dataclass(frozen=True)
class Figure:
    key: str  # stable, used as sheet name and CSV key
    title: str
    unit: str  # what N counts, e.g. "hulpvragen", "huishoudens"
    note: str  # how it was counted, printed under the figure
    rows: tuple[Label, ...]
    columns: tuple[Label, ...]
    current: PeriodCounts
    previous: PeriodCounts | None
    measure: Measure = Measure.COUNT
    chart: bool = False  # one of the main figures drawn as a bar chart
    share_of: str | None = None  # row code whose share of N is worth stating
    row_title: str = "Categorie"  # header of the first column
    # Columns that count a part of the others (e.g. "evaluation due soon" among the active
    # plans): shown, but left out of a row's total.
    extra_columns: frozenset[str] = frozenset()
    # A median per row (per organisation): the column that counts the cases behind each
    # row's median, so a row with few cases is hidden as the figure-wide N hides a median.
    n_column: str | None = None

    def cell_n(self, counts: PeriodCounts, row: str) -> int:
        """The number of cases behind one cell of a median."""
        if self.n_column is None:
            return counts.n
        return int(counts.value(row, self.n_column))

    def row_total(self, counts: PeriodCounts, row: str) -> float:
        return sum(counts.value(row, c.code) for c in self.columns
                   if c.code not in self.extra_columns)

    @property
    def periods(self) -> tuple[PeriodCounts, ...]:
        return (self.current,) if self.previous is None else (self.current, self.previous)

    def share(self, counts: PeriodCounts) -> float | None:
        """The share (0-100) of N in row ``share_of``, or None without cases."""
        if self.share_of is None or counts.n == 0:
            return None
        return 100.0 * counts.row_total(self.share_of) / counts.n


@dataclass(frozen=True)
class FigureSet:
    period: Period
    previous: Period
    figures: tuple[Figure, ...]

    def get(self, key: str) -> Figure:
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)
