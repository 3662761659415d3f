"""Backup and restore: consistent while others write, one owner-only file, checked on restore,
recorded in the audit trail; reminders when the last backup or seal is too old."""

from __future__ import annotations

import shutil
import stat
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from db.engine import StoreLocation
from db.models import AuditEntry, Household
from intake.cli import main
from intake.core import audit
from intake.core.clock import utcnow
from intake.core.errors import AuthenticationError, PermissionDenied, StoreError, ValidationError
from intake.core.seal import seal_chain
from intake.core.session import unit_of_work
from intake.register.households import HouseholdInput, MemberInput, MemberRole, create_household
from intake.store import open_store
from intake.store.backup import make_backup, restore_backup
from intake.store.reminders import set_reminder_days, upkeep
from tests.conftest import PASSWORD, Team, jolanda_input


def _household(number: int) -> HouseholdInput:
    return HouseholdInput(street="Burstweg", house_number=str(number), postcode="7551 AB",
                          city="Hengelo",
                          members=[MemberInput("Sam", f"Proef{number}", MemberRole.ALLEENSTAAND)])


def _backup(team: Team, out: Path) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        make_backup(uow, out)


def _restored_numbers(path: Path) -> list[int]:
    store, _actor = open_store(StoreLocation.parse(str(path)), "beheerder", PASSWORD)
    try:
        with store.sessions() as session:
            return sorted(session.scalars(select(Household.house_number)))
    finally:
        store.close()


def test_a_backup_made_while_the_app_is_open_holds_the_last_saves(
        team: Team, tmp_path: Path) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        create_household(uow, jolanda_input())
    assert team.location.path is not None
    wal = team.location.path.with_name("intake.db-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the last saves are still in the log
    out = tmp_path / "kopie" / "intake.reservekopie"
    _backup(team, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().count(b"Verhoef") == 0  # encrypted inside
    target = tmp_path / "terug" / "intake.db"
    report = restore_backup(out, StoreLocation.parse(str(target)), "beheerder", PASSWORD)
    assert report.households == 1
    assert _restored_numbers(target) == [14]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.with_name("intake.db.keys").stat().st_mode) == 0o600
    store, admin = open_store(StoreLocation.parse(str(target)), "beheerder", PASSWORD)
    try:
        with unit_of_work(store, admin) as uow:
            assert audit.verify_chain(uow).ok
        with store.sessions() as session:
            actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    finally:
        store.close()
    assert "terugzetten" in actions
    assert "reservekopie" not in actions  # recorded after the snapshot, in the original only
    # every account of the original signs in to the restored store with its own password
    store, _actor = open_store(StoreLocation.parse(str(target)), "consulent", PASSWORD)
    store.close()


def test_a_backup_during_a_write_burst_restores_a_consistent_prefix(
        team: Team, tmp_path: Path) -> None:
    committed: list[int] = []
    stop = threading.Event()
    errors: list[BaseException] = []

    def burst() -> None:
        number = 0
        try:
            while not stop.is_set() or number < 40:
                number += 1
                with unit_of_work(team.store, team.consulent) as uow:
                    create_household(uow, _household(number), confirm_duplicate=True)
                committed.append(number)
                # A breath between saves, as people take: SQLite's lock is not fair, and a
                # writer that never lets go starves the backup's own audit entry for longer
                # than the busy timeout on a loaded machine.
                time.sleep(0.005)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    writer = threading.Thread(target=burst)
    writer.start()
    while len(committed) < 20:
        time.sleep(0.01)
    before = list(committed)
    out = tmp_path / "burst.reservekopie"
    _backup(team, out)
    during = list(committed)
    stop.set()
    writer.join(60)
    assert not errors and not writer.is_alive()
    target = tmp_path / "terug" / "intake.db"
    restore_backup(out, StoreLocation.parse(str(target)), "beheerder", PASSWORD)
    restored = _restored_numbers(target)
    assert set(before) <= set(restored)
    assert restored == list(range(1, len(restored) + 1))  # a prefix of the commit order
    assert len(restored) <= len(during) + 1
    assert len(committed) > len(restored)  # the burst went on after the snapshot


def test_restore_refuses_an_existing_store_unless_asked_and_moves_it_aside(
        team: Team, tmp_path: Path) -> None:
    out = tmp_path / "intake.reservekopie"
    _backup(team, out)
    target = tmp_path / "ander" / "intake.db"
    restore_backup(out, StoreLocation.parse(str(target)), "beheerder", PASSWORD)
    with pytest.raises(StoreError, match="Er staat al een gegevensopslag"):
        restore_backup(out, StoreLocation.parse(str(target)), "beheerder", PASSWORD)
    report = restore_backup(out, StoreLocation.parse(str(target)), "beheerder", PASSWORD,
                            replace=True)
    assert report.moved_aside is not None
    assert report.moved_aside.exists()
    assert report.moved_aside.with_name(report.moved_aside.name + ".keys").exists()
    assert sorted(p.name for p in target.parent.iterdir() if "voor-terugzetten" not in p.name) \
        == ["intake.db", "intake.db.keys"]


def test_a_damaged_or_cut_off_backup_is_refused_and_nothing_is_written(
        team: Team, tmp_path: Path) -> None:
    out = tmp_path / "intake.reservekopie"
    _backup(team, out)
    data = bytearray(out.read_bytes())
    damaged = tmp_path / "beschadigd.reservekopie"
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    short = tmp_path / "kort.reservekopie"
    short.write_bytes(out.read_bytes()[:-1000])
    target = tmp_path / "terug" / "intake.db"
    for bad in (damaged, short):
        with pytest.raises(StoreError, match="beschadigd"):
            restore_backup(bad, StoreLocation.parse(str(target)), "beheerder", PASSWORD)
    assert list(target.parent.iterdir()) == []


def test_only_a_beheerder_makes_or_restores_a_backup(team: Team, tmp_path: Path) -> None:
    out = tmp_path / "intake.reservekopie"
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.consulent) as uow:
        make_backup(uow, out)
    assert not out.exists()
    _backup(team, out)
    target = tmp_path / "terug" / "intake.db"
    with pytest.raises(StoreError, match="functioneel beheerder"):
        restore_backup(out, StoreLocation.parse(str(target)), "consulent", PASSWORD)
    with pytest.raises(AuthenticationError):
        restore_backup(out, StoreLocation.parse(str(target)), "beheerder", "verkeerd-wachtwoord")
    assert list(target.parent.iterdir()) == []


def test_a_backup_whose_audit_chain_was_broken_is_not_restored(
        team: Team, tmp_path: Path) -> None:
    with team.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entries SET detail = 'anders' WHERE seq = 1"))
    out = tmp_path / "intake.reservekopie"
    _backup(team, out)
    target = tmp_path / "terug" / "intake.db"
    with pytest.raises(StoreError, match="audittrail in de reservekopie is gebroken"):
        restore_backup(out, StoreLocation.parse(str(target)), "beheerder", PASSWORD)
    assert list(target.parent.iterdir()) == []


def test_the_commands_back_up_and_restore(team: Team, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    out = tmp_path / "intake.reservekopie"
    db = str(team.location.path)
    assert main(["--db", db, "--user", "beheerder", "backup", "--out", str(out)]) == 0
    assert "Reservekopie geschreven" in capsys.readouterr().out
    target = tmp_path / "terug" / "intake.db"
    assert main(["restore", str(out), "--db", str(target), "--user", "beheerder"]) == 0
    assert "teruggezet" in capsys.readouterr().out
    assert main(["restore", str(out), "--db", str(target), "--user", "beheerder"]) == 2
    assert "Er staat al een gegevensopslag" in capsys.readouterr().err
    assert main(["--db", db, "--user", "teamleider", "backup", "--out",
                 str(tmp_path / "t")]) == 2


def test_the_beheerder_is_reminded_of_an_old_backup_and_seal(team: Team, tmp_path: Path) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        first = upkeep(uow)
    assert first.last_backup is None and len(first.reminders) == 2
    _backup(team, tmp_path / "intake.reservekopie")
    with unit_of_work(team.store, team.beheerder) as uow:
        seal_chain(uow)
    with unit_of_work(team.store, team.beheerder) as uow:
        assert upkeep(uow).reminders == ()
    later = utcnow() + timedelta(days=8)
    with unit_of_work(team.store, team.beheerder, clock=lambda: later) as uow:
        assert [r.split()[1] for r in upkeep(uow).reminders] == ["laatste"]
        view = set_reminder_days(uow, 10, 30)
    assert (view.backup_days, view.reminders) == (10, ())
    with pytest.raises(ValidationError) as refused, \
            unit_of_work(team.store, team.beheerder) as uow:
        set_reminder_days(uow, 0, 400)
    assert set(refused.value.fields) == {"backup_days", "seal_days"}
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.teamleider) as uow:
        upkeep(uow)


def test_a_plain_copy_while_the_app_runs_misses_the_last_saves(team: Team,
                                                              tmp_path: Path) -> None:
    """Why the backup exists: the store file alone lacks what is still in its log, here even
    the accounts, so the copy does not open at all."""
    with unit_of_work(team.store, team.consulent) as uow:
        create_household(uow, jolanda_input())
    assert team.location.path is not None
    copy = tmp_path / "kopie" / "intake.db"
    copy.parent.mkdir()
    shutil.copy(team.location.path, copy)
    shutil.copy(team.location.path.with_name("intake.db.keys"), copy.with_name("intake.db.keys"))
    with pytest.raises(AuthenticationError):
        _restored_numbers(copy)
