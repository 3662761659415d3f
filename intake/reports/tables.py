"""Figures as tables of display text, the same on screen, in XLSX and in the PDF.

Privacy: with ``suppress_small`` a count of 1-4 cases is shown as "< 5" (zero stays zero: it
reveals nobody), a share whose numerator is small is left out, and a median over fewer than
five households is not shown. Used for anything that leaves the team.
"""

from __future__ import annotations

from dataclasses import dataclass

from intake.reports.model import Figure, Measure, PeriodCounts

SMALL = 5
SMALL_MARK = "< 5"
HIDDEN_MEDIAN = "n < 5"


def count_text(value: float, suppress: bool) -> str:
    if suppress and 0 < value < SMALL:
        return SMALL_MARK
    return f"{int(value)}"


def number_text(value: float) -> str:
    """Whole numbers as such, others with one decimal and a Dutch comma."""
    return f"{int(value)}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def cell_text(figure: Figure, counts: PeriodCounts, row: str, column: str,
              suppress: bool) -> str:
    if figure.measure is Measure.MEDIAN and column != figure.n_column:
        n = figure.cell_n(counts, row)
        if n == 0:
            return "-"
        if suppress and n < SMALL:
            return HIDDEN_MEDIAN
        return number_text(counts.value(row, column))
    return count_text(counts.value(row, column), suppress)


def share_text(figure: Figure, counts: PeriodCounts, suppress: bool) -> str:
    share = figure.share(counts)
    if share is None or figure.share_of is None:
        return "-"
    if suppress and 0 < counts.row_total(figure.share_of) < SMALL:
        return "-"
    return f"{share:.0f}%"


@dataclass(frozen=True)
class DisplayTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def display_table(figure: Figure, suppress: bool = False) -> DisplayTable:
    """One row per category. A one-column figure shows this and the previous period side by
    side; a cross table shows its columns, the row total and the previous period's total."""
    cur, prev = figure.current, figure.previous
    single = len(figure.columns) == 1
    headers = [figure.row_title]
    if single:
        headers.append("Deze periode")
        if prev is not None:
            headers.append("Vorige periode")
    else:
        headers.extend(column.label for column in figure.columns)
        headers.append("Totaal")
        if prev is not None:
            headers.append("Totaal vorige periode")
    rows: list[tuple[str, ...]] = []
    for row in figure.rows:
        cells = [row.label]
        if single:
            column = figure.columns[0].code
            cells.extend(cell_text(figure, c, row.code, column, suppress) for c in figure.periods)
        else:
            cells.extend(cell_text(figure, cur, row.code, column.code, suppress)
                         for column in figure.columns)
            cells.extend(count_text(figure.row_total(c, row.code), suppress)
                         for c in figure.periods)
        rows.append(tuple(cells))
    if figure.share_of is not None:
        label = next(r.label for r in figure.rows if r.code == figure.share_of)
        rows.append((f"Aandeel {label.lower()}",
                     *(share_text(figure, c, suppress) for c in figure.periods),))
    rows.append(n_row(figure, single, suppress))
    return DisplayTable(tuple(headers), tuple(rows))


def n_row(figure: Figure, single: bool, suppress: bool) -> tuple[str, ...]:
    label = f"N ({figure.unit})"
    values = [count_text(c.n, suppress) for c in figure.periods]
    if single:
        return (label, *values)
    return (label, *([""] * len(figure.columns)), *values)


def period_lines(figure: Figure, suppress: bool) -> list[str]:
    """The lines that always travel with a figure: its period(s) and N."""
    if figure.previous is None:
        lines = [f"Peildatum: {figure.current.period.end:%d-%m-%Y}"]
    else:
        lines = [f"Periode: {figure.current.period.label}",
                 f"Vorige periode: {figure.previous.period.label}"]
    n_line = f"N ({figure.unit}): {count_text(figure.current.n, suppress)}"
    if figure.previous is not None:
        n_line += f" (vorige periode: {count_text(figure.previous.n, suppress)})"
    lines.append(n_line)
    return lines
