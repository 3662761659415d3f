"""The same store on PostgreSQL: migrations, register, locking and audit are portable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.engine import StoreLocation
from intake.core import audit
from intake.core.errors import StaleEditError
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.register.households import create_household, update_household
from intake.register.search import search_households
from intake.store import create_store, open_store, store_exists
from intake.store.accounts import add_account
from tests.conftest import PASSWORD, jolanda_input
from tests.helpers import pg_server

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with pg_server.running_server() as url:
        yield url


def test_register_on_postgresql(pg_url: str) -> None:
    location = StoreLocation.parse(pg_url)
    assert not location.encrypted and not store_exists(location)
    store, admin = create_store(location, "beheerder", "Bea Beheer", PASSWORD)
    with unit_of_work(store, admin) as uow:
        add_account(uow, "consulent", "Carla Consulent", Role.CONSULENT, PASSWORD)
    store.close()
    store, consulent = open_store(location, "consulent", PASSWORD)
    try:
        with unit_of_work(store, consulent) as uow:
            created = create_household(uow, jolanda_input())
        with unit_of_work(store, consulent) as uow:
            assert [h.id for h in search_households(uow, "verhoef")] == [created.id]
            assert [h.id for h in search_households(uow, "7551 CK 14")] == [created.id]
        with unit_of_work(store, consulent) as uow:
            update_household(uow, created.id, created.version, created.to_input())
        changed = created.to_input()
        changed.phone = "074-7654321"
        with unit_of_work(store, consulent) as uow:
            update_household(uow, created.id, created.version, changed)
        with pytest.raises(StaleEditError), unit_of_work(store, consulent) as uow:
            update_household(uow, created.id, created.version, changed)
    finally:
        store.close()
    store, admin = open_store(location, "beheerder", PASSWORD)
    with unit_of_work(store, admin) as uow:
        assert audit.verify_chain(uow).ok
    store.close()
