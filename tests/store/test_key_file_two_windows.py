"""Two windows (or a window and the command line) changing accounts on one key file: no
change is lost and no blocked account comes back."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from db.engine import StoreLocation
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.store import accounts, crypto, open_store
from intake.store.keyring import Keyring
from intake.store.location import keyring_path
from tests.conftest import PASSWORD, Team

PER_PROCESS = 6


def _window(db: str, prefix: str, block: str | None, ready: Any, go: Any) -> None:
    """One process: signs in, waits for the other, then adds accounts (and blocks one)."""
    crypto.set_work_factors(scrypt_n=2**10, argon_time=1, argon_memory_kib=1024)
    store, admin = open_store(StoreLocation.parse(db), "beheerder", PASSWORD)
    ready.set()
    go.wait(30)
    try:
        for number in range(PER_PROCESS):
            with unit_of_work(store, admin) as uow:
                accounts.add_account(uow, f"{prefix}{number}", f"Collega {prefix}{number}",
                                     Role.CONSULENT, PASSWORD)
            if block and number == PER_PROCESS // 2:
                with unit_of_work(store, admin) as uow:
                    accounts.disable_account(uow, block)
    finally:
        store.close()


def test_two_processes_changing_accounts_lose_nothing(team: Team) -> None:
    assert team.location.path is not None
    team.store.close()
    context = multiprocessing.get_context("spawn")
    go = context.Event()
    readies = [context.Event(), context.Event()]
    processes = [
        context.Process(target=_window, args=(str(team.location.path), "a", "regisseur",
                                              readies[0], go)),
        context.Process(target=_window, args=(str(team.location.path), "b", None,
                                              readies[1], go)),
    ]
    for process in processes:
        process.start()
    for ready in readies:
        assert ready.wait(120)
    go.set()
    for process in processes:
        process.join(240)
        assert process.exitcode == 0
    entries = Keyring.load(keyring_path(team.location.path)).entries
    expected = {f"{p}{n}" for p in "ab" for n in range(PER_PROCESS)}
    assert expected <= set(entries)
    assert "regisseur" not in entries
    for name in sorted(expected):
        store, actor = open_store(team.location, name, PASSWORD)
        store.close()
        assert actor.username == name


def test_a_window_opened_earlier_does_not_drop_a_new_colleague(team: Team) -> None:
    other, admin = open_store(team.location, "beheerder", PASSWORD)
    try:
        with unit_of_work(team.store, team.beheerder) as uow:
            accounts.add_account(uow, "piet", "Piet Poh", Role.CONSULENT, PASSWORD)
        with unit_of_work(other, admin) as uow:
            accounts.change_password(uow, "consulent", "nieuw-wachtwoord-2")
        with unit_of_work(other, admin) as uow:
            accounts.disable_account(uow, "regisseur")
        with unit_of_work(team.store, team.beheerder) as uow:  # knew regisseur as active
            accounts.change_password(uow, "teamleider", "nieuw-wachtwoord-3")
    finally:
        other.close()
    store, _ = open_store(team.location, "piet", PASSWORD)
    store.close()
    store, _ = open_store(team.location, "consulent", "nieuw-wachtwoord-2")
    store.close()
    assert team.location.path is not None
    assert "regisseur" not in Keyring.load(keyring_path(team.location.path)).entries


def test_no_temporary_files_are_left_beside_the_store(team: Team) -> None:
    assert team.location.path is not None
    folder: Path = team.location.path.parent
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".keys-")]
