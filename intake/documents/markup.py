"""User text into ReportLab markup: escaped first, always. A name like 'Ali & Zoë <Jansen>'
must print as typed and never be read as markup."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

from intake.core.validation import format_date

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


# No Dutch word is this long. ReportLab's search for a break inside one unbroken word grows
# much faster than its length (800 characters: seconds; 2,000: minutes), and a name kept whole
# would run off the page: longer runs are cut into pieces that wrap like words.
LONG_WORD = 40
_LONG_RUN = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def _cut(match: re.Match[str]) -> str:
    run = match.group(0)
    return " ".join(run[i:i + LONG_WORD] for i in range(0, len(run), LONG_WORD))


def wrappable(text: str) -> str:
    return _LONG_RUN.sub(_cut, text)


def esc(text: str) -> str:
    """Escaped, with line breaks kept as <br/>."""
    return "<br/>".join(escape(wrappable(line)) for line in text.strip().splitlines())


def keep(text: str) -> str:
    """Escaped and never hyphenated or broken: names, dates, dossiernummer, postcode, BSN,
    phone numbers. Text with a run longer than any word wraps instead of leaving the page."""
    text = " ".join(text.split())
    if _LONG_RUN.search(text):
        return escape(wrappable(text))
    return f"<nobr>{escape(text)}</nobr>" if text else ""


class _Paragraph(Paragraph):  # type: ignore[misc]  # reportlab ships no stubs
    """ReportLab's Paragraph with its lines broken once per width: a table measures every
    cell, then measures it again to draw it, and a block kept together is measured before
    it is placed; the lines come out the same each time. Only the last measure is kept, and
    only while its lines are (a split drops them)."""

    _wrapped: tuple[float, tuple[float, float], Any] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        last = self._wrapped
        if last is not None and last[0] == availWidth \
                and self.__dict__.get("blPara") is last[2]:
            self.width, self.height = last[1]
            return last[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size, self.__dict__.get("blPara"))
        return size


# The cleaned text, the style, each fragment with the names of its lists, the bullet.
_Parsed = tuple[str, Any, tuple[tuple[Any, tuple[str, ...]], ...], Any]


@lru_cache(maxsize=4096)
def _parsed(markup: str, style: object) -> _Parsed:
    """The markup as ReportLab's parser reads it, once per style in a process: headers,
    labels, statuses and dates repeat in every plan of a bulk print. Styles come from
    ``make_styles``, which makes each size once."""
    parsed = Paragraph(markup, style)
    frags = []
    for frag in parsed.frags:
        lists = tuple(name for name, value in frag.__dict__.items() if type(value) is list)
        frags.append((_copy(frag, lists), lists))
    return parsed.text, parsed.style, tuple(frags), parsed.bulletText


def _copy(frag: Any, lists: tuple[str, ...]) -> Any:
    """A fragment of its own (its lists too): laying a paragraph out may change them."""
    new = object.__new__(type(frag))
    attributes = new.__dict__
    attributes.update(frag.__dict__)
    for name in lists:
        attributes[name] = attributes[name][:]
    return new


def _paragraph(markup: str, style: object) -> Paragraph:
    text, parsed_style, frags, bullet = _parsed(markup, style)
    return _Paragraph(text, parsed_style, bulletText=bullet,
                      frags=[_copy(f, lists) for f, lists in frags])


def para(text: str, style: object) -> Paragraph:
    """A Paragraph of plain user text (escaped here)."""
    return _paragraph(esc(text), style)


def marked(markup: str, style: object) -> Paragraph:
    """A Paragraph of markup the caller built from escaped parts only."""
    return _paragraph(markup, style)


def short_date(day: date | None) -> str:
    return format_date(day) if day else ""


def long_date(day: date | None) -> str:
    """'15 januari 2027': easier to read than 15-01-2027 for the resident version."""
    if day is None:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
