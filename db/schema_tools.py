"""Developer commands for the schema: `python -m db.schema_tools check|revision MESSAGE`.

Both run against a throwaway in-memory SQLite database brought to head first.
"""

from __future__ import annotations

import sys

from alembic import command
from sqlalchemy import create_engine

from db.migrate import alembic_config


def _at_head(action: str, message: str = "") -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        config = alembic_config(connection)
        command.upgrade(config, "heads")
        if action == "check":
            command.check(config)
        else:
            command.revision(config, message=message, autogenerate=True)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"check", "revision"}:
        print("gebruik: python -m db.schema_tools check | revision BERICHT", file=sys.stderr)
        return 2
    _at_head(argv[0], " ".join(argv[1:]))
    if argv[0] == "check":
        print("Modellen en migraties komen overeen.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
