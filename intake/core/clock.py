"""One notion of time: naive UTC in the store, Dutch time on screen and paper, and one today.

The municipality works in Europe/Amsterdam wherever the laptop's clock is set: between 00:00
and 02:00 Dutch time the UTC date is still yesterday, so no check may use ``now.date()``.
Zone data comes from the system or, where it has none (Windows), from the ``tzdata`` package.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Amsterdam")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def to_local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone(ZONE).replace(tzinfo=None)


def local_date(moment: datetime) -> date:
    """The Dutch calendar day of a stored (naive UTC) moment: what "today" means in every check."""
    return to_local(moment).date()


def today() -> date:
    """Today in the Netherlands, for screens that propose a date before any unit of work."""
    return local_date(utcnow())


def format_local(moment: datetime) -> str:
    return to_local(moment).strftime("%d-%m-%Y %H:%M")
