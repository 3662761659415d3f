"""The same store on PostgreSQL: migrations, register, locking and audit are portable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.engine import StoreLocation
from intake.core import audit
from intake.core.errors import StaleEditError
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.register import search
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


def test_register_on_postgresql(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    location = StoreLocation.parse(pg_url)
    assert not location.encrypted and not store_exists(location)
    store, admin = create_store(location, "beheerder", "Bea Beheer", PASSWORD)
    with unit_of_work(store, admin) as uow:
        add_account(uow, "consulent", "Carla Consulent", Role.CONSULENT, PASSWORD)
        add_account(uow, "regisseur", "Ruud Regisseur", Role.REGISSEUR, PASSWORD)
        add_account(uow, "vindplaats", "Vera POH-jeugd", Role.VINDPLAATS, PASSWORD, "huisarts")
    store.close()
    store, consulent = open_store(location, "consulent", PASSWORD)
    try:
        with unit_of_work(store, consulent) as uow:
            created = create_household(uow, jolanda_input())
        with unit_of_work(store, consulent) as uow:
            assert [h.id for h in search_households(uow, "verhoef")] == [created.id]
            assert [h.id for h in search_households(uow, "7551 CK 14")] == [created.id]
        _searches_of_others(location, monkeypatch)
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


def _searches_of_others(location: StoreLocation, monkeypatch: pytest.MonkeyPatch) -> None:
    """Jolanda (registered by the consulent) is outside the regisseur's work: a limited hit
    with her year of birth. The vindplaatsmedewerker finds only her own household, whether
    each match is asked (a rare name) or what she sees is listed first (a common one)."""
    store, regisseur = open_store(location, "regisseur", PASSWORD)
    try:
        with unit_of_work(store, regisseur) as uow:
            (hit,) = search_households(uow, "verhoef")
        assert hit.limited and hit.names == "Jolanda Verhoef (1998)"
    finally:
        store.close()
    store, vindplaats = open_store(location, "vindplaats", PASSWORD)
    try:
        data = jolanda_input()
        data.members[0].family_name, data.members[0].bsn = "Verhoefs", ""
        with unit_of_work(store, vindplaats) as uow:
            own = create_household(uow, data)
        for listed in (False, True):
            if listed:
                monkeypatch.setattr(search, "_few_matches", lambda _uow, _values: False)
            with unit_of_work(store, vindplaats) as uow:
                assert [h.id for h in search_households(uow, "verhoef")] == [own.id]
                assert [h.id for h in search_households(uow, "jolanda verhoefs")] == [own.id]
    finally:
        store.close()
