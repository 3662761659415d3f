"""The rows of the table, in order: key (for --only), what is measured, its goal, and the
function that measures it. Each module is imported only by the worker that needs it, so a
headless row never loads Qt."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from bench.lines import Context, Line


@dataclass(frozen=True)
class Row:
    key: str
    figure: str
    goal: str
    target: str  # "module:function"
    timeout_s: float = 900

    def run(self, ctx: Context) -> list[Line]:
        module, function = self.target.split(":")
        measure: Callable[[Context], list[Line]] = getattr(
            importlib.import_module(f"bench.{module}"), function)
        return measure(ctx)


ROW_LIST = (
    Row("figures", "figures for a year, computed", "≤ 300 ms; ≤ 1.5 s at 600k",
        "rows_domain:figures"),
    Row("overview", "team overview, whole team: data and shown", "≤ 300 ms data, ≤ 1 s shown",
        "rows_gui:overview"),
    Row("login", "Enter in the login window → main window painted", "≤ 0.7 s",
        "rows_gui:login"),
    Row("recent", "recent households with 2M audit entries", "≤ 10 ms, flat in audit size",
        "rows_domain:recent", timeout_s=1800),
    Row("household", "household page data, p95; shown", "≤ 50 ms; shown ≤ 150 ms",
        "rows_gui:household"),
    Row("search", "search p95 (consulent / vindplaats)", "≤ 20 ms for every role",
        "rows_domain:search_rows"),
    Row("coldstart", "GUI cold start to login window, ratio to a bare PySide6 window",
        "≤ 2.5x", "rows_cli:coldstart"),
    Row("help", "`intake --help` wall time and modules imported", "≤ 0.3 s",
        "rows_cli:help_row"),
    Row("plan", "one plan printed by the CLI, ratio to bare ReportLab", "≤ 2x",
        "rows_cli:plan_row"),
    Row("bulk", "bulk print of all active plans: plans/s and RSS",
        "≥ 60 plans/s on 2 cores; RSS after all ≤ RSS after 100 + 50 MB",
        "rows_cli:bulk", timeout_s=3600),
    Row("build", "`intake demo` build time", "≤ 60 s; 600k in ≤ 10 min", "rows_cli:build_row",
        timeout_s=60),
)
ROWS = {row.key: row for row in ROW_LIST}
