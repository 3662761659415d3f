"""Text helpers shared by search, validation and printing."""

from __future__ import annotations

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
