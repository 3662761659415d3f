"""Households with a help question, with more than one and with questions under more than
one law, counted from `figure_questions`: equal to grouping the period's questions per
household, over many periods of a store whose questions were registered out of order, on the
same day and under no law; the rows the unit of work keeps equal a rebuild and the
migration's frozen SQL; on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib
import random
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import case, distinct, func, select

from db import figure_facts
from db.models import CatalogueEntry, FigureQuestion, HelpQuestion
from db.question_facts import COLUMNS
from intake.core.session import unit_of_work
from intake.help_questions.registration import HelpQuestionInput, register_help_question
from intake.register.households import HouseholdInput, MemberInput, MemberRole, create_household
from intake.reports.period import Period
from intake.reports.queries import households_with_several
from tests.conftest import Team
from tests.helpers import pg_server
from tests.helpers.fact_rows import fact_rows, refilled
from tests.reports.test_reports_postgres import _team as pg_team
from tests.reports.test_reports_store import at

MIGRATION = importlib.import_module("db.migrations.versions.0024_figure_questions")
# Under the Wmo (three), the Jeugdwet, the Participatiewet, and under no law ("geen").
TYPES = ("begeleiding", "mantelzorg", "wonen_huisvesting", "opvoeden_opgroeien",
         "inkomen_uitkering", "informatie_advies", "overig")
NOW = date(2026, 12, 1)


def _random_store(team: Team, seed: int) -> None:
    rng = random.Random(seed)
    days = [NOW - timedelta(days=rng.randrange(730)) for _ in range(40)]  # shared: ties
    for number in range(1, 16):
        with unit_of_work(team.store, team.consulent, at(NOW)) as uow:
            household = create_household(uow, HouseholdInput(
                street="Kerkstraat", house_number=str(number), postcode="7511 AB",
                city="Enschede", members=[MemberInput("Ouder", f"Familie{number}",
                                                      MemberRole.ALLEENSTAAND,
                                                      date(1980, 1, 1))])).id
        for _question in range(rng.randrange(9)):  # in random order, not by day
            day = rng.choice(days)
            with unit_of_work(team.store, team.consulent,
                              at(day + timedelta(days=rng.randrange(30)))) as uow:
                register_help_question(uow, household, HelpQuestionInput(
                    type_code=rng.choice(TYPES), outcome_code="direct_geholpen",
                    vindplaats_code="zorgloket", channel_code="telefoon", registered_on=day))


def _grouped(session: Any, period: Period) -> tuple[int, int, int]:
    """The figure as grouping the period's questions per household counted it."""
    law = (select(CatalogueEntry.code, CatalogueEntry.law_code)
           .where(CatalogueEntry.catalogue == "hulpvraagtype",
                  CatalogueEntry.law_code.is_not(None), CatalogueEntry.law_code != "geen")
           .subquery())
    per_household = (
        select(func.count().label("questions"), func.count(distinct(law.c.law_code)).label("laws"))
        .select_from(HelpQuestion).outerjoin(law, law.c.code == HelpQuestion.type_code)
        .where(HelpQuestion.registered_on.between(period.start, period.end))
        .group_by(HelpQuestion.household_id).subquery())
    total, several, laws = session.execute(select(
        func.count(), func.coalesce(func.sum(case((per_household.c.questions > 1, 1), else_=0)), 0),
        func.coalesce(func.sum(case((per_household.c.laws > 1, 1), else_=0)), 0))).one()
    return int(total), int(several), int(laws)


def _check(team: Team, seed: int) -> None:
    _random_store(team, seed)
    kept = fact_rows(team, FigureQuestion, COLUMNS)
    assert kept == refilled(team, FigureQuestion, COLUMNS, "rebuild") \
        == refilled(team, FigureQuestion, COLUMNS, "migration", MIGRATION.FILL_QUESTIONS)
    assert kept == fact_rows(team, FigureQuestion, figure_facts._QUESTION_COLUMNS)
    checked = several = laws = 0
    with team.store.sessions() as session:
        start = NOW - timedelta(days=760)
        while start <= NOW:
            for days in (0, 6, 30, 91, 364):
                period = Period(start, start + timedelta(days=days))
                counts = households_with_several(session, period)
                found = (counts.n, counts.cells[("meer_hulpvragen", "aantal")],
                         counts.cells[("meer_wetten", "aantal")])
                assert found == _grouped(session, period), period
                checked += 1
                several += found[1] > 0
                laws += found[2] > 0
            start += timedelta(days=11)
    assert several > checked // 4 and laws > checked // 8, (checked, several, laws)


@pytest.mark.parametrize("seed", [2, 7])
def test_households_with_several_questions_or_laws_count_from_the_facts(
        team: Team, seed: int) -> None:
    _check(team, seed)


@pytest.mark.postgres
def test_households_with_several_questions_or_laws_on_postgresql() -> None:
    with pg_server.running_server() as url:
        server_team = pg_team(url)
        try:
            _check(server_team, 4)
        finally:
            server_team.store.close()
