"""Rows timed in-process on the domain layer: figures, team overview data, recent households,
household page data and search. Each call runs in its own unit of work, as the screens do, so
permission checks and the audit entry are included."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

from sqlalchemy import text

from bench import peers
from bench.lines import Context, Line
from bench.store import DB_NAME, PASSWORD, add_audit_entries, copy_store
from bench.timing import Stats, describe, measure_pair, ratio
from intake import plans
from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.core.text import fold
from intake.help_questions.registration import list_help_questions
from intake.register import search
from intake.register.households import open_household
from intake.reports.cache import roomy_cache
from intake.reports.figures import compute_figures
from intake.reports.overview import team_overview
from intake.reports.period import Period
from intake.reports.prevention_figures import prevention_figures
from intake.store import Store, open_store, resolve_location
from intake.store.colleagues import case_workers
from intake.uitvraag.flow import list_intakes
from intake.uitvraag.signals import list_signals

# The queries of bench_search.py: common and rare prefixes, accents, two-word names.
QUERIES = ("jans", "de v", "celik", "bök", "nguyen", "hu", "wolb", "el a", "kowalsk", "jolanda")
AUDIT_TARGET = 2_000_000


def sign_in(ctx: Context, username: str, folder: Any = None) -> tuple[Store, Actor]:
    db = (folder or ctx.store.folder) / DB_NAME
    return open_store(resolve_location(str(db)), username, PASSWORD)


def in_uow(store: Store, actor: Actor, work: Callable[[Any], object]) -> Callable[[], object]:
    def run() -> object:
        with unit_of_work(store, actor) as uow:
            return work(uow)

    return run


# ---- figures ----------------------------------------------------------------------------------

def figures(ctx: Context) -> list[Line]:
    store, actor = sign_in(ctx, "teamleider")
    try:
        today = date.today()
        period = Period(today - timedelta(days=364), today)
        ours, peer = measure_pair(
            in_uow(store, actor, lambda uow: compute_figures(uow, period)),
            peers.figures_peer(store, period.start, period.end, period.previous().start),
            ctx.repeat, budget_s=ctx.budget_s)
        prevention, peer2 = measure_pair(
            in_uow(store, actor, lambda uow: _prevention(uow, period)),
            peers.figures_peer(store, period.start, period.end, period.previous().start),
            ctx.repeat, budget_s=ctx.budget_s)
        return [Line("figures for a year, computed (teamleider, 365 days + previous period)",
                     "≤ 300 ms; ≤ 1.5 s at 600k", describe(ours), ratio(ours, peer),
                     note="peer: one raw GROUP BY (type × vindplaats) for both periods"),
                Line("of which the prevention figures (target groups, levels, organisations)",
                     "part of the above", describe(prevention), ratio(prevention, peer2),
                     note="the seven figures of intake.reports.prevention_figures alone")]
    finally:
        store.close()


def _prevention(uow: Any, period: Period) -> object:
    with roomy_cache(uow.session):
        return prevention_figures(uow.session, period)


# ---- team overview ----------------------------------------------------------------------------

def overview_data(ctx: Context) -> Line:
    store, actor = sign_in(ctx, "teamleider")
    try:
        shown = team_overview_rows(store, actor)
        sql = ("SELECT p.id, h.dossiernummer FROM plans p JOIN households h "
               "ON h.id = p.household_id ORDER BY h.dossiernummer")
        ours, peer = measure_pair(in_uow(store, actor, team_overview),
                                  peers.raw_query(store, sql, {}), ctx.repeat,
                                  budget_s=ctx.budget_s)
        return Line("team overview, whole team: data (intake.reports overview)", "≤ 300 ms",
                    describe(ours), ratio(ours, peer),
                    note=f"{shown}; peer: raw SELECT of every plan with its dossiernummer")
    finally:
        store.close()


def team_overview_rows(store: Store, actor: Actor) -> str:
    with unit_of_work(store, actor) as uow:
        result = team_overview(uow)
    return f"{len(result.plans)} plans, {len(result.waiting)} waiting, {len(result.workers)} " \
           "workers"


# ---- recent households ------------------------------------------------------------------------

def _open_some(store: Store, actor: Actor, ids: list[uuid.UUID]) -> None:
    """A worker who has used the app: a few households opened, so 'recent' has content."""
    for household_id in ids:
        with unit_of_work(store, actor) as uow:
            open_household(uow, household_id)


def _audit_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM audit_entries")).scalar_one())


def _recent_line(ctx: Context, folder: Any, username: str, label: str) -> Line:
    store, actor = sign_in(ctx, username, folder)
    try:
        count = _audit_count(store)
        peer_sql = "SELECT household_id FROM audit_entries ORDER BY seq DESC LIMIT 50"
        ours, peer = measure_pair(in_uow(store, actor, search.recent_households),
                                  peers.raw_query(store, peer_sql, {}), ctx.repeat * 2,
                                  budget_s=ctx.budget_s)
        found = len(in_uow(store, actor, search.recent_households)())  # type: ignore[arg-type]
        return Line(f"recent households, {username}, {label} ({count:,} audit entries)",
                    "≤ 10 ms, flat in audit size", describe(ours), ratio(ours, peer),
                    note=f"{found} households listed; peer: raw newest 50 audit rows")
    finally:
        store.close()


def recent(ctx: Context) -> list[Line]:
    lines: list[Line] = []
    for username in ("consulent", "regisseur"):
        store, actor = sign_in(ctx, username)
        try:  # households they open without a reason, as a person's day would have them
            _open_some(store, actor, sample_households(store, 12, seed=13, actor=actor))
        finally:
            store.close()
    for username in ("consulent", "regisseur"):
        lines.append(_recent_line(ctx, ctx.store.folder, username, "the store's own count"))
    copy = ctx.store.folder.parent / f"{ctx.store.folder.name}-audit2m"
    marker = copy / "audit-copy.json"
    if not marker.exists():  # the copy is slow to make: reused while its marker is there
        copy_store(ctx.store.folder, copy)
        before, after = add_audit_entries(copy, "consulent", AUDIT_TARGET)
        marker.write_text(json.dumps({"before": before, "after": after}))
    added = json.loads(marker.read_text())
    note = (f"copy of the store with {added['after'] - added['before']:,} entries added by a "
            "team of 30 (the consulent one of them, the regisseur not: his newest own entries "
            "lie 2M rows deep)")
    for username in ("consulent", "regisseur"):
        line = _recent_line(ctx, copy, username, "store copy")
        line.note = f"{line.note}; {note}"
        lines.append(line)
    return lines


# ---- household page ---------------------------------------------------------------------------

def sample_households(store: Store, count: int, seed: int = 11,
                      actor: Actor | None = None) -> list[uuid.UUID]:
    """Random households; with ``actor``, only those they open without giving a reason (their
    own work: a consulent opening someone else's is asked why, a dialog in the app).

    Random candidates are drawn first and only they are asked the need-to-know question:
    asking it of every household of a 600,000-household store took a quarter of an hour."""
    with store.engine.connect() as conn:
        ids = [row[0] for row in conn.execute(text(
            "SELECT id FROM households WHERE destroyed_on IS NULL ORDER BY id"))]
    rng = random.Random(seed)
    if actor is None:
        return [uuid.UUID(value) for value in rng.sample(ids, min(count, len(ids)))]
    from sqlalchemy import select

    from db.models import Household
    from intake.core.access import opens_without_reason

    rng.shuffle(ids)
    found: list[str] = []
    with unit_of_work(store, actor) as uow:
        for start in range(0, len(ids), 2000):
            chunk = [uuid.UUID(value) for value in ids[start:start + 2000]]
            found.extend(sorted(str(i) for i in uow.session.scalars(
                select(Household.id).where(Household.id.in_(chunk),
                                           opens_without_reason(uow)))))
            if len(found) >= count * 4:
                break
    return [uuid.UUID(value) for value in rng.sample(found, min(count, len(found)))]


def plan_tab_data(uow: Any, household_id: uuid.UUID) -> object:
    """What the plan tab's reload reads (ui/plan/view.py), in the same order."""
    summaries = plans.household_plans(uow, household_id)
    case_workers(uow)
    summary = summaries[0] if summaries and summaries[0].kind is plans.PlanKind.PLAN else None
    view = plans.open_plan_version(uow, summary.id, None) if summary is not None else None
    candidates = plans.plan_candidates(uow, household_id) if summary is None else []
    due = plans.evaluations_due(uow, household_id=household_id)
    eligible = plans.toekomstplan_members(uow, household_id)
    return view, candidates, due, eligible


def household_load(store: Store, actor: Actor, household_id: uuid.UUID) -> None:
    """Everything the household page loads, one unit of work per part as the screens do:
    the page (open_household), the timeline tab, the plan tab."""
    with unit_of_work(store, actor) as uow:
        open_household(uow, household_id)
    with unit_of_work(store, actor) as uow:
        list_help_questions(uow, household_id)
        list_intakes(uow, household_id)
        list_signals(uow, household_id, open_only=True)
    with unit_of_work(store, actor) as uow:
        plan_tab_data(uow, household_id)


def _cycle(items: list[Any]) -> Callable[[], Any]:
    state = {"i": 0}

    def next_item() -> Any:
        item = items[state["i"] % len(items)]
        state["i"] += 1
        return item

    return next_item


def household_data(ctx: Context) -> Line:
    store, actor = sign_in(ctx, "consulent")
    try:
        ids = sample_households(store, ctx.repeat * 3, actor=actor)
        ours_next, peer_next = _cycle(ids), _cycle(ids)

        def peer() -> object:
            key = {"h": peer_next().hex}
            return peers.raw_statements(store, [
                ("SELECT * FROM households WHERE id = :h", key),
                ("SELECT * FROM members WHERE household_id = :h", key),
                ("SELECT * FROM help_questions WHERE household_id = :h", key),
                ("SELECT * FROM plans WHERE household_id = :h", key)])()

        ours, peer_stats = measure_pair(lambda: household_load(store, actor, ours_next()), peer,
                                        len(ids), warmup=2, budget_s=ctx.budget_s)
        return Line("household page data, p95 (page, timeline tab, plan tab, due evaluations)",
                    "≤ 50 ms", describe(ours, p95=True),
                    f"{ours.p95 / peer_stats.p95:.1f}x p95 (peer p95 "
                    f"{peer_stats.p95 * 1000:.1f} ms)",
                    note=f"consulent, {len(set(ids))} random households, each once; peer: raw "
                         "SELECT of household, members, help questions, plans")
    finally:
        store.close()


# ---- search -----------------------------------------------------------------------------------

def _prefix_peer(store: Store, query: str) -> Callable[[], object]:
    word = max((fold(part) for part in query.split()), key=len)
    sql = ("SELECT household_id FROM members WHERE family_key >= :a AND family_key < :b "
           "LIMIT 50")
    return peers.raw_query(store, sql, {"a": word, "b": word[:-1] + chr(ord(word[-1]) + 1)})


def _search(uow: Any, query: str) -> object:
    return search.search_households(uow, query)


def search_rows(ctx: Context) -> list[Line]:
    lines = []
    for username in ("consulent", "vindplaats"):
        store, actor = sign_in(ctx, username)
        try:
            ours_all: list[float] = []
            peer_all: list[float] = []
            worst = ("", 0.0)
            for query in QUERIES:
                ours, peer = measure_pair(
                    in_uow(store, actor, partial(_search, query=query)),
                    _prefix_peer(store, query), ctx.repeat, warmup=2,
                    budget_s=ctx.budget_s / len(QUERIES))
                ours_all += ours.values
                peer_all += peer.values
                if ours.p95 > worst[1]:
                    worst = (query, ours.p95)
            ours_stats, peer_stats = Stats(tuple(ours_all)), Stats(tuple(peer_all))
            lines.append(Line(
                f"search p95, {username} ({len(QUERIES)} queries like bench_search.py)",
                "≤ 20 ms for every role", describe(ours_stats, p95=True),
                f"{ours_stats.p95 / peer_stats.p95:.1f}x p95 (peer p95 "
                f"{peer_stats.p95 * 1000:.1f} ms)",
                note=f"slowest query '{worst[0]}' p95 {worst[1] * 1000:.1f} ms; peer: raw "
                     "family-name prefix range scan, LIMIT 50"))
        finally:
            store.close()
    return lines
