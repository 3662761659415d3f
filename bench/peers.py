"""Peers: the simplest program doing the same kind of work on the same machine in the same run.

A ratio to a peer survives a noisy machine better than an absolute time: both are slowed by the
same background load. Each peer is deliberately bare (no domain layer, no ORM, no audit)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import text

from intake.store import Store

BARE_WINDOW_SCRIPT = """
import os, sys
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
app = QApplication(sys.argv)
window = QWidget()
layout = QVBoxLayout(window)
layout.addWidget(QLabel("Aanmelden"))
button = QPushButton("Aanmelden")
layout.addWidget(button)
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            os._exit(0)
        return False
button.installEventFilter(Painted(button))
window.show()
app.exec()
"""

# Same font as the app's PDFs (embedding and subsetting a TTF is part of the job), plain
# platypus paragraphs and one table per page; page count chosen to match the plan's PDF.
BARE_PDF_SCRIPT = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table
pages, out, font = int(sys.argv[1]), sys.argv[2], sys.argv[3]
pdfmetrics.registerFont(TTFont("DejaVu", font))
style = getSampleStyleSheet()["BodyText"]
style.fontName = "DejaVu"
story = []
for page in range(pages):
    story.append(Paragraph(f"Pagina {page + 1}: Çelik, Nguyễn, Ødegård", style))
    story += [Paragraph("Resultaat en acties voor het huishouden. " * 6, style)
              for _ in range(8)]
    story.append(Table([["Actie", "Wie", "Wanneer"]] + [[f"actie {i}", "consulent",
                        "01-12-2026"] for i in range(10)]))
    if page + 1 < pages:
        story.append(PageBreak())
SimpleDocTemplate(out, pagesize=A4).build(story)
"""


def raw_query(store: Store, sql: str, params: dict[str, Any]) -> Callable[[], object]:
    """One raw statement on the store's own SQLCipher engine, rows fetched."""

    def run() -> object:
        with store.engine.connect() as conn:
            return conn.execute(text(sql), params).fetchall()

    return run


def raw_statements(store: Store, statements: list[tuple[str, dict[str, Any]]]) \
        -> Callable[[], object]:
    def run() -> object:
        with store.engine.connect() as conn:
            return [conn.execute(text(sql), params).fetchall() for sql, params in statements]

    return run


def figures_peer(store: Store, start: date, end: date, before: date) -> Callable[[], object]:
    """The first figure (help questions by type and place) for both periods, raw SQL."""
    sql = ("SELECT type_code, vindplaats_code, count(*) FROM help_questions "
           "WHERE registered_on BETWEEN :a AND :b GROUP BY type_code, vindplaats_code")
    return raw_statements(store, [(sql, {"a": start, "b": end}), (sql, {"a": before, "b": start})])
