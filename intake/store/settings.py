"""The store's own settings (`store_settings`): whole numbers by name, with a default for a
store that never had one set. Plain reads and writes: who may change which setting is checked
by the domain function that calls them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from db.models import StoreSetting


def number_setting(session: Session, name: str, default: int) -> int:
    row = session.get(StoreSetting, name)
    return int(row.value) if row is not None else default


def put_number_setting(session: Session, name: str, value: int, now: datetime) -> None:
    row = session.get(StoreSetting, name)
    if row is None:
        session.add(StoreSetting(name=name, value=str(value), updated_at=now))
    else:
        row.value, row.updated_at = str(value), now
