"""The duplicate check warns of a match but names no household the person may not open."""

from __future__ import annotations

import pytest

from intake.core.session import unit_of_work
from intake.register.households import (
    HouseholdView,
    PossibleDuplicateError,
    create_household,
    find_duplicates,
)
from tests.conftest import Team, jolanda_input


def test_a_match_the_person_may_not_open_is_reported_without_its_number(
        team: Team, jolanda: HouseholdView) -> None:
    with pytest.raises(PossibleDuplicateError) as warned, \
            unit_of_work(team.store, team.vindplaats) as uow:
        create_household(uow, jolanda_input())
    message = warned.value.message
    assert jolanda.dossiernummer not in message
    assert "niet kunt openen" in message and "teamleider" in message
    assert "hetzelfde BSN" in message
    for word in ("Carla", "consulent", "zorgloket", "huisarts"):  # no registrar, vindplaats
        assert word not in message
    assert [hit.dossiernummer for hit in warned.value.hits] == [None]


def test_a_match_the_person_may_open_keeps_its_number(team: Team,
                                                      jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.regisseur) as uow:
        hits = find_duplicates(uow, jolanda_input())
    assert [hit.dossiernummer for hit in hits] == [jolanda.dossiernummer]
