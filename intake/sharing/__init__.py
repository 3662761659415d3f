"""Sharing with a basis: need-to-know openings and their review (``openings``)."""

from intake.sharing.openings import (
    OpeningRow,
    ReviewStatus,
    review_list,
    review_opening,
    team_lead_openings,
)

__all__ = [
    "OpeningRow",
    "ReviewStatus",
    "review_list",
    "review_opening",
    "team_lead_openings",
]
