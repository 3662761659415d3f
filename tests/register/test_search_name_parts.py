"""Search finds every part of a name: each word starts some part of a member's names (AND),
accent- and case-insensitive; a tussenvoegsel alone finds nothing; one normalisation serves
search, the duplicate check and BSN digits."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import MemberNamePart
from intake.core.session import unit_of_work
from intake.core.text import digits, fold, name_parts, words
from intake.core.validation import normalise_bsn
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    create_household,
    update_household,
)
from intake.register.search import search_households
from tests.conftest import Team


def _family(team: Team) -> HouseholdView:
    data = HouseholdInput(
        street="Marktstraat", house_number="5", postcode="7551 DR", city="Hengelo",
        members=[MemberInput("Anna Maria", "Jansen-de Vries", MemberRole.OUDER),
                 MemberInput("Müge", "Öztürk Yılmaz", MemberRole.PARTNER),
                 MemberInput("Jean-Luc", "D'Souza", MemberRole.KIND),
                 MemberInput("Sanne", "Berg", MemberRole.KIND, prefix="van den")],
    )
    with unit_of_work(team.store, team.consulent) as uow:
        return create_household(uow, data)


def _found(team: Team, query: str) -> list[str]:
    with unit_of_work(team.store, team.consulent) as uow:
        return [hit.dossiernummer for hit in search_households(uow, query)]


def test_name_parts_split_every_kind_of_multi_part_name() -> None:
    assert name_parts("Anna Maria", "Jansen-de Vries") == ["anna", "maria", "jansen", "vries"]
    assert name_parts("Müge", "Öztürk Yılmaz") == ["muge", "ozturk", "yilmaz"]
    assert name_parts("Jean-Luc", "D’Souza") == ["jean", "luc", "d'souza", "souza"]
    assert words("  Van DE  berg, Ánna") == ["van", "de", "berg", "anna"]


@pytest.mark.parametrize("query", [
    "jansen", "vries", "jansen-de vries", "jansen de vries", "de vries",  # every family part
    "anna", "maria", "MARIA jans",                                          # given names
    "ozturk", "yilmaz", "Yıl", "öztürk yılmaz",                             # accents, double
    "souza", "d'souza", "luc", "jean-luc",                                  # apostrophe, hyphen
    "berg", "van den berg", "sanne berg",                                   # without prefix
    "vries souza",                                                          # words of two members
])
def test_each_word_starts_some_part_of_a_name(team: Team, query: str) -> None:
    family = _family(team)
    assert _found(team, query) == [family.dossiernummer]


@pytest.mark.parametrize("query", ["de", "van", "van den", "'t", "vries pietersen", "ries",
                                   "anna x"])
def test_all_words_must_match_and_a_tussenvoegsel_alone_matches_nothing(
        team: Team, query: str) -> None:
    _family(team)
    assert _found(team, query) == []


def test_parts_follow_a_changed_name(team: Team) -> None:
    family = _family(team)
    data = family.to_input()
    data.members[0] = MemberInput("Anna Maria", "Pietersen", MemberRole.OUDER,
                                  id=data.members[0].id)
    with unit_of_work(team.store, team.consulent) as uow:
        update_household(uow, family.id, family.version, data)
    assert _found(team, "pietersen") == [family.dossiernummer]
    assert _found(team, "jansen") == []
    with unit_of_work(team.store, team.consulent) as uow:
        stored = set(uow.session.scalars(select(MemberNamePart.part)))
    assert "jansen" not in stored and "pietersen" in stored


def test_plain_ascii_folds_as_the_full_unicode_path_does() -> None:
    # A combining accent is dropped by the full path only: with it the text takes that path.
    every = "".join(chr(code) for code in range(128))
    for text in (every, every[::-1], "  Jan  JANSEN-de Vries\t", "O'Neil, Bakker\n", ""):
        assert fold(text) == fold(text + "\u0301")
    assert fold("Jansen  DE\tVries ") == "jansen de vries"


def test_one_normalisation_for_search_duplicates_and_numbers() -> None:
    assert fold("ÇELİK") == fold("çelik") == "celik"
    assert digits("123.456.782") == digits("123 456 782") == digits("123-456-782") == "123456782"
    assert normalise_bsn("12345 6782") == "123456782"


def test_a_kept_name_statement_searches_with_the_words_of_each_search(
        team: Team, jolanda: HouseholdView) -> None:
    """The statement of a name search is built once per person and number of words; the words
    themselves are bound anew for every search."""
    from intake.register.search import LIMIT, _ranked_by_name

    family = _family(team)
    assert _found(team, "jansen") == [family.dossiernummer]
    assert _found(team, "verhoef") == [jolanda.dossiernummer]
    assert _found(team, "anna berg") == [family.dossiernummer]
    assert _found(team, "jolanda verhoef") == [jolanda.dossiernummer]
    assert _found(team, "jolanda berg") == []
    kept = _ranked_by_name(0, team.consulent, LIMIT, False)
    assert kept is _ranked_by_name(0, team.consulent, LIMIT, False)
    assert _ranked_by_name(0, team.consulent, LIMIT, False) \
        is not _ranked_by_name(0, team.vindplaats, LIMIT, False)
    with unit_of_work(team.store, team.vindplaats) as uow:  # sees neither household
        assert search_households(uow, "jansen") == search_households(uow, "verhoef") == []


def test_the_name_search_uses_the_parts_index(team: Team) -> None:
    """No full scan: the plan of the name query reads the parts through their indexes, which
    hold the household, so the members table is not visited at all."""
    from intake.register.search import _name_query

    found = _name_query("jansen anna")
    assert found is not None
    query, values = found
    with unit_of_work(team.store, team.consulent) as uow:
        compiled = query.params(values).compile(uow.session.get_bind(),
                                                compile_kwargs={"literal_binds": True})
        plan = " ".join(str(row[-1]) for row in
                        uow.session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert "COVERING INDEX ix_member_name_parts_part_household" in plan
    assert "ix_member_name_parts_household_part" in plan
    assert "SCAN member_name_parts" not in plan and "members " not in plan + " "
