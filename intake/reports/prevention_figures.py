"""The prevention figures: help questions, plans and actions per target group and prevention
level, and per organisation of the sociale kaart the actions started and finished, the
results at evaluation and the days from agreement to start. Each beside the previous period,
in the shape of every other figure, so screens, exports and the report PDF show them as such.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from db.figure_facts import NO_LEVEL
from intake.catalogues.fixed import prevention_levels
from intake.plans.vocab import Outcome
from intake.register.target_groups import target_groups
from intake.reports import prevention_queries as q
from intake.reports.model import Figure, Label, Measure, PeriodCounts
from intake.reports.period import Period
from intake.reports.queries import TOTAL

COUNT = (Label(TOTAL, "Aantal"),)
GROUP_NOTE = ("Een doelgroep telt als het huishouden of een gezinslid hem had op {day}; "
              "een {item} kan bij meer doelgroepen horen of bij geen, dus de rijen tellen niet "
              "op tot N. 'Jonge kind' volgt uit de geboortedatum.")
Query = Callable[[q.PreventionPeriod], PeriodCounts]


def _groups() -> tuple[Label, ...]:
    return tuple(Label(g.code, g.label) for g in target_groups())


def _levels() -> tuple[Label, ...]:
    return (*(Label(p.code, p.label) for p in prevention_levels()),
            Label(NO_LEVEL, "Geen preventieniveau"))


def _organisations(counts: tuple[PeriodCounts, PeriodCounts]) -> tuple[Label, ...]:
    """Every organisation with a case in either period, alphabetically."""
    seen = {row for c in counts for (row, _col), value in c.cells.items() if value}
    return tuple(Label(name, name) for name in sorted(seen, key=str.casefold))


def prevention_figures(session: Session, period: Period) -> tuple[Figure, ...]:
    data = (q.PreventionPeriod(session, period), q.PreventionPeriod(session, period.previous()))

    def both(query: Query) -> tuple[PeriodCounts, PeriodCounts]:
        return query(data[0]), query(data[1])

    questions = both(q.help_questions_by_target_group)
    plans = both(q.plans_by_target_group)
    levels = both(q.actions_by_prevention_level)
    cross = both(q.actions_by_target_group_and_level)
    started = both(q.actions_started_finished)
    results = both(q.results_per_organisation)
    days = both(q.days_agreement_to_start)
    return (
        Figure("hulpvragen_doelgroep", "Hulpvragen per doelgroep", "hulpvragen",
               GROUP_NOTE.format(day="de contactdatum", item="hulpvraag"),
               _groups(), COUNT, *questions, row_title="Doelgroep"),
        Figure("plannen_doelgroep", "Plannen per doelgroep", "plannen",
               "Plannen met een versie waarmee de inwoner in de periode akkoord ging. "
               + GROUP_NOTE.format(day="de dag van akkoord", item="plan"),
               _groups(), COUNT, *plans, row_title="Doelgroep"),
        Figure("acties_preventieniveau", "Preventieniveau van acties", "acties",
               "Acties in planversies waarmee de inwoner in de periode akkoord ging; zonder "
               "niveau: zorg die geen preventie is.",
               _levels(), COUNT, *levels, chart=True, row_title="Preventieniveau"),
        Figure("acties_doelgroep_preventieniveau", "Acties per doelgroep en preventieniveau",
               "acties", "Acties in planversies waarmee de inwoner in de periode akkoord ging. "
               + GROUP_NOTE.format(day="de dag van akkoord", item="actie"),
               _groups(), _levels(), *cross, row_title="Doelgroep"),
        Figure("acties_organisatie", "Acties per organisatie: gestart en afgerond", "acties",
               "Acties met een dienst van de sociale kaart. Gestart: startdatum in de periode, "
               "in een planversie met akkoord; afgerond: in de periode op 'gedaan' gezet. "
               "N telt elke actie één keer.",
               _organisations(started),
               (Label("gestart", "Gestart"), Label("afgerond", "Afgerond")), *started,
               row_title="Organisatie"),
        Figure("resultaten_organisatie", "Resultaten bij evaluatie per organisatie",
               "resultaten", "Resultaten beoordeeld in evaluaties in de periode, bij elke "
               "organisatie met een actie voor dat resultaat; N telt elk resultaat één keer.",
               _organisations(results), tuple(Label(o.value, o.label) for o in Outcome),
               *results, row_title="Organisatie"),
        Figure("doorlooptijd_organisatie", "Dagen van akkoord plan tot start van de actie, "
               "per organisatie", "acties",
               "Mediaan over acties met een dienst van de sociale kaart die in de periode "
               "startten, vanaf het eerste akkoord op een planversie met die actie en "
               "startdatum; een actie die vóór het akkoord startte telt als 0 dagen.",
               _organisations(days),
               (Label("mediaan_dagen", "Mediaan (dagen)"), Label("acties", "Acties")), *days,
               measure=Measure.MEDIAN, row_title="Organisatie",
               extra_columns=frozenset({"mediaan_dagen"}), n_column="acties"),
    )
