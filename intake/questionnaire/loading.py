"""Reading shipped definitions: parse every file, validate it, keep it for the process."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from intake.questionnaire.definition import Definition, DefinitionError, parse_definition
from intake.questionnaire.validate import validate_definition
from resources import QUESTIONNAIRE_DIR


def definition_files() -> list[Path]:
    return sorted(QUESTIONNAIRE_DIR.glob("*.json"))


def load_file(path: Path, **catalogues: frozenset[str]) -> Definition:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DefinitionError([f"{path.name}: geen geldige JSON ({error})."]) from None
    definition = parse_definition(raw)
    validate_definition(definition, **catalogues)
    return definition


@cache
def shipped_definitions() -> dict[tuple[str, int], Definition]:
    found: dict[tuple[str, int], Definition] = {}
    for path in definition_files():
        definition = load_file(path)
        found[(definition.key, definition.version)] = definition
    return found


def load_definition(key: str, version: int | None = None) -> Definition:
    """A shipped definition; the newest version when none is asked for."""
    versions = {v: d for (k, v), d in shipped_definitions().items() if k == key}
    if not versions:
        raise KeyError(key)
    return versions[version if version is not None else max(versions)]
