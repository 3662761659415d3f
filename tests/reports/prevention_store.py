"""A small fixed store for the prevention figures, built through the domain functions; the
counts each figure should show are worked out by hand in the tests that use it.

Period: February 2026; previous period 4-31 January. Three households:
- P1: a parent (bijzondere ouders from 10 January) with a baby born 1 June 2025 (jonge kind);
  'schulden' on the household from 15 February. Questions 5 January, 5 and 20 February.
  Plan agreed 16 February: Stadsbank schuldhulp (start 20-02, geïndiceerd from the service),
  LOES (start 16-02, set to selectief by hand), Stadsbank budgetbeheer (start 26-02,
  geïndiceerd), an action of the resident herself (start 18-02, no level).
- P2: a parent, a son of 17 (kwetsbare jongeren from 20 January to 10 February) and a
  toddler born 10 February 2024 (jonge kind until 10 February 2026); 'complexe
  gezinssituatie' from 1 February. Questions 25 January, 5 and 12 February.
  Plan agreed 28 January: Wijkteam (Wijkracht, selectief, start 28-01); evaluated 20 February
  (deels behaald); version 2 from 21 February: the Wijkteam action marked done on 22
  February, Humanitas maatje added (start 25-02); agreed 24 February.
- P3: no target group; one question on 7 February.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from db.models import SocialService
from intake.core.session import unit_of_work
from intake.help_questions.registration import HelpQuestionInput, register_help_question
from intake.plans import (
    ActionInput,
    ActionStatus,
    AgreedHow,
    Decision,
    EvaluationInput,
    Outcome,
    OutcomeInput,
    ResultInput,
    WhoKind,
    add_action,
    add_result,
    agree,
    evaluate,
    start_new_version,
    start_plan,
    update_action,
)
from intake.register.households import HouseholdInput, MemberInput, MemberRole, create_household
from intake.register.target_groups import remove_target_group, set_target_group
from tests.conftest import Team
from tests.reports.test_reports_store import at


@dataclass
class PreventionStore:
    team: Team
    households: dict[str, uuid.UUID] = field(default_factory=dict)
    members: dict[str, uuid.UUID] = field(default_factory=dict)


def _service(team: Team, code: str) -> uuid.UUID:
    with team.store.sessions() as session:
        found = session.scalar(select(SocialService.id).where(SocialService.code == code))
    assert found is not None
    return found


def _household(ps: PreventionStore, key: str, members: list[tuple[str, MemberRole, date]],
               number: int) -> None:
    with unit_of_work(ps.team.store, ps.team.consulent, at(date(2026, 1, 2))) as uow:
        view = create_household(uow, HouseholdInput(
            street="Dorpsstraat", house_number=str(number), postcode="7551 AB", city="Hengelo",
            members=[MemberInput(name, f"Familie{key}", role, born)
                     for name, role, born in members]))
    ps.households[key] = view.id
    for member in view.members:
        ps.members[f"{key}.{member.given_name}"] = member.id


def _question(ps: PreventionStore, key: str, day: date) -> None:
    with unit_of_work(ps.team.store, ps.team.consulent, at(day)) as uow:
        register_help_question(uow, ps.households[key], HelpQuestionInput(
            type_code="opvoeden_opgroeien", outcome_code="direct_geholpen",
            vindplaats_code="zorgloket", channel_code="telefoon", registered_on=day))


def _tag(ps: PreventionStore, key: str, code: str, day: date, member: str | None = None) -> Any:
    with unit_of_work(ps.team.store, ps.team.consulent, at(day)) as uow:
        return set_target_group(uow, ps.households[key], code,
                                ps.members[f"{key}.{member}"] if member else None)


def _action(uow: Any, view: Any, what: str, start: date, service: uuid.UUID | None = None,
            level: str | None = None) -> Any:
    result = view.results[-1]
    return add_action(uow, result.id, result.version, ActionInput(
        what, WhoKind.ORGANISATIE if service else WhoKind.INWONER, "algemene_voorziening",
        service_id=service, start_on=start, prevention_level=level))


def build(team: Team) -> PreventionStore:
    ps = PreventionStore(team)
    con = team.consulent
    services = {code: _service(team, code) for code in (
        "stadsbank_schuldhulp", "loes_opvoedadvies", "stadsbank_budgetbeheer", "wijkteam",
        "humanitas_maatje")}
    _household(ps, "P1", [("Jolanda", MemberRole.OUDER, date(1998, 5, 17)),
                          ("Baby", MemberRole.KIND, date(2025, 6, 1))], 1)
    _household(ps, "P2", [("Mark", MemberRole.OUDER, date(1985, 4, 4)),
                          ("Sem", MemberRole.KIND, date(2008, 3, 1)),
                          ("Peuter", MemberRole.KIND, date(2024, 2, 10))], 2)
    _household(ps, "P3", [("Anna", MemberRole.ALLEENSTAAND, date(1970, 1, 1))], 3)
    _tag(ps, "P1", "bijzondere_ouders", date(2026, 1, 10), "Jolanda")
    _tag(ps, "P1", "schulden", date(2026, 2, 15))
    sem = _tag(ps, "P2", "kwetsbare_jongeren", date(2026, 1, 20), "Sem")
    with unit_of_work(team.store, con, at(date(2026, 2, 10))) as uow:
        remove_target_group(uow, sem.id, sem.version)
    _tag(ps, "P2", "complexe_gezinssituatie", date(2026, 2, 1))
    for key, day in (("P1", date(2026, 1, 5)), ("P1", date(2026, 2, 5)),
                     ("P1", date(2026, 2, 20)), ("P2", date(2026, 1, 25)),
                     ("P2", date(2026, 2, 5)), ("P2", date(2026, 2, 12)),
                     ("P3", date(2026, 2, 7))):
        _question(ps, key, day)

    with unit_of_work(team.store, con, at(date(2026, 2, 15))) as uow:
        view = start_plan(uow, ps.households["P1"])
        view = add_result(uow, view.id, view.version, ResultInput("financien", "Rust", "wgs"))
        view = _action(uow, view, "Schuldhulp", date(2026, 2, 20),
                       services["stadsbank_schuldhulp"])
        view = _action(uow, view, "Opvoedadvies", date(2026, 2, 16),
                       services["loes_opvoedadvies"], level="selectief")
        view = _action(uow, view, "Budgetbeheer", date(2026, 2, 26),
                       services["stadsbank_budgetbeheer"])
        view = _action(uow, view, "Zelf de post openen", date(2026, 2, 18))
    with unit_of_work(team.store, con, at(date(2026, 2, 16))) as uow:
        agree(uow, view.id, view.version, date(2026, 2, 16), AgreedHow.GETEKEND)

    with unit_of_work(team.store, con, at(date(2026, 1, 27))) as uow:
        view = start_plan(uow, ps.households["P2"])
        view = add_result(uow, view.id, view.version,
                          ResultInput("huiselijke_relaties", "Rust thuis", "jeugdwet"))
        view = _action(uow, view, "Gesprekken wijkteam", date(2026, 1, 28),
                       services["wijkteam"])
    with unit_of_work(team.store, con, at(date(2026, 1, 28))) as uow:
        view = agree(uow, view.id, view.version, date(2026, 1, 28), AgreedHow.MONDELING)
    with unit_of_work(team.store, con, at(date(2026, 2, 20))) as uow:
        evaluate(uow, view.id, view.version, EvaluationInput(
            evaluated_on=date(2026, 2, 20), decision=Decision.VOLGENDE_VERSIE, satisfaction=4,
            outcomes={view.results[0].id: OutcomeInput(Outcome.DEELS_BEHAALD)}))
    with unit_of_work(team.store, con, at(date(2026, 2, 21))) as uow:
        view = start_new_version(uow, view.plan_id)
    with unit_of_work(team.store, con, at(date(2026, 2, 22))) as uow:
        action = view.results[0].actions[0]
        view = update_action(uow, action.id, action.version, ActionInput(
            action.what, action.who_kind, action.support_level, service_id=action.service_id,
            start_on=action.start_on, status=ActionStatus.GEDAAN,
            prevention_level=action.prevention_level))
        view = _action(uow, view, "Maatje", date(2026, 2, 25), services["humanitas_maatje"])
    with unit_of_work(team.store, con, at(date(2026, 2, 24))) as uow:
        agree(uow, view.id, view.version, date(2026, 2, 24), AgreedHow.GETEKEND)
    return ps
