"""Every figure against counts worked out by hand on the fixed store (tests/test_reports_store)."""

from __future__ import annotations

import pytest

from intake.core.errors import PermissionDenied
from intake.core.session import unit_of_work
from intake.reports.figures import compute_figures
from intake.reports.model import FigureSet
from intake.reports.period import Period, last_full_month
from intake.reports.tables import display_table
from tests.conftest import Team
from tests.reports.test_reports_store import PERIOD, TODAY, at, build

A = "aantal"


@pytest.fixture
def figures(team: Team) -> FigureSet:
    build(team)
    with unit_of_work(team.store, team.teamleider, at(TODAY)) as uow:
        return compute_figures(uow, PERIOD)


def test_periods() -> None:
    assert PERIOD.previous() == Period(PERIOD.start.replace(month=1, day=4),
                                       PERIOD.start.replace(month=1, day=31))
    assert last_full_month(TODAY) == PERIOD


def test_help_questions_by_type_place_and_channel(figures: FigureSet) -> None:
    by_type = figures.get("hulpvragen_soort")
    assert by_type.current.n == 6 and by_type.previous and by_type.previous.n == 2
    assert by_type.current.value("opvoeden_opgroeien", A) == 2
    assert by_type.current.value("schulden_geldzaken", A) == 1
    assert by_type.previous.value("werk_reintegratie", A) == 1
    place = figures.get("hulpvragen_vindplaats")
    assert place.current.value("zorgloket", A) == 4
    assert place.current.value("huisarts", A) == 2
    assert place.previous and place.previous.value("werkplein", A) == 1
    cross = figures.get("hulpvragen_soort_vindplaats")
    assert cross.current.value("opvoeden_opgroeien", "huisarts") == 2
    assert cross.current.value("begeleiding", "zorgloket") == 1
    assert [c.code for c in cross.columns] == ["zorgloket", "huisarts", "werkplein"]
    channel = figures.get("hulpvragen_kanaal")
    assert channel.current.value("telefoon", A) == 3
    assert channel.current.value("op_de_vindplaats", A) == 2
    assert channel.current.value("balie", A) == 1


def test_helped_directly_or_referred_per_place(figures: FigureSet) -> None:
    outcome = figures.get("uitkomst_vindplaats")
    assert outcome.current.value("zorgloket", "direct_geholpen") == 2
    assert outcome.current.value("zorgloket", "doorverwezen") == 1
    assert outcome.current.value("zorgloket", "brede_uitvraag") == 1
    assert outcome.current.value("huisarts", "direct_geholpen") == 1
    assert outcome.current.value("huisarts", "brede_uitvraag") == 1
    assert outcome.previous and outcome.previous.value("werkplein", "doorverwezen") == 1


def test_households_with_several_questions_and_laws(figures: FigureSet) -> None:
    several = figures.get("huishoudens_meervoudig")
    assert several.current.n == 4
    assert several.current.value("meer_hulpvragen", A) == 2  # H1, H2
    assert several.current.value("meer_wetten", A) == 1  # H1: Wgs and Jeugdwet
    assert several.previous and several.previous.n == 2
    assert several.previous.value("meer_hulpvragen", A) == 0


def test_support_level_mix_lightest_first(figures: FigureSet) -> None:
    levels = figures.get("ondersteuningsniveau")
    assert [r.code for r in levels.rows][:3] == ["eigen_kracht", "gebruikelijke_hulp",
                                                  "mantelzorg"]
    assert levels.current.n == 6
    assert levels.current.value("maatwerkvoorziening", A) == 2
    assert levels.current.value("eigen_kracht", A) == 1
    assert levels.current.value("gebruikelijke_hulp", A) == 1
    assert levels.previous and levels.previous.n == 2
    assert levels.previous.value("sociaal_netwerk", A) == 1


def test_results_and_satisfaction_at_evaluation(figures: FigureSet) -> None:
    results = figures.get("resultaten_evaluatie")
    assert results.current.n == 3
    assert results.current.value("behaald", A) == 1
    assert results.current.value("deels_behaald", A) == 1
    assert results.current.value("niet_behaald", A) == 1
    satisfied = figures.get("tevredenheid")
    assert satisfied.current.n == 2
    assert satisfied.share(satisfied.current) == 50.0
    assert satisfied.previous and satisfied.previous.n == 0


def test_intakes_started_and_finished(figures: FigureSet) -> None:
    intakes = figures.get("brede_uitvragen")
    assert intakes.current.value("gestart", A) == 2
    assert intakes.current.value("afgerond", A) == 2
    assert intakes.current.n == 3
    assert intakes.previous and intakes.previous.value("gestart", A) == 1
    assert intakes.previous.value("afgerond", A) == 0


def test_median_days_to_agreed_plan(figures: FigureSet) -> None:
    days = figures.get("doorlooptijd_plan")
    assert days.current.n == 3  # H1 12 (its 2024 question is another episode), H2 20, H6 30
    assert days.current.value("mediaan_dagen", A) == 20
    assert days.previous and days.previous.value("mediaan_dagen", A) == 5


def test_plans_per_regisseur_snapshot(figures: FigureSet) -> None:
    plans = figures.get("plannen_regisseur")
    names = {r.label: r.code for r in plans.rows}
    ruud, carla = names["Ruud Regisseur"], names["Carla Consulent"]
    assert plans.current.value(ruud, "actief") == 1  # H1
    assert plans.current.value(ruud, "evaluatie_verlopen") == 1  # H2
    assert plans.current.value(ruud, "wacht_op_akkoord") == 1  # H4
    assert plans.current.value(ruud, "concept") == 1  # H6 version 2
    assert plans.current.value(ruud, "binnenkort") == 1  # H1 on 1 April
    assert plans.current.value(carla, "concept") == 1  # H3
    assert plans.current.value(carla, "afgesloten") == 1  # H5
    assert plans.current.n == 6 and plans.previous is None
    row = next(r for r in display_table(plans).rows if r[0] == "Ruud Regisseur")
    assert row[-1] == "4"  # "due soon" is part of "actief", not added to the total


def test_every_figure_carries_period_and_n(figures: FigureSet) -> None:
    for figure in figures.figures:
        table = display_table(figure)
        assert table.rows[-1][0].startswith("N (")
        assert figure.current.period in (PERIOD, Period(TODAY, TODAY))


def test_suppression_of_small_cells(figures: FigureSet) -> None:
    table = display_table(figures.get("hulpvragen_vindplaats"), suppress=True)
    row = next(r for r in table.rows if r[0] == "Zorgloket/stadhuis")
    assert row[1:] == ("< 5", "< 5")
    n_row = table.rows[-1]
    assert n_row[1:] == ("6", "< 5")
    unsuppressed = display_table(figures.get("hulpvragen_vindplaats"))
    assert next(r for r in unsuppressed.rows if r[0] == "Zorgloket/stadhuis")[1:] == ("4", "1")
    median = display_table(figures.get("doorlooptijd_plan"), suppress=True)
    assert median.rows[0][1:] == ("n < 5", "n < 5")


@pytest.mark.parametrize("who", ["consulent", "regisseur", "vindplaats", "beheerder"])
def test_only_the_teamleider_gets_figures(team: Team, who: str) -> None:
    with pytest.raises(PermissionDenied), unit_of_work(team.store, getattr(team, who)) as uow:
        compute_figures(uow, PERIOD)
