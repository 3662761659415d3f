"""Catalogues: the fixed ones shipped as data, the ones a beheerder extends (with label
history), and the sociale kaart."""

from intake.catalogues.admin import (
    add_entry,
    deactivate,
    label_history,
    list_entries,
    relabel,
)
from intake.catalogues.fixed import (
    CatalogueItem,
    by_code,
    laws,
    life_domains,
    prevention_levels,
    support_levels,
)
from intake.catalogues.social_map import (
    ServiceInput,
    ServiceView,
)
from intake.catalogues.stored import (
    OUTCOME_CLOSED,
    OUTCOME_DIRECT,
    OUTCOME_INTAKE,
    OUTCOME_REFERRED,
    CatalogueEntryView,
    CatalogueKind,
    LabelBook,
    entries,
    require_active,
)

__all__ = [
    "OUTCOME_CLOSED",
    "OUTCOME_DIRECT",
    "OUTCOME_INTAKE",
    "OUTCOME_REFERRED",
    "CatalogueEntryView",
    "CatalogueItem",
    "CatalogueKind",
    "LabelBook",
    "ServiceInput",
    "ServiceView",
    "add_entry",
    "by_code",
    "deactivate",
    "entries",
    "label_history",
    "laws",
    "life_domains",
    "list_entries",
    "prevention_levels",
    "relabel",
    "require_active",
    "support_levels",
]
