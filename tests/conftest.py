"""Shared fixtures: real stores in a temp dir, one signed-in actor per role.

Qt runs offscreen; the variable is set before anything can import Qt.
"""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from db.engine import StoreLocation
from intake.core.context import Actor
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    create_household,
)
from intake.store import Store, create_store, crypto
from intake.store.accounts import add_account
from tests.helpers import pg_server

PASSWORD = "proef-wachtwoord"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``postgres`` start their own server; without the binaries they are skipped
    on a developer's machine, never in CI (which installs them)."""
    if pg_server.available() or os.environ.get("CI") == "true":
        return
    skip = pytest.mark.skip(reason="PostgreSQL server binaries not installed (CI has them)")
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)


@pytest.fixture(autouse=True, scope="session")
def _collect_on_main_thread() -> Iterator[None]:
    """As in the app (ui/gc_guard.py): a collection in a worker thread that frees a Qt wrapper
    crashes the process, so tests collect between tests, on the main thread."""
    gc.disable()
    yield
    gc.enable()


FULL_COLLECTION_EVERY = 50  # tests
_tests_started = 0


@pytest.fixture(autouse=True)
def _collect_before_test() -> None:
    """Collect the previous test's garbage before this test starts, by generation.

    A full collection walks every object the process holds, and a session holds millions
    (SQLAlchemy keeps each store's dialect and compiled statements in the mappers' caches), so
    a full one per test made the suite's time grow with the square of its size. The young
    generations hold just what the previous test made; what outlives them is swept by a full
    collection every FULL_COLLECTION_EVERY tests."""
    global _tests_started
    _tests_started += 1
    gc.collect(2 if _tests_started % FULL_COLLECTION_EVERY == 0 else 1)


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Production key derivation costs ~0.1 s by design; tests need many logins."""
    crypto.set_work_factors(scrypt_n=2**10, argon_time=1, argon_memory_kib=1024)
    monkeypatch.setenv("INTAKE_LOG_DIR", str(tmp_path / "logs"))


@dataclass
class Team:
    store: Store
    location: StoreLocation
    beheerder: Actor
    consulent: Actor
    regisseur: Actor
    vindplaats: Actor
    teamleider: Actor


@pytest.fixture
def location(tmp_path: Path) -> StoreLocation:
    return StoreLocation.parse(str(tmp_path / "store" / "intake.db"))


@pytest.fixture
def team(location: StoreLocation) -> Iterator[Team]:
    """An encrypted store with one account per role (user name = role short name)."""
    store, admin = create_store(location, "beheerder", "Bea Beheer", PASSWORD)
    actors = {}
    with unit_of_work(store, admin) as uow:
        for username, name, role in (
            ("consulent", "Carla Consulent", Role.CONSULENT),
            ("regisseur", "Ruud Regisseur", Role.REGISSEUR),
            ("vindplaats", "Vera POH-jeugd", Role.VINDPLAATS),
            ("teamleider", "Tom Teamleider", Role.TEAMLEIDER),
        ):
            view = add_account(uow, username, name, role, PASSWORD,
                               "huisarts" if role is Role.VINDPLAATS else None)
            actors[username] = view
    from sqlalchemy import select

    from db.models import User

    with store.sessions() as session:
        users = {u.username: u for u in session.scalars(select(User))}
    made = {
        name: Actor(users[name].id, name, users[name].display_name, Role(users[name].role),
                    users[name].vindplaats_code)
        for name in users
    }
    yield Team(store, location, made["beheerder"], made["consulent"], made["regisseur"],
               made["vindplaats"], made["teamleider"])
    store.close()


def jolanda_input() -> HouseholdInput:
    """The household from the domain reference, used across the suite."""
    return HouseholdInput(
        street="Brinkstraat", house_number="14", postcode="7551 CK", city="Hengelo",
        members=[
            MemberInput("Jolanda", "Verhoef", MemberRole.ALLEENSTAAND, date(1998, 5, 17),
                        bsn="111222333"),
        ],
    )


@pytest.fixture
def jolanda(team: Team) -> HouseholdView:
    with unit_of_work(team.store, team.consulent) as uow:
        return create_household(uow, jolanda_input())
