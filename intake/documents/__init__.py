"""Printed documents (ReportLab platypus): one module per printed thing, shared page layout,
a registered TTF font, and user text escaped before it enters markup."""

from intake.documents.plan_print import (
    NamesToReview,
    PreparedPrint,
    prepare_print,
    print_plan,
    render_print,
)
from intake.documents.redaction import NameReview

__all__ = ["NameReview", "NamesToReview", "PreparedPrint", "prepare_print", "print_plan",
           "render_print"]
