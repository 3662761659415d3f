"""Retention and destruction: how long a closed dossier is kept, and the two-person step that
ends it without a trace of the resident (see destruction.py for what goes and what stays)."""

from intake.retention.destruction import DestructionReport, approve_destruction, compact_sqlite
from intake.retention.dossiers import Retention, add_years, laws_of, retention_of
from intake.retention.schedule import (
    DueDossier,
    propose_destruction,
    retention_list,
    withdraw_destruction,
)
from intake.retention.terms import (
    AUDIT_TERM,
    TermView,
    load_terms,
    retention_terms,
    set_term,
    term_label,
)

__all__ = [
    "AUDIT_TERM",
    "DestructionReport",
    "DueDossier",
    "Retention",
    "TermView",
    "add_years",
    "approve_destruction",
    "compact_sqlite",
    "laws_of",
    "load_terms",
    "propose_destruction",
    "retention_list",
    "retention_of",
    "retention_terms",
    "set_term",
    "term_label",
    "withdraw_destruction",
]
