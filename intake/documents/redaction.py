"""Replacing names by role labels ('Ouder 1', 'Kind 2', 'Netwerk 1', 'Professional 1',
'Regisseur', 'Aanspreekpunt') for a plan that is shared outside the team.

Every name is replaced in every form it takes in free text (see ``name_forms``): each part of a
multi-part name, a short form, without accents or in another normal form, a possessive; the
parts of one name next to each other become one label ('Ayşe Çelik' is 'Ouder 1'). Phone
numbers, e-mail addresses, postcodes and the household's street go whatever they belong to. A
capitalised word that names nobody registered is collected in ``flagged``, so the person
printing confirms or replaces it before the print leaves (``NameReview``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from intake.core.text import TUSSENVOEGSELS, full_name
from intake.documents.markup import esc, keep, wrappable
from intake.documents.name_forms import (
    ADDRESS_MARK,
    COMMON,
    HOUSE_NUMBER,
    UNKNOWN_LABEL,
    WORD,
    Found,
    find_names,
    name_words,
    nfc,
    remove_contacts,
    suspects,
    word_key,
)
from intake.plans.views import ProfessionalView
from intake.register.households import MemberRole, MemberView, NetworkView

ROLE_WORDS = {
    MemberRole.OUDER: "Ouder",
    MemberRole.PARTNER: "Partner",
    MemberRole.KIND: "Kind",
    MemberRole.ALLEENSTAAND: "Inwoner",
    MemberRole.OVERIG: "Gezinslid",
}
# Parts this short are too likely to be ordinary words ('de', 'An') to keep whole on their own
# in a print that is not redacted.
MIN_PART = 3
_TUSSEN = "|".join(re.escape(w) for w in sorted(TUSSENVOEGSELS, key=len, reverse=True))
# What may stand between two parts of one name: spaces, hyphens, tussenvoegsels.
_JOIN = re.compile(rf"^(?:[\s\-\u2010\u2011\u2013]+(?:(?:{_TUSSEN})[\s\-\u2010\u2011\u2013]+)*)$",
                   re.IGNORECASE)
_LEADING = re.compile(rf"(?:(?<!\w)(?:{_TUSSEN})\s+)+$", re.IGNORECASE)


@dataclass(frozen=True)
class NameReview:
    """What the person printing decided about flagged words: print as written (no name) or
    replace by '[naam]'. Compared folded, so the decision holds for every form."""

    not_names: frozenset[str] = frozenset()
    replace: frozenset[str] = frozenset()

    def keys(self) -> tuple[frozenset[str], frozenset[str]]:
        return (frozenset(word_key(w) for w in self.not_names),
                frozenset(word_key(w) for w in self.replace))


@dataclass
class Redactor:
    """Maps each person to a label; ``apply`` rewrites any text. Inactive: text unchanged."""

    active: bool = False
    labels: dict[str, str] = field(default_factory=dict)  # person key -> label
    flagged: list[str] = field(default_factory=list)  # unregistered names met so far
    _pattern: re.Pattern[str] | None = None
    _replacement: dict[str, str] = field(default_factory=dict)
    _parts: dict[str, str | None] = field(default_factory=dict)  # folded part -> label
    _given: dict[str, str | None] = field(default_factory=dict)  # folded given name -> label
    _prefixes: dict[str, set[str]] = field(default_factory=dict)  # label -> tussenvoegsels
    _known: frozenset[str] = frozenset()
    _street: re.Pattern[str] | None = None

    @classmethod
    def build(cls, members: Iterable[MemberView], network: Iterable[NetworkView],
              active: bool, *, professionals: Iterable[ProfessionalView] = (),
              staff: Iterable[tuple[str, str]] = (), aanspreekpunt: str = "",
              street: str = "", known: Iterable[str] = (),
              review: NameReview | None = None) -> Redactor:
        """``staff``: (name, label) of the workers a print names (regisseur first);
        ``known``: texts whose words are no names (catalogue labels, organisations)."""
        redactor = cls(active=active)
        counts: dict[str, int] = {}
        names: list[tuple[str, str]] = []  # (name as written, label)
        members = list(members)
        singles = {role: sum(1 for m in members if m.role is role) for role in MemberRole}
        for member in members:
            word = ROLE_WORDS[member.role]
            counts[word] = counts.get(word, 0) + 1
            label = word if singles[member.role] == 1 and member.role in (
                MemberRole.ALLEENSTAAND, MemberRole.PARTNER) else f"{word} {counts[word]}"
            redactor.labels[str(member.id)] = label
            names.append((member.name, label))
            names.append((full_name(member.given_name, "", member.family_name), label))
            names.append((member.given_name, label))
            names.append((full_name("", member.prefix, member.family_name), label))
            names.append((member.family_name, label))
            redactor._person(member.given_name, f"{member.prefix} {member.family_name}", label)
        for index, contact in enumerate(network, start=1):
            label = f"Netwerk {index}"
            redactor.labels[str(contact.id)] = label
            names.append((contact.name, label))
            names.extend((part, label) for part in contact.name.split())
            redactor._person(*_split(contact.name), label)
        for index, professional in enumerate(professionals, start=1):
            redactor._person(*_split(professional.name), f"Professional {index}")
        for name, label in staff:
            redactor._person(*_split(name), label)
        not_names, replace = review.keys() if review else (frozenset(), frozenset())
        known_words = {word_key(m.group(0)) for text in known for m in WORD.finditer(text)}
        redactor._known = frozenset(known_words | not_names)
        for key in replace:
            redactor._parts.setdefault(key, UNKNOWN_LABEL)
        redactor._aanspreekpunt(aanspreekpunt)
        if street.strip():
            body = r"\s+".join(re.escape(w) for w in nfc(street).split())
            redactor._street = re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
        redactor._compile(names)
        return redactor

    def _person(self, given: str, family: str, label: str) -> None:
        for part in name_words(given, given=True):
            self._add(self._given, part, label)
        for part in name_words(given, given=True) + name_words(family):
            self._add(self._parts, part, label)
        prefix = {word_key(w) for w in family.split() if word_key(w) in TUSSENVOEGSELS}
        self._prefixes.setdefault(label, set()).update(prefix)

    @staticmethod
    def _add(table: dict[str, str | None], part: str, label: str) -> None:
        if part in table and table[part] != label:
            table[part] = None  # two people share it: the words next to it decide
        else:
            table[part] = label

    def _aanspreekpunt(self, text: str) -> None:
        """The aanspreekpunt is free text ('Jolanda's vriend Mark'): its capitalised words
        that name nobody registered are the aanspreekpunt's name."""
        text = nfc(text)
        taken = {(f.start, f.end) for f in find_names(text, self._parts, self._given)}
        for match in WORD.finditer(text):
            word, key = match.group(0), word_key(match.group(0)).strip("'")
            if any(start <= match.start() < end for start, end in taken):
                continue
            if word[:1].isupper() and key not in COMMON and key not in TUSSENVOEGSELS \
                    and key not in self._known:
                self._add(self._parts, key, "Aanspreekpunt")
                self._add(self._given, key, "Aanspreekpunt")

    def _compile(self, names: list[tuple[str, str]]) -> None:
        """Names as written, for keeping them whole in a print that is not redacted."""
        replacement: dict[str, str] = {}
        for name, label in names:
            name = " ".join(name.split())
            if len(name) >= MIN_PART:
                replacement.setdefault(name.casefold(), label)
        if not replacement:
            return
        # Longest first, so 'Jolanda Verhoef' wins over 'Jolanda'.
        alternatives = sorted(replacement, key=len, reverse=True)
        body = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in alternatives)
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
        self._replacement = replacement

    def apply(self, text: str) -> str:
        if not self.active or not text:
            return text
        text = remove_contacts(nfc(text))
        if self._street is not None:
            text = self._street_out(text)
        out, last = [], 0
        for start, end, label in self._groups(text):
            out += [text[last:start], label]
            last = end
        out.append(text[last:])
        result = "".join(out)
        for word in suspects(result, self._known):
            if word not in self.flagged:
                self.flagged.append(word)
        return result

    def _street_out(self, text: str) -> str:
        assert self._street is not None
        out, last = [], 0
        for match in self._street.finditer(text):
            number = HOUSE_NUMBER.match(text, match.end())
            end = number.end() if number else match.end()
            out += [text[last:match.start()], ADDRESS_MARK]
            last = end
        out.append(text[last:])
        return "".join(out)

    def _groups(self, text: str) -> list[tuple[int, int, str]]:
        """Spans to replace: the parts of one name next to each other as one, with the
        person's own tussenvoegsels in front ('de Vries' of 'Jan de Vries')."""
        groups: list[list[Found]] = []
        for found in find_names(text, self._parts, self._given):
            if groups:
                previous = groups[-1]
                labels = {f.label for f in previous} - {None}
                gap = text[previous[-1].end:found.start]
                if _JOIN.match(gap) and (found.label is None or not labels
                                         or found.label in labels):
                    previous.append(found)
                    continue
            groups.append([found])
        spans = []
        for group in groups:
            label = next((f.label for f in group if f.label), UNKNOWN_LABEL)
            start = group[0].start
            leading = _LEADING.search(text, max(0, start - 40), start)  # a few words back
            if leading and {word_key(w) for w in leading.group(0).split()} <= \
                    self._prefixes.get(label, set()):
                start = leading.start()
            spans.append((start, group[-1].end, label))
        return spans

    def markup(self, text: str) -> str:
        """Free text as markup: names replaced when redacting, otherwise kept whole
        (<nobr>), so a name in a sentence is never hyphenated."""
        if self.active:
            return esc(self.apply(text))
        if self._pattern is None or not text:
            return esc(text)
        lines = []
        for line in text.strip().splitlines():
            out, last = [], 0
            for match in self._pattern.finditer(line):
                out += [escape(wrappable(line[last:match.start()])), keep(match.group(0))]
                last = match.end()
            out.append(escape(wrappable(line[last:])))
            lines.append("".join(out))
        return "<br/>".join(lines)

    def person(self, key: object, name: str) -> str:
        """A person's printed name: the label when redacting."""
        if not self.active:
            return name
        return self.labels.get(str(key), self.apply(name))


def _split(name: str) -> tuple[str, str]:
    """A name typed in one field: the first word is the given name."""
    first, _, rest = " ".join(name.split()).partition(" ")
    return first, rest
