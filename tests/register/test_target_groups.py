"""Prevention target groups on a member or the household: set and removed on a day, derived
from the date of birth, health data kept out of a redacted print, gone with the dossier."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, func, select

from db.models import AuditEntry, Household, TargetGroupTag
from intake.core.errors import PermissionDenied, ValidationError
from intake.core.session import unit_of_work
from intake.documents.plan_print import print_plan
from intake.register import (
    HouseholdView,
    MemberInput,
    MemberRole,
    household_target_groups,
    is_health_data,
    remove_target_group,
    set_target_group,
    target_groups,
    without_health_data,
)
from intake.register.households import HouseholdInput, create_household
from tests.conftest import Team
from tests.documents.test_documents_plan import _jolanda_plan
from tests.helpers.access import add_colleague
from tests.helpers.pdf_text import pdf_pages
from tests.reports.test_reports_store import at

TODAY = date(2026, 12, 1)


def test_the_catalogue_marks_health_data_and_derived_groups() -> None:
    groups = {g.code: g for g in target_groups()}
    assert {code for code, g in groups.items() if g.health_data} == {"jeugd_lvb_ggz",
                                                                      "bijzondere_ouders"}
    assert {code for code, g in groups.items() if g.derived} == {"jonge_kind"}
    assert {code for code, g in groups.items() if g.scope == "huishouden"} == {
        "complexe_gezinssituatie", "kinderen_in_armoede", "schulden"}
    assert is_health_data("jeugd_lvb_ggz") and not is_health_data("schulden")
    assert is_health_data("onbekende_code")  # unknown: kept out, to be safe


def test_set_and_remove_on_a_day_keeps_the_history(team: Team,
                                                   jolanda: HouseholdView) -> None:
    member = jolanda.members[0].id
    with unit_of_work(team.store, team.consulent, at(TODAY)) as uow:
        parent = set_target_group(uow, jolanda.id, "bijzondere_ouders", member,
                                  date(2026, 10, 1))
        debts = set_target_group(uow, jolanda.id, "schulden", set_on=date(2026, 11, 2))
    assert parent.set_on == date(2026, 10, 1) and parent.member_name == "Jolanda Verhoef"
    assert debts.set_on == date(2026, 11, 2) and debts.member_id is None and parent.health_data
    add_colleague(team, jolanda.id, team.regisseur)
    with unit_of_work(team.store, team.regisseur, at(TODAY)) as uow:
        removed = remove_target_group(uow, debts.id, debts.version, date(2026, 11, 30))
        assert removed.removed_on == date(2026, 11, 30)
        now = household_target_groups(uow, jolanda.id)
        history = household_target_groups(uow, jolanda.id, include_removed=True)
    assert [g.code for g in now] == ["bijzondere_ouders"]
    assert [g.code for g in history] == ["bijzondere_ouders", "schulden"]
    assert not history[1].holds_on(TODAY) and history[1].holds_on(date(2026, 11, 29))
    with team.store.sessions() as session:
        details = list(session.scalars(select(AuditEntry.detail).where(
            AuditEntry.object_type == "doelgroepen", AuditEntry.action == "wijzigen")))
    # A health-data group stays out of the audit trail by name.
    assert sorted(details) == ["doelgroep beëindigd: schulden", "doelgroep gezet: "
                               "gezondheidsgegeven", "doelgroep gezet: schulden"]


def test_what_cannot_be_set(team: Team, jolanda: HouseholdView) -> None:
    member = jolanda.members[0].id
    cases = [
        ("jonge_kind", member, "code", "volgt uit de geboortedatum"),
        ("schulden", member, "member_id", "hele huishouden"),
        ("werkzoekenden", None, "member_id", "Kies het gezinslid"),
        ("kwetsbare_jongeren", member, "code", "van 16 tot en met 27 jaar"),  # she is 28
        ("bestaat_niet", None, "code", "Kies een doelgroep"),
    ]
    for code, member_id, field, message in cases:
        with pytest.raises(ValidationError) as caught, \
                unit_of_work(team.store, team.consulent, at(TODAY)) as uow:
            set_target_group(uow, jolanda.id, code, member_id)
        assert message in caught.value.fields[field], code
    with unit_of_work(team.store, team.consulent, at(TODAY)) as uow:
        set_target_group(uow, jolanda.id, "werkzoekenden", member)
    with pytest.raises(ValidationError, match="staat er al"), \
            unit_of_work(team.store, team.consulent, at(TODAY)) as uow:
        set_target_group(uow, jolanda.id, "werkzoekenden", member)
    with pytest.raises(PermissionDenied), \
            unit_of_work(team.store, team.teamleider, at(TODAY)) as uow:
        set_target_group(uow, jolanda.id, "schulden")
    with pytest.raises(PermissionDenied), \
            unit_of_work(team.store, team.vindplaats, at(TODAY)) as uow:
        household_target_groups(uow, jolanda.id)


def test_the_young_child_follows_from_the_date_of_birth(team: Team) -> None:
    with unit_of_work(team.store, team.consulent, at(TODAY)) as uow:
        view = create_household(uow, HouseholdInput(
            street="Brinkstraat", house_number="3", postcode="7551 CK", city="Hengelo",
            members=[MemberInput("Mark", "Bos", MemberRole.OUDER, date(1990, 1, 1)),
                     MemberInput("Noa", "Bos", MemberRole.KIND, date(2025, 3, 1)),
                     MemberInput("Tim", "Bos", MemberRole.KIND, date(2024, 11, 30))]))
        groups = household_target_groups(uow, view.id)
    assert [(g.code, g.member_name, g.derived) for g in groups] == [
        ("jonge_kind", "Noa Bos", True)]  # Tim turned 2 yesterday
    assert groups[0].set_on == date(2025, 3, 1) and groups[0].removed_on == date(2027, 3, 1)


def test_a_health_data_group_is_in_no_redacted_print(team: Team,
                                                     jolanda: HouseholdView) -> None:
    _jolanda_plan(team, jolanda)
    with unit_of_work(team.store, team.consulent) as uow:
        set_target_group(uow, jolanda.id, "bijzondere_ouders", jolanda.members[0].id)
        set_target_group(uow, jolanda.id, "schulden")
        groups = household_target_groups(uow, jolanda.id)
        professional = " ".join(pdf_pages(print_plan(uow, jolanda.id)))
        redacted = " ".join(pdf_pages(print_plan(uow, jolanda.id, redacted=True)))
        resident_redacted = " ".join(pdf_pages(print_plan(uow, jolanda.id, resident=True,
                                                          redacted=True)))
    assert [g.code for g in without_health_data(groups)] == ["schulden"]
    assert "Bijzondere ouders (LVB of GGZ)" in professional and "Schulden" in professional
    assert "Doelgroepen" in redacted and "Schulden" in redacted
    for text in (redacted, resident_redacted):
        assert "Bijzondere ouders" not in text and "LVB" not in text and "GGZ" not in text


def test_tags_go_with_the_dossier(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        set_target_group(uow, jolanda.id, "bijzondere_ouders", jolanda.members[0].id)
        set_target_group(uow, jolanda.id, "schulden")
    with team.store.sessions() as session:
        session.execute(delete(Household).where(Household.id == jolanda.id))
        session.commit()
        assert session.scalar(select(func.count()).select_from(TargetGroupTag)) == 0
