"""All models, imported in one place so Alembic and the app see the same metadata."""

from db.models.accounts import User
from db.models.audit import AuditEntry
from db.models.base import Base
from db.models.households import Counter, Household, HouseholdAccess, Member, NetworkContact

__all__ = [
    "AuditEntry",
    "Base",
    "Counter",
    "Household",
    "HouseholdAccess",
    "Member",
    "NetworkContact",
    "User",
]
