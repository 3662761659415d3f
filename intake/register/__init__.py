"""The household register: create, open, edit and search households, and who saw them."""

from intake.register.access_history import (
    AccessRow,
    household_history,
)
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    MemberView,
    NetworkInput,
    NetworkView,
    PossibleDuplicateError,
    Residence,
    create_household,
    grant_access,
    household_id_for,
    open_household,
    update_household,
    validate,
)
from intake.register.need_to_know import REASONS, OpeningReason
from intake.register.search import (
    HouseholdHit,
    recent_households,
    search_households,
)

__all__ = [
    "REASONS",
    "AccessRow",
    "HouseholdHit",
    "HouseholdInput",
    "HouseholdView",
    "MemberInput",
    "MemberRole",
    "MemberView",
    "NetworkInput",
    "NetworkView",
    "OpeningReason",
    "PossibleDuplicateError",
    "Residence",
    "create_household",
    "grant_access",
    "household_history",
    "household_id_for",
    "open_household",
    "recent_households",
    "search_households",
    "update_household",
    "validate",
]
