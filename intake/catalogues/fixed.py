"""Fixed catalogues shipped as data in resources/catalogues (life domains, laws, support levels).

Catalogues a beheerder extends (help-question types, vindplaatsen, services) are seeded from the
same folder into the store, where their history is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from resources import CATALOGUE_DIR


def load_json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CATALOGUE_DIR / name).read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class CatalogueItem:
    code: str
    label: str
    plain_label: str = ""
    scope: str = ""
    rank: int = 0


@cache
def _items(name: str) -> tuple[CatalogueItem, ...]:
    return tuple(
        CatalogueItem(code=raw["code"], label=raw["label"], plain_label=raw.get("plain_label", ""),
                      scope=raw.get("scope", ""), rank=int(raw.get("rank", 0)))
        for raw in load_json(name)["items"]
    )


def life_domains() -> tuple[CatalogueItem, ...]:
    return _items("levensdomeinen.json")


def laws() -> tuple[CatalogueItem, ...]:
    return _items("wetten.json")


def support_levels() -> tuple[CatalogueItem, ...]:
    """Lightest first."""
    return tuple(sorted(_items("ondersteuningsniveaus.json"), key=lambda item: item.rank))


def prevention_levels() -> tuple[CatalogueItem, ...]:
    """Universeel, selectief, geïndiceerd: the breadth of an intervention, widest first."""
    return tuple(sorted(_items("preventieniveaus.json"), key=lambda item: item.rank))


def by_code(items: tuple[CatalogueItem, ...], code: str) -> CatalogueItem:
    for item in items:
        if item.code == code:
            return item
    raise KeyError(code)
