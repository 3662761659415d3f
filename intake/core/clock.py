"""One notion of time: naive UTC in the store, local time on screen and paper."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def to_local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def format_local(moment: datetime) -> str:
    return to_local(moment).strftime("%d-%m-%Y %H:%M")
