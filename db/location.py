"""Where a store lives, parsed from ``--db``: without SQLAlchemy, so the app can name its store
and show the login window before the database libraries are loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StoreLocation:
    """Where a store lives. ``path`` is set for SQLite files, ``url`` for everything else."""

    url: str
    path: Path | None
    encrypted: bool

    @classmethod
    def parse(cls, value: str) -> StoreLocation:
        if "://" not in value:
            file = Path(value).expanduser().resolve()
            return cls(url=f"sqlite:///{file}", path=file, encrypted=True)
        if value.startswith("sqlite:///"):
            raw = value.removeprefix("sqlite:///")
            path = Path(raw).expanduser().resolve() if raw and raw != ":memory:" else None
            return cls(url=value, path=path, encrypted=False)
        return cls(url=value, path=None, encrypted=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def is_postgresql(self) -> bool:
        return self.url.startswith("postgresql")

    @property
    def is_team_server(self) -> bool:
        """A team server's address: reached through its API, never with database access."""
        return self.url.startswith(("https://", "http://"))

    def describe(self) -> str:
        """What the status bar shows: a path, or a URL without its password."""
        if self.path is not None:
            return str(self.path)
        if self.is_team_server:
            return self.url
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)
