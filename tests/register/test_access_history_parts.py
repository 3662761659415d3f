"""'Wie heeft dit dossier ingezien?' says which part changed: the household, its members or
network, the intake, which plan version, an evaluation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from intake import plans
from intake.core.session import unit_of_work
from intake.register.access_history import household_history, part_of
from intake.register.households import HouseholdView, MemberInput, MemberRole, update_household
from intake.uitvraag.flow import save_answer, start_intake
from tests.conftest import Team
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions


def _changes(team: Team, household: HouseholdView) -> list[str]:
    with unit_of_work(team.store, team.consulent) as uow:
        rows = household_history(uow, household.id)
    return [row.part for row in rows if row.action == "Gewijzigd"]


def test_a_household_save_names_what_it_changed(team: Team, jolanda: HouseholdView) -> None:
    data = jolanda.to_input()
    with unit_of_work(team.store, team.consulent) as uow:
        moved = update_household(uow, jolanda.id, jolanda.version,
                                 replace(data, street="Marktstraat"))
    child = MemberInput("Noor", "Verhoef", MemberRole.KIND, date(2020, 3, 1))
    with unit_of_work(team.store, team.consulent) as uow:
        update_household(uow, jolanda.id, moved.version,
                         replace(moved.to_input(), members=[*moved.to_input().members, child]))
    assert _changes(team, jolanda) == ["gezinsleden", "huishouden"]  # newest first


def test_the_intake_and_the_plan_version(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        started = start_intake(uow, jolanda.id, "huisbezoek", "wijkteam")
    with unit_of_work(team.store, team.consulent) as uow:
        save_answer(uow, started.id, "vh_onveilig", "nee")
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, jolanda.id)
        keys = [c.key for c in plans.plan_candidates(uow, jolanda.id)]
        fill_jolanda_plan(uow, plans.start_plan(uow, jolanda.id, keys))
    changes = _changes(team, jolanda)
    assert changes[0] == "planversie 1" and "brede uitvraag" in changes


def test_parts_from_what_an_entry_holds() -> None:
    assert part_of("plan", "versie 2: geëvalueerd, besluit doorgaan, behaald 1") == \
        "evaluatie van versie 2"
    assert part_of("plan", "versie 3: akkoord (getekend)") == "planversie 3"
    assert part_of("plan", "concept versie 4 verwijderd") == "planversie 4"
    assert part_of("plan", "overzicht, 1 plannen") == "plan"
    assert part_of("huishouden", "velden: street, gezinsleden, netwerk") == \
        "huishouden, gezinsleden, netwerk"
    assert part_of("huishouden", "geen wijziging") == "huishouden"
    assert part_of("uitvraag", "antwoord vh_onveilig") == "brede uitvraag"
