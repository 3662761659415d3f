"""Demo plans van aanpak: a plan for about a third of the households, in every status
(concept, wacht op akkoord, actief, geëvalueerd, afgesloten), some with earlier versions, some
with a new draft on top, about four in ten active plans past their evaluation date, and a
toekomstplan for some young adults. Jolanda gets her plan with four laws and one regisseur.

Rows go in with bulk Core inserts, built in memory per household: 60,000 households cost a
few seconds.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from db.models import (
    Evaluation,
    EvaluationMoment,
    EvaluationOutcome,
    Plan,
    PlanAction,
    PlanResult,
    PlanVersion,
)
from intake.core.roles import Role
from intake.demo.context import DemoContext, DemoHousehold, ProgressFactory, seeded_uuid
from intake.plans.dates import add_months, age_in_months
from intake.plans.vocab import (
    TOEKOMST_MAX_MONTHS,
    TOEKOMST_MIN_MONTHS,
    TOEKOMST_THEMES,
    VersionStatus,
)

SHARE_WITH_PLAN = 0.33
SHARE_TOEKOMSTPLAN = 0.25  # of households with a plan and a member aged 16.5-23
# The shape of a plan's history: (weight, statuses of its versions, oldest first).
HISTORIES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (12, ("concept",)),
    (8, ("wacht_op_akkoord",)),
    (30, ("actief",)),
    (12, ("geevalueerd", "actief")),
    (5, ("actief", "concept")),
    (3, ("vervangen", "actief")),
    (10, ("geevalueerd",)),
    (12, ("afgesloten",)),
    (8, ("geevalueerd", "afgesloten")),
)
# (life domain, law, result in the resident's words)
RESULTS = (
    ("financien", "wgs", "Ik wil mijn schulden op een rij en rust over geld."),
    ("financien", "participatiewet", "Ik wil elke maand weten wat er binnenkomt."),
    ("werk_opleiding", "participatiewet", "Ik wil betaald werk, een paar dagen per week."),
    ("tijdsbesteding", "wmo", "Ik wil overdag ergens naartoe waar ik mensen zie."),
    ("instrumentele_adl", "wmo", "Ik wil dat het huishouden weer lukt."),
    ("sociaal_netwerk", "wmo", "Ik wil minder alleen zijn."),
    ("lichamelijke_gezondheid", "wmo", "Ik wil zelf boodschappen kunnen doen."),
    ("mantelzorg", "wmo", "Ik wil de zorg voor mijn partner volhouden."),
    ("huisvesting", "wmo", "Ik wil een woning die bij ons past."),
    ("opvoeden_opgroeien", "jeugdwet", "We willen minder ruzie thuis over bedtijd en schermen."),
    ("onderwijs", "jeugdwet", "Ons kind gaat weer elke dag naar school."),
    ("geestelijke_gezondheid", "jeugdwet", "Ons kind voelt zich minder somber."),
    ("taal", "inburgering", "Ik wil brieven zelf kunnen lezen."),
    ("huiselijke_relaties", "geen", "We willen weer normaal met elkaar praten."),
)
# (what, who kind, who name, support level, sociale-kaart code or "")
ACTIONS = (
    ("Zelf een weekplanning maken en op de koelkast hangen", "inwoner", "", "eigen_kracht", ""),
    ("Zus helpt elke week met de post", "netwerk", "Zus", "mantelzorg", ""),
    ("Buurman rijdt mee naar de afspraken", "netwerk", "Buurman", "sociaal_netwerk", ""),
    ("Aanmelden bij vroegsignalering", "organisatie", "", "algemene_voorziening", "budgetalert"),
    ("Schuldhulptraject starten", "organisatie", "", "maatwerkvoorziening",
     "stadsbank_schuldhulp"),
    ("Vrijwilliger helpt met de administratie", "organisatie", "", "algemene_voorziening",
     "humanitas_thuisadministratie"),
    ("Kennismaken bij het buurthuis", "organisatie", "", "algemene_voorziening",
     "wijkracht_ontmoeting"),
    ("Gesprek met de werkcoach", "organisatie", "", "maatwerkvoorziening", "werkplein_werk"),
    ("Huishoudelijke ondersteuning aanvragen", "organisatie", "", "maatwerkvoorziening",
     "carintreggeland_thuiszorg"),
    ("Opvoedadvies over slapen en schermen", "organisatie", "", "algemene_voorziening",
     "loes_opvoedadvies"),
    ("Ambulante begeleiding thuis, twee uur per week", "organisatie", "",
     "maatwerkvoorziening", "trivium_ambulant"),
    ("Wijkcoach komt elke twee weken langs", "professional", "Wijkcoach Wijkracht",
     "algemene_voorziening", "wijkteam"),
    ("Taalcafé in de bibliotheek", "organisatie", "", "algemene_voorziening",
     "bibliotheek_taalhuis"),
)
OUTCOMES = {"behaald": 35, "deels_behaald": 35, "niet_behaald": 15, "bijgesteld": 15}
CLOSING_REASONS = ("Doelen behaald", "Inwoner wil geen ondersteuning meer", "Verhuisd",
                   "Overgedragen aan andere gemeente")
JOLANDA_RESULTS = (
    ("werk_opleiding", "participatiewet", "Ik wil betaald werk bij de groothandel."),
    ("instrumentele_adl", "wmo", "Ik wil mijn afspraken zelf bijhouden."),
    ("opvoeden_opgroeien", "jeugdwet", "Ik wil mijn zoon vaker zien en afspraken nakomen."),
    ("financien", "wgs", "Ik wil geen nieuwe schulden maken."),
)
CHUNK = 5000

_Action = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class _Result:
    domain: str
    law: str
    text: str
    theme: str | None = None


@dataclass
class _Rows:
    """Everything to insert, per table, flushed in chunks."""

    plans: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    moments: list[dict[str, Any]] = field(default_factory=list)
    evaluations: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[dict[str, Any]] = field(default_factory=list)

    def size(self) -> int:
        return len(self.actions) + len(self.results) + len(self.versions)

    def flush(self, ctx: DemoContext) -> None:
        # Parents before children: foreign keys are on.
        for model, rows in ((Plan, self.plans), (PlanVersion, self.versions),
                            (PlanResult, self.results), (PlanAction, self.actions),
                            (EvaluationMoment, self.moments), (Evaluation, self.evaluations),
                            (EvaluationOutcome, self.outcomes)):
            if rows:
                ctx.insert(model, rows)
                rows.clear()


@dataclass
class _Maker:
    ctx: DemoContext
    rng: random.Random
    services: dict[str, uuid.UUID]
    rows: _Rows
    today: date
    levels: dict[str, str | None] = field(default_factory=dict)  # service code -> level

    def uid(self) -> uuid.UUID:
        return seeded_uuid(self.rng)

    def author(self, household: DemoHousehold) -> uuid.UUID:
        role = household.created_by if household.created_by in (
            Role.CONSULENT, Role.REGISSEUR, Role.VINDPLAATS) else Role.CONSULENT
        return self.ctx.actors[role].id

    def plan(self, household: DemoHousehold, history: tuple[str, ...],
             results: list[_Result] | None = None, owner: uuid.UUID | None = None) -> None:
        plan_id = self.uid()
        author = self.author(household)
        regisseur = self.ctx.actors[Role.REGISSEUR].id if self.rng.random() < 0.5 else author
        # The newest agreement of a plan in force lies 10-150 days back: about four in ten
        # are then past their evaluation moment (three months after agreement). An evaluated
        # or closed plan was agreed longer ago.
        finished = history[-1] in (VersionStatus.GEEVALUEERD, VersionStatus.AFGESLOTEN)
        last_agreed = self.today - timedelta(
            days=self.rng.randint(100, 400) if finished else self.rng.randint(10, 150))
        start = last_agreed - timedelta(days=120 * (len(history) - 1) + self.rng.randint(7, 30))
        start = max(start, household.created_at.date())
        chosen = results or [_Result(*r) for r in self.rng.sample(RESULTS,
                                                                  self.rng.randint(1, 4))]
        # Identities and actions are drawn once per plan: every version repeats them.
        lineages = [(self.uid(), [(self.uid(), action) for action in self.rng.sample(
            ACTIONS, self.rng.randint(1, 3))]) for _ in chosen]
        closed_at: datetime | None = None
        for number, status in enumerate(history, start=1):
            created = min(start + timedelta(days=120 * (number - 1)), self.today)
            agreed_on = last_agreed if number == len(history) else created + timedelta(days=14)
            closed_at = self._version(plan_id, number, status, created, author, regisseur,
                                      chosen, lineages, agreed_on, owner) or closed_at
        self.rows.plans.append({
            "id": plan_id, "household_id": household.id,
            "kind": "toekomstplan" if owner else "plan", "owner_member_id": owner,
            "scope_key": f"toekomstplan:{owner.hex}" if owner else "plan",
            "created_at": datetime.combine(start, time(10)), "created_by_id": author,
            "closed_at": closed_at, "version": 1, "updated_at": None})

    def _version(self, plan_id: uuid.UUID, number: int, status: str, created: date,
                 author: uuid.UUID, regisseur: uuid.UUID, chosen: list[_Result],
                 lineages: list[tuple[uuid.UUID, list[tuple[uuid.UUID, _Action]]]],
                 agreed_on: date, owner: uuid.UUID | None) -> datetime | None:
        version_id = self.uid()
        agreed = status not in (VersionStatus.CONCEPT, VersionStatus.WACHT_OP_AKKOORD)
        agreed_on = min(max(agreed_on, created), self.today)
        self.rows.versions.append({
            "id": version_id, "plan_id": plan_id, "number": number, "status": status,
            "created_at": datetime.combine(created, time(11)), "created_by_id": author,
            "agreed_on": agreed_on if agreed else None,
            "agreed_how": self.rng.choice(("getekend", "mondeling")) if agreed else None,
            "agreed_recorded_by_id": author if agreed else None,
            "client_support_offered": True, "regisseur_id": regisseur,
            "aanspreekpunt": "", "aanspreekpunt_contact": "",
            "strengths": "Gemotiveerd en houdt contact met de familie.",
            "worries": "Zorgen over geld en over de kinderen.", "earlier_help": "",
            "closing_reason": "", "version": 1, "updated_at": None})
        result_ids = []
        for position, (result, (lineage, actions)) in enumerate(
                zip(chosen, lineages, strict=True)):
            result_id = self.uid()
            result_ids.append(result_id)
            self.rows.results.append({
                "id": result_id, "plan_version_id": version_id, "lineage_id": lineage,
                "position": position, "domain_code": result.domain, "law_code": result.law,
                "theme": result.theme, "member_id": owner, "text": result.text,
                "target_on": add_months(created, 6),
                "source_kind": "toekomst" if result.theme else "eigen",
                "source_ref": result.theme or "", "version": 1, "updated_at": None})
            self._actions(result_id, actions, created)
        if not agreed:
            return None
        due = add_months(agreed_on, 3)
        self.rows.moments.append({"id": self.uid(), "plan_version_id": version_id,
                                  "due_on": due, "label": "Evaluatie"})
        if status not in (VersionStatus.GEEVALUEERD, VersionStatus.AFGESLOTEN):
            return None
        return self._evaluation(version_id, status, due, author, result_ids)

    def _evaluation(self, version_id: uuid.UUID, status: str, due: date, author: uuid.UUID,
                    result_ids: list[uuid.UUID]) -> datetime | None:
        evaluated_on = min(due + timedelta(days=self.rng.randint(-7, 14)), self.today)
        closing = status == VersionStatus.AFGESLOTEN
        reason = self.rng.choice(CLOSING_REASONS) if closing else ""
        evaluation_id = self.uid()
        self.rows.evaluations.append({
            "id": evaluation_id, "plan_version_id": version_id, "evaluated_on": evaluated_on,
            "satisfaction": self.rng.choices((1, 2, 3, 4, 5), (3, 7, 20, 40, 30))[0],
            "decision": "afsluiten" if closing else "volgende_versie",
            "closing_reason": reason, "note": "",
            "created_at": datetime.combine(evaluated_on, time(14)), "created_by_id": author})
        for result_id in result_ids:
            self.rows.outcomes.append({
                "id": self.uid(), "evaluation_id": evaluation_id, "result_id": result_id,
                "outcome": self.rng.choices(list(OUTCOMES), list(OUTCOMES.values()))[0],
                "note": ""})
        if not closing:
            return None
        self.rows.versions[-1]["closing_reason"] = reason
        return datetime.combine(evaluated_on, time(15))

    def _actions(self, result_id: uuid.UUID, actions: list[tuple[uuid.UUID, _Action]],
                 created: date) -> None:
        for position, (lineage, (what, who, name, level, service)) in enumerate(actions):
            start = created + timedelta(days=7 * position)
            self.rows.actions.append({
                "id": self.uid(), "result_id": result_id, "lineage_id": lineage,
                "position": position, "what": what, "who_kind": who, "who_name": name,
                "support_level": level, "service_id": self.services.get(service),
                "prevention_level": self.levels.get(service),
                "start_on": start, "due_on": add_months(start, 3), "status": "gepland",
                "version": 1, "updated_at": None})


def _young_adult(household: DemoHousehold, today: date) -> uuid.UUID | None:
    for member in household.members:
        if TOEKOMST_MIN_MONTHS <= age_in_months(member.date_of_birth, today) \
                < TOEKOMST_MAX_MONTHS:
            return member.id
    return None


def add_plans(ctx: DemoContext, progress: ProgressFactory) -> None:
    rng = ctx.rng_for("plans")
    found = ctx.services
    services = {code: service_id for code, service_id, _level in found}
    maker = _Maker(ctx, rng, services, _Rows(), ctx.now.date(),
                   {code: level for code, _id, level in found})
    weights = [weight for weight, _history in HISTORIES]
    histories = [history for _weight, history in HISTORIES]
    report: Callable[[int], None] = progress("Plannen", len(ctx.households))
    plans = toekomst = 0
    for done, household in enumerate(ctx.households, start=1):
        if household.id == ctx.jolanda_id:
            maker.plan(household, ("geevalueerd", "actief"),
                       [_Result(*r) for r in JOLANDA_RESULTS])
            plans += 1
        elif rng.random() < SHARE_WITH_PLAN:
            maker.plan(household, rng.choices(histories, weights)[0])
            plans += 1
            young = _young_adult(household, maker.today)
            if young is not None and rng.random() < SHARE_TOEKOMSTPLAN:
                themed = [_Result(domain, "geen", f"Mijn plan voor {label.lower()}.", code)
                          for code, label, domain in TOEKOMST_THEMES]
                maker.plan(household, ("actief",), themed, owner=young)
                toekomst += 1
        if maker.rows.size() >= CHUNK:
            maker.rows.flush(ctx)
        if done % 500 == 0 or done == len(ctx.households):
            report(done)
    maker.rows.flush(ctx)
    ctx.counts["plannen"] = plans
    ctx.counts["toekomstplannen"] = toekomst
