"""A batch of prints on PostgreSQL (the team server's store): the read-ahead statements and
the audit chain kept between appends hold there too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from db.engine import StoreLocation
from db.models import AuditEntry
from intake import plans
from intake.core import audit
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.documents import PreparedPrint, PrintRequest, prepare_prints
from intake.plans import AgreedHow
from intake.register.households import create_household
from intake.store import create_store, open_store
from intake.store.accounts import add_account
from tests.conftest import PASSWORD, jolanda_input
from tests.helpers import pg_server
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with pg_server.running_server() as url:
        yield url


def test_a_batch_on_postgresql_keeps_the_chain(pg_url: str) -> None:
    location = StoreLocation.parse(pg_url)
    store, admin = create_store(location, "beheerder", "Bea Beheer", PASSWORD)
    with unit_of_work(store, admin) as uow:
        add_account(uow, "consulent", "Carla Consulent", Role.CONSULENT, PASSWORD)
        add_account(uow, "teamleider", "Tom Teamleider", Role.TEAMLEIDER, PASSWORD)
    store.close()
    store, consulent = open_store(location, "consulent", PASSWORD)
    try:
        with unit_of_work(store, consulent) as uow:
            household = create_household(uow, jolanda_input())
            register_jolanda_questions(uow, household.id)
            keys = [c.key for c in plans.plan_candidates(uow, household.id)]
            view = fill_jolanda_plan(uow, plans.start_plan(uow, household.id, keys))
            view = plans.agree(uow, view.id, view.version, date(2026, 11, 20),
                               AgreedHow.GETEKEND)
    finally:
        store.close()
    store, lead = open_store(location, "teamleider", PASSWORD)
    try:
        request = PrintRequest(household.id, view.plan_id, view.number)
        with unit_of_work(store, lead) as uow:
            prepared = prepare_prints(uow, [request, request, request])
        assert all(isinstance(p, PreparedPrint) for p in prepared)
        with unit_of_work(store, lead) as uow:
            assert audit.walk_chain(uow.session).ok
            printed = uow.session.scalars(select(AuditEntry.object_type).where(
                AuditEntry.actor_id == lead.id, AuditEntry.action != "aanmelden")).all()
        # Three prints; the help questions read once, the next two within ten minutes.
        assert sorted(printed) == ["hulpvragen", "plan", "plan", "plan"]
    finally:
        store.close()
