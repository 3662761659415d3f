"""A small fixed store for the report tests, built through the domain functions, with the
counts every figure should show worked out by hand (see the module constants).

Clock: each action runs with the clock on the day it happened; 'today' is 15 March 2026.
Period under test: February 2026; the previous period of the same length is 4-31 January.
Intakes are inserted as rows: taking a whole questionnaire is not what these tests are about.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from db.models import Intake
from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.help_questions.registration import HelpQuestionInput, register_help_question
from intake.plans import (
    ActionInput,
    AgreedHow,
    Decision,
    EvaluationInput,
    EvaluationMomentInput,
    Outcome,
    OutcomeInput,
    ResultInput,
    VersionDetailsInput,
    WhoKind,
    add_action,
    add_result,
    agree,
    evaluate,
    start_new_version,
    start_plan,
    submit_for_agreement,
    update_details,
)
from intake.register.households import HouseholdInput, MemberInput, MemberRole, create_household
from intake.reports.period import Period
from tests.conftest import Team
from tests.helpers.access import add_colleague

TODAY = date(2026, 3, 15)
PERIOD = Period(date(2026, 2, 1), date(2026, 2, 28))


def at(day: date) -> Callable[[], datetime]:
    return lambda: datetime.combine(day, time(12))


@dataclass
class ReportStore:
    team: Team
    households: dict[str, uuid.UUID] = field(default_factory=dict)
    dossiers: dict[str, str] = field(default_factory=dict)
    plans: dict[str, uuid.UUID] = field(default_factory=dict)


def _household(rs: ReportStore, key: str, actor: Actor, family: str, number: int) -> None:
    with unit_of_work(rs.team.store, actor, at(date(2024, 1, 2))) as uow:
        view = create_household(uow, HouseholdInput(
            street="Marktstraat", house_number=str(number), postcode="7551 AB", city="Hengelo",
            members=[MemberInput("Test", family, MemberRole.ALLEENSTAAND, date(1980, 1, 1))]))
    rs.households[key] = view.id
    rs.dossiers[key] = view.dossiernummer


def _question(rs: ReportStore, key: str, actor: Actor, day: date, type_code: str,
              vindplaats: str, channel: str, outcome: str) -> None:
    with unit_of_work(rs.team.store, actor, at(day)) as uow:
        register_help_question(uow, rs.households[key], HelpQuestionInput(
            type_code=type_code, outcome_code=outcome, vindplaats_code=vindplaats,
            channel_code=channel, registered_on=day,
            referral_target="Stadsbank" if outcome == "doorverwezen" else ""))


def _intake(rs: ReportStore, key: str, actor: Actor, started: date,
            finished: date | None) -> None:
    with rs.team.store.sessions() as session:
        session.add(Intake(
            household_id=rs.households[key], definition_key="brede_uitvraag",
            definition_version=1, channel_code="huisbezoek", vindplaats_code="zorgloket",
            status="afgerond" if finished else "open",
            started_at=datetime.combine(started, time(9)), started_by_id=actor.id,
            finished_at=datetime.combine(finished, time(16)) if finished else None,
            finished_by_id=actor.id if finished else None))
        session.commit()


Plan = list[tuple[str, str, list[str]]]  # (domain, law, support levels of its actions)


def _plan(rs: ReportStore, key: str, actor: Actor, drafted: date, results: Plan,
          regisseur: Actor | None = None, moment: date | None = None) -> Any:
    with unit_of_work(rs.team.store, actor, at(drafted)) as uow:
        view = start_plan(uow, rs.households[key])
        rs.plans[key] = view.plan_id
        view = update_details(uow, view.id, view.version, VersionDetailsInput(
            regisseur_id=regisseur.id if regisseur else None,
            evaluation_moments=[EvaluationMomentInput(moment)] if moment else []))
        for domain, law, levels in results:
            view = add_result(uow, view.id, view.version, ResultInput(
                domain, f"Resultaat {domain} van {key}", law))
            for level in levels:
                result = view.results[-1]
                view = add_action(uow, result.id, result.version, ActionInput(
                    f"Actie {level} voor {key}", WhoKind.INWONER, level, due_on=TODAY))
    return view


def _agree(rs: ReportStore, actor: Actor, view: Any, day: date) -> Any:
    with unit_of_work(rs.team.store, actor, at(day)) as uow:
        return agree(uow, view.id, view.version, day, AgreedHow.GETEKEND)


def _evaluate(rs: ReportStore, actor: Actor, view: Any, day: date, outcomes: list[Outcome],
              satisfaction: int, decision: Decision) -> None:
    with unit_of_work(rs.team.store, actor, at(day)) as uow:
        evaluate(uow, view.id, view.version, EvaluationInput(
            evaluated_on=day, decision=decision, satisfaction=satisfaction,
            outcomes={r.id: OutcomeInput(o) for r, o in zip(view.results, outcomes,
                                                                strict=True)},
            closing_reason="Doelen bereikt" if decision is Decision.AFSLUITEN else ""))


def build(team: Team) -> ReportStore:
    rs = ReportStore(team)
    con, reg, vp = team.consulent, team.regisseur, team.vindplaats
    for number, key in enumerate(("H1", "H2", "H3", "H5", "H6"), start=1):
        _household(rs, key, con, f"Familie{key}", number)
    _household(rs, "H4", vp, "FamilieH4", 4)
    for key in ("H2", "H6"):  # the regisseur draws their plans up
        add_colleague(team, rs.households[key], reg)
    # Help questions: six in February, two in the previous period, two outside both.
    _question(rs, "H1", con, date(2026, 2, 3), "schulden_geldzaken", "zorgloket", "telefoon",
              "doorverwezen")
    _question(rs, "H1", con, date(2026, 2, 10), "opvoeden_opgroeien", "huisarts",
              "op_de_vindplaats", "direct_geholpen")
    _question(rs, "H2", con, date(2026, 2, 5), "huishoudelijke_ondersteuning", "zorgloket",
              "balie", "brede_uitvraag")
    _question(rs, "H2", con, date(2026, 2, 20), "begeleiding", "zorgloket", "telefoon",
              "direct_geholpen")
    _question(rs, "H3", con, date(2026, 2, 28), "informatie_advies", "zorgloket", "telefoon",
              "direct_geholpen")
    _question(rs, "H4", vp, date(2026, 2, 14), "opvoeden_opgroeien", "huisarts", "",
              "brede_uitvraag")
    _question(rs, "H5", con, date(2026, 1, 10), "schulden_geldzaken", "zorgloket", "telefoon",
              "direct_geholpen")
    _question(rs, "H1", con, date(2026, 1, 31), "werk_reintegratie", "werkplein", "balie",
              "doorverwezen")
    _question(rs, "H6", con, date(2026, 1, 3), "inkomen_uitkering", "werkplein", "balie",
              "direct_geholpen")
    _question(rs, "H3", con, date(2026, 3, 1), "begeleiding", "zorgloket", "telefoon",
              "brede_uitvraag")
    # Long before: another episode, so not H1's "first registration" for its plan.
    _question(rs, "H1", con, date(2024, 6, 1), "informatie_advies", "zorgloket", "telefoon",
              "direct_geholpen")
    # Intakes: H2 finished after its question (not waiting); H4 open (waiting, started).
    _intake(rs, "H2", con, date(2026, 2, 6), date(2026, 2, 10))
    _intake(rs, "H4", reg, date(2026, 2, 15), None)
    _intake(rs, "H5", con, date(2026, 1, 11), date(2026, 2, 2))
    # Plans.
    h1 = _plan(rs, "H1", con, date(2026, 2, 11),
               [("financien", "wgs", ["eigen_kracht", "algemene_voorziening"]),
                ("opvoeden_opgroeien", "jeugdwet", ["maatwerkvoorziening"])],
               regisseur=reg, moment=date(2026, 4, 1))
    _agree(rs, con, h1, date(2026, 2, 12))
    h2 = _plan(rs, "H2", reg, date(2026, 2, 24),
               [("basale_adl", "wmo", ["mantelzorg", "maatwerkvoorziening"])],
               regisseur=reg, moment=date(2026, 3, 1))
    _agree(rs, reg, h2, date(2026, 2, 25))
    _plan(rs, "H3", con, date(2026, 3, 2), [("sociaal_netwerk", "wmo", ["sociaal_netwerk"])])
    h4 = _plan(rs, "H4", reg, date(2026, 3, 3), [("opvoeden_opgroeien", "jeugdwet",
                                                  ["algemene_voorziening"])])
    with unit_of_work(team.store, reg, at(date(2026, 3, 3))) as uow:
        submit_for_agreement(uow, h4.id, h4.version)
    h5 = _plan(rs, "H5", con, date(2026, 1, 14),
               [("financien", "wgs", ["sociaal_netwerk"]), ("werk_opleiding", "geen", [])],
               regisseur=con)
    h5 = _agree_with_second_action(rs, con, h5)
    _evaluate(rs, con, h5, date(2026, 2, 20), [Outcome.BEHAALD, Outcome.NIET_BEHAALD], 5,
              Decision.AFSLUITEN)
    h6 = _plan(rs, "H6", reg, date(2026, 2, 1), [("financien", "participatiewet",
                                                  ["gebruikelijke_hulp"])], regisseur=reg)
    h6 = _agree(rs, reg, h6, date(2026, 2, 2))
    _evaluate(rs, reg, h6, date(2026, 2, 27), [Outcome.DEELS_BEHAALD], 2,
              Decision.VOLGENDE_VERSIE)
    with unit_of_work(team.store, reg, at(date(2026, 2, 27))) as uow:
        start_new_version(uow, rs.plans["H6"])
    return rs


def _agree_with_second_action(rs: ReportStore, actor: Actor, view: Any) -> Any:
    """H5's second result needs an action before the plan is complete: one more sociaal
    netwerk action would change the mix, so it is 'eigen kracht' in the previous period."""
    with unit_of_work(rs.team.store, actor, at(date(2026, 1, 14))) as uow:
        result = view.results[-1]
        view = add_action(uow, result.id, result.version, ActionInput(
            "Zelf solliciteren", WhoKind.INWONER, "eigen_kracht"))
    return _agree(rs, actor, view, date(2026, 1, 15))
