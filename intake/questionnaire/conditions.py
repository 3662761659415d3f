"""Data-driven conditions: when a question is shown, when an answer raises a signal or
proposes a help question. Deliberately small, so a definition stays readable as data:

    {"key": "k", "equals": "ja"}          {"key": "k", "not_equals": "nee"}
    {"key": "k", "in": ["a", "b"]}        {"key": "k", "any_of": ["a", "b"]}  (multiple choice)
    {"key": "k", "none_of": ["a", "b"]}   (true when unanswered too)
    {"key": "k", "answered": true}        {"key": "k", "at_most": 2}  /  "at_least"
    {"all": [ ... ]}                       {"any": [ ... ]}

A key starting with '@' is a fact about the child a per-child section is asked for, not an
answer: "@woont_elders" is "ja" for a child who belongs to the family but lives elsewhere.

In a trigger (``signal``/``proposes`` ``when``) the key may be left out: it then means the
question's own answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

OPERATORS = ("equals", "not_equals", "in", "any_of", "none_of", "answered", "at_most",
             "at_least")
# Facts about the child of a per-child section, with the values they take.
MEMBER_FACTS: dict[str, frozenset[str]] = {"@woont_elders": frozenset({"ja", "nee"})}
COMBINATORS = ("all", "any")


class ConditionSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class Condition:
    op: str
    key: str | None = None
    value: Any = None
    parts: tuple[Condition, ...] = ()

    def keys(self) -> set[str]:
        """Every question key this condition reads."""
        found = {self.key} if self.key else set()
        for part in self.parts:
            found |= part.keys()
        return found

    def leaves(self) -> list[Condition]:
        if self.parts:
            return [leaf for part in self.parts for leaf in part.leaves()]
        return [self]

    def holds(self, lookup: Callable[[str | None], Any]) -> bool:
        if self.op == "all":
            return all(part.holds(lookup) for part in self.parts)
        if self.op == "any":
            return any(part.holds(lookup) for part in self.parts)
        return _compare(self.op, lookup(self.key), self.value)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _compare(op: str, actual: Any, expected: Any) -> bool:
    if op == "answered":
        return (not _empty(actual)) == bool(expected)
    if _empty(actual):
        return op in ("not_equals", "none_of")
    if op == "equals":
        return bool(actual == expected)
    if op == "not_equals":
        return bool(actual != expected)
    if op == "in":
        return actual in expected
    if op == "any_of":
        chosen = actual if isinstance(actual, list) else [actual]
        return any(item in expected for item in chosen)
    if op == "none_of":
        chosen = actual if isinstance(actual, list) else [actual]
        return not any(item in expected for item in chosen)
    if not isinstance(actual, int):
        return False
    if op == "at_most":
        return actual <= int(expected)
    return actual >= int(expected)  # at_least


def parse_condition(raw: Any, where: str, *, key_optional: bool = False) -> Condition:
    if not isinstance(raw, dict):
        raise ConditionSyntaxError(f"{where}: een voorwaarde is een object, bijvoorbeeld "
                                   '{"key": "...", "equals": "ja"}.')
    for combinator in COMBINATORS:
        if combinator in raw:
            items = raw[combinator]
            if not isinstance(items, list) or not items or len(raw) != 1:
                raise ConditionSyntaxError(f"{where}: '{combinator}' bevat een niet-lege lijst "
                                           "voorwaarden en verder niets.")
            return Condition(op=combinator, parts=tuple(
                parse_condition(item, where, key_optional=key_optional) for item in items))
    key = raw.get("key")
    ops = [op for op in OPERATORS if op in raw]
    unknown = set(raw) - {"key", *OPERATORS}
    if unknown:
        raise ConditionSyntaxError(f"{where}: onbekend veld in voorwaarde: {sorted(unknown)}.")
    if len(ops) != 1:
        raise ConditionSyntaxError(
            f"{where}: een voorwaarde heeft precies één van {', '.join(OPERATORS)}.")
    if key is None and not key_optional:
        raise ConditionSyntaxError(f"{where}: de voorwaarde noemt geen vraag ('key').")
    if key is not None and not isinstance(key, str):
        raise ConditionSyntaxError(f"{where}: 'key' is tekst.")
    op = ops[0]
    value = raw[op]
    if op in ("in", "any_of", "none_of") and (not isinstance(value, list) or not value):
        raise ConditionSyntaxError(f"{where}: '{op}' vraagt een niet-lege lijst waarden.")
    if op in ("at_most", "at_least") and (not isinstance(value, int) or isinstance(value, bool)):
        raise ConditionSyntaxError(f"{where}: '{op}' vraagt een geheel getal.")
    if op == "answered" and not isinstance(value, bool):
        raise ConditionSyntaxError(f"{where}: 'answered' is true of false.")
    return Condition(op=op, key=key, value=value)
