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
    # Which store key this window holds (the key file's generation when it signed in).
    key_generation: int = 1
    # Set once by create_store: the recovery key to show the beheerder, then forgotten.
    new_recovery_key: str | None = field(repr=False, default=None)

    def close(self) -> None:
        self.engine.dispose()

    def take_recovery_key(self) -> str | None:
        """The recovery key made with the store, once: it is never kept anywhere."""
        value, self.new_recovery_key = self.new_recovery_key, None
        return value
