"""A larger SQLite page cache while a report runs.

The figures join tens of thousands of index entries keyed by UUIDs; with the default cache
of a few megabytes an encrypted store decrypts the same pages again and again (a year of
figures took three times as long). The cache is enlarged for the report only and put back
afterwards, so pooled connections do not keep the memory. Other databases are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session

REPORT_CACHE_KIB = 65536


@contextmanager
def roomy_cache(session: Session) -> Iterator[None]:
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    before = session.execute(text("PRAGMA cache_size")).scalar()
    session.execute(text(f"PRAGMA cache_size = -{REPORT_CACHE_KIB}"))
    try:
        yield
    finally:
        session.execute(text(f"PRAGMA cache_size = {int(before or -2000)}"))
