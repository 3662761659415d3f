"""The fixed words of the plan: statuses, outcomes, who does an action. Codes are stored;
labels are what people read (professional wording and plain B1 wording for the resident)."""

from __future__ import annotations

from enum import StrEnum


class VersionStatus(StrEnum):
    CONCEPT = "concept"
    WACHT_OP_AKKOORD = "wacht_op_akkoord"
    ACTIEF = "actief"
    # An agreed version replaced by a newer agreed version before it was evaluated.
    VERVANGEN = "vervangen"
    GEEVALUEERD = "geevalueerd"
    AFGESLOTEN = "afgesloten"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def editable(self) -> bool:
        return self in (VersionStatus.CONCEPT, VersionStatus.WACHT_OP_AKKOORD)


_STATUS_LABELS = {
    VersionStatus.CONCEPT: "Concept",
    VersionStatus.WACHT_OP_AKKOORD: "Wacht op akkoord",
    VersionStatus.ACTIEF: "Actief",
    VersionStatus.VERVANGEN: "Vervangen door nieuwere versie",
    VersionStatus.GEEVALUEERD: "Geëvalueerd",
    VersionStatus.AFGESLOTEN: "Afgesloten",
}


class PlanKind(StrEnum):
    PLAN = "plan"
    TOEKOMSTPLAN = "toekomstplan"

    @property
    def label(self) -> str:
        return "Plan van aanpak" if self is PlanKind.PLAN else "Toekomstplan"


class AgreedHow(StrEnum):
    GETEKEND = "getekend"
    MONDELING = "mondeling"

    @property
    def label(self) -> str:
        return "Getekend" if self is AgreedHow.GETEKEND else "Mondeling"


class WhoKind(StrEnum):
    INWONER = "inwoner"
    NETWERK = "netwerk"
    PROFESSIONAL = "professional"
    ORGANISATIE = "organisatie"

    @property
    def label(self) -> str:
        return _WHO_LABELS[self]


_WHO_LABELS = {
    WhoKind.INWONER: "Inwoner",
    WhoKind.NETWERK: "Netwerk",
    WhoKind.PROFESSIONAL: "Professional",
    WhoKind.ORGANISATIE: "Organisatie",
}


class ActionStatus(StrEnum):
    GEPLAND = "gepland"
    BEZIG = "bezig"
    GEDAAN = "gedaan"
    GESTOPT = "gestopt"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Outcome(StrEnum):
    BEHAALD = "behaald"
    DEELS_BEHAALD = "deels_behaald"
    NIET_BEHAALD = "niet_behaald"
    BIJGESTELD = "bijgesteld"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Decision(StrEnum):
    VOLGENDE_VERSIE = "volgende_versie"
    AFSLUITEN = "afsluiten"

    @property
    def label(self) -> str:
        return "Nieuwe planversie" if self is Decision.VOLGENDE_VERSIE else "Afsluiten"


class SourceKind(StrEnum):
    LEEFGEBIED = "leefgebied"
    HULPVRAAG = "hulpvraag"
    EIGEN = "eigen"
    TOEKOMST = "toekomst"


# The four themes of a toekomstplan and the life domain each is recorded under.
TOEKOMST_THEMES: tuple[tuple[str, str, str], ...] = (
    ("wonen", "Wonen", "huisvesting"),
    ("dagbesteding", "Dagbesteding", "werk_opleiding"),
    ("financien", "Financiën", "financien"),
    ("sociale_contacten", "Sociale contacten", "sociaal_netwerk"),
)
THEME_LABELS = {code: label for code, label, _domain in TOEKOMST_THEMES}
# The same themes in the young person's own print, in plain words.
PLAIN_THEME_LABELS = {"wonen": "Wonen", "dagbesteding": "School, werk of dagbesteding",
                      "financien": "Geld", "sociale_contacten": "Vrienden en familie"}

# Evaluation moment when nobody chose one: three months after agreement.
DEFAULT_EVALUATION_MONTHS = 3
# Toekomstplan age window, in months: from 16.5 years up to (not including) the 23rd birthday.
TOEKOMST_MIN_MONTHS = 16 * 12 + 6
TOEKOMST_MAX_MONTHS = 23 * 12
