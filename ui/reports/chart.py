"""A QtCharts horizontal bar chart of a one-column figure: this period and the previous one."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter

from intake.reports.model import Figure
from intake.reports.tables import SMALL

CURRENT = QColor("#1F4E79")
PREVIOUS = QColor("#9AA9B8")
ROW_HEIGHT = 21


def figure_chart(figure: Figure, suppress: bool = False) -> QChartView:
    """Counts under five are not drawn when small numbers are hidden (as in the PDF)."""
    column = figure.columns[0].code
    rows = list(reversed(figure.rows))  # the chart draws its first category at the bottom
    series = QHorizontalBarSeries()
    names = ("Deze periode", "Vorige periode")
    top = 0.0
    for counts, name, color in reversed(list(zip(figure.periods, names, (CURRENT, PREVIOUS),
                                                 strict=False))):
        bars = QBarSet(f"{name} ({counts.period.label})")
        bars.setColor(color)
        bars.setBorderColor(color)
        for row in rows:
            value = counts.value(row.code, column)
            if suppress and 0 < value < SMALL:
                value = 0
            bars.append(value)
            top = max(top, value)
        series.append(bars)
    chart = QChart()
    chart.addSeries(series)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setReverseMarkers(True)
    categories = QBarCategoryAxis()
    categories.append([row.label for row in rows])
    categories.setTruncateLabels(False)  # a short chart would otherwise show only "…"
    values = QValueAxis()
    values.setRange(0, max(top * 1.05, 5))
    values.applyNiceNumbers()  # round tick values (0, 20, 40, …) instead of 0, 24, 49, …
    values.setLabelFormat("%d")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(min(len(rows) * ROW_HEIGHT + 80, 440))
    return view
