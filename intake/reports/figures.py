"""The management figures for a period, each beside the previous period of the same length.

Only a teamleider asks for them: they describe the whole team's work. Labels are today's
catalogue labels; rows keep every code that occurs, also one no longer in use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CatalogueEntry, User
from intake.catalogues.fixed import support_levels
from intake.core import audit
from intake.core.access import require_role
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.roles import Role
from intake.plans.vocab import Outcome
from intake.reports import queries
from intake.reports.cache import roomy_cache
from intake.reports.caseload import CaseStatus, states_per_responsible, status_counts
from intake.reports.model import Figure, FigureSet, Label, Measure, PeriodCounts
from intake.reports.period import Period
from intake.reports.prevention_figures import prevention_figures
from intake.reports.queries import TOTAL

REFUSED = "Alleen een teamleider kan de managementinformatie opvragen."
COUNT_COLUMN = (Label(TOTAL, "Aantal"),)
Query = Callable[[Session, Period], PeriodCounts]


def require_figures(uow: UnitOfWork, action: str = "inzien") -> None:
    require_role(uow, {Role.TEAMLEIDER}, action, "managementinformatie", REFUSED)


def _catalogue(session: Session, catalogue: str) -> list[Label]:
    rows = session.execute(
        select(CatalogueEntry.code, CatalogueEntry.label, CatalogueEntry.active)
        .where(CatalogueEntry.catalogue == catalogue)
        .order_by(CatalogueEntry.position, CatalogueEntry.code))
    return [Label(code, label) for code, label, _active in rows]


def _used(labels: list[Label], counts: Iterable[PeriodCounts], axis: int,
          keep_all: bool = True) -> tuple[Label, ...]:
    """Catalogue order; codes outside the catalogue appended; unused ones dropped on request."""
    seen = {key[axis] for c in counts for key, value in c.cells.items() if value}
    known = {label.code for label in labels}
    chosen = [label for label in labels if keep_all or label.code in seen]
    return tuple(chosen) + tuple(Label(code, code) for code in sorted(seen - known))


def _both(session: Session, query: Query, period: Period) -> tuple[PeriodCounts, PeriodCounts]:
    return query(session, period), query(session, period.previous())


def compute_figures(uow: UnitOfWork, period: Period) -> FigureSet:
    require_figures(uow)
    figures = build_figures(uow.session, period, local_date(uow.now))
    audit.record(uow, "inzien", "managementinformatie",
                 detail=f"periode {period.start.isoformat()} - {period.end.isoformat()}")
    return figures


def build_figures(session: Session, period: Period, today: date) -> FigureSet:
    with roomy_cache(session):
        return _build_figures(session, period, today)


def _build_figures(session: Session, period: Period, today: date) -> FigureSet:
    types = _catalogue(session, "hulpvraagtype")
    places = _catalogue(session, "vindplaats")
    codes = [(queries.help_question_codes(session, p), p) for p in (period, period.previous())]

    def questions_by(rows: int, columns: int | None = None) -> tuple[PeriodCounts, PeriodCounts]:
        now, before = (queries.help_questions_by(c, p, rows, columns) for c, p in codes)
        return now, before

    cross, cross_before = questions_by(queries.TYPE, queries.VINDPLAATS)
    by_type, by_place = questions_by(queries.TYPE), questions_by(queries.VINDPLAATS)
    channel = questions_by(queries.CHANNEL)
    outcome = questions_by(queries.VINDPLAATS, queries.OUTCOME)
    several = _both(session, queries.households_with_several, period)
    levels = _both(session, queries.support_level_mix, period)
    results = _both(session, queries.results_at_evaluation, period)
    satisfied = _both(session, queries.satisfaction, period)
    intakes = _both(session, queries.intakes_started_finished, period)
    days = _both(session, queries.days_to_agreed_plan, period)
    level_labels = [Label(item.code, item.label) for item in support_levels()]
    figures = (
        Figure("hulpvragen_soort", "Hulpvragen per soort", "hulpvragen",
               "Hulpvragen met een contactdatum in de periode.",
               _used(types, by_type, 0), COUNT_COLUMN, by_type[0], by_type[1], chart=True,
               row_title="Soort hulpvraag"),
        Figure("hulpvragen_vindplaats", "Hulpvragen per vindplaats", "hulpvragen",
               "Hulpvragen met een contactdatum in de periode, naar waar ze gevonden zijn.",
               _used(places, by_place, 0), COUNT_COLUMN, by_place[0], by_place[1], chart=True,
               row_title="Vindplaats"),
        Figure("hulpvragen_soort_vindplaats", "Hulpvragen per soort en vindplaats", "hulpvragen",
               "Alleen vindplaatsen met hulpvragen in een van beide perioden.",
               _used(types, (cross, cross_before), 0),
               _used(places, (cross, cross_before), 1, keep_all=False), cross, cross_before,
               row_title="Soort hulpvraag"),
        Figure("hulpvragen_kanaal", "Hulpvragen per kanaal", "hulpvragen",
               "Hoe de hulpvraag binnenkwam.",
               _used(_catalogue(session, "kanaal"), channel, 0), COUNT_COLUMN, *channel,
               row_title="Kanaal"),
        Figure("uitkomst_vindplaats", "Direct geholpen of doorverwezen, per vindplaats",
               "hulpvragen", "Wat er na de hulpvraag gebeurde.",
               _used(places, outcome, 0, keep_all=False),
               _used(_catalogue(session, "uitkomst"), outcome, 1), *outcome,
               row_title="Vindplaats"),
        Figure("huishoudens_meervoudig", "Huishoudens met meer dan één hulpvraag of wet",
               "huishoudens", "Huishoudens met een hulpvraag in de periode; wetten volgens de "
               "soort hulpvraag ('geen wet' telt niet mee).",
               (Label("meer_hulpvragen", "Meer dan één hulpvraag"),
                Label("meer_wetten", "Meer dan één wet")), COUNT_COLUMN, *several),
        Figure("ondersteuningsniveau", "Ondersteuningsniveau van acties (licht naar zwaar)",
               "acties", "Acties in planversies waarmee de inwoner in de periode akkoord ging.",
               _used(level_labels, levels, 0), COUNT_COLUMN, *levels, chart=True,
               row_title="Ondersteuningsniveau"),
        Figure("resultaten_evaluatie", "Resultaten bij evaluatie", "resultaten",
               "Resultaten beoordeeld in evaluaties in de periode.",
               _used([Label(o.value, o.label) for o in Outcome], results, 0), COUNT_COLUMN,
               *results, chart=True, share_of=Outcome.BEHAALD.value, row_title="Uitkomst"),
        Figure("tevredenheid", "Tevredenheid van inwoners", "evaluaties",
               "Evaluaties in de periode met een score; tevreden is 4 of 5 op een schaal van 1-5.",
               (Label("tevreden", "Tevreden (4-5)"), Label("neutraal", "Neutraal (3)"),
                Label("ontevreden", "Ontevreden (1-2)")), COUNT_COLUMN, *satisfied,
               share_of="tevreden"),
        Figure("brede_uitvragen", "Brede uitvragen gestart en afgerond", "brede uitvragen",
               "Gestart of afgerond in de periode (N telt elke uitvraag één keer).",
               (Label("gestart", "Gestart"), Label("afgerond", "Afgerond")), COUNT_COLUMN,
               *intakes),
        Figure("doorlooptijd_plan", "Dagen van eerste aanmelding tot akkoord plan", "huishoudens",
               "Mediaan over huishoudens waarvan het eerste plan in de periode akkoord kreeg; "
               "eerste aanmelding: de eerste hulpvraag in het jaar vóór het akkoord (zonder "
               "hulpvraag de inschrijving van het huishouden).",
               (Label("mediaan_dagen", "Mediaan (dagen)"),), COUNT_COLUMN, *days,
               measure=Measure.MEDIAN),
        plans_per_regisseur(session, today),
        *prevention_figures(session, period),
    )
    return FigureSet(period, period.previous(), figures)


SNAPSHOT_COLUMNS = (*(Label(s.value, s.label) for s in CaseStatus),
                    Label("binnenkort", "Evaluatie binnen 4 weken"))


def plans_per_regisseur(session: Session, today: date) -> Figure:
    """Today's plan statuses per regisseur: a snapshot, so without a previous period."""
    # Grouped on the plan rows alone; the few regisseurs' names are joined to the groups.
    grouped = states_per_responsible(today).subquery("per_regisseur")
    regisseur_id, state, plans, late, soon = grouped.c
    rows = session.execute(
        select(regisseur_id, User.display_name, state, plans, late, soon)
        .outerjoin(User, User.id == regisseur_id))
    cells: dict[tuple[str, str], float] = {}
    names: dict[str, str] = {}
    total = 0
    for responsible, name, stored, count, past, due in rows:
        key = responsible.hex if responsible else ""
        names[key] = name or "(geen regisseur)"
        for status, n in status_counts(stored, count, past or 0).items():
            cells[(key, status)] = n
        if stored == CaseStatus.ACTIEF.value:  # only a plan in force is due
            cells[(key, "binnenkort")] = cells.get((key, "binnenkort"), 0) + (due or 0)
        else:
            cells.setdefault((key, "binnenkort"), 0)
        total += count
    ordered = sorted(names, key=lambda key: (key == "", names[key]))
    return Figure("plannen_regisseur", "Plannen per regisseur (stand van vandaag)", "plannen",
                  "Status van elk plan op de peildatum; een concept naast een actief plan telt "
                  "als actief.",
                  tuple(Label(key, names[key]) for key in ordered), SNAPSHOT_COLUMNS,
                  PeriodCounts(Period(today, today), total, cells), None,
                  row_title="Regisseur (of opsteller)", extra_columns=frozenset({"binnenkort"}))
