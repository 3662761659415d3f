"""The extendable catalogues as shipped in resources/catalogues.

The migrations insert these codes into a store with their own frozen copy; a test checks that
the files and a freshly migrated store agree, so a code added to a file without a migration
that ships it is caught.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from intake.catalogues.fixed import load_json

# catalogue name in the store -> file shipped in resources/catalogues
SEEDED_CATALOGUES = {
    "hulpvraagtype": "hulpvraagtypen.json",
    "vindplaats": "vindplaatsen.json",
    "kanaal": "kanalen.json",
    "uitkomst": "uitkomsten.json",
}


def shipped_items(catalogue: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = load_json(SEEDED_CATALOGUES[catalogue])["items"]
    return items


def shipped_services() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = load_json("sociale_kaart.json")["items"]
    return items


@cache
def plain_service_names() -> dict[str, str]:
    """Service code -> how the resident's plan names it ('iemand die u helpt met geld').
    Kept in the shipped file, not the store: a service a beheerder adds prints by its name."""
    return {item["code"]: item.get("plain_name", "") for item in shipped_services()}
