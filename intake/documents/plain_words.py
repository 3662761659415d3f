"""The rules the resident's plan is written to (B1 or simpler), checkable on printed text.

1. No office words: the words professionals use among themselves (OFFICE_WORDS), law names,
   catalogue labels with their organisation in brackets.
2. Short sentences: at most MAX_WORDS words.
3. Short words: at most MAX_SYLLABLES syllables (counted with the Dutch hyphenation
   dictionary), apart from the few everyday long words in EVERYDAY_LONG.
4. Address the resident directly ('u', or 'je' in a toekomstplan).

Text the resident or the professional typed (her goals, actions, names) is checked by people,
not here: ``problems`` is run on the fixed sentences the print adds around it.
"""

from __future__ import annotations

import re

from intake.documents.hyphenation import dictionary

MAX_WORDS = 15
MAX_SYLLABLES = 4
OFFICE_WORDS = frozenset({
    "inwonerversie", "inwoner", "dossiernummer", "dossier", "leefgebied", "resultaat",
    "resultaten", "regisseur", "aanspreekpunt", "voorziening", "maatwerkvoorziening",
    "ondersteuningsniveau", "evaluatie", "evaluatiemoment", "akkoord", "zelfredzaam",
    "participatiewet", "wmo", "jeugdwet", "wgs", "re-integratie", "schuldhulpverlening",
    "opgroeien", "adl", "cliëntondersteuning", "indicatie", "casus", "vertrouwelijk",
    "organisatie", "professional", "thema",
})
# Long but everyday: every resident knows them.
EVERYDAY_LONG = frozenset({"contactpersoon", "handtekening", "afgesproken", "bijvoorbeeld",
                           "dagbesteding", "mondeling", "huishouden", "activiteiten"})
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def syllables(word: str) -> int:
    return len(dictionary().positions(word)) + 1


def problems(text: str) -> list[str]:
    """Every place where ``text`` breaks the rules above, in words a reviewer can act on."""
    found: list[str] = []
    if re.search(r"\([^)]*\b(?:stichting|gemeente|bank|uwv)\b[^)]*\)", text, re.IGNORECASE):
        found.append("een organisatie tussen haakjes (cataloguslabel)")
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence)
        if len(words) > MAX_WORDS:
            found.append(f"zin van {len(words)} woorden: {sentence[:60]}…")
        for word in words:
            folded = word.casefold()
            if folded in OFFICE_WORDS:
                found.append(f"kantoorwoord: {word}")
            elif folded not in EVERYDAY_LONG and syllables(folded) > MAX_SYLLABLES:
                found.append(f"lang woord: {word}")
    return found
