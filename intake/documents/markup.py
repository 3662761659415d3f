"""User text into ReportLab markup: escaped first, always. A name like 'Ali & Zoë <Jansen>'
must print as typed and never be read as markup."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

from intake.core.validation import format_date

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def esc(text: str) -> str:
    """Escaped, with line breaks kept as <br/>."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


def keep(text: str) -> str:
    """Escaped and never hyphenated or broken: names, dates, dossiernummer, postcode, BSN,
    phone numbers."""
    text = " ".join(text.split())
    return f"<nobr>{escape(text)}</nobr>" if text else ""


def para(text: str, style: object) -> Paragraph:
    """A Paragraph of plain user text (escaped here)."""
    return Paragraph(esc(text), style)


def marked(markup: str, style: object) -> Paragraph:
    """A Paragraph of markup the caller built from escaped parts only."""
    return Paragraph(markup, style)


def short_date(day: date | None) -> str:
    return format_date(day) if day else ""


def long_date(day: date | None) -> str:
    """'15 januari 2027': easier to read than 15-01-2027 for the resident version."""
    if day is None:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
