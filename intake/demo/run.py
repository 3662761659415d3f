"""One demo run: a demo store, one account per role, households, then every registered step.

A run writes only into a new store or into a store that holds nothing but demo data. On an
existing demo store it signs in as ``beheerder`` with the given password and adds the asked
number of households to those already there (a bigger world for load tests); it never touches
real data. Everything the run adds is one transaction with one audit entry.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, exists, func, or_, select
from sqlalchemy.orm import Session

from db import bulk, figure_facts
from db.engine import StoreLocation
from db.models import Household, SocialService, User
from intake.core import audit
from intake.core.clock import utcnow
from intake.core.context import Actor
from intake.core.errors import AuditEvent, AuthenticationError, KnownError, ValidationError
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.demo import workers
from intake.demo.context import DemoContext, ProgressFactory, Step
from intake.demo.households import (
    add_households,
    generate_households,
    read_existing,
    save_counters,
)
from intake.store import Store, create_store, open_store, store_exists
from intake.store.accounts import add_account

# Fetching pages of a freshly written SQLCipher file decrypts them again: a roomy page cache
# for the bulk transaction (in KiB, negative as SQLite wants it) saves most of that work. The
# key indexes (random UUIDs) of a 600,000-household store take over a GB; a cache smaller
# than them turns every insert into a page read and a page write. A ceiling, not an
# allocation: a small demo uses what it needs.
_BULK_CACHE_KIB = 2048 * 1024
# The tables the households and the steps fill: built without their secondary indexes.
_BULK_TABLES = (
    "households", "members", "member_name_parts", "network_contacts", "household_access",
    "plans", "plan_versions", "plan_results", "plan_actions", "plan_evaluation_moments",
    "plan_evaluations", "plan_evaluation_outcomes", "intakes", "intake_answers", "signals",
    "signal_steps", "help_questions", "target_group_tags")
_FACT_TABLES = ("figure_actions", "figure_plans", "figure_versions", "figure_item_groups",
                "figure_outcomes", "figure_questions", "overview_plans")

NOT_DEMO = (
    "Deze gegevensopslag bevat echte gegevens (huishoudens of accounts die geen demo zijn). "
    "Demogegevens worden alleen in een nieuwe of een demo-opslag gezet; kies met --db een "
    "ander bestand."
)
NO_DEMO_LOGIN = (
    "Op deze plek staat al een gegevensopslag, maar het demo-account 'beheerder' kan er met dit "
    "wachtwoord niet op aanmelden. Demogegevens komen alleen in een nieuwe opslag of in een "
    "demo-opslag met hetzelfde wachtwoord; kies met --db een ander bestand."
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role: Role
    vindplaats_code: str | None = None


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("beheerder", "Bea Beheer (demo)", Role.BEHEERDER),
    DemoAccount("consulent", "Carla Consulent (demo)", Role.CONSULENT),
    DemoAccount("regisseur", "Ruud Regisseur (demo)", Role.REGISSEUR),
    DemoAccount("vindplaats", "Vera POH-jeugd (demo)", Role.VINDPLAATS, "huisarts"),
    DemoAccount("teamleider", "Tom Teamleider (demo)", Role.TEAMLEIDER),
)


@dataclass(frozen=True)
class DemoResult:
    created_store: bool
    households_added: int
    households_total: int
    accounts: tuple[DemoAccount, ...]
    counts: dict[str, int]


def run_demo(
    location: StoreLocation, households: int, seed: int, password: str,
    progress: ProgressFactory, steps: Sequence[Step], *, now: datetime | None = None,
    parallel: bool | None = None,
) -> DemoResult:
    """``parallel``: generate in worker processes (see ``workers``); None decides by the
    size of the run and the machine. The store gets the same rows either way."""
    if households < 1:
        raise ValidationError({"households": "Geef een aantal huishoudens van minstens 1."})
    now = now or utcnow()
    created = not store_exists(location)
    if created:
        admin_account = DEMO_ACCOUNTS[0]
        store, admin = create_store(location, admin_account.username,
                                    admin_account.display_name, password, now=now,
                                    is_demo=True)
    else:
        store, admin = _sign_in(location, password, now)
    try:
        if not created:
            _refuse_real_data(store)
        actors = _ensure_accounts(store, admin, password, now)
        return _fill(store, actors, households, seed, progress, steps, now, created,
                     parallel)
    finally:
        store.close()


def _sign_in(location: StoreLocation, password: str, now: datetime) -> tuple[Store, Actor]:
    try:
        store, admin = open_store(location, DEMO_ACCOUNTS[0].username, password, now=now)
    except AuthenticationError as error:
        raise KnownError(NO_DEMO_LOGIN) from error
    if admin.role is not Role.BEHEERDER:
        store.close()
        raise KnownError(NOT_DEMO)
    return store, admin


def _refuse_real_data(store: Store) -> None:
    with store.sessions() as session:
        real = session.scalar(select(
            or_(exists().where(Household.is_demo.is_(False)),
                exists().where(User.is_demo.is_(False)))
        ))
    if real:
        raise KnownError(NOT_DEMO)


def _ensure_accounts(store: Store, admin: Actor, password: str,
                     now: datetime) -> dict[Role, Actor]:
    with unit_of_work(store, admin, clock=lambda: now) as uow:
        present = set(uow.session.scalars(select(User.username)))
        for account in DEMO_ACCOUNTS:
            if account.username not in present:
                add_account(uow, account.username, account.display_name, account.role,
                            password, account.vindplaats_code, is_demo=True)
    with store.sessions() as session:
        users = {user.username: user for user in session.scalars(
            select(User).where(User.username.in_([a.username for a in DEMO_ACCOUNTS])))}
    return {
        account.role: Actor(users[account.username].id, account.username,
                            users[account.username].display_name, account.role,
                            users[account.username].vindplaats_code)
        for account in DEMO_ACCOUNTS
    }


def _tune_for_bulk(session: Session) -> None:
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
        # The index builds at the end sort with helper threads on the other cores.
        connection.exec_driver_sql(f"PRAGMA threads = {min(4, (os.cpu_count() or 1) - 1)}")


@contextmanager
def _loading_connection(store: Store, created: bool) -> Iterator[Connection]:
    """The connection the run writes with. A store this run created is loaded without its
    write-ahead log: every page of the load would be written twice, once into the log at the
    commit and again into the file when the log is checkpointed. The rollback journal is kept
    in memory (a failed run still rolls back), and nothing is synced before the commit. Every
    new connection switches the store back to WAL (``db.engine``)."""
    with store.engine.connect() as connection:
        if created and connection.dialect.name == "sqlite":
            store.engine.dispose()  # the mode changes only with no other connection open
            driver = connection.connection.driver_connection
            assert driver is not None
            driver.execute("PRAGMA journal_mode = MEMORY")
            driver.execute("PRAGMA synchronous = OFF")
        try:
            yield connection
        finally:
            if created and connection.dialect.name == "sqlite" and \
                    not connection.in_transaction():
                driver = connection.connection.driver_connection
                assert driver is not None
                driver.execute("PRAGMA journal_mode = WAL")
                driver.execute("PRAGMA synchronous = FULL")


def _fill(store: Store, actors: dict[Role, Actor], households: int, seed: int,
          progress: ProgressFactory, steps: Sequence[Step], now: datetime,
          created: bool, parallel: bool | None) -> DemoResult:
    with _loading_connection(store, created) as connection, \
            store.sessions(bind=connection) as session, session.begin():
        _tune_for_bulk(session)
        offset = int(session.scalar(select(func.count()).select_from(Household)) or 0)
        services = tuple((str(code), service_id, level) for code, service_id, level in
                         session.execute(select(SocialService.code, SocialService.id,
                                                SocialService.prevention_level)))
        ctx = DemoContext(store=store, session=session, actors=actors, seed=seed,
                          offset=offset, rng=random.Random(f"intake-demo:{seed}:{offset}"),
                          now=now, services=services)
        connection = session.connection()
        # Into a new or small store, indexes are built once at the end rather than kept up to
        # date row by row; adding a few households to a big store keeps them.
        tables = _BULK_TABLES if offset < households else ()
        if parallel is None:
            parallel = workers.available(households, connection)
        with bulk.indexes_built_after(connection, tables) as dropped:
            if parallel:
                _generate_in_workers(ctx, households, progress, steps, dropped.build)
            else:
                add_households(ctx, households, progress, with_jolanda=offset == 0)
                for step in steps:
                    step(ctx, progress)
        # The facts are read from the plan tables through their indexes, then written
        # without their own.
        with bulk.indexes_built_after(connection, _FACT_TABLES if tables else ()):
            figure_facts.rebuild_all(connection)  # the bulk rows bypassed the session
        detail = ", ".join(f"{value} {what}" for what, value in ctx.counts.items())
        audit.append(session, actors[Role.BEHEERDER], now,
                     event=AuditEvent("demo", "demogegevens", detail=f"{detail}, seed {seed}"))
    return DemoResult(created_store=created, households_added=households,
                      households_total=offset + households, accounts=DEMO_ACCOUNTS,
                      counts=dict(ctx.counts))


def _generate_in_workers(ctx: DemoContext, households: int, progress: ProgressFactory,
                         steps: Sequence[Step], built: Callable[[set[str]], None]) -> None:
    """The households in one worker process, then every step in one of its own; the rows are
    written here in the same order as ``add_households`` and the steps would write them."""
    taken, counters = read_existing(ctx.session, ctx.now)

    def households_job(child: DemoContext, report: ProgressFactory) -> Any:
        generate_households(child, households, report, with_jolanda=ctx.offset == 0,
                            taken=taken, counters=counters)
        return child.households, child.jolanda_id, counters, child.counts

    connection = ctx.session.connection()
    [(made, jolanda_id, counted, counts)] = workers.run_jobs(
        ctx, connection, progress, [households_job], built)
    ctx.households, ctx.jolanda_id, ctx.counts = made, jolanda_id, counts
    save_counters(ctx.session, counted)
    before = dict(ctx.counts)

    def step_job(step: Step) -> workers.Job:
        def job(child: DemoContext, report: ProgressFactory) -> Any:
            step(child, report)
            return child.counts
        return job

    # Each step's counts as if the steps had run one after the other on this context.
    for step_counts in workers.run_jobs(ctx, connection, progress,
                                        [step_job(step) for step in steps], built):
        for what, value in step_counts.items():
            if what not in before or value != before[what]:
                ctx.counts[what] = ctx.counts.get(what, 0) + value - before.get(what, 0)
