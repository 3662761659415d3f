"""Sharing with a basis: consent or a legal ground per organisation of the sociale kaart
(``consent``), need-to-know openings and their review (``openings``)."""

from intake.sharing.consent import (
    GROUNDS,
    PARTS,
    BasisInput,
    BasisView,
    ExpiringConsent,
    NoSharingBasis,
    basis_for,
    expiring_consents,
    household_bases,
    organisation_code,
    organisations,
    record_basis,
    withdraw_consent,
)
from intake.sharing.openings import (
    OpeningRow,
    ReviewStatus,
    review_list,
    review_opening,
    team_lead_openings,
)

__all__ = [
    "GROUNDS",
    "PARTS",
    "BasisInput",
    "BasisView",
    "ExpiringConsent",
    "NoSharingBasis",
    "OpeningRow",
    "ReviewStatus",
    "basis_for",
    "expiring_consents",
    "household_bases",
    "organisation_code",
    "organisations",
    "record_basis",
    "review_list",
    "review_opening",
    "team_lead_openings",
    "withdraw_consent",
]
