"""Plans prepared for a bulk print in one unit of work (``prepare_prints``): the same
documents and the same audit entries as printing each on its own, and a plan that cannot be
printed leaves its message in its place and nothing but a refusal behind."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from reportlab import rl_config
from sqlalchemy import event, select

from db.models import AuditEntry
from intake import plans
from intake.core import audit
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import KnownError, NotFoundError, PermissionDenied
from intake.core.session import unit_of_work
from intake.documents import (
    NamesToReview,
    PreparedPrint,
    PrintRequest,
    prepare_print,
    prepare_prints,
    render_print,
)
from intake.plans import AgreedHow, VersionDetailsInput
from intake.register.households import HouseholdInput, MemberInput, MemberRole, create_household
from tests.conftest import Team
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _reproducible_pdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(rl_config, "invariant", 1)
    yield


def _household_with_plan(team: Team, given: str, family: str, strengths: str) -> PrintRequest:
    with unit_of_work(team.store, team.consulent) as uow:
        household = create_household(uow, HouseholdInput(
            street="Brinkstraat", house_number="14", postcode="7551 CK", city="Hengelo",
            members=[MemberInput(given, family, MemberRole.ALLEENSTAAND, date(1990, 5, 17))]))
        register_jolanda_questions(uow, household.id)
        keys = [c.key for c in plans.plan_candidates(uow, household.id)]
        view = fill_jolanda_plan(uow, plans.start_plan(uow, household.id, keys))
        view = plans.update_details(uow, view.id, view.version, VersionDetailsInput(
            regisseur_id=team.regisseur.id, aanspreekpunt="", strengths=strengths,
            worries="Afspraken lopen mis.", client_support_offered=True))
        view = plans.agree(uow, view.id, view.version, date(2026, 11, 20), AgreedHow.GETEKEND)
    return PrintRequest(household.id, view.plan_id, view.number)


def _three(team: Team) -> list[PrintRequest]:
    return [_household_with_plan(team, "Jolanda", "Verhoef", "Werkt vier dagen."),
            _household_with_plan(team, "Ayşe", "Çelik", "Kookt graag & <goed>."),
            _household_with_plan(team, "Sølvi", "Ødegård", "Opa Henk helpt.")]


def _entries(uow: UnitOfWork, actor: Actor) -> list[tuple[str, str, str | None, str, str]]:
    return sorted((e.action, e.object_type, e.object_id, e.result, e.detail)
                  for e in uow.session.scalars(select(AuditEntry).where(
                      AuditEntry.actor_id == actor.id, AuditEntry.at == NOW)))


def _pdfs(prepared: list[PreparedPrint | KnownError]) -> list[bytes | str]:
    return [p.message if isinstance(p, KnownError) else render_print(p) for p in prepared]


@pytest.mark.parametrize("redacted", [False, True])
def test_a_batch_prints_and_audits_as_one_print_at_a_time(team: Team, redacted: bool) -> None:
    requests = _three(team)
    actor = team.teamleider
    # One at a time, each in a unit of work of its own (rolled back, to compare).
    singles: list[PreparedPrint | KnownError] = []
    alone = []
    for request in requests:
        session = team.store.sessions()
        uow = UnitOfWork(session=session, actor=actor, now=NOW, store=team.store)
        try:
            singles.append(prepare_print(uow, request.household_id, request.version,
                                         redacted=redacted, plan_id=request.plan_id))
            alone += _entries(uow, actor)
        except KnownError as error:
            singles.append(error)
        finally:
            session.rollback()
            session.close()
    with unit_of_work(team.store, actor, clock=lambda: NOW) as uow:
        batch = prepare_prints(uow, requests, redacted=redacted)
    with unit_of_work(team.store, actor) as uow:
        together = _entries(uow, actor)
    assert _pdfs(batch) == _pdfs(singles)
    assert together == sorted(alone)
    printed = [e for e in together if e[0] == "afdrukken"]
    if redacted:  # 'Henk' is nobody's name: that plan waits for the printer's decision
        assert isinstance(batch[2], NamesToReview) and len(printed) == 2
        assert sum(1 for e in together if e[1] == "hulpvragen") == 2
    else:
        assert all(isinstance(p, PreparedPrint) for p in batch) and len(printed) == 3
        assert sum(1 for e in together if e[1] == "hulpvragen") == 3


def test_a_plan_that_cannot_be_printed_keeps_its_place(team: Team) -> None:
    good, other, _ = _three(team)
    gone = PrintRequest(uuid.uuid4(), good.plan_id, 1)
    wrong_plan = PrintRequest(other.household_id, good.plan_id, 1)
    with unit_of_work(team.store, team.teamleider, clock=lambda: NOW) as uow:
        prepared = prepare_prints(uow, [gone, good, wrong_plan])
    assert isinstance(prepared[0], NotFoundError) and isinstance(prepared[2], NotFoundError)
    assert isinstance(prepared[1], PreparedPrint)
    with unit_of_work(team.store, team.teamleider) as uow:
        entries = _entries(uow, team.teamleider)
    # Only the plan that was printed left entries: its help questions and its print.
    assert [e[:2] for e in entries] == [("afdrukken", "plan"), ("inzien", "hulpvragen")]


def test_refused_per_household_and_for_a_role_without_case_access(team: Team) -> None:
    requests = _three(team)[:2]
    # The vindplaatsmedewerker registered neither household: each refused, each recorded.
    with unit_of_work(team.store, team.vindplaats, clock=lambda: NOW) as uow:
        prepared = prepare_prints(uow, requests)
    assert all(isinstance(p, PermissionDenied) for p in prepared)
    with unit_of_work(team.store, team.vindplaats) as uow:
        entries = _entries(uow, team.vindplaats)
    assert [(e[0], e[1], e[2], e[3]) for e in entries] == sorted(
        ("afdrukken", "huishouden", str(r.household_id), "geweigerd") for r in requests)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.beheerder) as uow:
        prepare_prints(uow, requests)


def _selects(team: Team, requests: list[PrintRequest]) -> int:
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(team.store.engine, "before_cursor_execute", seen)
    try:
        with unit_of_work(team.store, team.teamleider, clock=lambda: NOW) as uow:
            assert all(isinstance(p, PreparedPrint) for p in prepare_prints(uow, requests))
    finally:
        event.remove(team.store.engine, "before_cursor_execute", seen)
    return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))


def test_a_batch_reads_its_plans_in_statements_per_batch_not_per_plan(team: Team) -> None:
    requests = [*_three(team), _household_with_plan(team, "Piet", "Bakker", "Fietst."),
                _household_with_plan(team, "Nguyễn", "Thi", "Zingt."),
                _household_with_plan(team, "Olga", "Ivanova", "Leest.")]
    # Help questions and target groups are read per household (their order among equal
    # times is the store's), the rest once per batch (13 a plan before).
    assert _selects(team, requests) - _selects(team, requests[:3]) <= 3 * 2


def test_the_audit_chain_holds_when_a_plan_in_the_batch_is_rolled_back(team: Team) -> None:
    jolanda, _, henk = _three(team)
    # Henk's plan records its help questions, then waits for a name review: rolled back,
    # and the next entry must follow the one before it, not the entry rolled back.
    with unit_of_work(team.store, team.teamleider) as uow:  # the clock as stored: naive UTC
        prepared = prepare_prints(uow, [henk, jolanda, jolanda], redacted=True)
        now = uow.now
    assert isinstance(prepared[0], NamesToReview)
    assert all(isinstance(p, PreparedPrint) for p in prepared[1:])
    with unit_of_work(team.store, team.teamleider) as uow:
        entries = sorted((e.action, e.object_type) for e in uow.session.scalars(
            select(AuditEntry).where(AuditEntry.actor_id == team.teamleider.id,
                                     AuditEntry.at == now)))
        assert audit.walk_chain(uow.session).ok
    # The second print of the same household read its help questions a moment ago.
    assert entries == [("afdrukken", "plan"), ("afdrukken", "plan"), ("inzien", "hulpvragen")]
