"""Building plans for tests: Jolanda's plan from her help questions, and large plans."""

from __future__ import annotations

import uuid
from datetime import date

from intake import plans
from intake.core.context import UnitOfWork
from intake.help_questions.registration import HelpQuestionInput, register_help_question
from intake.plans import ActionInput, ResultInput, WhoKind

# Jolanda's four questions under four laws (domain reference).
JOLANDA_QUESTIONS = (
    ("werk_reintegratie", "werkplein"),
    ("begeleiding", "zorgloket"),
    ("opvoeden_opgroeien", "gecertificeerde_instelling"),
    ("schulden_geldzaken", "zorgloket"),
)
# Her results in her own words, by the life domain the help question maps to.
JOLANDA_RESULTS = {
    "werk_opleiding": "Ik wil betaald werk bij de groothandel, niet alleen dagbesteding.",
    "instrumentele_adl": "Ik wil mijn afspraken zelf bijhouden met een vaste planning.",
    "opvoeden_opgroeien": "Ik wil mijn zoon elke twee weken zien en de afspraken nakomen.",
    "financien": "Ik wil geen nieuwe schulden en rust over geld.",
}


def register_jolanda_questions(uow: UnitOfWork, household_id: uuid.UUID) -> None:
    for type_code, vindplaats in JOLANDA_QUESTIONS:
        register_help_question(uow, household_id, HelpQuestionInput(
            type_code=type_code, outcome_code="brede_uitvraag", vindplaats_code=vindplaats,
            channel_code="huisbezoek"))


def fill_jolanda_plan(uow: UnitOfWork, view: plans.PlanVersionView) -> plans.PlanVersionView:
    """Word every result as Jolanda put it and give each an action."""
    for result in view.results:
        view = plans.update_result(uow, result.id, result.version, ResultInput(
            domain_code=result.domain_code, text=JOLANDA_RESULTS[result.domain_code],
            law_code=result.law_code, target_on=date(2027, 6, 1)))
    for result in view.results:
        view = plans.add_action(uow, result.id, result.version, ActionInput(
            what=f"Eerste gesprek: {result.text[:30]}", who_kind=WhoKind.PROFESSIONAL,
            who_name="Carla Consulent", support_level="algemene_voorziening",
            start_on=date(2026, 12, 1), due_on=date(2027, 1, 15)))
    return view


def add_actions(uow: UnitOfWork, view: plans.PlanVersionView, result_index: int,
                count: int) -> plans.PlanVersionView:
    """Many actions under one result, each text unique ('Actie 07: ...')."""
    for number in range(1, count + 1):
        result = view.results[result_index]
        view = plans.add_action(uow, result.id, result.version, ActionInput(
            what=f"Actie {number:02d}: afspraak voorbereiden en samen de brieven doornemen",
            who_kind=WhoKind.NETWERK if number % 3 == 0 else WhoKind.PROFESSIONAL,
            who_name="Buurvrouw" if number % 3 == 0 else "Wijkteam Hengelo-Noord",
            support_level="sociaal_netwerk" if number % 3 == 0 else "algemene_voorziening",
            start_on=date(2026, 12, 1), due_on=date(2027, 2, 1)))
    return view
