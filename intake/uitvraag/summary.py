"""What a finished (or the latest) brede uitvraag hands to the plan: scores and help questions.

This is the contract between the intake (questionnaire, help questions) and the plan van aanpak.
The functions are implemented by the intake module; the plan only reads these dataclasses.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class DomainScore:
    domain_code: str  # a code from resources/catalogues/levensdomeinen.json
    label: str
    score: int  # 1-5 self-sufficiency
    member_id: uuid.UUID | None  # set for domains asked per person or per child
    worries: str = ""


@dataclass(frozen=True)
class FoundHelpQuestion:
    id: uuid.UUID
    registered_on: date
    type_code: str
    type_label: str
    law_code: str | None  # a code from resources/catalogues/wetten.json
    member_id: uuid.UUID | None
    vindplaats_label: str
    outcome_label: str


@dataclass(frozen=True)
class IntakeSummary:
    intake_id: uuid.UUID
    started_at: datetime
    finished_at: datetime | None
    scores: tuple[DomainScore, ...]
    help_questions: tuple[FoundHelpQuestion, ...]
