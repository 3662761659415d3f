"""Closed dossiers on a fixed clock, for retention, destruction and the resident's answer."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from intake import plans
from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.help_questions.registration import HelpQuestionInput, register_help_question
from intake.plans import AgreedHow, Decision, EvaluationInput, Outcome, OutcomeInput
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    NetworkInput,
    create_household,
)
from intake.store import Store
from intake.uitvraag.flow import finish_intake, open_intake, start_intake
from tests.conftest import Team
from tests.uitvraag.test_intakes import walk

# What only this family's dossier holds: none of it may survive its destruction.
SAMIRA_ANSWER = "Samira vertelt over de zorgen om de schulden bij Vitens"
TRACES = ("Samira", "Bakker", "bakker", "Deldenerstraat", "123456782", SAMIRA_ANSWER,
          "Vitens", "Oma Fatma")


# 20 years (Jeugdwet) after the Bakker family's dossier closed on 27 November 2026, and a bit.
DUE = date(2046, 12, 1)


def at(day: date, hour: int = 10) -> Callable[[], datetime]:
    return lambda: datetime(day.year, day.month, day.day, hour)


def bakker_input() -> HouseholdInput:
    return HouseholdInput(
        street="Deldenerstraat", house_number="8", postcode="7551 AC", city="Hengelo",
        members=[MemberInput("Samira", "Bakker", MemberRole.OUDER, date(1990, 2, 3),
                             bsn="123456782"),
                 MemberInput("Noah", "Bakker", MemberRole.KIND, date(2015, 6, 1))],
        network=[NetworkInput("Oma Fatma", "oma", "06-12345678", "oppassen")])


def quick(store: Store, actor: Actor, household_id: uuid.UUID, type_code: str,
          outcome: str, day: date) -> None:
    with unit_of_work(store, actor, at(day)) as uow:
        register_help_question(uow, household_id, HelpQuestionInput(
            type_code=type_code, outcome_code=outcome, vindplaats_code="zorgloket",
            channel_code="telefoon", registered_on=day,
            referral_target="Stadsbank" if outcome == "doorverwezen" else ""))


def closed_family(team: Team, overrides: dict[str, Any] | None = None) -> HouseholdView:
    """The Bakker family: an intake in November 2026 with their answers, a plan agreed on
    20 November and closed at its evaluation on 27 November."""
    store, consulent = team.store, team.consulent
    with unit_of_work(store, consulent, at(date(2026, 11, 2))) as uow:
        family = create_household(uow, bakker_input())
        intake_id = start_intake(uow, family.id, "huisbezoek", "wijkteam").id
    walk(team, intake_id, overrides={"fi_score": 2, "fi_zorgen": SAMIRA_ANSWER,
                                     "cl_vervolg": "plan", **(overrides or {}),
                                     "cl_hulpvragen": [{"type": "schulden_geldzaken",
                                                        "member": None},
                                                       {"type": "opvoeden_opgroeien",
                                                        "member": family.members[1].id.hex}]})
    with unit_of_work(store, consulent, at(date(2026, 11, 5))) as uow:
        view = open_intake(uow, family.id)
        assert view is not None
        finish_intake(uow, intake_id, view.version)
        keys = [c.key for c in plans.plan_candidates(uow, family.id)]
        draft = plans.start_plan(uow, family.id, keys)
        for result in draft.results:
            draft = plans.update_result(uow, result.id, result.version, plans.ResultInput(
                domain_code=result.domain_code, law_code=result.law_code,
                text=f"Samira wil rust ({result.domain_code})"))
        for result in draft.results:
            draft = plans.add_action(uow, result.id, result.version, plans.ActionInput(
                what="Samira belt Vitens", who_kind=plans.WhoKind.INWONER,
                support_level="eigen_kracht", start_on=date(2026, 11, 6),
                due_on=date(2026, 11, 30)))
    with unit_of_work(store, consulent, at(date(2026, 11, 20))) as uow:
        agreed = plans.agree(uow, draft.id, draft.version, date(2026, 11, 20),
                             AgreedHow.GETEKEND, client_support_offered=True)
    with unit_of_work(store, consulent, at(date(2026, 11, 27))) as uow:
        plans.evaluate(uow, agreed.id, agreed.version, EvaluationInput(
            date(2026, 11, 27), {r.id: OutcomeInput(Outcome.BEHAALD, "Samira is tevreden")
                                 for r in agreed.results},
            Decision.AFSLUITEN, satisfaction=4, closing_reason="Samira redt het zelf"))
    return family
