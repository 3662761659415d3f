"""Starting a plan from the latest brede uitvraag.

Life domains scored 1-3 and the household's help questions are OFFERED as candidate results;
only the candidates the professional picks together with the resident become results.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from db.models import Plan, PlanVersion
from intake.catalogues.fixed import life_domains
from intake.core import audit
from intake.core.access import require_edit, require_read
from intake.core.context import UnitOfWork
from intake.core.errors import KnownError, ValidationError
from intake.core.text import fold
from intake.help_questions import registration as help_questions
from intake.plans.common import (
    catalogue_label,
    check_version,
    get_version,
    require_draft,
    version_view,
)
from intake.plans.editor import new_result_row
from intake.plans.inputs import ResultInput
from intake.plans.queries import find_plan
from intake.plans.views import PlanVersionView
from intake.plans.vocab import PlanKind, SourceKind, VersionStatus
from intake.uitvraag import handover

# A score of 1-3 (acute, niet or beperkt zelfredzaam) makes a life domain a candidate.
CANDIDATE_MAX_SCORE = 3

# Help-question type -> the life domain its result is usually recorded under.
TYPE_DOMAINS = {
    "inkomen_uitkering": "financien",
    "schulden_geldzaken": "financien",
    "werk_reintegratie": "werk_opleiding",
    "werk_reintegratie_uwv": "werk_opleiding",
    "opvoeden_opgroeien": "opvoeden_opgroeien",
    "psychische_klachten_jeugd": "geestelijke_gezondheid",
    "onderwijs_schoolverzuim": "onderwijs",
    "huishoudelijke_ondersteuning": "instrumentele_adl",
    "begeleiding": "instrumentele_adl",
    "dagbesteding_ontmoeting": "tijdsbesteding",
    "hulpmiddelen_woningaanpassing_vervoer": "lichamelijke_gezondheid",
    "mantelzorg": "mantelzorg",
    "eenzaamheid_meedoen": "sociaal_netwerk",
    "wonen_huisvesting": "huisvesting",
    "veiligheid_thuis": "huiselijke_relaties",
    "taal_inburgering": "taal",
}
FALLBACK_DOMAIN = "maatschappelijke_participatie"


@dataclass(frozen=True)
class ResultCandidate:
    """A suggestion; ``key`` is what start_plan / add_candidates take back."""

    key: str
    source_kind: SourceKind
    title: str  # what the list shows, e.g. "Financiën: score 2 (niet zelfredzaam)"
    suggestion: ResultInput  # the result it would become; text to be reworded with the resident
    already_in_plan: bool = False


_SCORE_WORDS = {1: "acute problematiek", 2: "niet zelfredzaam", 3: "beperkt zelfredzaam"}


def _domain_for_type(type_code: str, type_label: str) -> str:
    if type_code in TYPE_DOMAINS:
        return TYPE_DOMAINS[type_code]
    folded = fold(type_label)
    for item in life_domains():
        if fold(item.label) in folded:
            return item.code
    return FALLBACK_DOMAIN


def _candidates(uow: UnitOfWork, household_id: uuid.UUID, taken: set[str],
                summary: handover.IntakeSummary | None = None) -> list[ResultCandidate]:
    found: list[ResultCandidate] = []
    if summary is None:
        # Looked up on the module at call time, so a test can stand in for the intake.
        summary = handover.latest_intake_summary(uow, household_id)
    domains = life_domains()
    for score in sorted(summary.scores if summary else (), key=lambda s: s.score):
        if score.score > CANDIDATE_MAX_SCORE:
            continue
        member = score.member_id.hex if score.member_id else ""
        key = f"{SourceKind.LEEFGEBIED}:{score.domain_code}:{member}"
        label = score.label or catalogue_label(domains, score.domain_code)
        found.append(ResultCandidate(
            key=key, source_kind=SourceKind.LEEFGEBIED,
            title=f"{label}: score {score.score} ({_SCORE_WORDS.get(score.score, '')})",
            suggestion=ResultInput(domain_code=score.domain_code, text=score.worries,
                                   member_id=score.member_id),
            already_in_plan=key in taken))
    for question in help_questions.household_help_questions(uow, household_id):
        key = f"{SourceKind.HULPVRAAG}:{question.id.hex}"
        found.append(ResultCandidate(
            key=key, source_kind=SourceKind.HULPVRAAG,
            title=f"Hulpvraag {question.type_label} ({question.registered_on:%d-%m-%Y}, "
                  f"{question.vindplaats_label})",
            suggestion=ResultInput(
                domain_code=_domain_for_type(question.type_code, question.type_label),
                text="", law_code=question.law_code or "geen", member_id=question.member_id),
            already_in_plan=key in taken))
    return found


def _taken_keys(version: PlanVersion | None) -> set[str]:
    if version is None:
        return set()
    return {f"{r.source_kind}:{r.source_ref}" for r in version.results if r.source_ref}


def plan_candidates(uow: UnitOfWork, household_id: uuid.UUID) -> list[ResultCandidate]:
    """What the latest intake suggests as results; ``already_in_plan`` marks ones taken over
    in the household plan's newest version."""
    require_read(uow, household_id)
    plan = find_plan(uow, household_id)
    latest = plan.versions[-1] if plan is not None and plan.versions else None
    return _candidates(uow, household_id, _taken_keys(latest))


def _add_chosen(uow: UnitOfWork, version: PlanVersion, keys: Sequence[str],
                summary: handover.IntakeSummary | None = None) -> int:
    offered = {c.key: c for c in _candidates(uow, version.plan.household_id,
                                             _taken_keys(version), summary)}
    unknown = [key for key in keys if key not in offered]
    if unknown:
        raise ValidationError({"candidates": "Een gekozen suggestie bestaat niet meer; "
                                             "ververs de lijst."})
    added = 0
    for key in dict.fromkeys(keys):
        candidate = offered[key]
        if candidate.already_in_plan:
            continue
        kind, _, ref = key.partition(":")
        version.results.append(new_result_row(version, candidate.suggestion, kind, ref))
        added += 1
    return added


def start_plan(uow: UnitOfWork, household_id: uuid.UUID,
               chosen: Sequence[str] = ()) -> PlanVersionView:
    """Version 1 (concept) of the household plan, with the chosen candidate keys as results."""
    require_edit(uow, household_id, "aanmaken")
    if find_plan(uow, household_id) is not None:
        raise KnownError("Dit huishouden heeft al een plan. Open het plan en start zo nodig "
                         "een nieuwe versie.")
    plan = Plan(household_id=household_id, kind=PlanKind.PLAN.value, scope_key="plan",
                created_at=uow.now, created_by_id=uow.actor.id)
    version = PlanVersion(number=1, status=VersionStatus.CONCEPT.value, created_at=uow.now,
                          created_by_id=uow.actor.id, regisseur_id=None)
    summary = handover.latest_intake_summary(uow, household_id)
    # Help already there (a bewindvoerder, say) belongs in the plan from the start.
    version.earlier_help = "\n".join(summary.help_present) if summary else ""
    plan.versions.append(version)
    uow.session.add(plan)
    added = _add_chosen(uow, version, chosen, summary)
    uow.session.flush()
    audit.record(uow, "aanmaken", "plan", version.id, household_id,
                 detail=f"versie 1, {added} resultaten uit de uitvraag")
    return version_view(uow, version)


def add_candidates(uow: UnitOfWork, version_id: uuid.UUID, expected_version: int,
                   chosen: Sequence[str]) -> PlanVersionView:
    """Take over more suggestions into a draft (e.g. after a new help question)."""
    version = get_version(uow, version_id)
    require_draft(uow, version)
    check_version(version, expected_version, "Dit plan")
    added = _add_chosen(uow, version, chosen)
    version.updated_at = uow.now
    uow.session.flush()
    audit.record(uow, "wijzigen", "plan", version.id, version.plan.household_id,
                 detail=f"versie {version.number}: {added} resultaten uit de uitvraag")
    return version_view(uow, version)
