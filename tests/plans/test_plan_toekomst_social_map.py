"""Toekomstplan for young adults, and the sociale kaart behind the action editor."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from reportlab import rl_config

from intake import plans
from intake.catalogues import social_map
from intake.core.errors import KnownError, PermissionDenied, StaleEditError, ValidationError
from intake.core.session import unit_of_work
from intake.documents import print_plan
from intake.plans import ActionInput, AgreedHow, PlanKind, ResultInput, WhoKind
from intake.register.households import HouseholdInput, MemberInput, MemberRole, create_household
from tests.conftest import Team


def test_toekomstplan_for_young_adult(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    # A fixed day, so the ages (18, 14, 51) do not drift as years pass.
    with unit_of_work(team.store, team.consulent, clock=lambda: datetime(2026, 11, 22, 10)) \
            as uow:
        household = create_household(uow, HouseholdInput(
            street="Deldenerstraat", house_number="40", postcode="7551 AH", city="Hengelo",
            members=[MemberInput("Marieke", "Bos", MemberRole.OUDER, date(1975, 1, 1)),
                     MemberInput("Daan", "Bos", MemberRole.KIND, date(2008, 3, 1)),
                     MemberInput("Lotte", "Bos", MemberRole.KIND, date(2012, 3, 1))]))
        eligible = plans.toekomstplan_members(uow, household.id)
        assert [m.name for m in eligible] == ["Daan Bos"]  # 18; mother 51, Lotte 14
        with pytest.raises(KnownError):
            plans.start_toekomstplan(uow, household.id, household.members[2].id)
        view = plans.start_toekomstplan(uow, household.id, household.members[1].id)
        assert view.kind is PlanKind.TOEKOMSTPLAN and view.owner_name == "Daan Bos"
        assert [r.theme_label for r in view.results] == [
            "Wonen", "Dagbesteding", "Financiën", "Sociale contacten"]
        with pytest.raises(ValidationError):
            plans.agree(uow, view.id, view.version, date(2026, 11, 20), AgreedHow.MONDELING)
        for result in view.results:
            view = plans.update_result(uow, result.id, result.version, ResultInput(
                domain_code=result.domain_code, theme=result.theme, member_id=result.member_id,
                text=f"Mijn doel voor {result.theme_label.lower()}"))
        for result in view.results:
            view = plans.add_action(uow, result.id, result.version, ActionInput(
                what="Zelf uitzoeken", who_kind=WhoKind.INWONER, support_level="eigen_kracht"))
        view = plans.agree(uow, view.id, view.version, date(2026, 11, 20), AgreedHow.MONDELING)
        summaries = plans.household_plans(uow, household.id)
        pdf = print_plan(uow, household.id, resident=True, plan_id=view.plan_id)
    assert [s.kind for s in summaries] == [PlanKind.TOEKOMSTPLAN]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Toekomstplan van Daan Bos" in text and "Jij zelf" in text
    assert "Mijn doel voor sociale contacten" in text


def test_social_map_search_and_beheer(team: Team) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        found = social_map.search_services(uow, "stadsbank schuld")
        assert [s.name for s in found] == ["Schuldhulpverlening"]
        assert found[0].kind == "maatwerk" and found[0].domain_code == "financien"
        assert len(social_map.search_services(uow, domain_code="opvoeden_opgroeien")) >= 5
        with pytest.raises(PermissionDenied):
            social_map.add_service(uow, social_map.ServiceInput(
                "Taalcafé", "Bibliotheek", "algemeen", "taal"))
    with unit_of_work(team.store, team.beheerder) as uow:
        added = social_map.add_service(uow, social_map.ServiceInput(
            "Taalcafé Ørsted", "Bibliotheek Hengelo", "algemeen", "taal",
            contact="074 000 0000"))
        stadsbank = social_map.search_services(uow, "schuldhulp")[0]
        social_map.update_service(uow, stadsbank.id, stadsbank.version, social_map.ServiceInput(
            stadsbank.name, stadsbank.organisation, stadsbank.kind, stadsbank.domain_code,
            contact="Hengelo, loket op afspraak", active=False))
        with pytest.raises(StaleEditError):
            social_map.update_service(uow, stadsbank.id, stadsbank.version,
                                      social_map.ServiceInput("x", "y", "algemeen", "taal"))
    with unit_of_work(team.store, team.consulent) as uow:
        assert [s.id for s in social_map.search_services(uow, "orsted")] == [added.id]
        assert social_map.search_services(uow, "schuldhulp") == []
        assert social_map.search_services(uow, "schuldhulp", include_inactive=True)[0].contact \
            == "Hengelo, loket op afspraak"
