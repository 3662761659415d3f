"""Household register: create, open, edit, search, duplicates, role refusals."""

from __future__ import annotations

from datetime import date

import pytest

from intake.core.errors import PermissionDenied, StaleEditError, ValidationError
from intake.core.session import unit_of_work
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    PossibleDuplicateError,
    create_household,
    grant_access,
    household_id_for,
    open_household,
    update_household,
)
from intake.register.search import recent_households, search_households
from tests.conftest import Team, jolanda_input
from tests.helpers.access import add_colleague, open_with_reason


def _celik() -> HouseholdInput:
    return HouseholdInput(
        street="Deldenerstraat", house_number="101", house_number_suffix="a", postcode="7551ah",
        city="Hengelo",
        members=[
            MemberInput("Ayşe", "Çelik", MemberRole.OUDER, date(1984, 2, 29)),
            MemberInput("Emre", "Çelik", MemberRole.KIND, date(2015, 9, 1)),
        ],
    )


def test_create_gives_dossiernummer_and_normalises(team: Team) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        view = create_household(uow, _celik())
    assert view.dossiernummer.startswith(f"HH-{date.today().year}-")
    assert view.address == "Deldenerstraat 101A, 7551 AH Hengelo"
    assert view.title == "Huishouden Çelik"


def test_dossiernummers_count_up(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        second = create_household(uow, _celik())
    assert int(second.dossiernummer[-6:]) == int(jolanda.dossiernummer[-6:]) + 1


@pytest.mark.parametrize("query", ["celik", "Çel", "ayse celik", "7551 AH 101", "7551ah",
                                   "29-02-1984"])
def test_search_finds_by_name_postcode_and_birth_date(team: Team, query: str) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        created = create_household(uow, _celik())
    with unit_of_work(team.store, team.consulent) as uow:
        hits = search_households(uow, query)
    assert [hit.dossiernummer for hit in hits] == [created.dossiernummer]
    assert "Ayşe Çelik" in hits[0].names


def test_search_by_bsn_and_short_queries(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        assert [h.id for h in search_households(uow, "111 222 333")] == [jolanda.id]
        assert search_households(uow, "j") == []
        assert search_households(uow, "123456789") == []  # fails the elfproef


def test_invalid_input_lists_every_problem(team: Team) -> None:
    data = HouseholdInput(street="", house_number="twaalf", postcode="1234 SA", city="",
                          members=[MemberInput("Jan", "Smit", MemberRole.OUDER, bsn="123456789")])
    with pytest.raises(ValidationError) as error, unit_of_work(team.store, team.consulent) as uow:
        create_household(uow, data)
    assert set(error.value.fields) == {"street", "house_number", "postcode", "city", "member1.bsn"}
    assert "elfproef" in error.value.fields["member1.bsn"]


def test_valid_bsn_is_stored_normalised(team: Team) -> None:
    data = jolanda_input()
    data.members[0].bsn = "1112.22.333"
    with unit_of_work(team.store, team.consulent) as uow:
        view = create_household(uow, data)
    assert view.members[0].bsn == "111222333"


def test_duplicate_warning_same_bsn(team: Team, jolanda: HouseholdView) -> None:
    other = _celik()
    other.members[0].bsn = "111222333"
    with pytest.raises(PossibleDuplicateError) as warning, \
            unit_of_work(team.store, team.consulent) as uow:
        create_household(uow, other)
    assert warning.value.hits[0].dossiernummer == jolanda.dossiernummer
    assert "BSN" in warning.value.hits[0].reason
    with unit_of_work(team.store, team.consulent) as uow:
        create_household(uow, other, confirm_duplicate=True)


def test_duplicate_warning_same_name_birth_date_postcode(team: Team,
                                                         jolanda: HouseholdView) -> None:
    again = jolanda_input()
    again.members[0].bsn = ""
    again.house_number = "16"
    with pytest.raises(PossibleDuplicateError, match="dezelfde naam"), \
            unit_of_work(team.store, team.vindplaats) as uow:
        create_household(uow, again)


def test_edit_and_stale_edit_refused(team: Team, jolanda: HouseholdView) -> None:
    first = jolanda.to_input()
    first.phone = "074-1234567"
    second = jolanda.to_input()
    second.members.append(MemberInput("Kevin", "Verhoef", MemberRole.KIND, date(2019, 1, 2)))
    with unit_of_work(team.store, team.consulent) as uow:
        saved = update_household(uow, jolanda.id, jolanda.version, first)
    assert saved.version == jolanda.version + 1
    add_colleague(team, jolanda.id, team.regisseur)
    with pytest.raises(StaleEditError), unit_of_work(team.store, team.regisseur) as uow:
        update_household(uow, jolanda.id, jolanda.version, second)
    with unit_of_work(team.store, team.consulent) as uow:
        current = open_household(uow, jolanda.id)
    assert current.phone == "074-1234567"
    assert len(current.members) == 1


def test_member_change_bumps_household_version(team: Team, jolanda: HouseholdView) -> None:
    data = jolanda.to_input()
    data.members[0].given_name = "Jolanda Maria"
    with unit_of_work(team.store, team.consulent) as uow:
        saved = update_household(uow, jolanda.id, jolanda.version, data)
    assert saved.version == jolanda.version + 1
    assert saved.members[0].name == "Jolanda Maria Verhoef"


def test_teamleider_reads_but_cannot_edit(team: Team, jolanda: HouseholdView) -> None:
    open_with_reason(team, team.teamleider, jolanda.id)
    with unit_of_work(team.store, team.teamleider) as uow:
        assert open_household(uow, jolanda.id).dossiernummer == jolanda.dossiernummer
    with pytest.raises(PermissionDenied, match="niet wijzigen"), \
            unit_of_work(team.store, team.teamleider) as uow:
        update_household(uow, jolanda.id, jolanda.version, jolanda.to_input())
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.teamleider) as uow:
        create_household(uow, _celik())


def test_beheerder_cannot_open_case_content(team: Team, jolanda: HouseholdView) -> None:
    with pytest.raises(PermissionDenied, match="beheerder"), \
            unit_of_work(team.store, team.beheerder) as uow:
        open_household(uow, jolanda.id)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.beheerder) as uow:
        search_households(uow, "verhoef")


def test_vindplaats_sees_only_own_or_granted(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.vindplaats) as uow:
        own = create_household(uow, _celik())
        assert search_households(uow, "verhoef") == []
        assert [h.id for h in search_households(uow, "celik")] == [own.id]
    with pytest.raises(PermissionDenied, match="geen toegang"), \
            unit_of_work(team.store, team.vindplaats) as uow:
        open_household(uow, jolanda.id)
    with unit_of_work(team.store, team.consulent) as uow:
        grant_access(uow, jolanda.id, "vindplaats")
    with unit_of_work(team.store, team.vindplaats) as uow:
        assert open_household(uow, jolanda.id).id == jolanda.id


def test_recent_households_newest_first(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        other = create_household(uow, _celik())
    with unit_of_work(team.store, team.consulent) as uow:
        open_household(uow, jolanda.id)
    with unit_of_work(team.store, team.consulent) as uow:
        recent = recent_households(uow)
        assert [h.id for h in recent] == [jolanda.id, other.id]
        assert household_id_for(uow, jolanda.dossiernummer.lower()) == jolanda.id


@pytest.mark.parametrize("query", ["de vries", "jan de v", "vries jan", "el amrani", "oude eg"])
def test_search_understands_tussenvoegsels_and_multiword_names(team: Team, query: str) -> None:
    data = HouseholdInput(
        street="Enschedesestraat", house_number="3", postcode="7552 CV", city="Hengelo",
        members=[MemberInput("Jan", "Vries", MemberRole.OUDER, prefix="de"),
                 MemberInput("Samira", "El Amrani", MemberRole.PARTNER),
                 MemberInput("Tim", "Oude Egberink", MemberRole.KIND)],
    )
    with unit_of_work(team.store, team.consulent) as uow:
        created = create_household(uow, data)
    with unit_of_work(team.store, team.consulent) as uow:
        assert [hit.id for hit in search_households(uow, query)] == [created.id]


def test_the_households_a_vindplaats_may_see_are_those_household_filter_lets_through(
        team: Team, jolanda: HouseholdView) -> None:
    from sqlalchemy import select

    from db.models import Household
    from intake.core.access import household_filter, visible_household_ids

    with unit_of_work(team.store, team.vindplaats) as uow:
        own = create_household(uow, _celik())
    with unit_of_work(team.store, team.consulent) as uow:
        assert visible_household_ids(uow) is None  # sees every household
        other = create_household(uow, HouseholdInput(
            street="Marktstraat", house_number="3", postcode="7551 DR", city="Hengelo",
            members=[MemberInput("Sanne", "Bakker", MemberRole.OUDER, date(1990, 5, 4))]))
        grant_access(uow, other.id, "vindplaats")
    with unit_of_work(team.store, team.vindplaats) as uow:
        visible = visible_household_ids(uow)
        assert visible is not None
        listed = set(uow.session.scalars(visible))
        filtered = set(uow.session.scalars(select(Household.id).where(household_filter(uow))))
        assert listed == filtered == {own.id, other.id}
        assert jolanda.id not in listed
        assert [h.id for h in search_households(uow, "celik")] == [own.id]
