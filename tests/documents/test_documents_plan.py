"""The printed plan: text read back with pypdf, page numbering, repeated table headers, every
name printed as written, the resident version and the redacted version."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from reportlab import rl_config
from sqlalchemy import select

from db.models import AuditEntry
from intake import plans
from intake.core.errors import PermissionDenied
from intake.core.session import unit_of_work
from intake.documents import print_plan
from intake.plans import AgreedHow, ResultInput, VersionDetailsInput
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    NetworkInput,
    create_household,
)
from tests.conftest import Team
from tests.helpers.pdf_text import pdf_pages
from tests.helpers.plan_builders import add_actions, fill_jolanda_plan, register_jolanda_questions

MEMBERS = (
    MemberInput("Ayşe", "Çelik", MemberRole.OUDER, date(1985, 3, 2)),
    MemberInput("Văn Minh", "Nguyễn", MemberRole.OUDER, date(1983, 7, 9)),
    MemberInput("Sølvi", "Ødegård", MemberRole.KIND, date(2012, 1, 30)),
    MemberInput("Αλέξανδρος", "Παπαδόπουλος", MemberRole.KIND, date(2015, 5, 5)),
)
NETWORK = (NetworkInput("Анна Иванова", "buurvrouw", can_help_with="Kinderen uit school halen"),)
ALL_NAMES = [part for m in MEMBERS for part in (m.given_name, m.family_name)] + \
    ["Анна", "Иванова"]


@pytest.fixture(autouse=True)
def _reproducible_pdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(rl_config, "invariant", 1)
    yield


def _text(pdf: bytes) -> list[str]:
    """Per page, whitespace collapsed (table cells wrap lines), syllable breaks joined."""
    return pdf_pages(pdf)


def _jolanda_plan(team: Team, jolanda: HouseholdView) -> plans.PlanVersionView:
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, jolanda.id)
        keys = [c.key for c in plans.plan_candidates(uow, jolanda.id)]
        view = fill_jolanda_plan(uow, plans.start_plan(uow, jolanda.id, keys))
        view = plans.update_details(uow, view.id, view.version, VersionDetailsInput(
            regisseur_id=team.regisseur.id, aanspreekpunt="Jolanda's vriend Mark",
            strengths="Jolanda werkt vier dagen per week <trouw> & met plezier.",
            worries="Afspraken met jeugdzorg lopen mis.", client_support_offered=True))
        return plans.agree(uow, view.id, view.version, date(2026, 11, 20), AgreedHow.GETEKEND)


def _diverse_household(team: Team) -> HouseholdView:
    with unit_of_work(team.store, team.consulent) as uow:
        return create_household(uow, HouseholdInput(
            street="Marktstraat", house_number="3", postcode="7551 DR", city="Hengelo",
            members=list(MEMBERS), network=list(NETWORK)))


def test_professional_pdf_has_every_result_and_action(team: Team,
                                                      jolanda: HouseholdView) -> None:
    view = _jolanda_plan(team, jolanda)
    with unit_of_work(team.store, team.teamleider) as uow:
        pdf = print_plan(uow, jolanda.id)
    pages = _text(pdf)
    text = " ".join(pages)
    for result in view.results:
        assert result.text in text
        for action in result.actions:
            assert action.what in text
    assert "Jolanda werkt vier dagen per week <trouw> & met plezier." in text  # escaped
    assert f"pagina 1 van {len(pages)}" in pages[0]
    assert f"pagina {len(pages)} van {len(pages)}" in pages[-1]
    assert f"{jolanda.dossiernummer} · versie 1 · Actief" in pages[0]
    assert "Afgedrukt op" in pages[-1] and "Tom Teamleider" in pages[-1]
    assert "Wet: Participatiewet" in text and "Ruud Regisseur" in text
    with unit_of_work(team.store, team.consulent) as uow:
        printed = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "afdrukken", AuditEntry.household_id == jolanda.id)).all()
    assert len(printed) == 1 and printed[0].actor_name == "teamleider"


def test_sixty_actions_repeat_table_header(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.start_plan(uow, jolanda.id)
        view = plans.add_result(uow, view.id, view.version, ResultInput(
            domain_code="financien", text="Overzicht over alle post en rekeningen"))
        view = add_actions(uow, view, 0, 60)
        pdf = print_plan(uow, jolanda.id)
    pages = _text(pdf)
    table_pages = [page for page in pages if re.search(r"Actie \d\d:", page)]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "Niveau / dienst" in page
    text = " ".join(pages)
    for number in range(1, 61):
        assert f"Actie {number:02d}:" in text
    assert f"pagina 1 van {len(pages)}" in pages[0]


def test_names_print_as_written(team: Team) -> None:
    household = _diverse_household(team)
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.start_plan(uow, household.id)
        plans.add_result(uow, view.id, view.version, ResultInput(
            domain_code="opvoeden_opgroeien", text="Sølvi gaat weer elke dag naar school."))
        pdf = print_plan(uow, household.id)
        resident = print_plan(uow, household.id, resident=True)
    text = " ".join(_text(pdf))
    for name in ("Ayşe Çelik", "Văn Minh Nguyễn", "Sølvi Ødegård",
                 "Αλέξανδρος Παπαδόπουλος", "Анна Иванова"):
        assert name in text
    assert "Huishouden Çelik" in " ".join(_text(resident))


def test_resident_version(team: Team, jolanda: HouseholdView) -> None:
    view = _jolanda_plan(team, jolanda)
    with unit_of_work(team.store, team.consulent) as uow:
        pdf = print_plan(uow, jolanda.id, resident=True)
    text = " ".join(_text(pdf))
    assert "Uw plan" in text and "Wat gaan we doen?" in text and "Wie doet het?" in text
    assert "Geldzaken" in text  # plain domain label
    assert "20 november 2026" in text and "heeft u met een handtekening ja gezegd" in text
    for result in view.results:
        assert result.text in text
        for action in result.actions:
            assert action.what in text


def test_redacted_version_has_no_resident_names(team: Team) -> None:
    household = _diverse_household(team)
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.start_plan(uow, household.id)
        view = plans.add_result(uow, view.id, view.version, ResultInput(
            domain_code="opvoeden_opgroeien", member_id=household.members[2].id,
            text="Sølvi Ødegård gaat weer naar school; Ayşe brengt haar."))
        view = plans.update_details(uow, view.id, view.version, VersionDetailsInput(
            strengths="Анна Иванова helpt, en nguyễn kookt.", aanspreekpunt="Ayşe Çelik"))
        professional = " ".join(_text(print_plan(uow, household.id, redacted=True)))
        resident = " ".join(_text(print_plan(uow, household.id, resident=True,
                                             redacted=True)))
    for text in (professional, resident):
        for name in ALL_NAMES:
            assert name.casefold() not in text.casefold(), name
        assert "Marktstraat" not in text
    assert "Kind 1 gaat weer naar school; Ouder 1 brengt haar." in professional
    assert "Netwerk 1 helpt, en Ouder 2 kookt." in professional
    assert "Namen vervangen" in professional


def test_print_permissions(team: Team, jolanda: HouseholdView) -> None:
    _jolanda_plan(team, jolanda)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.beheerder) as uow:
        print_plan(uow, jolanda.id)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.vindplaats) as uow:
        print_plan(uow, jolanda.id)


def test_same_input_same_bytes(team: Team, jolanda: HouseholdView) -> None:
    _jolanda_plan(team, jolanda)
    with unit_of_work(team.store, team.consulent) as uow:
        first = print_plan(uow, jolanda.id)
        second = print_plan(uow, jolanda.id)
    assert first == second
