"""An opened store: its engine, its session factory and, when encrypted, its key and key file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import StoreLocation
from intake.store.keyring import Keyring


@dataclass
class Store:
    location: StoreLocation
    engine: Engine
    sessions: sessionmaker[Session]
    key: bytes | None = field(repr=False, default=None)
    keyring: Keyring | None = None
    backup: Path | None = None
    # A laptop replica of a team store: new dossiernummers are provisional until the first sync.
    replica: bool = False

    def close(self) -> None:
        self.engine.dispose()
