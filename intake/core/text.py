"""Text helpers shared by search, validation and printing."""

from __future__ import annotations

import re
import unicodedata

# Letters that do not decompose into base letter + accent.
_FOLD_EXTRA = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ß": "ss",
                             "ı": "i", "þ": "th", "ð": "d"})


def fold(value: str) -> str:
    """Casefolded and accent-free, so 'Çelik' is found by typing 'celik'."""
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


def digits(value: str) -> str:
    """Only the digits of a typed number (BSN, phone, house number): spaces, dots and dashes
    people type between them go."""
    return re.sub(r"[\s.\-/]", "", value)
