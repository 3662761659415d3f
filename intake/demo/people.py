"""Fictitious households of a Hengelo-like town, drawn from one seeded random stream.

Pure generation: no store, no clock. Ages are counted back from a reference date (the first of
January of the demo year), so the same seed gives the same people all year long.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from intake.core.text import fold, full_name
from intake.demo.context import Composition
from intake.demo.names import (
    CAN_HELP_WITH,
    GROUPS,
    RELATIONS_FAMILY,
    RELATIONS_OLDER,
    RELATIONS_YOUNG,
    NameGroup,
    female_family_name,
)
from intake.demo.streets import Street, postcode, streets
from intake.register.households import MemberRole

# Shares loosely after the town's household statistics: many people live alone, many of them old.
COMPOSITION_WEIGHTS: dict[Composition, int] = {
    Composition.OUDERE_ALLEEN: 17,
    Composition.ALLEENSTAAND: 14,
    Composition.JONGVOLWASSENE: 9,
    Composition.STEL: 20,
    Composition.GEZIN: 20,
    Composition.GROOT_GEZIN: 5,
    Composition.EENOUDERGEZIN: 11,
    Composition.MEERGENERATIE: 4,
}
# Recently arrived groups have few residents over seventy.
_RECENT_GROUPS = frozenset({"syrisch", "eritrees"})
_OLD_COMPOSITIONS = frozenset({Composition.OUDERE_ALLEEN})
BSN_SHARE = 0.9  # some members have no BSN on file yet
_SUFFIXES = ("A", "B", "C", "D")
# Given-name lists of these groups run from old-fashioned to recent: pick by birth year.
_ERA_GROUPS = frozenset({"nederlands", "twents"})


@dataclass(slots=True)
class PlannedMember:
    given_name: str
    prefix: str
    family_name: str
    date_of_birth: date
    role: MemberRole
    female: bool
    bsn: str | None = None


@dataclass(slots=True)
class PlannedContact:
    name: str
    relation: str
    phone: str
    can_help_with: str


@dataclass(slots=True)
class PlannedHousehold:
    composition: Composition
    name_group: str
    street: str
    house_number: int
    suffix: str
    postcode: str
    city: str
    phone: str
    email: str
    members: list[PlannedMember] = field(default_factory=list)
    network: list[PlannedContact] = field(default_factory=list)


def bsn_from(rng: random.Random) -> str:
    """A nine-digit number that passes the elfproef (9*d1 + 8*d2 + ... + 2*d8 - d9 ≡ 0 mod 11)."""
    while True:
        digits = [rng.randint(1, 6)] + [rng.randrange(10) for _ in range(7)]
        check = sum(weight * digit for weight, digit in zip(range(9, 1, -1), digits,
                                                            strict=True)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


class HouseholdMaker:
    def __init__(self, rng: random.Random, reference: date, taken_bsns: set[str]) -> None:
        self.rng = rng
        self.reference = reference
        self.taken_bsns = taken_bsns
        self._compositions = list(COMPOSITION_WEIGHTS)
        self._composition_cum = list(accumulate(COMPOSITION_WEIGHTS.values()))
        self._group_cum = list(accumulate(group.weight for group in GROUPS))
        self._streets = streets()
        self._street_cum = list(accumulate(street.highest for street in self._streets))

    # -- people ---------------------------------------------------------------------------

    def _born(self, age: int) -> date:
        return date.fromordinal(self.reference.toordinal() - age * 365 - self.rng.randrange(365))

    def _group(self, composition: Composition) -> NameGroup:
        group = self.rng.choices(GROUPS, cum_weights=self._group_cum)[0]
        if composition in _OLD_COMPOSITIONS and group.key in _RECENT_GROUPS:
            group = self.rng.choices(GROUPS, cum_weights=self._group_cum)[0]
        return group

    def _given(self, group: NameGroup, female: bool, birth_year: int) -> str:
        names = group.female if female else group.male
        if group.key not in _ERA_GROUPS:
            return self.rng.choice(names)
        share = min(max((birth_year - 1935) / 85, 0.0), 1.0)
        centre = round(share * (len(names) - 1))
        low, high = max(centre - 6, 0), min(centre + 6, len(names) - 1)
        return names[self.rng.randint(low, high)]

    def _bsn(self) -> str | None:
        if self.rng.random() >= BSN_SHARE:
            return None
        while True:
            number = bsn_from(self.rng)
            if number not in self.taken_bsns:
                self.taken_bsns.add(number)
                return number

    def _person(self, group: NameGroup, female: bool, age: int, role: MemberRole,
                family: tuple[str, str] | None = None) -> PlannedMember:
        born = self._born(age)
        prefix, family_name = family or self.rng.choice(group.families)
        if female:
            family_name = female_family_name(group, family_name)
        return PlannedMember(self._given(group, female, born.year), prefix, family_name, born,
                             role, female, self._bsn())

    def _children(self, group: NameGroup, count: int, youngest_parent_age: int,
                  family: tuple[str, str]) -> list[PlannedMember]:
        # The eldest was born when the parent was 20 to 34, and early enough for the others to
        # follow one to four years apart; never before the parent turned 19.
        age = max(min(youngest_parent_age - self.rng.randint(20, 34), 19), 0)
        age = max(age, min(count - 1, youngest_parent_age - 19))
        children = []
        for index in range(count):
            children.append(self._person(group, self.rng.random() < 0.5, age, MemberRole.KIND,
                                         family))
            remaining = count - index - 1
            if remaining:
                age -= min(self.rng.randint(1, 4), age // remaining)  # 0 means twins
        return children

    def _partner_group(self, group: NameGroup, composition: Composition) -> NameGroup:
        return self._group(composition) if self.rng.random() < 0.08 else group

    def _members(self, composition: Composition, group: NameGroup) -> list[PlannedMember]:
        rng = self.rng
        if composition is Composition.OUDERE_ALLEEN:
            return [self._person(group, rng.random() < 0.7, rng.randint(75, 97),
                                 MemberRole.ALLEENSTAAND)]
        if composition is Composition.ALLEENSTAAND:
            return [self._person(group, rng.random() < 0.5, rng.randint(27, 74),
                                 MemberRole.ALLEENSTAAND)]
        if composition is Composition.JONGVOLWASSENE:
            return [self._person(group, rng.random() < 0.5, rng.randint(17, 26),
                                 MemberRole.ALLEENSTAAND)]
        if composition is Composition.STEL:
            age = rng.randint(24, 90)
            first = self._person(group, False, age, MemberRole.PARTNER)
            other = self._partner_group(group, composition)
            second = self._person(other, True, max(age + rng.randint(-6, 3), 20),
                                  MemberRole.PARTNER)
            return [first, second]
        if composition is Composition.EENOUDERGEZIN:
            female = rng.random() < 0.85
            parent = self._person(group, female, rng.randint(21, 55), MemberRole.OUDER)
            family = self._child_family(group, parent, None)
            parent_age = self.reference.year - parent.date_of_birth.year
            return [parent, *self._children(group, rng.randint(1, 4), parent_age, family)]
        father_age = rng.randint(28, 52) if composition is Composition.GROOT_GEZIN \
            else rng.randint(24, 56)
        mother_age = max(father_age + rng.randint(-6, 2), 21)
        father = self._person(group, False, father_age, MemberRole.OUDER)
        mother = self._person(self._partner_group(group, composition), True, mother_age,
                              MemberRole.OUDER)
        count = rng.randint(4, 7) if composition is Composition.GROOT_GEZIN \
            else rng.randint(1, 3)
        family = self._child_family(group, mother, father)
        members = [father, mother,
                   *self._children(group, count, min(father_age, mother_age), family)]
        if composition is Composition.MEERGENERATIE:
            members.append(self._person(group, rng.random() < 0.6,
                                        min(father_age + rng.randint(22, 32), 99),
                                        MemberRole.OVERIG, (father.prefix, father.family_name)))
        return members

    def _child_family(self, group: NameGroup, mother: PlannedMember,
                      father: PlannedMember | None) -> tuple[str, str]:
        if group.patronymic:
            given = father.given_name if father else self.rng.choice(group.male)
            return ("", given)
        if father is not None and self.rng.random() < 0.9:
            return (father.prefix, father.family_name)
        if father is None and self.rng.random() < 0.6:
            return self.rng.choice(group.families)  # the absent father's name
        family = mother.family_name
        if group.gendered and family.endswith("a"):
            family = family[:-1] + "i"
        return (mother.prefix, family)

    # -- address and network --------------------------------------------------------------

    def _address(self) -> tuple[Street, int, str]:
        street = self.rng.choices(self._streets, cum_weights=self._street_cum)[0]
        number = self.rng.randint(1, street.highest)
        suffix = self.rng.choice(_SUFFIXES) if street.flats and self.rng.random() < 0.5 else ""
        return street, number, suffix

    def _network(self, composition: Composition, group: NameGroup,
                 head: PlannedMember) -> list[PlannedContact]:
        rng = self.rng
        if rng.random() >= 0.45:
            return []
        relations = (RELATIONS_OLDER if composition is Composition.OUDERE_ALLEEN
                     else RELATIONS_YOUNG if composition is Composition.JONGVOLWASSENE
                     else RELATIONS_FAMILY)
        contacts = []
        for relation in rng.sample(relations, rng.randint(1, 3)):
            female = relation in {"dochter", "buurvrouw", "kleindochter", "schoondochter",
                                  "vriendin", "nicht", "oma", "zus", "schoonmoeder", "tante",
                                  "moeder"}
            kin = relation not in {"buurvrouw", "buurman", "vriend", "vriendin", "collega",
                                   "kerkgenoot", "voormalig pleegouder"}
            prefix, family = ((head.prefix, head.family_name) if kin and rng.random() < 0.6
                              else rng.choice(group.families))
            if female:
                family = female_family_name(group, family)
            given = rng.choice(group.female if female else group.male)
            phone = f"06-{rng.randrange(10**8):08d}" if rng.random() < 0.6 else ""
            contacts.append(PlannedContact(full_name(given, prefix, family), relation, phone,
                                           rng.choice(CAN_HELP_WITH)))
        return contacts

    def household(self) -> PlannedHousehold:
        rng = self.rng
        composition = rng.choices(self._compositions, cum_weights=self._composition_cum)[0]
        group = self._group(composition)
        members = self._members(composition, group)
        street, number, suffix = self._address()
        head = members[0]
        elderly = composition is Composition.OUDERE_ALLEEN
        phone = ""
        if rng.random() < 0.75:
            phone = f"074-{rng.randrange(10**7):07d}" if elderly else \
                f"06-{rng.randrange(10**8):08d}"
        email = ""
        if not elderly and rng.random() < 0.35:
            local = ".".join("".join(ch for ch in fold(part) if ch.isalnum())
                             for part in (head.given_name, head.family_name))
            email = f"{local}@example.com"
        return PlannedHousehold(composition, group.key, street.name, number, suffix,
                                postcode(street, number), "Hengelo", phone, email, members,
                                self._network(composition, group, head))
