"""The shipped Dutch hyphenation table: pyphen's own patterns, loaded without parsing them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyphen
import pytest

from intake.documents import hyphenation

WORDS = ["lettergrepen", "huishoudelijke", "ondersteuningsniveau", "schuldhulpverlening",
         "jeugdgezondheidszorg", "maatschappelijke", "consulent", "Çelik", "Nguyễn", "Ødegård",
         "dagbesteding", "woningaanpassing", "zelfredzaamheid", "a"]


def test_the_shipped_table_is_what_pyphen_parses_from_its_installed_dictionary() -> None:
    shipped = json.loads(hyphenation.TABLE.read_text(encoding="utf-8"))
    assert shipped == hyphenation.build_table(hyphenation.source_file()), (
        "pyphen's dictionary changed: run python -m intake.documents.hyphenation")


def test_words_break_where_pyphen_breaks_them() -> None:
    parsed_by_pyphen = pyphen.Pyphen(filename=str(hyphenation.source_file()), cache=False)
    for word in WORDS:
        assert hyphenation.dictionary().positions(word) == parsed_by_pyphen.positions(word)
        assert list(hyphenation.hyphenate(word)) == list(parsed_by_pyphen.iterate(word))
    assert next(hyphenation.hyphenate("lettergrepen")) == ("lettergre", "pen")


def test_a_fresh_process_hyphenates_without_parsing_the_pattern_file() -> None:
    script = ("import pyphen\n"
              "def refuse(self, path):\n"
              "    raise AssertionError('parsed ' + str(path))\n"
              "pyphen.HyphDict.__init__ = refuse\n"
              "from intake.documents.hyphenation import hyphenate\n"
              "print(list(hyphenate('lettergrepen')))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "lettergre" in done.stdout


def test_a_table_made_from_another_dictionary_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = json.loads(hyphenation.TABLE.read_text(encoding="utf-8"))
    table["patterns"] = {"ttergr": [2, [5]]}  # a table that breaks 'lettergrepen' elsewhere
    other = tmp_path / "other.json"
    monkeypatch.setattr(hyphenation, "TABLE", other)
    other.write_text(json.dumps(table), encoding="utf-8")
    made_from_this_file = hyphenation._shipped(hyphenation.source_file())
    assert made_from_this_file is not None and made_from_this_file.positions("lettergrepen") == [4]
    table["source_sha256"] = "0" * 64
    other.write_text(json.dumps(table), encoding="utf-8")
    assert hyphenation._shipped(hyphenation.source_file()) is None
    other.write_text("{not json", encoding="utf-8")
    assert hyphenation._shipped(hyphenation.source_file()) is None
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation.dictionary.cache_clear()
    try:
        assert hyphenation.dictionary().positions("lettergrepen") == [3, 6, 9]  # pyphen parsed
    finally:
        hyphenation.dictionary.cache_clear()
