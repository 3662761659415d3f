"""Figures as CSV (one long table, one line per cell) and as XLSX (one sheet per figure, named
by its Dutch title, laid out as on screen, with its period and N above it).

The CSV is for Dutch Excel, which opens it with a double click: semicolons between the
fields, UTF-8 with a byte order mark (so "één" stays readable) and decimal commas. The
help-question export for the municipal dashboard (help_question_export.py) keeps its own
machine format.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from intake.core.text import formula_safe_row
from intake.reports.model import Figure, FigureSet, Measure, PeriodCounts
from intake.reports.tables import (
    HIDDEN_MEDIAN,
    SMALL,
    count_text,
    display_table,
    number_text,
    period_lines,
)

CSV_DELIMITER = ";"
CSV_ENCODING = "utf-8-sig"  # with the byte order mark Excel needs to read UTF-8
SHEET_NAME_MAX = 31  # Excel's limit
SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
CSV_HEADER = ("figuur", "titel", "periode_van", "periode_tot", "rij_code", "rij", "kolom_code",
              "kolom", "waarde", "n", "eenheid")


def _value(figure: Figure, counts: PeriodCounts, row: str, column: str, suppress: bool) -> str:
    value = counts.value(row, column)
    if figure.measure is Measure.MEDIAN and column != figure.n_column:
        n = figure.cell_n(counts, row)
        if n == 0:
            return ""
        return HIDDEN_MEDIAN if suppress and n < SMALL else number_text(value)
    return count_text(value, suppress)


def figures_csv(figures: FigureSet, suppress: bool = False) -> bytes:
    """Every cell of every figure for both periods, zeros included, so a dashboard can sum."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for figure in figures.figures:
        for counts in figure.periods:
            n = count_text(counts.n, suppress)
            for row in figure.rows:
                for column in figure.columns:
                    writer.writerow(formula_safe_row((
                        figure.key, figure.title, counts.period.start.isoformat(),
                        counts.period.end.isoformat(), row.code, row.label, column.code,
                        column.label, _value(figure, counts, row.code, column.code, suppress),
                        n, figure.unit)))
    return out.getvalue().encode(CSV_ENCODING)


def figures_xlsx(figures: FigureSet, suppress: bool = False) -> bytes:
    book = Workbook()
    index = book.active
    index.title = "Overzicht"
    index.append(["Managementinformatie sociaal domein"])
    index["A1"].font = Font(bold=True, size=14)
    index.append([f"Periode: {figures.period.label}"])
    index.append([f"Vergeleken met: {figures.previous.label}"])
    if suppress:
        index.append(["Aantallen van 1 tot 5 staan als '< 5' (kleine aantallen verborgen)."])
    index.append([])
    index.append(["Blad", "Figuur"])
    used = {index.title}
    for figure in figures.figures:
        name = sheet_name(figure.title, used)
        index.append(formula_safe_row([name, figure.title]))
        _figure_sheet(book, name, figure, suppress)
    index.column_dimensions["A"].width = 30
    index.column_dimensions["B"].width = 60
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_name(title: str, used: set[str]) -> str:
    """The figure's Dutch title as a sheet name: Excel's forbidden characters out, at most
    31 characters, a number added when two titles would read the same."""
    base = " ".join(title.translate(SHEET_NAME_FORBIDDEN).split()).strip("'")
    if len(base) > SHEET_NAME_MAX:  # cut at a word, not inside one
        cut = base[: SHEET_NAME_MAX + 1].rsplit(" ", 1)[0]
        base = cut if len(cut) > SHEET_NAME_MAX // 2 else base[:SHEET_NAME_MAX]
    base = base.strip(" ,;-")
    name, number = base, 2
    while name.lower() in {u.lower() for u in used}:
        suffix = f" ({number})"
        name, number = base[: SHEET_NAME_MAX - len(suffix)].rstrip() + suffix, number + 1
    used.add(name)
    return name


def _figure_sheet(book: Workbook, name: str, figure: Figure, suppress: bool) -> None:
    sheet = book.create_sheet(name)
    sheet.append(formula_safe_row([figure.title]))
    sheet["A1"].font = Font(bold=True, size=13)
    for line in period_lines(figure, suppress):
        sheet.append(formula_safe_row([line]))
    sheet.append([])
    table = display_table(figure, suppress)
    sheet.append(formula_safe_row(table.headers))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        sheet.append(formula_safe_row(_number_or_text(value) for value in row))
    sheet.append([])
    sheet.append(formula_safe_row([figure.note]))
    sheet.column_dimensions["A"].width = 44
    for letter in "BCDEFGHIJKLMNOPQRSTUVWXYZ"[: len(table.headers) - 1]:
        sheet.column_dimensions[letter].width = 14


def _number_or_text(value: str) -> int | float | str:
    """Counts as numbers, so a spreadsheet can sum them; '< 5', '-' and labels as text."""
    try:
        return int(value)
    except ValueError:
        try:
            return float(value.replace(",", "."))
        except ValueError:
            return value
