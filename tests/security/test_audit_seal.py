"""The audit seal: every kind of tampering up to the sealed head is found, even when the
tamperer recomputed the whole chain so that the plain check passes."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from db.models import AuditEntry
from intake.cli import main
from intake.core import audit
from intake.core.errors import PermissionDenied, StoreError
from intake.core.seal import Seal, seal_chain
from intake.core.session import unit_of_work
from intake.register.households import HouseholdView, open_household
from tests.conftest import PASSWORD, Team


def _recompute(team: Team) -> None:
    """What anyone holding the store key can do: rewrite every hash after a change."""
    with Session(team.store.engine) as session, session.begin():
        prev = audit.GENESIS
        for entry in session.query(AuditEntry).order_by(AuditEntry.seq):
            entry.prev_hash = prev
            entry.hash = audit._digest(prev, entry)
            prev = entry.hash


def _seal(team: Team) -> Seal:
    with unit_of_work(team.store, team.beheerder) as uow:
        return seal_chain(uow)


def _verify(team: Team, seal: Seal | None) -> audit.ChainReport:
    with unit_of_work(team.store, team.beheerder) as uow:
        return audit.verify_chain(uow, seal.head if seal else None)


def _edit(team: Team) -> None:
    with team.store.engine.begin() as conn:
        changed = conn.execute(text("UPDATE audit_entries SET actor_name = 'iemand anders' "
                                    "WHERE seq = 2")).rowcount
    assert changed == 1


def _delete(team: Team) -> None:
    with team.store.engine.begin() as conn:
        deleted = conn.execute(text("DELETE FROM audit_entries WHERE action = 'inzien'")).rowcount
    assert deleted >= 1


def _truncate(team: Team) -> None:
    with team.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries WHERE seq >= "
                          "(SELECT MAX(seq) - 2 FROM audit_entries)"))


def _truncate_and_refill(team: Team) -> None:
    """Cut off the newest entries and let the app write as many again: the count matches."""
    _truncate(team)
    for _ in range(6):
        with unit_of_work(team.store, team.teamleider) as uow:
            audit.record(uow, "zoeken", "huishouden", detail="0 treffers")


@pytest.mark.parametrize("tamper", [_edit, _delete, _truncate, _truncate_and_refill],
                         ids=["edit", "delete", "truncate", "truncate-refill"])
def test_each_kind_of_tampering_is_found_against_the_seal(
        team: Team, jolanda: HouseholdView, tamper: Callable[[Team], None]) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        open_household(uow, jolanda.id)
    seal = _seal(team)
    assert _verify(team, seal).ok
    tamper(team)
    _recompute(team)
    assert _verify(team, None).ok  # the chain alone cannot tell
    report = _verify(team, seal)
    assert not report.ok and report.broken_at is None
    assert report.seal_problem is not None


def test_entries_after_the_seal_leave_it_valid(team: Team, jolanda: HouseholdView) -> None:
    seal = _seal(team)
    with unit_of_work(team.store, team.consulent) as uow:
        open_household(uow, jolanda.id)
    report = _verify(team, seal)
    assert report.ok and report.entries > seal.head.entries


def test_only_a_beheerder_seals_and_a_broken_chain_is_not_sealed(team: Team) -> None:
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.teamleider) as uow:
        seal_chain(uow)
    with team.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entries SET detail = 'x' WHERE seq = 1"))
    with pytest.raises(Exception, match="gebroken"), \
            unit_of_work(team.store, team.beheerder) as uow:
        seal_chain(uow)


def test_the_commands_seal_and_verify(team: Team, jolanda: HouseholdView, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    db = str(team.location.path)
    out = tmp_path / "zegels" / "zegel.json"
    assert main(["--db", db, "--user", "beheerder", "audit", "seal", "--out", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert main(["--db", db, "--user", "beheerder", "audit", "verify", "--seal", str(out)]) == 0
    assert "klopt met het zegel" in capsys.readouterr().out
    _edit(team)
    _recompute(team)
    assert main(["--db", db, "--user", "beheerder", "audit", "verify"]) == 0
    assert main(["--db", db, "--user", "beheerder", "audit", "verify", "--seal", str(out)]) == 1
    assert "NIET met het zegel" in capsys.readouterr().out
    assert main(["--db", db, "--user", "teamleider", "audit", "seal", "--out",
                 str(tmp_path / "t.json")]) == 2
    assert not (tmp_path / "t.json").exists()


def test_a_damaged_seal_file_is_reported_as_such(tmp_path: Path) -> None:
    path = tmp_path / "zegel.json"
    path.write_text('{"soort": "intake-audit-zegel", "format": 1, "regels": "x"}')
    with pytest.raises(StoreError, match="beschadigd"):
        Seal.read(path)
