"""All models, imported in one place so Alembic and the app see the same metadata."""

from db.models.accounts import User
from db.models.audit import AuditEntry
from db.models.base import Base
from db.models.households import (
    Counter,
    Household,
    HouseholdAccess,
    Member,
    MemberNamePart,
    NetworkContact,
    TargetGroupTag,
)
from db.models.intake import (
    CatalogueEntry,
    CatalogueLabel,
    HelpQuestion,
    Intake,
    IntakeAnswer,
    Signal,
    SignalStep,
    StoreSecret,
    StoreSetting,
)
from db.models.lookups import LOOKUP_INDEXES  # noqa: F401  (indexes for lookups per person)
from db.models.overview_indexes import (  # noqa: F401  (team overview)
    OVERVIEW_INDEXES,
    OverviewPlan,
)
from db.models.plan import (
    Evaluation,
    EvaluationMoment,
    EvaluationOutcome,
    Plan,
    PlanAction,
    PlanProfessional,
    PlanResult,
    PlanVersion,
    SocialService,
)
from db.models.reports import (  # noqa: F401  (indexes)
    REPORT_INDEXES,
    FigureAction,
    FigureItemGroup,
    FigureOutcome,
    FigurePlan,
    FigureQuestion,
    FigureVersion,
)
from db.models.retention import Destruction, RetentionTerm
from db.models.sharing import NeedToKnowOpening, SharingBasis
from db.models.sync import (
    SyncAlias,
    SyncApplied,
    SyncChange,
    SyncConflict,
    SyncOfflineMark,
    SyncOutbox,
    SyncReplica,
    SyncState,
)

__all__ = [
    "AuditEntry",
    "Base",
    "CatalogueEntry",
    "CatalogueLabel",
    "Counter",
    "Destruction",
    "Evaluation",
    "EvaluationMoment",
    "EvaluationOutcome",
    "FigureAction",
    "FigureItemGroup",
    "FigureOutcome",
    "FigurePlan",
    "FigureQuestion",
    "FigureVersion",
    "HelpQuestion",
    "Household",
    "HouseholdAccess",
    "Intake",
    "IntakeAnswer",
    "Member",
    "MemberNamePart",
    "NeedToKnowOpening",
    "NetworkContact",
    "OverviewPlan",
    "Plan",
    "PlanAction",
    "PlanProfessional",
    "PlanResult",
    "PlanVersion",
    "RetentionTerm",
    "SharingBasis",
    "Signal",
    "SignalStep",
    "SocialService",
    "StoreSecret",
    "StoreSetting",
    "SyncAlias",
    "SyncApplied",
    "SyncChange",
    "SyncConflict",
    "SyncOfflineMark",
    "SyncOutbox",
    "SyncReplica",
    "SyncState",
    "TargetGroupTag",
    "User",
]
