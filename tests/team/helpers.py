"""Case work on a replica, and comparing a replica with the server."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, select, text

from db import figure_facts
from db.engine import StoreLocation, make_session_factory
from db.models import (
    FigureAction,
    FigureOutcome,
    FigurePlan,
    FigureVersion,
    OverviewPlan,
    User,
)
from intake.core.clock import utcnow
from intake.core.context import UnitOfWork
from intake.core.session import unit_of_work
from intake.help_questions.registration import HelpQuestionInput, register_help_question
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    create_household,
)
from intake.store import Store
from intake.store.opening import actor_for
from intake.team import rows
from server.sync import changelog
from tests.team.conftest import Laptop, SyncServer


def register_family(laptop: Laptop, family: str = "Offlinetest", postcode: str = "7551AB",
                    born: date = date(1990, 4, 1), question: str = "Hulp bij de post",
                    confirm: bool = False, bsn: str = "") -> tuple[HouseholdView, uuid.UUID]:
    assert laptop.store is not None and laptop.actor is not None
    with unit_of_work(laptop.store, laptop.actor) as uow:
        view = create_household(uow, HouseholdInput(
            street="Laptopstraat", house_number="12", postcode=postcode, city="Hengelo",
            members=[MemberInput("Fatma", family, MemberRole.OUDER, born, bsn=bsn),
                     MemberInput("Sem", family, MemberRole.KIND, date(2015, 3, 3))]),
            confirm_duplicate=confirm)
        where = {} if laptop.actor.vindplaats_code else {"vindplaats_code": "zorgloket",
                                                          "channel_code": "huisbezoek"}
        help_question = register_help_question(uow, view.id, HelpQuestionInput(
            type_code="schulden_geldzaken", outcome_code="brede_uitvraag", question=question,
            **where))
    return view, help_question.id


def replica_rows(laptop: Laptop, name: str) -> dict[str, dict[str, Any]]:
    assert laptop.store is not None
    tbl = rows.table(name)
    with laptop.store.sessions() as session:
        return {rows.row_id(tbl, dict(r)): rows.encode_row(tbl, dict(r))
                for r in session.execute(select(tbl)).mappings()}


def server_rows(engine: Engine, name: str, households: list[uuid.UUID]) -> dict[str, Any]:
    tbl = rows.table(name)
    with engine.connect() as connection:
        return {rows.row_id(tbl, dict(r)): rows.encode_row(tbl, dict(r))
                for r in connection.execute(rows.ids_under(name, households)).mappings()}


def outbox(laptop: Laptop) -> list[tuple[str, str, str, str]]:
    assert laptop.store is not None
    with laptop.store.sessions() as session:
        return [tuple(r) for r in session.execute(text(
            "SELECT table_name, op, column_name, status FROM sync_outbox ORDER BY seq"))]


def assert_replica_equals_server(laptop: Laptop, engine: Engine) -> None:
    """Every case row of the replica is the server's row, and the replica misses none of the
    server's rows of the households it holds."""
    households = [uuid.UUID(k) for k in replica_rows(laptop, "households")]
    for name in rows.HOUSEHOLD_TABLES:
        assert replica_rows(laptop, name) == server_rows(engine, name, households), name
    assert_facts_follow_the_plans(laptop)


def assert_facts_follow_the_plans(laptop: Laptop) -> None:
    """The figure facts of a replica are what its own plan rows say, also for the rows a
    pull wrote with Core statements."""
    assert laptop.store is not None
    with laptop.store.sessions() as session:
        kept = {tuple(r) for r in session.execute(select(
            *(FigureAction.__table__.c[c] for c in figure_facts._ACTION_COLUMNS)))}
        derived = {tuple(r) for r in session.execute(figure_facts._action_rows())}
        assert kept == derived
        kept_plans = {tuple(r) for r in session.execute(select(
            *(FigurePlan.__table__.c[c] for c in figure_facts._PLAN_COLUMNS)))}
        assert kept_plans == {tuple(r) for r in session.execute(figure_facts._plan_rows())}
        kept_versions = {tuple(r) for r in session.execute(select(
            *(FigureVersion.__table__.c[c] for c in figure_facts._VERSION_COLUMNS)))}
        assert kept_versions == {tuple(r) for r in session.execute(figure_facts._version_rows())}
        kept_outcomes = {tuple(r) for r in session.execute(select(
            *(FigureOutcome.__table__.c[c] for c in figure_facts._OUTCOME_COLUMNS)))}
        assert kept_outcomes == {tuple(r) for r in session.execute(figure_facts._outcome_rows())}
        kept_overview = {tuple(r) for r in session.execute(select(
            *(OverviewPlan.__table__.c[c] for c in figure_facts._OVERVIEW_COLUMNS)))}
        assert kept_overview == {tuple(r) for r in
                                 session.execute(figure_facts._overview_rows())}


@contextmanager
def on_server(server: SyncServer, username: str,
              clock: Callable[[], datetime] = utcnow) -> Iterator[UnitOfWork]:
    """A unit of work on the team database as the server runs one (its change log included),
    for what the API does not offer: agreeing or closing a plan online."""
    engine = server.owner_engine()
    sessions = make_session_factory(engine)
    changelog.install(sessions)
    store = Store(StoreLocation.parse(server.owner_url), engine, sessions)
    try:
        with sessions() as session:
            user = session.scalars(select(User).where(User.username == username)).one()
            actor = actor_for(user)
        with unit_of_work(store, actor, clock) as uow:
            yield uow
    finally:
        engine.dispose()


def valid_bsn(seed: int) -> str:
    """A nine-digit number that passes the elfproef."""
    for n in range(300_000_000 + seed * 1000, 300_000_000 + seed * 1000 + 1000):
        digits = f"{n:09d}"
        total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
        if (total - int(digits[8])) % 11 == 0 and digits[0] != "0":
            return digits
    raise AssertionError(seed)
