"""Printed documents (ReportLab platypus): one module per printed thing, shared page layout,
a registered TTF font, and user text escaped before it enters markup."""

from intake.documents.plan_print import PreparedPrint, prepare_print, print_plan, render_print

__all__ = ["PreparedPrint", "prepare_print", "print_plan", "render_print"]
