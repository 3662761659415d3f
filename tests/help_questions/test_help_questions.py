"""Help questions and the catalogues they are registered with."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from intake.catalogues.admin import add_entry, deactivate, label_history, list_entries, relabel
from intake.catalogues.stored import CatalogueKind, entries
from intake.core.errors import PermissionDenied, StaleEditError, ValidationError
from intake.core.session import unit_of_work
from intake.help_questions.registration import (
    HelpQuestionInput,
    household_help_questions,
    list_help_questions,
    register_help_question,
    set_outcome,
)
from intake.register.households import HouseholdView, create_household
from intake.store import open_store
from intake.uitvraag.handover import latest_intake_summary
from tests.conftest import PASSWORD, Team, jolanda_input


def clock(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def test_catalogues_are_seeded_from_resources(team: Team) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        types = {e.code: e for e in entries(uow, CatalogueKind.HULPVRAAGTYPE)}
        places = {e.code: e for e in entries(uow, CatalogueKind.VINDPLAATS)}
        channels = [e.code for e in entries(uow, CatalogueKind.KANAAL)]
        outcomes = [e.code for e in entries(uow, CatalogueKind.UITKOMST)]
    assert len(types) == 18 and types["begeleiding"].law_code == "wmo"
    assert types["opvoeden_opgroeien"].law_code == "jeugdwet"
    assert places["huisarts"].ijw_code == "02" and places["jgz"].ijw_code == "03"
    assert places["zorgloket"].ijw_code == "01" and places["school"].ijw_code is None
    assert places["gecertificeerde_instelling"].ijw_code == "04"
    assert places["inwoner_zelf"].ijw_code == "06"
    assert channels == ["balie", "telefoon", "digitaal", "huisbezoek", "op_de_vindplaats"]
    assert set(outcomes) == {"direct_geholpen", "brede_uitvraag", "doorverwezen", "afgesloten"}


def test_vindplaatsmedewerker_registers_with_own_vindplaats(team: Team) -> None:
    with unit_of_work(team.store, team.vindplaats) as uow:
        household = create_household(uow, jolanda_input())
        view = register_help_question(uow, household.id, HelpQuestionInput(
            type_code="opvoeden_opgroeien", outcome_code="direct_geholpen",
            question="Moeder vraagt hoe ze\nbeter kan slapen met de baby",
            member_id=household.members[0].id))
    assert view.vindplaats_code == "huisarts" and view.vindplaats_label == "Huisarts (POH-jeugd)"
    assert view.channel_code == "op_de_vindplaats"
    assert view.question == "Moeder vraagt hoe ze beter kan slapen met de baby"
    assert view.member_name == "Jolanda Verhoef" and view.law_code == "jeugdwet"
    assert view.registered_by == "Vera POH-jeugd"


def test_every_problem_is_reported_under_its_field(team: Team, jolanda: HouseholdView) -> None:
    with pytest.raises(ValidationError) as caught, \
            unit_of_work(team.store, team.consulent) as uow:
        register_help_question(uow, jolanda.id, HelpQuestionInput(
            type_code="bestaat_niet", outcome_code="doorverwezen",
            registered_on=date.today() + timedelta(days=3)))
    assert set(caught.value.fields) == {"type_code", "vindplaats_code", "channel_code",
                                        "referral_target", "registered_on"}


def test_referral_and_outcome_text(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        view = register_help_question(uow, jolanda.id, HelpQuestionInput(
            type_code="schulden_geldzaken", outcome_code="direct_geholpen",
            vindplaats_code="zorgloket", channel_code="telefoon"))
        changed = set_outcome(uow, view.id, "doorverwezen", "Stadsbank", view.version)
    assert changed.outcome_text == "Doorverwezen naar Stadsbank"
    with pytest.raises(StaleEditError), unit_of_work(team.store, team.consulent) as uow:
        set_outcome(uow, view.id, "afgesloten", "", view.version)


@pytest.mark.parametrize("role", ["teamleider", "beheerder"])
def test_teamleider_and_beheerder_cannot_register(team: Team, jolanda: HouseholdView,
                                                   role: str) -> None:
    with pytest.raises(PermissionDenied), unit_of_work(team.store, getattr(team, role)) as uow:
        register_help_question(uow, jolanda.id, HelpQuestionInput(
            type_code="begeleiding", outcome_code="direct_geholpen",
            vindplaats_code="zorgloket", channel_code="balie"))


def test_vindplaats_only_for_own_households(team: Team, jolanda: HouseholdView) -> None:
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.vindplaats) as uow:
        register_help_question(uow, jolanda.id, HelpQuestionInput(
            type_code="begeleiding", outcome_code="direct_geholpen"))
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.vindplaats) as uow:
        list_help_questions(uow, jolanda.id)


def test_teamleider_reads_the_list(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        register_help_question(uow, jolanda.id, HelpQuestionInput(
            type_code="werk_reintegratie", outcome_code="doorverwezen",
            referral_target="Werkplein", vindplaats_code="werkplein", channel_code="balie"))
    with unit_of_work(team.store, team.teamleider) as uow:
        rows = list_help_questions(uow, jolanda.id)
        found = household_help_questions(uow, jolanda.id)
        assert latest_intake_summary(uow, jolanda.id) is None
    assert [r.type_label for r in rows] == ["Werk en re-integratie"]
    assert found[0].law_code == "participatiewet"
    assert found[0].outcome_label == "Doorverwezen naar Werkplein"


# ---------------------------------------------------------------- catalogue management

def test_code_is_never_reused_or_deleted(team: Team) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        added = add_entry(uow, CatalogueKind.HULPVRAAGTYPE, "armoede", "Armoede",
                          law_code="participatiewet")
        deactivate(uow, CatalogueKind.HULPVRAAGTYPE, "armoede", added.version)
    with pytest.raises(ValidationError, match="nooit opnieuw gebruikt"), \
            unit_of_work(team.store, team.beheerder) as uow:
        add_entry(uow, CatalogueKind.HULPVRAAGTYPE, "armoede", "Iets anders",
                  law_code="geen")
    with unit_of_work(team.store, team.beheerder) as uow:
        codes = {e.code: e.active for e in list_entries(uow, CatalogueKind.HULPVRAAGTYPE)}
        active = {e.code for e in entries(uow, CatalogueKind.HULPVRAAGTYPE)}
    assert codes["armoede"] is False and "armoede" not in active


def test_only_the_beheerder_manages_catalogues(team: Team) -> None:
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.teamleider) as uow:
        add_entry(uow, CatalogueKind.KANAAL, "chat", "Chat")


def test_deactivated_code_is_refused_for_new_registrations(team: Team,
                                                            jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        entry = next(e for e in list_entries(uow, CatalogueKind.KANAAL) if e.code == "digitaal")
        deactivate(uow, CatalogueKind.KANAAL, "digitaal", entry.version)
    with pytest.raises(ValidationError, match="niet meer in gebruik"), \
            unit_of_work(team.store, team.consulent) as uow:
        register_help_question(uow, jolanda.id, HelpQuestionInput(
            type_code="begeleiding", outcome_code="direct_geholpen",
            vindplaats_code="zorgloket", channel_code="digitaal"))


def test_relabel_keeps_history(team: Team) -> None:
    earlier = datetime(2026, 3, 1, 9, 0)
    later = datetime(2026, 6, 1, 9, 0)
    with unit_of_work(team.store, team.consulent, clock(earlier)) as uow:
        household = create_household(uow, jolanda_input())
        register_help_question(uow, household.id, HelpQuestionInput(
            type_code="schulden_geldzaken", outcome_code="direct_geholpen",
            vindplaats_code="zorgloket", channel_code="telefoon"))
    with unit_of_work(team.store, team.beheerder, clock(later)) as uow:
        entry = next(e for e in list_entries(uow, CatalogueKind.HULPVRAAGTYPE)
                     if e.code == "schulden_geldzaken")
        relabel(uow, CatalogueKind.HULPVRAAGTYPE, "schulden_geldzaken", "Geldzorgen",
                entry.version)
        history = label_history(uow, CatalogueKind.HULPVRAAGTYPE, "schulden_geldzaken")
    assert [h.label for h in history] == ["Schulden en geldzaken", "Geldzorgen"]
    with unit_of_work(team.store, team.consulent, clock(later)) as uow:
        newer = register_help_question(uow, household.id, HelpQuestionInput(
            type_code="schulden_geldzaken", outcome_code="direct_geholpen",
            vindplaats_code="zorgloket", channel_code="telefoon"))
        rows = list_help_questions(uow, household.id)
    assert newer.type_label == "Geldzorgen"
    assert sorted(r.type_label for r in rows) == ["Geldzorgen", "Schulden en geldzaken"]
    with pytest.raises(StaleEditError), unit_of_work(team.store, team.beheerder) as uow:
        relabel(uow, CatalogueKind.HULPVRAAGTYPE, "schulden_geldzaken", "Nog iets",
                entry.version)


def test_seeding_again_adds_nothing_and_keeps_edits(team: Team) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        entry = next(e for e in list_entries(uow, CatalogueKind.KANAAL) if e.code == "balie")
        relabel(uow, CatalogueKind.KANAAL, "balie", "Balie stadhuis", entry.version)
        deactivate(uow, CatalogueKind.KANAAL, "digitaal",
                   next(e for e in list_entries(uow, CatalogueKind.KANAAL)
                        if e.code == "digitaal").version)
    # Reopening migrates (a no-op at head): a beheerder's label and switch stay as they are.
    team.store.close()
    team.store = open_store(team.location, team.beheerder.username, PASSWORD)[0]
    with unit_of_work(team.store, team.beheerder) as uow:
        channels = {e.code: (e.label, e.active) for e in list_entries(uow, CatalogueKind.KANAAL)}
    assert channels["balie"] == ("Balie stadhuis", True)
    assert channels["digitaal"] == ("Digitaal", False)
    assert len(channels) == 5
