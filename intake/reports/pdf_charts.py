"""Simple horizontal bar charts (reportlab.graphics) for the main figures: this period and the
previous one side by side per category."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from intake.documents.fonts import register_fonts
from intake.reports.model import Figure
from intake.reports.tables import SMALL

CURRENT = colors.HexColor("#1F4E79")
PREVIOUS = colors.HexColor("#9AA9B8")
LABEL_SPACE = 150
BAR_ROW = 15


def bar_chart(figure: Figure, width: float, suppress: bool) -> Drawing:
    """One bar per row of a one-column figure; counts under five are not drawn when small
    numbers are hidden (the caption says so)."""
    font = register_fonts()
    column = figure.columns[0].code
    rows = list(reversed(figure.rows))  # a horizontal chart draws its first category lowest

    def values(index: int) -> list[float]:
        counts = figure.periods[index]
        out = []
        for row in rows:
            value = counts.value(row.code, column)
            out.append(0 if suppress and 0 < value < SMALL else value)
        return out

    data = [values(i) for i in range(len(figure.periods))]
    height = max(len(rows), 1) * BAR_ROW + 40
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = LABEL_SPACE, 25
    chart.width, chart.height = width - LABEL_SPACE - 10, height - 35
    chart.data = data
    chart.categoryAxis.categoryNames = [_short(row.label) for row in rows]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max((v for series in data for v in series), default=0)
    chart.valueAxis.valueMax = max(top * 1.1, 5)
    chart.valueAxis.forceZero = True
    chart.barSpacing = 0.5
    chart.groupSpacing = 3
    chart.bars.strokeWidth = 0
    chart.bars[0].fillColor = CURRENT
    if len(data) > 1:
        chart.bars[1].fillColor = PREVIOUS
    drawing.add(chart)
    legend = Legend()
    legend.fontName, legend.fontSize = font, 7.5
    legend.x, legend.y = LABEL_SPACE, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 110
    pairs = [(CURRENT, "Deze periode")]
    if len(data) > 1:
        pairs.append((PREVIOUS, "Vorige periode"))
    legend.colorNamePairs = pairs
    drawing.add(legend)
    return drawing


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
