"""All models, imported in one place so Alembic and the app see the same metadata."""

from db.models.accounts import User
from db.models.audit import AuditEntry
from db.models.base import Base
from db.models.households import Counter, Household, HouseholdAccess, Member, NetworkContact
from db.models.intake import (
    CatalogueEntry,
    CatalogueLabel,
    HelpQuestion,
    Intake,
    IntakeAnswer,
    Signal,
    SignalStep,
    StoreSecret,
)

__all__ = [
    "AuditEntry",
    "Base",
    "CatalogueEntry",
    "CatalogueLabel",
    "Counter",
    "HelpQuestion",
    "Household",
    "HouseholdAccess",
    "Intake",
    "IntakeAnswer",
    "Member",
    "NetworkContact",
    "Signal",
    "SignalStep",
    "StoreSecret",
    "User",
]
