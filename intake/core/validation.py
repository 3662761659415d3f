"""Checks on what people type: Dutch postcodes, BSN (elfproef), dates, names."""

from __future__ import annotations

import re
from datetime import date, datetime

from intake.core.text import digits

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")


def normalise_postcode(value: str) -> str | None:
    """'1234 ab' -> '1234AB'; None when it is not a Dutch postcode."""
    match = _POSTCODE.match(value)
    if not match:
        return None
    letters = match.group(2).upper()
    if letters in {"SA", "SD", "SS"}:  # never issued
        return None
    return match.group(1) + letters


def format_postcode(stored: str) -> str:
    return f"{stored[:4]} {stored[4:]}" if len(stored) == 6 else stored


def normalise_bsn(value: str) -> str | None:
    """Digits only, zero-padded to nine; None when the elfproef fails."""
    number = digits(value)
    if not number.isdigit() or not 8 <= len(number) <= 9:
        return None
    number = number.zfill(9)
    # python-stdnum (and the ssl module it imports) loads when a BSN is checked, not with
    # the date helpers every command and form uses.
    from stdnum.nl import bsn as stdnum_bsn

    return number if stdnum_bsn.is_valid(number) else None


def mask_bsn(bsn: str | None) -> str:
    """'111222333' -> '*****2333': enough to tell members apart on screen, not enough to misuse."""
    if not bsn:
        return ""
    return "*" * max(len(bsn) - 4, 0) + bsn[-4:]


def parse_date(value: str) -> date | None:
    """Accepts 'dd-mm-jjjj', 'd-m-jjjj', 'dd/mm/jjjj' and ISO 'jjjj-mm-dd'."""
    text = value.strip()
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def format_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""
