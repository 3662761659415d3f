"""A vindplaatsmedewerker's name search: a rare name asks of each match whether they may see
it, a common one lists the households they see first. Both ways find the same households, and
a page of results is read in one statement (no statement per hit)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.register import search
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    create_household,
    grant_access,
)
from tests.conftest import Team


def _household(team: Team, actor: Actor, given: str, family: str) -> HouseholdView:
    data = HouseholdInput(street="Marktstraat", house_number="5", postcode="7551 DR",
                          city="Hengelo", members=[MemberInput(given, family, MemberRole.OUDER)])
    with unit_of_work(team.store, actor) as uow:
        return create_household(uow, data)


def _found(team: Team, actor: Actor, query: str) -> list[str]:
    with unit_of_work(team.store, actor) as uow:
        return [hit.dossiernummer for hit in search.search_households(uow, query)]


@pytest.fixture
def bakkers(team: Team) -> dict[str, HouseholdView]:
    """Five Bakkers: two registered by the vindplaatsmedewerker, one she was added to, two
    she may not see."""
    made = {
        "anna": _household(team, team.vindplaats, "Anna", "Bakker"),
        "piet": _household(team, team.vindplaats, "Piet", "Bakker"),
        "added": _household(team, team.consulent, "Anna", "Bakker"),
        "kees": _household(team, team.consulent, "Kees", "Bakker"),
        "other": _household(team, team.consulent, "Piet", "Bakker"),
    }
    with unit_of_work(team.store, team.consulent) as uow:
        grant_access(uow, made["added"].id, "vindplaats")
    return made


@pytest.mark.parametrize("listed", [False, True])
def test_both_ways_find_the_households_she_may_see(
        team: Team, bakkers: dict[str, HouseholdView], monkeypatch: pytest.MonkeyPatch,
        listed: bool) -> None:
    if listed:  # as if the names were common
        monkeypatch.setattr(search, "_few_matches", lambda uow, values: False)
    seen = {bakkers[key].dossiernummer for key in ("anna", "piet", "added")}
    assert set(_found(team, team.vindplaats, "bakker")) == seen
    assert set(_found(team, team.vindplaats, "bakker anna")) == \
        {bakkers["anna"].dossiernummer, bakkers["added"].dossiernummer}
    assert _found(team, team.vindplaats, "piet bakker") == [bakkers["piet"].dossiernummer]
    assert _found(team, team.vindplaats, "kees") == []
    assert len(_found(team, team.consulent, "bakker")) == 5


def test_a_rare_name_is_asked_of_each_match_and_a_common_one_of_the_list(
        team: Team, bakkers: dict[str, HouseholdView]) -> None:
    values = {"word0": "bakker", "word0_end": "bakkes"}
    with unit_of_work(team.store, team.vindplaats) as uow:
        assert search._few_matches(uow, values)
    with unit_of_work(team.store, team.consulent) as uow:  # sees every household: no list
        assert not search._few_matches(uow, values)
    rare = str(search._ranked_by_name(0, team.vindplaats, search.LIMIT, True))
    common = str(search._ranked_by_name(0, team.vindplaats, search.LIMIT, False))
    assert "UNION ALL" not in rare and "UNION ALL" in common


@pytest.mark.parametrize("username", ["consulent", "vindplaats"])
def test_a_page_of_results_is_read_in_one_statement(
        team: Team, bakkers: dict[str, HouseholdView], username: str) -> None:
    actor = team.consulent if username == "consulent" else team.vindplaats
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(team.store.engine, "before_cursor_execute", seen)
    try:
        assert len(_found(team, actor, "bakker")) in (3, 5)
    finally:
        event.remove(team.store.engine, "before_cursor_execute", seen)
    reads = [s for s in statements if s.lstrip().startswith("SELECT") and "audit_entries" not in s]
    # The vindplaatsmedewerker's search counts the matches of the name first (see above).
    assert len(reads) == (2 if username == "vindplaats" else 1)
    assert "JOIN members" in reads[-1]
