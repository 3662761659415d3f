"""Streets of a Hengelo-like town, each placed in one postcode area 7551-7559.

The street list is fixed and does not depend on the seed, so a street keeps its postcode in
every demo store. Postcode letters change every few dozen house numbers, as real ones do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

CITY = "Hengelo"

# Through roads and old es/hoek names of the town, then themed neighbourhoods.
_MAIN = (
    "Brinkstraat", "Enschedesestraat", "Deldenerstraat", "Oldenzaalsestraat", "Boekelosestraat",
    "Drienerstraat", "Wemenstraat", "Marktstraat", "Lansinkweg", "Geerdinksweg", "Anninksweg",
    "Breemarsweg", "Tuindorpstraat", "Wilderinkstraat", "Hasselerbaan", "Beckumerstraat",
    "Woolderesweg", "Bornsestraat", "Kruisstraat", "Langestraat", "Haaksbergerstraat",
    "Slangenbeeksweg", "Ennekerdijk", "Oelerweg", "Kuipersdijk", "Esrein", "Veldkampweg",
    "Perikweg", "Gieterijstraat", "Boortorenweg", "Dennenbosweg", "Twekkelerweg",
    "Burgemeester Jansenlaan", "C.T. Storkstraat", "Wolter ten Catestraat", "Sloetsweg",
)
_TREES = ("Berken", "Eiken", "Beuken", "Linden", "Iepen", "Populieren", "Kastanje", "Wilgen",
          "Elzen", "Essen", "Platanen", "Acacia")
_FLOWERS = ("Azalea", "Goudsbloem", "Hyacinten", "Krokus", "Tulpen", "Narcissen", "Anjer",
            "Seringen", "Rozen", "Lelie", "Klaproos", "Madelief")
_POETS = ("Vondel", "Bilderdijk", "Da Costa", "Tollens", "Potgieter", "Multatuli", "Gorter",
          "Jacques Perk", "Willem Kloos", "Hooft", "Huygens", "Staring")
_PAINTERS = ("Rembrandt", "Vermeer", "Jan Steen", "Frans Hals", "Mesdag", "Breitner",
             "Jozef Israëls", "Van Gogh", "Mondriaan", "Ruisdael")
_BIRDS = ("Merel", "Lijster", "Vink", "Koolmees", "Specht", "Reiger", "Kievit", "Zwaluw",
          "Buizerd", "Wielewaal", "Roodborst", "Grutto")


@dataclass(frozen=True)
class Street:
    name: str
    area: int  # 7551..7559
    letters: tuple[str, ...]  # one pair per block of house numbers
    highest: int  # highest house number
    flats: bool  # numbers with a suffix (A, B, 1-hoog) are common here


def _names() -> list[str]:
    names = list(_MAIN)
    names += [f"{tree}laan" for tree in _TREES]
    names += [f"{flower}straat" for flower in _FLOWERS]
    names += [f"{poet}straat" for poet in _POETS]
    names += [f"{painter}plein" if index % 4 == 0 else f"{painter}straat"
              for index, painter in enumerate(_PAINTERS)]
    names += [f"{bird}hof" if index % 3 == 0 else f"{bird}straat"
              for index, bird in enumerate(_BIRDS)]
    return names


_LETTERS = "ABCDEGHJKLMNPRTVWXZ"
_UNISSUED = {"SA", "SD", "SS"}


@cache
def streets() -> tuple[Street, ...]:
    # A fixed generator: geography is part of the product's demo world, not of the seed.
    rng = random.Random("hengelo-straten")
    result = []
    for name in _names():
        highest = rng.choice((24, 40, 60, 80, 120, 160, 220))
        blocks = highest // 40 + 1
        first = rng.choice(_LETTERS)
        letters = []
        for block in range(blocks):
            second = _LETTERS[(rng.randrange(len(_LETTERS)) + block) % len(_LETTERS)]
            pair = first + second
            letters.append(pair if pair not in _UNISSUED else first + "A")
        result.append(Street(name=name, area=rng.randint(7551, 7559), letters=tuple(letters),
                             highest=highest, flats=rng.random() < 0.25))
    return tuple(result)


def postcode(street: Street, number: int) -> str:
    """Normalised form, as the store keeps it: '7551CK'."""
    return f"{street.area}{street.letters[min(number // 40, len(street.letters) - 1)]}"
