"""Demo help questions and intakes: the spread the issue asks for, readable by the domain."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import StoreLocation
from db.models import CatalogueEntry, HelpQuestion, Household, Intake, Member, Signal
from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.demo import run_demo
from intake.demo.intakes import add_intakes
from intake.reports.help_question_export import export_rows
from intake.store import Store, open_store
from intake.uitvraag.flow import steps, summary
from intake.uitvraag.handover import latest_intake_summary
from intake.uitvraag.signals import list_signals

PASSWORD = "demo-wachtwoord"
NOW = datetime(2026, 11, 2, 10, 0)


def silent(_label: str, _total: int) -> Callable[[int], None]:
    return lambda _done: None


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreLocation]:
    path: Path = tmp_path_factory.mktemp("demo-intakes")
    location = StoreLocation.parse(str(path / "intake.db"))
    run_demo(location, 1500, 3, PASSWORD, silent, [add_intakes], now=NOW)
    yield location


def signed_in(location: StoreLocation, user: str) -> tuple[Store, Actor]:
    return open_store(location, user, PASSWORD)


def test_spread_of_help_questions(demo: StoreLocation) -> None:
    store, _actor = signed_in(demo, "consulent")
    try:
        with store.sessions() as session:
            law = dict(session.execute(select(CatalogueEntry.code, CatalogueEntry.law_code)
                                       .where(CatalogueEntry.catalogue == "hulpvraagtype")).all())
            rows = session.execute(select(HelpQuestion.type_code, HelpQuestion.vindplaats_code,
                                          HelpQuestion.channel_code,
                                          HelpQuestion.household_id)).all()
            households = len(session.scalars(select(Household.id)).all())
    finally:
        store.close()
    laws = Counter(law[row.type_code] for row in rows)
    assert 0.52 <= laws["wmo"] / len(rows) <= 0.68
    desk = Counter(row.channel_code for row in rows if row.vindplaats_code == "zorgloket")
    assert desk.most_common(1)[0][0] == "telefoon"
    assert desk["telefoon"] / sum(desk.values()) > 0.7
    youth = Counter(row.vindplaats_code for row in rows if law[row.type_code] == "jeugdwet")
    assert (youth["huisarts"] + youth["school"] + youth["jgz"]) / sum(youth.values()) > 0.6
    per_household = Counter(row.household_id for row in rows)
    assert len(per_household) == households
    more = sum(1 for count in per_household.values() if count > 1) / households
    assert 0.4 <= more <= 0.6


def test_intakes_signals_and_jolanda(demo: StoreLocation) -> None:
    store, actor = signed_in(demo, "consulent")
    try:
        with store.sessions() as session:
            statuses = Counter(session.scalars(select(Intake.status)))
            # One of her own: an intake she started is in her caseload (need to know).
            open_one = session.scalars(select(Intake).where(
                Intake.status == "open", Intake.started_by_id == actor.id)).first()
            jolanda = session.scalar(select(Member.household_id)
                                     .where(Member.bsn == "111222333"))
        assert statuses["afgerond"] > 50 and statuses["open"] >= 1
        assert open_one is not None and jolanda is not None
        with unit_of_work(store, actor) as uow:
            resumed = steps(uow, open_one.id)
            assert resumed.current is not None and resumed.current.answered
            found = latest_intake_summary(uow, jolanda)
            assert found is not None and found.finished_at is not None
            assert {h.law_code for h in found.help_questions} == {
                "participatiewet", "wmo", "jeugdwet", "wgs"}
            assert len(found.scores) == 17 - 2  # no children in her household
            done = summary(uow, found.intake_id)
            assert not done.missing
    finally:
        store.close()


def test_some_signals_still_open(demo: StoreLocation) -> None:
    store, actor = signed_in(demo, "consulent")
    try:
        with store.sessions() as session:
            kinds = Counter((s.kind, s.handled_at is None) for s in session.scalars(select(Signal)))
            open_household = session.scalar(select(Signal.household_id)
                                             .where(Signal.handled_at.is_(None)).limit(1))
        assert sum(kinds.values()) >= 3 and open_household is not None
        with unit_of_work(store, actor) as uow:
            assert list_signals(uow, open_household, open_only=True)
    finally:
        store.close()


def test_export_covers_every_demo_help_question(demo: StoreLocation) -> None:
    store, actor = signed_in(demo, "teamleider")
    try:
        with store.sessions() as session:
            total = len(session.scalars(select(HelpQuestion.id)).all())
        with unit_of_work(store, actor) as uow:
            rows = list(export_rows(uow, date(2000, 1, 1), NOW.date()))
    finally:
        store.close()
    assert len(rows) == total

