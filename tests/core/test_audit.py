"""Audit trail: attribution, hash chain, tamper detection, no personal data in logs."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from db.models import AuditEntry
from intake.core import audit
from intake.core.errors import PermissionDenied
from intake.core.logsetup import configure
from intake.core.session import unit_of_work
from intake.core.text import fold
from intake.register.access_history import household_history
from intake.register.households import HouseholdView, open_household, update_household
from intake.register.search import search_households
from tests.conftest import Team
from tests.helpers.access import TEST_REASON, add_colleague


def test_every_opening_and_change_is_recorded(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.regisseur) as uow:
        open_household(uow, jolanda.id, TEST_REASON)
    with unit_of_work(team.store, team.regisseur) as uow:
        update_household(uow, jolanda.id, jolanda.version, jolanda.to_input())
    with unit_of_work(team.store, team.consulent) as uow:
        rows = household_history(uow, jolanda.id)
    actions = [(row.actor_name, row.action, row.result) for row in rows]
    assert ("regisseur", "Dossier ingezien", "ok") in actions
    assert ("regisseur", "Gewijzigd", "ok") in actions
    assert ("consulent", "Aangemaakt", "ok") in actions
    assert rows[0].at >= rows[-1].at


def test_refusals_are_recorded(team: Team, jolanda: HouseholdView) -> None:
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.beheerder) as uow:
        open_household(uow, jolanda.id)
    with team.store.sessions() as session:
        refused = session.scalars(select(AuditEntry).where(AuditEntry.result == "geweigerd")).all()
    assert [(e.actor_name, e.action, e.household_id) for e in refused] == [
        ("beheerder", "inzien", jolanda.id)]


def test_chain_verifies_and_detects_tampering(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        open_household(uow, jolanda.id)
    with unit_of_work(team.store, team.beheerder) as uow:
        report = audit.verify_chain(uow)
    assert report.ok and report.entries >= 6
    with team.store.engine.begin() as conn:
        seq = conn.execute(text("SELECT seq FROM audit_entries WHERE action = 'inzien'")).scalar()
        conn.execute(text("UPDATE audit_entries SET actor_name = 'iemand' WHERE seq = :s"),
                     {"s": seq})
    with unit_of_work(team.store, team.beheerder) as uow:
        broken = audit.verify_chain(uow)
    assert broken.broken_at == seq


def test_deleted_entry_breaks_the_chain(team: Team, jolanda: HouseholdView) -> None:
    with team.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries WHERE seq = 2"))
    with unit_of_work(team.store, team.beheerder) as uow:
        assert audit.verify_chain(uow).broken_at == 3


def test_only_beheerder_verifies(team: Team) -> None:
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.teamleider) as uow:
        audit.verify_chain(uow)


def test_search_query_is_not_recorded(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        search_households(uow, "Verhoef")
        search_households(uow, "111222333")
    with team.store.sessions() as session:
        details = " ".join(session.scalars(select(AuditEntry.detail)))
    assert "Verhoef" not in details and "111222333" not in details


PERSONAL = ("Verhoef", "Jolanda", "111222333", "Brinkstraat", "7551 CK", "7551CK", "17-05-1998",
            "1998-05-17")


def _leaks(text: str) -> list[str]:
    """Personal data of the reference household in ``text``, in any case and spacing."""
    folded = fold(text).replace(" ", "")
    return [item for item in PERSONAL if fold(item).replace(" ", "") in folded]


def test_logs_hold_no_name_or_bsn(team: Team, jolanda: HouseholdView,
                                  caplog: pytest.LogCaptureFixture) -> None:
    log_file = configure(verbose=True)  # the real rotating file, at DEBUG
    caplog.set_level(logging.DEBUG)
    try:
        with unit_of_work(team.store, team.consulent) as uow:
            open_household(uow, jolanda.id)
            for query in ("Verhoef", "jolanda", "111222333", "7551 CK", "17-05-1998"):
                search_households(uow, query)
            update_household(uow, jolanda.id, jolanda.version, jolanda.to_input())
        with pytest.raises(PermissionDenied), unit_of_work(team.store, team.beheerder) as uow:
            open_household(uow, jolanda.id)
        logging.getLogger("intake.canary").debug("proef %s", "verhoef")
    finally:
        for handler in logging.getLogger().handlers[:]:
            if isinstance(handler, logging.FileHandler):
                handler.close()
                logging.getLogger().removeHandler(handler)
    written = log_file.read_text(encoding="utf-8")
    # The canary proves both captures work and the check would see a name, whatever its case.
    assert _leaks(written) == ["Verhoef"] and _leaks(caplog.text) == ["Verhoef"]
    without_canary = "\n".join(line for line in written.splitlines() if "intake.canary" not in line)
    assert "DEBUG" in written and _leaks(without_canary) == []
    assert _leaks(" ".join(r.getMessage() for r in caplog.records
                           if r.name != "intake.canary")) == []


def test_repeated_reads_of_one_part_are_recorded_once_per_window(team: Team,
                                                                 jolanda: HouseholdView) -> None:
    from intake.core.clock import utcnow
    from intake.help_questions.registration import list_help_questions

    def count() -> int:
        with team.store.sessions() as session:
            return len(session.scalars(select(AuditEntry).where(
                AuditEntry.household_id == jolanda.id, AuditEntry.action == "inzien")).all())

    before = count()
    for _ in range(3):
        with unit_of_work(team.store, team.consulent) as uow:
            list_help_questions(uow, jolanda.id)
    assert count() == before + 1
    future = utcnow() + audit.READ_WINDOW + timedelta(minutes=1)
    with unit_of_work(team.store, team.consulent, clock=lambda: future) as uow:
        list_help_questions(uow, jolanda.id)
    add_colleague(team, jolanda.id, team.regisseur)
    with unit_of_work(team.store, team.regisseur) as uow:
        list_help_questions(uow, jolanda.id)
    with unit_of_work(team.store, team.consulent) as uow:
        open_household(uow, jolanda.id)
        open_household(uow, jolanda.id)
    assert count() == before + 5
