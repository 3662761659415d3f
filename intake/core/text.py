"""Text helpers shared by search, validation and printing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters that do not decompose into base letter + accent.
_FOLD_EXTRA = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ß": "ss",
                             "ı": "i", "þ": "th", "ð": "d"})


def fold(value: str) -> str:
    """Casefolded and accent-free, so 'Çelik' is found by typing 'celik'."""
    if value.isascii():  # most names: nothing to decompose, strip or translate
        return " ".join(value.lower().split())
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.translate(_FOLD_EXTRA).split())


def full_name(given: str, prefix: str, family: str) -> str:
    return " ".join(part for part in (given.strip(), prefix.strip(), family.strip()) if part)


# Words that start a Dutch family name (tussenvoegsels); stored apart from the family name and
# never a name part of their own: "de" alone finds nobody.
TUSSENVOEGSELS = frozenset({"van", "de", "der", "den", "het", "'t", "t", "ter", "ten", "te",
                            "op", "in", "v.d.", "vd"})
# Where a name splits into parts: spaces, hyphens, commas ("Jansen-de Vries", "El Amrani").
_PART_BREAK = re.compile(r"[\s,\-\u2010\u2011\u2013]+")
_APOSTROPHE = re.compile(r"['\u2019`]")


def words(value: str) -> list[str]:
    """The folded words of a typed search or a name, split where a name splits into parts."""
    return [word for word in _PART_BREAK.split(fold(_APOSTROPHE.sub("'", value))) if word]


def name_parts(given: str, family: str) -> list[str]:
    """Every part of a member's names a search word may start: each given name, each part of
    a multi-part family name, and after an apostrophe ("d'souza" and "souza"); tussenvoegsels
    are no part. Changing this needs a migration that recomputes the stored parts."""
    parts: list[str] = []
    for word in (*words(given), *words(family)):
        pieces = [word, *(piece for piece in word.split("'") if len(piece) > 1 and piece != word)]
        for piece in pieces:
            if piece and piece not in TUSSENVOEGSELS and piece not in parts:
                parts.append(piece[:100])
    return parts


def ascii_digits(value: str) -> str:
    """Full-width, Arabic-Indic and every other Unicode decimal digit as its ASCII digit, so
    '１１１２２２３３３' is the BSN 111222333 everywhere (validation and search alike)."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch
                   for ch in value)


def digits(value: str) -> str:
    """Only the digits of a typed number (BSN, phone, house number), as ASCII: spaces, dots and
    dashes people type between them go."""
    return re.sub(r"[\s.\-/\u2010-\u2015\u2212\u3000]", "", ascii_digits(value))


# Marks that reorder text for display: in a name they make "Jan" show as something else on
# screen and on paper (Trojan-source style); never a part of a Dutch name or note.
_BIDI = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _kept(ch: str, keep: str) -> bool:
    return ch in keep or not (unicodedata.category(ch) == "Cc" or ch in _BIDI)


def clean_line(value: str) -> str:
    """A single-line field as stored: tabs and line breaks become spaces; other control
    characters and bidi overrides go."""
    spaced = re.sub(r"[\t\r\n\v\f\u2028\u2029\x85]+", " ", value)
    return "".join(ch for ch in spaced if _kept(ch, ""))


def clean_text(value: str) -> str:
    """A multi-line text as stored: line breaks and tabs stay; other control characters and
    bidi overrides go."""
    return "".join(ch for ch in value.replace("\r\n", "\n") if _kept(ch, "\n\t"))


def printable(value: str) -> str:
    """For a terminal: no escape code or control character reaches it."""
    return "".join(ch if _kept(ch, "") else "?" for ch in value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def formula_safe(value: str) -> str:
    """A spreadsheet cell that is never a formula: text starting with =, +, - or @ gets a
    leading apostrophe (what spreadsheets themselves use to mark text). Plain numbers and the
    placeholder '-' stay as they are."""
    if value.startswith(_FORMULA_START) and value != "-" and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def formula_safe_row(values: Iterable[object]) -> list[object]:
    return [formula_safe(value) if isinstance(value, str) else value for value in values]
