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
from intake.register.target_groups import (
    TargetGroup,
    TargetGroupView,
    household_target_groups,
    is_health_data,
    remove_target_group,
    set_target_group,
    target_groups,
    without_health_data,
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
    "TargetGroup",
    "TargetGroupView",
    "create_household",
    "grant_access",
    "household_history",
    "household_id_for",
    "household_target_groups",
    "is_health_data",
    "open_household",
    "recent_households",
    "remove_target_group",
    "search_households",
    "set_target_group",
    "target_groups",
    "update_household",
    "validate",
    "without_health_data",
]
