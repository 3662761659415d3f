"""Page furniture shared by every printed document: page templates, header, footer and the
numbered canvas that writes 'pagina X van Y' once the page count is known."""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle

from intake.documents.fonts import BOLD, register_fonts
from intake.documents.hyphenation import hyphenate

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
HEADER_SPACE = 9 * mm
FOOTER_SPACE = 14 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
ACCENT = colors.HexColor("#1F4E79")
LIGHT = colors.HexColor("#E8EEF5")
RULE = colors.HexColor("#9AA9B8")


@dataclass(frozen=True)
class PageInfo:
    """What the header and footer of every page say."""

    title: str  # e.g. "Plan van aanpak"
    header_right: str  # e.g. "HH-2026-000001 · versie 2 · Actief"
    footer_left: str  # e.g. "Afgedrukt op 22-11-2026 20:15 door Carla Consulent"
    document_title: str  # PDF metadata
    marking: str = ""  # e.g. "Namen vervangen" on redacted prints
    confidential: str = "Vertrouwelijk"  # centred on page 1


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    label: ParagraphStyle


@cache
def make_styles(size: float) -> Styles:
    """Styles scaled on the body size: ~9.5 pt for professionals, 12.5 pt for residents.
    Made once per size in a process (nothing changes a style once made): a bulk print makes
    thousands of documents, and markup is parsed once per style (``markup._parsed``)."""
    font = register_fonts()
    lead = size * 1.35
    # Dutch words wrap at syllable boundaries with a hyphen (pyphen, through hyphenate, which
    # loads the patterns once and only when a word does not fit), never mid-syllable;
    # names, dates and numbers are kept whole with <nobr> (markup.keep).
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=lead, spaceAfter=size * 0.4,
                          hyphenationLang=hyphenate, embeddedHyphenation=0,
                          uriWasteReduce=0)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=size * 0.85, leading=lead * 0.85),
        cell=ParagraphStyle("cell", parent=body, fontSize=size * 0.92, leading=lead * 0.92,
                            spaceAfter=0),
        cell_head=ParagraphStyle("cell_head", parent=body, fontName=BOLD, fontSize=size * 0.92,
                                 leading=lead * 0.92, spaceAfter=0, textColor=colors.white),
        h1=ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=size * 1.9,
                          leading=size * 2.3, spaceAfter=size * 0.6, textColor=ACCENT),
        h2=ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=size * 1.35,
                          leading=size * 1.7, spaceBefore=size * 1.1, spaceAfter=size * 0.5,
                          textColor=ACCENT, keepWithNext=1),
        h3=ParagraphStyle("h3", parent=body, fontName=BOLD, fontSize=size * 1.1,
                          leading=size * 1.45, spaceBefore=size * 0.8, spaceAfter=size * 0.3,
                          keepWithNext=1),
        label=ParagraphStyle("label", parent=body, fontName=BOLD, spaceAfter=0),
    )


def grid_table(rows: Sequence[Sequence[Any]], widths: Sequence[float],
               header: bool = True) -> Table:
    """A table whose header row repeats on every page it runs over."""
    table = Table([list(r) for r in rows], colWidths=list(widths),
                  repeatRows=1 if header else 0, hAlign="LEFT",
                  splitInRow=1)  # a row taller than a page (a long action) goes on overleaf
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
        style.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LIGHT]))
    table.setStyle(TableStyle(style))
    return table


def field_table(rows: Sequence[tuple[Flowable, Flowable]], label_width: float) -> Table:
    """Label/value pairs without grid lines."""
    table = Table([list(r) for r in rows], colWidths=[label_width, CONTENT_WIDTH - label_width],
                  hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, LIGHT),
    ]))
    return table


def numbered_canvas(info: PageInfo) -> type[Canvas]:
    """A canvas that holds every page until the end, then draws header and footer with the
    total page count known (the ReportLab 'page x of y' recipe)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no stubs
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                _furniture(self, info, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _furniture(canvas: Canvas, info: PageInfo, page: int, total: int) -> None:
    font = register_fonts()
    canvas.saveState()
    top = PAGE_HEIGHT - MARGIN + 4 * mm
    if info.marking:
        # Above the header, away from everything else: a redacted print must say so.
        canvas.setFillColor(colors.HexColor("#A4262C"))
        canvas.setFont(BOLD, 8.5)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 9 * mm, info.marking)
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 9)
    canvas.drawString(MARGIN, top, info.title)
    canvas.setFont(font, 8.5)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, top, info.header_right)
    if page == 1:
        canvas.setFont(BOLD, 8.5)
        canvas.drawCentredString(PAGE_WIDTH / 2, top, info.confidential)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, top - 2.5 * mm, PAGE_WIDTH - MARGIN, top - 2.5 * mm)
    bottom = MARGIN - 6 * mm
    canvas.line(MARGIN, bottom + 4 * mm, PAGE_WIDTH - MARGIN, bottom + 4 * mm)
    canvas.setFillColor(colors.black)
    canvas.setFont(font, 8)
    canvas.drawString(MARGIN, bottom, info.footer_left)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, bottom, f"pagina {page} van {total}")
    canvas.restoreState()


_ATOMS = (int, float, str, type(None))


class _Frame(Frame):  # type: ignore[misc]  # reportlab ships no stubs
    """ReportLab's Frame, copied faster: a block kept together is measured on a deep copy of
    the frame (``flowables._listWrapOn``), a dozen times a plan. Its attributes are numbers
    and strings, which a deep copy shares anyway; the rest (a list or two) is copied deeply
    as before."""

    def __deepcopy__(self, memo: dict[int, Any]) -> _Frame:
        new = object.__new__(type(self))
        memo[id(self)] = new
        new.__dict__.update({key: value if type(value) in _ATOMS else deepcopy(value, memo)
                             for key, value in self.__dict__.items()})
        return new


def build_pdf(story: list[Flowable], info: PageInfo) -> bytes:
    """Lay the story out on A4 with a first-page and an other-pages template."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN + HEADER_SPACE, bottomMargin=MARGIN + FOOTER_SPACE,
                          title=info.document_title, author="Gemeente — sociaal domein",
                          creator="intake", subject=info.title)
    frame_height = PAGE_HEIGHT - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE
    # The first page gives the title block a little more room under the header.
    first = _Frame(MARGIN, MARGIN + FOOTER_SPACE, CONTENT_WIDTH, frame_height + 4 * mm,
                  id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    other = _Frame(MARGIN, MARGIN + FOOTER_SPACE, CONTENT_WIDTH, frame_height, id="other",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="First", frames=[first], autoNextPageTemplate="Other"),
        PageTemplate(id="Other", frames=[other]),
    ])
    doc.build(story, canvasmaker=numbered_canvas(info))
    return buffer.getvalue()

