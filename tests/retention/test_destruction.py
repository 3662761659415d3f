"""A destruction: proposed by the beheerder, approved by the teamleider, and afterwards nothing
of the resident in the store file or its WAL, the figures of that period unchanged and the
audit chain intact. On a plain ``sqlite:///`` store, so the file can be searched as text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import StoreLocation
from db.models import AuditEntry, Destruction, HelpQuestion, Household, PlanAction
from intake.core import audit
from intake.core.errors import NotFoundError, PermissionDenied, ValidationError
from intake.core.session import unit_of_work
from intake.register.households import open_household
from intake.reports.figures import build_figures
from intake.reports.overview import team_overview
from intake.reports.period import Period
from intake.retention import approve_destruction, propose_destruction, retention_list
from tests.conftest import Team
from tests.helpers.dossiers import DUE, TRACES, at, closed_family

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
QUARTER = Period(date(2026, 10, 1), date(2026, 12, 31))


@pytest.fixture
def location(tmp_path: Path) -> StoreLocation:
    (tmp_path / "store").mkdir()
    return StoreLocation.parse(f"sqlite:///{tmp_path / 'store' / 'intake.db'}")


def _file_bytes(team: Team) -> bytes:
    assert team.location.path is not None
    folder = team.location.path.parent
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir())
                    if p.is_file() and p.name.startswith("intake.db"))


def _traces_in(blob: bytes) -> list[str]:
    return [t for t in TRACES if t.encode() in blob or t.encode("utf-16-le") in blob]


def _figures(team: Team) -> list[object]:
    with team.store.sessions() as session:
        return [build_figures(session, period, DUE).figures for period in (NOVEMBER, QUARTER)]


def test_a_destruction_leaves_no_trace_of_the_resident(team: Team) -> None:
    family = closed_family(team)
    before = _figures(team)
    assert _traces_in(_file_bytes(team)) == list(TRACES)  # the search finds them while kept
    with unit_of_work(team.store, team.beheerder, at(DUE)) as uow:
        due = retention_list(uow)
        assert [d.dossiernummer for d in due] == [family.dossiernummer]
        assert (due[0].retention.term_code, due[0].retention.closed_on) == \
            ("jeugdwet", date(2026, 11, 27))
        propose_destruction(uow, family.dossiernummer)
    with unit_of_work(team.store, team.teamleider, at(DUE)) as uow:
        report = approve_destruction(uow, family.dossiernummer)
    assert report.rows_removed > 10 and report.rows_kept > 5

    assert _traces_in(_file_bytes(team)) == []
    assert _figures(team) == before
    with unit_of_work(team.store, team.beheerder, at(DUE)) as uow:
        assert audit.verify_chain(uow).ok
        assert retention_list(uow) == []
    with team.store.sessions() as session:
        assert session.get(Household, family.id) is None
        shell = session.scalars(select(Household).where(Household.destroyed_on.is_not(None))).one()
        assert (shell.street, shell.postcode, shell.members, shell.network) == ("", "", [], [])
        questions = list(session.scalars(select(HelpQuestion)))
        assert questions and all(q.household_id == shell.id and q.member_id is None
                                 and q.registered_on.day == 1 for q in questions)
        assert all(a.what == "" and a.due_on is None for a in session.scalars(select(PlanAction)))
        # the audit trail keeps every entry about the household, and says what happened
        entries = session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.household_id == family.id))
        assert entries is not None and entries > 10
        last = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "vernietigen")).one()
        assert last.result == "ok" and "jeugdwet 20 jaar" in last.detail
        assert session.scalars(select(Destruction)).one().status == "vernietigd"
    with pytest.raises(NotFoundError), unit_of_work(team.store, team.consulent) as uow:
        open_household(uow, shell.id)
    with unit_of_work(team.store, team.teamleider) as uow:  # the shell's plan is in no list
        assert [p.household_id for p in team_overview(uow).plans] == []


def test_two_persons_and_only_when_due(team: Team) -> None:
    family = closed_family(team)
    number = family.dossiernummer
    with pytest.raises(ValidationError, match="loopt tot 27-11-2046"), \
            unit_of_work(team.store, team.beheerder, at(date(2046, 11, 26))) as uow:
        propose_destruction(uow, number)
    for actor in (team.consulent, team.teamleider):
        with pytest.raises(PermissionDenied), unit_of_work(team.store, actor, at(DUE)) as uow:
            propose_destruction(uow, number)
    with pytest.raises(NotFoundError, match="geen vernietiging voorgesteld"), \
            unit_of_work(team.store, team.teamleider, at(DUE)) as uow:
        approve_destruction(uow, number)
    with unit_of_work(team.store, team.beheerder, at(DUE)) as uow:
        propose_destruction(uow, number)
    for actor in (team.beheerder, team.consulent, team.regisseur):
        with pytest.raises(PermissionDenied), unit_of_work(team.store, actor, at(DUE)) as uow:
            approve_destruction(uow, number)
    with team.store.sessions() as session:
        assert session.get(Household, family.id) is not None
        refused = session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "vernietigen", AuditEntry.result == "geweigerd"))
        assert refused == 3


def test_an_open_dossier_is_not_destroyed(team: Team) -> None:
    family = closed_family(team)
    with unit_of_work(team.store, team.consulent, at(date(2027, 1, 5))) as uow:
        from intake.help_questions.registration import HelpQuestionInput, register_help_question

        register_help_question(uow, family.id, HelpQuestionInput(
            type_code="begeleiding", outcome_code="brede_uitvraag",
            vindplaats_code="zorgloket", channel_code="telefoon"))
    with pytest.raises(ValidationError, match="niet afgesloten"), \
            unit_of_work(team.store, team.beheerder, at(DUE)) as uow:
        propose_destruction(uow, family.dossiernummer)
