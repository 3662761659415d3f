"""Replacing residents' names by role labels ('Ouder 1', 'Kind 2', 'Netwerk 1') for a plan
that is shared outside the team. Names are replaced wherever they occur as a whole word,
also inside free text: full names first, then given and family names on their own."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from intake.core.text import full_name
from intake.documents.markup import esc, keep, wrappable
from intake.register.households import MemberRole, MemberView, NetworkView

ROLE_WORDS = {
    MemberRole.OUDER: "Ouder",
    MemberRole.PARTNER: "Partner",
    MemberRole.KIND: "Kind",
    MemberRole.ALLEENSTAAND: "Inwoner",
    MemberRole.OVERIG: "Gezinslid",
}
# Parts this short are too likely to be ordinary words ('de', 'An') to replace on their own.
MIN_PART = 3


@dataclass
class Redactor:
    """Maps each person to a label; ``apply`` rewrites any text. Inactive: text unchanged."""

    active: bool = False
    labels: dict[str, str] = field(default_factory=dict)  # person key -> label
    _pattern: re.Pattern[str] | None = None
    _replacement: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, members: Iterable[MemberView], network: Iterable[NetworkView],
              active: bool) -> Redactor:
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
        for index, contact in enumerate(network, start=1):
            label = f"Netwerk {index}"
            redactor.labels[str(contact.id)] = label
            names.append((contact.name, label))
            names.extend((part, label) for part in contact.name.split())
        redactor._compile(names)
        return redactor

    def _compile(self, names: list[tuple[str, str]]) -> None:
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
        if not self.active or self._pattern is None or not text:
            return text
        return self._pattern.sub(
            lambda m: self._replacement.get(" ".join(m.group(0).split()).casefold(), "[naam]"),
            text)

    def markup(self, text: str) -> str:
        """Free text as markup: names replaced when redacting, otherwise kept whole
        (<nobr>), so a name in a sentence is never hyphenated."""
        text = self.apply(text)
        if self.active or self._pattern is None or not text:
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
