"""The forms a name takes in free text, and the contact details a redacted print removes.

Free text is compared word by word on folded words (``intake.core.text.fold``): case, accents
and the Unicode normal form it was typed in make no difference, so 'Celik', 'ÇELIK' and a
decomposed 'C\u0327elik' are all the registered 'Çelik'. A possessive ('Jolanda's', 'Ayşe’s',
'Marks', 'Thijs'') is the name plus an ending; a short form ('Jo' for 'Jolanda') is a
capitalised start of a registered given name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from intake.core.text import TUSSENVOEGSELS, fold

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_APOSTROPHES = "'\u2019\u2018`\u00b4"
# A word: letters (with any combining marks), joined by an apostrophe ("d'Souza", "O’Brien"),
# and an apostrophe at the end ("Thijs'").
WORD = re.compile(rf"(?:[^\W\d_]|[{_MARKS}])+(?:[{_APOSTROPHES}](?:[^\W\d_]|[{_MARKS}])+)*"
                  rf"[{_APOSTROPHES}]?")
_APOSTROPHE = re.compile(rf"[{_APOSTROPHES}]")

EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# Nine digits or more, with the separators people type ("06-12 34 56 78", "+31 (0)53 123 45
# 67"); a date has eight, and the digits of a dossiernummer follow a hyphen and are kept.
PHONE = re.compile(r"(?<![\w\-])(?:\+|00)?\d(?:[\s\-.()/]{0,2}\d){8,}(?!\w)")
POSTCODE = re.compile(r"(?<!\w)[1-9]\d{3}\s?[A-Za-z]{2}(?!\w)")
HOUSE_NUMBER = re.compile(r"\s+\d+(?:\s?[A-Za-z](?!\w)|\s?-\s?\d+)?")

EMAIL_MARK = "[e-mailadres weggelaten]"
PHONE_MARK = "[nummer weggelaten]"
POSTCODE_MARK = "[postcode weggelaten]"
ADDRESS_MARK = "[adres weggelaten]"
UNKNOWN_LABEL = "[naam]"

# Capitalised words that start a sentence or sit in plan text without being anyone's name.
COMMON = frozenset({
    "de", "het", "een", "en", "of", "maar", "want", "dus", "ook", "nog", "al", "als", "dan",
    "die", "dat", "dit", "deze", "wie", "wat", "waar", "wanneer", "hoe", "ik", "jij", "je", "u",
    "hij", "zij", "ze", "we", "wij", "jullie", "hun", "haar", "zijn", "mijn", "ons", "onze",
    "er", "hier", "daar", "met", "naar", "voor", "na", "bij", "om", "op", "in", "uit", "aan",
    "tot", "over", "door", "zo", "niet", "geen", "wel", "elke", "iedere", "samen", "eerst",
    "daarna", "nu", "straks", "morgen", "vandaag", "gisteren", "moeder", "vader", "broer",
    "zus", "oma", "opa", "tante", "oom", "mevrouw", "meneer", "juf", "meester",
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "maandag", "dinsdag", "woensdag", "donderdag",
    "vrijdag", "zaterdag", "zondag", "nederland", "nederlands", "engels", "turks", "arabisch",
    "pools", "duits", "wmo", "jeugdwet", "participatiewet", "wajong", "wgs", "meldcode",
    "jeugdzorg", "inwoner", "ouder", "kind", "partner", "gezinslid", "netwerk", "professional",
    "regisseur", "medewerker", "aanspreekpunt", "consulent", "teamleider", "naam",
})
# Words after which a capitalised word is taken to be someone's name.
PERSON_WORDS = frozenset({
    "mevrouw", "mevr", "mw", "meneer", "dhr", "heer", "juf", "juffrouw", "meester", "tante",
    "oom", "opa", "oma", "vriend", "vriendin", "buurman", "buurvrouw", "broer", "zus", "zoon",
    "dochter", "moeder", "vader", "collega", "neef", "nicht", "vriendje", "vriendinnetje",
})
SHORT_FORM = 2  # letters a short form ('Jo', 'Mo') has at least


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def word_key(word: str) -> str:
    """A word as compared with registered names: folded, one kind of apostrophe."""
    return fold(_APOSTROPHE.sub("'", word))


def name_words(name: str, given: bool = False) -> list[str]:
    """The folded parts of a name that identify someone: every word but a tussenvoegsel
    (in a given name every word: 'Văn Minh'), each piece of an apostrophe-joined part as well
    ('d'souza' and 'souza')."""
    out: list[str] = []
    for match in WORD.finditer(nfc(name)):
        key = word_key(match.group(0)).strip("'")
        pieces = [key, *(p for p in key.split("'") if len(p) > 1 and p != key)]
        for piece in pieces:
            if piece and (given or piece not in TUSSENVOEGSELS) and piece not in out:
                out.append(piece)
    return out


@dataclass(frozen=True)
class Found:
    """A word of the text that names someone: ``start``/``end`` of the name itself (an
    ending such as the possessive 's stays in the text)."""

    start: int
    end: int
    label: str | None  # None: a part two people share ('Çelik' of both parents)


def _lookup(key: str, capital: bool, parts: dict[str, str | None],
            given: dict[str, str | None]) -> str | bool | None:
    """The label for a folded word, None when shared, False when it names nobody."""
    # A short part, or one that is also an ordinary word ('Văn' folds to 'van'), only counts
    # when written with a capital.
    if key in parts and (capital or (len(key) > SHORT_FORM and key not in TUSSENVOEGSELS
                                     and key not in COMMON)):
        return parts[key]
    if capital and len(key) >= SHORT_FORM and key not in COMMON and key not in TUSSENVOEGSELS:
        starts = {label for name, label in given.items() if name.startswith(key)}
        if len(starts) == 1:
            return starts.pop()
    return False


def find_names(text: str, parts: dict[str, str | None],
               given: dict[str, str | None]) -> list[Found]:
    """Every word of ``text`` (NFC) that is, or is a form of, a registered name part."""
    found: list[Found] = []
    for match in WORD.finditer(text):
        word = match.group(0)
        key = word_key(word)
        capital = word[:1].isupper()
        candidates = [(key.rstrip("'"), len(word.rstrip(_APOSTROPHES)))]
        if key.endswith("'s"):
            candidates.append((key[:-2], len(word) - 2))
        elif key.endswith("s") and len(key) > 4:
            candidates.append((key[:-1], len(word) - 1))  # 'Marks fiets'
        for candidate, length in candidates:
            label = _lookup(candidate, capital, parts, given)
            if label is not False:
                found.append(Found(match.start(), match.start() + length,
                                   label if isinstance(label, str) else None))
                break
    return found


def remove_contacts(text: str) -> str:
    """E-mail addresses, phone numbers (and any long number: a BSN) and postcodes removed."""
    text = EMAIL.sub(EMAIL_MARK, text)
    text = PHONE.sub(PHONE_MARK, text)
    return POSTCODE.sub(POSTCODE_MARK, text)


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].rstrip(" \t\"'(“‘")  # the words just before
    return not before or before[-1] in ".!?:;\n•-–—"


def suspects(text: str, known: frozenset[str]) -> list[str]:
    """Words in already redacted text that look like a name nobody registered: capitalised
    inside a sentence, or after a word like 'vriend' or 'mevrouw', and not a word the print
    itself uses (catalogue labels, organisations, role labels: ``known``)."""
    out: list[str] = []
    previous = ""
    for match in WORD.finditer(text):
        word = match.group(0).rstrip(_APOSTROPHES)
        key = word_key(word)
        base = key[:-2] if key.endswith("'s") else key
        after_person = previous in PERSON_WORDS
        previous = base
        if len(word) < SHORT_FORM or not word[:1].isupper() or word.isupper():
            continue  # a letter, lower case, or an abbreviation (GGD, LVB)
        if base in COMMON or base in known or key in known or base in TUSSENVOEGSELS:
            continue
        if (after_person or not _sentence_start(text, match.start())
                or key.endswith("'s")) and word not in out:
            out.append(word)
    return out
