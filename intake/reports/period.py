"""Report periods: inclusive date ranges, compared with the period of the same length before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from intake.core.errors import ValidationError


@dataclass(frozen=True)
class Period:
    start: date  # inclusive
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError({"period": "De einddatum ligt vóór de begindatum."})

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def moments(self) -> tuple[datetime, datetime]:
        """Half-open datetime bounds [start 00:00, day after end 00:00) for timestamp columns."""
        return datetime.combine(self.start, time()), \
            datetime.combine(self.end + timedelta(days=1), time())

    @property
    def label(self) -> str:
        return f"{self.start:%d-%m-%Y} t/m {self.end:%d-%m-%Y}"


def last_full_month(today: date) -> Period:
    """The default period: the last calendar month that has fully passed."""
    end = today.replace(day=1) - timedelta(days=1)
    return Period(end.replace(day=1), end)
