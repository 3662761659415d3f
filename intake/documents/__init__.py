"""Printed documents (ReportLab platypus): one module per printed thing, shared page layout,
a registered TTF font, and user text escaped before it enters markup."""

from intake.documents.plan_print import print_plan

__all__ = ["print_plan"]
