"""Printed documents (ReportLab platypus): one module per printed thing, shared page layout,
a registered TTF font, and user text escaped before it enters markup."""

from intake.documents.plan_print import (
    OUTPUTS,
    PREVIEW,
    PRINTED,
    SAVED,
    NamesToReview,
    PreparedPrint,
    PrintRequest,
    prepare_print,
    prepare_prints,
    print_plan,
    record_output,
    render_print,
)
from intake.documents.redaction import NameReview

__all__ = ["OUTPUTS", "PREVIEW", "PRINTED", "SAVED", "NameReview", "NamesToReview",
           "PreparedPrint", "PrintRequest", "prepare_print",
           "prepare_prints", "print_plan", "record_output", "render_print"]
