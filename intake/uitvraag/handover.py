"""What a finished (or the latest) brede uitvraag hands to the plan: scores and help questions.

This is the contract between the intake (questionnaire, help questions) and the plan van aanpak.
``latest_intake_summary`` builds it; the plan only reads these dataclasses.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from db.models import Intake, IntakeAnswer
from intake.catalogues.fixed import by_code, life_domains
from intake.core import audit
from intake.core.access import require_read
from intake.core.context import UnitOfWork
from intake.help_questions.registration import FoundHelpQuestion, intake_help_questions
from intake.questionnaire.definition import AnswerType
from intake.questionnaire.loading import load_definition


@dataclass(frozen=True)
class DomainScore:
    domain_code: str  # a code from resources/catalogues/levensdomeinen.json
    label: str
    score: int  # 1-5 self-sufficiency
    member_id: uuid.UUID | None  # set for domains asked per person or per child
    worries: str = ""


@dataclass(frozen=True)
class IntakeSummary:
    intake_id: uuid.UUID
    started_at: datetime
    finished_at: datetime | None
    scores: tuple[DomainScore, ...]
    help_questions: tuple[FoundHelpQuestion, ...]
    # Help already there ('Financiën: Bewindvoering: …'): recorded, never proposed anew.
    help_present: tuple[str, ...] = ()


def latest_intake_summary(uow: UnitOfWork, household_id: uuid.UUID) -> IntakeSummary | None:
    """The scores and help questions of the household's latest finished brede uitvraag (the
    latest open one when none is finished yet); None when there is no intake at all."""
    require_read(uow, household_id)
    intake = uow.session.scalar(
        select(Intake).where(Intake.household_id == household_id)
        .order_by((Intake.status == "afgerond").desc(), Intake.started_at.desc()).limit(1))
    if intake is None:
        return None
    definition = load_definition(intake.definition_key, intake.definition_version)
    answers = {(key, repeat): json.loads(value) for key, repeat, value in uow.session.execute(
        select(IntakeAnswer.question_key, IntakeAnswer.repeat_key, IntakeAnswer.value_json)
        .where(IntakeAnswer.intake_id == intake.id))}
    scores: list[DomainScore] = []
    present: list[str] = []
    for _, section, question in definition.questions():
        if question.role == "help_present" and question.type is AnswerType.MULTI_CHOICE:
            chosen = answers.get((question.key, ""))
            labels = {o.value: o.label for o in question.options}
            where = by_code(life_domains(), section.domain).label if section.domain else ""
            present += [f"{where}: {labels[v]}" if where else labels[v]
                        for v in chosen or [] if v in labels and v != "geen"]
        if question.type is not AnswerType.SCORE or section.domain is None:
            continue
        worries = next((q.key for q in section.questions if q.role == "worries"), None)
        for (key, repeat), value in sorted(answers.items()):
            if key != question.key or not isinstance(value, int):
                continue
            scores.append(DomainScore(
                domain_code=section.domain, label=by_code(life_domains(), section.domain).label,
                score=value, member_id=uuid.UUID(repeat) if repeat else None,
                worries=str(answers.get((worries, repeat), "")) if worries else ""))
    audit.record(uow, "inzien", "uitvraag", intake.id, household_id, detail="samenvatting")
    return IntakeSummary(intake_id=intake.id, started_at=intake.started_at,
                         finished_at=intake.finished_at, scores=tuple(scores),
                         help_questions=tuple(intake_help_questions(uow, intake.id)),
                         help_present=tuple(present))
