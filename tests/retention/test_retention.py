"""Retention by law on a small fixed store: closing day, the longest term, configurable terms
and the command line."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from intake.cli import main
from intake.core.errors import PermissionDenied
from intake.core.session import unit_of_work
from intake.register.households import HouseholdInput, MemberInput, MemberRole, create_household
from intake.retention import retention_list, retention_terms, set_term
from tests.conftest import PASSWORD, Team
from tests.helpers.dossiers import at, quick


def _household(team: Team, name: str, day: date) -> tuple[str, uuid.UUID]:
    with unit_of_work(team.store, team.consulent, at(day)) as uow:
        view = create_household(uow, HouseholdInput(
            street="Marktstraat", house_number="3", postcode="7551 EE", city="Hengelo",
            members=[MemberInput(name, "Jansen", MemberRole.ALLEENSTAAND, date(1970, 1, 1))]))
    return view.dossiernummer, view.id


@pytest.fixture
def small_store(team: Team) -> dict[str, str]:
    """Four households of 2026: advice only, Wmo, Jeugdwet with Wmo, and one still open."""
    numbers = {}
    for key, day, questions in (
            ("advies", date(2026, 3, 10), [("informatie_advies", "afgesloten")]),
            ("wmo", date(2026, 4, 1), [("begeleiding", "doorverwezen")]),
            ("jeugd", date(2026, 5, 1), [("begeleiding", "afgesloten"),
                                         ("opvoeden_opgroeien", "direct_geholpen")]),
            ("open", date(2026, 2, 1), [("schulden_geldzaken", "brede_uitvraag")])):
        number, household_id = _household(team, key.capitalize(), day)
        for type_code, outcome in questions:
            quick(team.store, team.consulent, household_id, type_code, outcome, day)
        numbers[key] = number
    return numbers


def test_retention_by_law_takes_the_longest_term(team: Team, small_store: dict[str, str]) -> None:
    with unit_of_work(team.store, team.beheerder, at(date(2031, 6, 1))) as uow:
        every = retention_list(uow, due_only=False)
        due = retention_list(uow)
    assert [(r.retention.dossiernummer, r.retention.term_code, r.retention.closed_on,
             r.retention.ends_on) for r in every] == [
        (small_store["advies"], "geen", date(2026, 3, 10), date(2031, 3, 10)),
        (small_store["wmo"], "wmo", date(2026, 4, 1), date(2041, 4, 1)),
        (small_store["jeugd"], "jeugdwet", date(2026, 5, 1), date(2046, 5, 1)),
    ]
    assert every[2].retention.laws == ("jeugdwet", "wmo")
    assert [d.dossiernummer for d in due] == [small_store["advies"]]


def test_the_beheerder_sets_a_term_and_the_source_stays(team: Team,
                                                        small_store: dict[str, str]) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        terms = {t.code: t for t in retention_terms(uow)}
        assert terms["jeugdwet"].years == 20 and "7.3.8" in terms["jeugdwet"].source
        assert terms["wmo"].years == 15 and "Selectielijst" in terms["wmo"].source
        assert terms["audittrail"].years == 20
        changed = set_term(uow, "geen", 7, terms["geen"].version)
    assert changed.changed and changed.shipped_years == 5
    with unit_of_work(team.store, team.beheerder, at(date(2031, 6, 1))) as uow:
        assert retention_list(uow) == []
        assert retention_list(uow, due_only=False)[0].retention.ends_on == date(2033, 3, 10)
    for actor in (team.teamleider, team.consulent):
        with pytest.raises(PermissionDenied), unit_of_work(team.store, actor) as uow:
            set_term(uow, "geen", 1, changed.version)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.consulent) as uow:
        retention_list(uow)


def test_retention_on_the_command_line(team: Team, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    number, household_id = _household(team, "Oud", date(2001, 1, 10))
    quick(team.store, team.consulent, household_id, "informatie_advies", "afgesloten",
          date(2001, 1, 10))
    db = str(team.location.path)
    team.store.close()
    assert main(["retention", "list", "--db", db, "--user", "beheerder"]) == 0
    out = capsys.readouterr().out
    assert number in out and "Geen wet 5 jaar" in out and "10-01-2006" in out
    assert main(["retention", "approve", number, "--db", db, "--user", "teamleider"]) == 2
    assert "geen vernietiging voorgesteld" in capsys.readouterr().err
    assert main(["retention", "propose", number, "--db", db, "--user", "beheerder"]) == 0
    assert main(["retention", "list", "--db", db, "--user", "teamleider"]) == 0
    assert "voorgesteld door Bea Beheer" in capsys.readouterr().out
    assert main(["retention", "approve", number, "--db", db, "--user", "teamleider"]) == 0
    assert "vernietigd" in capsys.readouterr().out
    assert main(["retention", "list", "--db", db, "--user", "beheerder"]) == 0
    assert "Geen dossiers" in capsys.readouterr().out
    assert main(["retention", "terms", "--db", db, "--user", "beheerder"]) == 0
    assert "Jeugdwet art. 7.3.8" in capsys.readouterr().out
