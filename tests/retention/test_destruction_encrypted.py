"""The same trace test on the encrypted store as shipped: a plaintext export of it
(``sqlcipher_export``) holds the family before their destruction and nothing of them after."""

from __future__ import annotations

from pathlib import Path

from intake.core.session import unit_of_work
from intake.retention import approve_destruction, propose_destruction
from tests.conftest import Team
from tests.helpers.dossiers import DUE, TRACES, at, closed_family


def _plaintext(team: Team, target: Path) -> bytes:
    raw = team.store.engine.raw_connection()  # keyed on connect; ATTACH needs no transaction
    try:
        cursor = raw.cursor()
        cursor.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(target),))
        cursor.execute("SELECT sqlcipher_export('plaintext')")
        cursor.execute("DETACH DATABASE plaintext")
        cursor.close()
    finally:
        raw.close()
    return target.read_bytes()


def _found(blob: bytes) -> list[str]:
    return [t for t in TRACES if t.encode() in blob or t.encode("utf-16-le") in blob]


def test_a_plaintext_export_of_the_encrypted_store_holds_no_trace(team: Team,
                                                                 tmp_path: Path) -> None:
    family = closed_family(team)
    assert _found(_plaintext(team, tmp_path / "before.db")) == list(TRACES)
    with unit_of_work(team.store, team.beheerder, at(DUE)) as uow:
        propose_destruction(uow, family.dossiernummer)
    with unit_of_work(team.store, team.teamleider, at(DUE)) as uow:
        approve_destruction(uow, family.dossiernummer)
    assert _found(_plaintext(team, tmp_path / "after.db")) == []
    assert team.location.path is not None
    stored = b"".join(p.read_bytes() for p in team.location.path.parent.iterdir() if p.is_file())
    assert _found(stored) == []
