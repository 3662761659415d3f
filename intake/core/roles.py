"""The five roles of the social domain and what each may do.

Every domain function that touches case content asks one of these predicates; the UI only
uses them to hide what would be refused anyway.
"""

from __future__ import annotations

from enum import StrEnum

from intake.core.errors import ValidationError


class Role(StrEnum):
    BEHEERDER = "beheerder"
    CONSULENT = "consulent"
    REGISSEUR = "regisseur"
    VINDPLAATS = "vindplaatsmedewerker"
    TEAMLEIDER = "teamleider"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.BEHEERDER: "Functioneel beheerder",
    Role.CONSULENT: "Consulent",
    Role.REGISSEUR: "Regisseur",
    Role.VINDPLAATS: "Vindplaatsmedewerker",
    Role.TEAMLEIDER: "Teamleider",
}

CASE_READERS = frozenset({Role.CONSULENT, Role.REGISSEUR, Role.VINDPLAATS, Role.TEAMLEIDER})
CASE_EDITORS = frozenset({Role.CONSULENT, Role.REGISSEUR, Role.VINDPLAATS})
# Roles that see every household; a vindplaatsmedewerker sees only their own.
SEES_ALL_HOUSEHOLDS = frozenset({Role.CONSULENT, Role.REGISSEUR, Role.TEAMLEIDER})


def parse_role(value: str) -> Role:
    """Accept the stored value or a short form typed on the command line."""
    aliases = {"vindplaats": Role.VINDPLAATS, "fb": Role.BEHEERDER}
    key = value.strip().lower()
    if key in aliases:
        return aliases[key]
    try:
        return Role(key)
    except ValueError:
        allowed = ", ".join(role.value for role in Role)
        raise ValidationError({"role": f"Onbekende rol '{value}'. Kies uit: {allowed}."}) from None
