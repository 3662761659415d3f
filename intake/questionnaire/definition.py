"""A questionnaire definition: versioned data in resources/questionnaires/*.json.

``parse_definition`` turns the JSON into typed, frozen objects (structure errors stop it at
once); ``validate_definition`` then checks the cross-references and collects every problem,
so whoever edits a definition sees all mistakes in one go; ``loading`` does both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from intake.questionnaire.conditions import Condition, ConditionSyntaxError, parse_condition

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,79}$")
SIGNAL_KINDS = ("veiligheid", "crisis")
REPEAT_PER_CHILD = "per_child"
# Catalogues a choice question may take its options from (held in the store).
OPTION_CATALOGUES = ("kanaal", "vindplaats", "hulpvraagtype")


class AnswerType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    DATE = "date"
    YES_NO = "yes_no"
    MEMBER = "member"
    SCORE = "score"
    # The conclusion's list of help questions found: [{"type": code, "member": id | null}].
    HELP_QUESTIONS = "help_questions"


class DefinitionError(Exception):
    """A broken definition; ``problems`` lists every problem found, in Dutch."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class SignalRule:
    kind: str  # veiligheid / crisis
    when: Condition


@dataclass(frozen=True)
class Proposal:
    """An answer that proposes a help question of this type (for the child, in a per-child
    section)."""

    type_code: str
    when: Condition


@dataclass(frozen=True)
class Question:
    key: str
    type: AnswerType
    label: str
    help: str = ""
    required: bool = False
    options: tuple[Option, ...] = ()
    options_from: str | None = None
    show_if: Condition | None = None
    signals: tuple[SignalRule, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    # What the answer means for summaries and the plan: score, goes_well, worries, self,
    # network, help_present; '' for everything else.
    role: str = ""
    descriptors: dict[int, str] = field(default_factory=dict)  # score: meaning per 1-5


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    questions: tuple[Question, ...]
    intro: str = ""
    repeat: str = ""  # '' or 'per_child'
    domain: str | None = None  # a life-domain code (resources/catalogues/levensdomeinen.json)
    show_if: Condition | None = None


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Roles:
    """Questions the domain acts on, named by the definition rather than hard-coded."""

    channel: str
    vindplaats: str
    help_questions: str
    next_step: str
    referral_target: str
    # next-step option value -> outcome code (resources/catalogues/uitkomsten.json)
    outcomes: dict[str, str]
    date: str = ""  # optional: the date question, pre-filled with the day the intake starts


@dataclass(frozen=True, eq=False)  # identity: a loaded definition is cached by object
class Definition:
    key: str
    version: int
    title: str
    score_labels: dict[int, str]
    pages: tuple[Page, ...]
    roles: Roles

    def sections(self) -> Iterator[tuple[Page, Section]]:
        for page in self.pages:
            for section in page.sections:
                yield page, section

    def questions(self) -> Iterator[tuple[Page, Section, Question]]:
        for page, section in self.sections():
            for question in section.questions:
                yield page, section, question

    def find(self, key: str) -> tuple[Page, Section, Question]:
        found = self._index().get(key)
        if found is None:
            raise KeyError(key)
        return found

    def _index(self) -> dict[str, tuple[Page, Section, Question]]:
        return _index_of(self)


@cache
def _index_of(definition: Definition) -> dict[str, tuple[Page, Section, Question]]:
    return {question.key: (page, section, question)
            for page, section, question in definition.questions()}


# ---------------------------------------------------------------- parsing (structure)

def _text(raw: dict[str, Any], name: str, where: str, *, optional: bool = False) -> str:
    value = raw.get(name, "" if optional else None)
    if not isinstance(value, str) or (not optional and not value.strip()):
        raise DefinitionError([f"{where}: '{name}' ontbreekt of is geen tekst."])
    return value


def _list(raw: dict[str, Any], name: str, where: str) -> list[Any]:
    value = raw.get(name)
    if not isinstance(value, list) or not value:
        raise DefinitionError([f"{where}: '{name}' ontbreekt of is een lege lijst."])
    return value


def _condition(raw: Any, where: str, *, key_optional: bool = False) -> Condition:
    try:
        return parse_condition(raw, where, key_optional=key_optional)
    except ConditionSyntaxError as error:
        raise DefinitionError([str(error)]) from None


def _question(raw: dict[str, Any], where: str) -> Question:
    key = _text(raw, "key", where)
    where = f"vraag '{key}'"
    try:
        kind = AnswerType(str(raw.get("type")))
    except ValueError:
        allowed = ", ".join(t.value for t in AnswerType)
        raise DefinitionError([f"{where}: onbekend antwoordtype '{raw.get('type')}' "
                               f"(kies uit {allowed})."]) from None
    options = tuple(Option(str(o["value"]), str(o["label"])) for o in raw.get("options", []))
    signals = tuple(SignalRule(str(s.get("kind")), _condition(s.get("when"), where,
                                                              key_optional=True))
                    for s in raw.get("signal", []))
    proposals = tuple(Proposal(str(p.get("type")), _condition(p.get("when"), where,
                                                               key_optional=True))
                      for p in raw.get("proposes", []))
    descriptors = {int(score): str(text) for score, text in raw.get("descriptors", {}).items()}
    show_if = _condition(raw["show_if"], where) if "show_if" in raw else None
    return Question(key=key, type=kind, label=_text(raw, "label", where),
                    help=_text(raw, "help", where, optional=True),
                    required=bool(raw.get("required", False)), options=options,
                    options_from=raw.get("options_from"), show_if=show_if, signals=signals,
                    proposals=proposals, role=str(raw.get("role", "")), descriptors=descriptors)


def _section(raw: dict[str, Any], where: str) -> Section:
    key = _text(raw, "key", where)
    where = f"onderdeel '{key}'"
    return Section(
        key=key, title=_text(raw, "title", where), intro=_text(raw, "intro", where, optional=True),
        repeat=str(raw.get("repeat", "")), domain=raw.get("domain"),
        show_if=_condition(raw["show_if"], where) if "show_if" in raw else None,
        questions=tuple(_question(q, where) for q in _list(raw, "questions", where)),
    )


def parse_definition(raw: dict[str, Any]) -> Definition:
    where = "vragenlijst"
    version = raw.get("version")
    if not isinstance(version, int) or version < 1:
        raise DefinitionError([f"{where}: 'version' is een geheel getal vanaf 1."])
    pages = tuple(
        Page(key=_text(p, "key", "pagina"), title=_text(p, "title", f"pagina '{p.get('key')}'"),
             sections=tuple(_section(s, f"pagina '{p.get('key')}'")
                            for s in _list(p, "sections", f"pagina '{p.get('key')}'")))
        for p in _list(raw, "pages", where))
    roles_raw = raw.get("roles")
    if not isinstance(roles_raw, dict):
        raise DefinitionError([f"{where}: 'roles' ontbreekt."])
    roles = Roles(**{name: _text(roles_raw, name, "roles") for name in
                     ("channel", "vindplaats", "help_questions", "next_step", "referral_target")},
                  outcomes={str(k): str(v) for k, v in roles_raw.get("outcomes", {}).items()},
                  date=str(roles_raw.get("date", "")))
    return Definition(
        key=_text(raw, "key", where), version=version, title=_text(raw, "title", where),
        score_labels={int(k): str(v) for k, v in raw.get("score_labels", {}).items()},
        pages=pages, roles=roles)


# ---------------------------------------------------------------- loading
