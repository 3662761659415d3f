"""The engine: which questions are visible for the answers so far, in which order, whether a
value fits its question, and what the answers trigger (signals, proposed help questions).

Pure functions over a definition and a map of answers; no database, so the rules are tested
on their own. Answers are keyed by (question key, repeat key): the repeat key is the member id
(hex) for sections asked per child and '' otherwise.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from intake.core.validation import parse_date
from intake.questionnaire.definition import AnswerType, Definition, Option, Page, Question, Section

AnswerKey = tuple[str, str]
Answers = Mapping[AnswerKey, Any]
TEXT_MAX = 500
LONG_TEXT_MAX = 5000
YES_NO = (Option("ja", "Ja"), Option("nee", "Nee"))


class AnswerError(ValueError):
    """The value does not fit the question; the message is Dutch, for next to the field."""


@dataclass(frozen=True)
class Child:
    """A member a per-child section is asked for."""

    member_id: uuid.UUID
    name: str
    lives_elsewhere: bool = False  # belongs to the family, lives elsewhere (e.g. placed)

    @property
    def facts(self) -> dict[str, str]:
        return {"@woont_elders": "ja" if self.lives_elsewhere else "nee"}


@dataclass(frozen=True)
class Step:
    """One visible question, in order, with what the screen needs to show it."""

    index: int
    total: int
    page: Page
    section: Section
    question: Question
    repeat_key: str
    member_id: uuid.UUID | None  # the child, for a per-child section
    repeat_label: str  # the child's name, '' otherwise
    value: Any
    choices: tuple[Option, ...]  # resolved options for choice, yes/no, member and score
    facts: Mapping[str, str] = field(default_factory=dict)  # the child's, per-child sections

    @property
    def key(self) -> str:
        return self.question.key

    @property
    def ref(self) -> AnswerKey:
        return (self.question.key, self.repeat_key)

    @property
    def answered(self) -> bool:
        return not is_empty(self.value)

    @property
    def section_title(self) -> str:
        if self.repeat_label:
            return f"{self.section.title}: {self.repeat_label}"
        return self.section.title


@dataclass(frozen=True)
class ProposedHelpQuestion:
    type_code: str
    member_id: uuid.UUID | None
    because_of: str  # the question key whose answer proposed it


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def repeat_key_of(member_id: uuid.UUID | None) -> str:
    return member_id.hex if member_id is not None else ""


def _lookup(answers: Answers, section: Section, repeat_key: str,
            own: str | None = None,
            facts: Mapping[str, str] | None = None) -> Callable[[str | None], Any]:
    keys_here = {q.key for q in section.questions}

    def lookup(key: str | None) -> Any:
        key = key or own
        if key is None:
            return None
        if key.startswith("@"):
            return (facts or {}).get(key)
        if key in keys_here:
            return answers.get((key, repeat_key))
        return answers.get((key, ""))

    return lookup


def _repeats(section: Section, children: list[Child]) -> list[tuple[str, Child | None]]:
    if section.repeat:
        return [(child.member_id.hex, child) for child in children]
    return [("", None)]


def visible_steps(
    definition: Definition, answers: Answers, children: list[Child],
    options_for: Callable[[Question], tuple[Option, ...]] = lambda q: q.options,
) -> list[Step]:
    """Every question to ask now, in order. ``options_for`` resolves options a question takes
    from a catalogue or from the household's members."""
    found: list[tuple[Page, Section, Question, str, Child | None]] = []
    for page, section in definition.sections():
        for repeat_key, child in _repeats(section, children):
            lookup = _lookup(answers, section, repeat_key,
                             facts=child.facts if child else None)
            if section.show_if is not None and not section.show_if.holds(lookup):
                continue
            for question in section.questions:
                if question.show_if is None or question.show_if.holds(lookup):
                    found.append((page, section, question, repeat_key, child))
    total = len(found)
    return [
        Step(index=index, total=total, page=page, section=section, question=question,
             repeat_key=repeat_key, member_id=child.member_id if child else None,
             repeat_label=child.name if child else "",
             value=answers.get((question.key, repeat_key)),
             choices=choices(definition, question, options_for),
             facts=child.facts if child else {})
        for index, (page, section, question, repeat_key, child) in enumerate(found)
    ]


def choices(definition: Definition, question: Question,
            options_for: Callable[[Question], tuple[Option, ...]]) -> tuple[Option, ...]:
    if question.type is AnswerType.YES_NO:
        return YES_NO
    if question.type is AnswerType.SCORE:
        return tuple(Option(str(score), f"{score} {definition.score_labels.get(score, '')}: "
                                        f"{question.descriptors.get(score, '')}")
                     for score in range(1, 6))
    if question.type in (AnswerType.CHOICE, AnswerType.MULTI_CHOICE, AnswerType.MEMBER):
        return options_for(question)
    return ()


def missing_required(steps: list[Step]) -> list[Step]:
    return [step for step in steps if step.question.required and not step.answered]


# ---------------------------------------------------------------- values

def normalise(question: Question, value: Any, allowed: set[str]) -> Any:
    """The value as stored (JSON-ready), or None to clear the answer. ``allowed`` holds the
    valid option values (choice), member ids (member) or help-question types (help_questions).
    Raises AnswerError with a Dutch message."""
    if is_empty(value):
        return None
    kind = question.type
    if kind in (AnswerType.TEXT, AnswerType.LONG_TEXT):
        return _text(kind, value)
    if kind is AnswerType.CHOICE:
        if not isinstance(value, str) or value not in allowed:
            raise AnswerError("Kies een van de mogelijkheden.")
        return value
    if kind is AnswerType.MULTI_CHOICE:
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) and item in allowed for item in items):
            raise AnswerError("Kies alleen uit de genoemde mogelijkheden.")
        return list(dict.fromkeys(items))
    if kind is AnswerType.DATE:
        return _date(value)
    if kind is AnswerType.YES_NO:
        if isinstance(value, bool):
            return "ja" if value else "nee"
        if value not in ("ja", "nee"):
            raise AnswerError("Antwoord met ja of nee.")
        return value
    if kind is AnswerType.MEMBER:
        text = value.hex if isinstance(value, uuid.UUID) else str(value)
        if text not in allowed:
            raise AnswerError("Kies een gezinslid van dit huishouden.")
        return text
    if kind is AnswerType.SCORE:
        return _score(value)
    return _help_questions(value, allowed)


def _text(kind: AnswerType, value: Any) -> str:
    if not isinstance(value, str):
        raise AnswerError("Vul tekst in.")
    limit = TEXT_MAX if kind is AnswerType.TEXT else LONG_TEXT_MAX
    text = " ".join(value.split()) if kind is AnswerType.TEXT else value.strip()
    if len(text) > limit:
        raise AnswerError(f"Dit antwoord is te lang: hoogstens {limit} tekens.")
    return text


def _date(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    parsed = parse_date(str(value))
    if parsed is None:
        raise AnswerError("Vul een datum in als dd-mm-jjjj, bijvoorbeeld 14-03-2026.")
    return parsed.isoformat()


def _score(value: Any) -> int:
    try:
        score = int(value)
    except (TypeError, ValueError):
        raise AnswerError("Kies een score van 1 tot en met 5.") from None
    if isinstance(value, bool) or not 1 <= score <= 5 or str(score) != str(value).strip():
        raise AnswerError("Kies een score van 1 tot en met 5.")
    return score


def _help_questions(value: Any, allowed: set[str]) -> list[dict[str, str | None]]:
    """``allowed`` holds type codes and, prefixed with 'member:', member ids."""
    if not isinstance(value, list):
        raise AnswerError("Geef een lijst van hulpvragen.")
    result: list[dict[str, str | None]] = []
    for item in value:
        if not isinstance(item, dict) or item.get("type") not in allowed:
            raise AnswerError("Kies voor elke hulpvraag een soort uit de lijst.")
        member = item.get("member")
        if member is not None and f"member:{member}" not in allowed:
            raise AnswerError("Een hulpvraag hoort bij een gezinslid van dit huishouden.")
        entry = {"type": str(item["type"]), "member": str(member) if member else None}
        if entry not in result:
            result.append(entry)
    return result


# ---------------------------------------------------------------- triggers

def raised_signals(step_section: Section, question: Question, answers: Answers,
                   repeat_key: str) -> list[str]:
    """The signal kinds the current answer to ``question`` raises."""
    lookup = _lookup(answers, step_section, repeat_key, own=question.key)
    return [rule.kind for rule in question.signals if rule.when.holds(lookup)]


def proposals(steps: list[Step], answers: Answers) -> list[ProposedHelpQuestion]:
    """Help questions the visible answers propose, once per (type, member)."""
    found: dict[tuple[str, uuid.UUID | None], ProposedHelpQuestion] = {}
    for step in steps:
        if not step.question.proposals or not step.answered:
            continue
        lookup = _lookup(answers, step.section, step.repeat_key, own=step.key,
                         facts=step.facts)
        for proposal in step.question.proposals:
            if proposal.when.holds(lookup):
                found.setdefault((proposal.type_code, step.member_id),
                                 ProposedHelpQuestion(proposal.type_code, step.member_id,
                                                      step.key))
    return list(found.values())


def display(step: Step) -> str:
    """The answer as a person reads it on the summary page."""
    value = step.value
    if is_empty(value):
        return ""
    labels = {option.value: option.label for option in step.choices}
    if step.question.type is AnswerType.SCORE:
        return labels.get(str(value), str(value))
    if step.question.type is AnswerType.MULTI_CHOICE:
        return ", ".join(labels.get(item, item) for item in value)
    if step.question.type is AnswerType.DATE:
        return date.fromisoformat(value).strftime("%d-%m-%Y")
    if isinstance(value, str):
        return labels.get(value, value)
    return str(value)
