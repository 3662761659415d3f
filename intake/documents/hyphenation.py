"""Dutch hyphenation for printed documents: pyphen's nl_NL patterns, parsed once at build time.

pyphen parses its 16,000-line pattern file on first use in every process, which takes about
a third of a second: longer than laying out a whole plan, and paid again by every print from
the command line and by every worker of a bulk print. The parsed table ships in
``resources/hyphenation/`` with the SHA-256 of the file it was made from. When the installed
pyphen carries that very file the table is loaded from JSON; otherwise pyphen parses its own
file as it always did. Either way pyphen's own code hyphenates, so words break at the same
places. ``python -m intake.documents.hyphenation`` writes the table again after an upgrade
(a test says when).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pyphen

from resources import RESOURCE_DIR

LANG = "nl_NL"
TABLE = RESOURCE_DIR / "hyphenation" / f"hyph_{LANG}.json"


def source_file() -> Path:
    """pyphen's own pattern file for Dutch."""
    path: Path = pyphen.LANGUAGES[pyphen.language_fallback(LANG)]
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_table(source: Path) -> dict[str, Any]:
    """The patterns as pyphen parses them, in a form JSON keeps exactly."""
    parsed = pyphen.HyphDict(source)
    patterns: dict[str, list[Any]] = {}
    for key, (start, values) in parsed.patterns.items():
        if any(type(value) is not int for value in values):  # a nonstandard hyphen rule
            raise ValueError(f"pattern {key!r} needs pyphen's own parser")
        patterns[key] = [start, list(values)]
    return {"source_sha256": _digest(source), "maxlen": parsed.maxlen, "patterns": patterns}


def _shipped(source: Path) -> Any | None:
    """pyphen's parsed dictionary from the shipped table, or None when it was made from
    another pattern file than the installed one (or cannot be read)."""
    try:
        table = json.loads(TABLE.read_text(encoding="utf-8"))
        if table["source_sha256"] != _digest(source):
            return None
        parsed = pyphen.HyphDict.__new__(pyphen.HyphDict)
        parsed.patterns, parsed.maxlen, parsed.cache = table["patterns"], table["maxlen"], {}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return parsed


@cache
def dictionary() -> Any:
    """pyphen's Dutch hyphenator (a ``pyphen.Pyphen``), its patterns loaded once per process."""
    source = source_file()
    if source not in pyphen.hdcache:
        shipped = _shipped(source)
        if shipped is not None:
            pyphen.hdcache[source] = shipped  # pyphen's own cache: Pyphen() finds it there
    return pyphen.Pyphen(lang=LANG)


def hyphenate(word: str) -> Iterator[tuple[str, str]]:
    """ReportLab's hyphenator (``hyphenationLang`` of a style): the ways to split ``word``,
    longest head first, as ReportLab asks pyphen itself for a language name. Only a word that
    does not fit on its line is asked, so a print without one never loads the patterns."""
    splits: Iterator[tuple[str, str]] = dictionary().iterate(word)
    return splits


def write_table(target: Path = TABLE) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(build_table(source_file()), ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True)
    target.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_table()
    print(f"geschreven: {TABLE}", file=sys.stderr)
