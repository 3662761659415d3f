"""One entry point for every export: figures as CSV or XLSX, or the printable PDF summary.

Only a teamleider exports (figures describe the whole team; a consulent sees their own
caseload in the app instead). Each export is audited once ('exporteren' for CSV/XLSX,
'afdrukken' for the PDF) and every plan printed in the PDF once more, under its household.
``suppress_small`` is for anything leaving the team: cells under five read "< 5", and the
PDF leaves out the plan pages (case content stays inside the team).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from intake.core import audit
from intake.core.clock import format_local, local_date
from intake.core.context import UnitOfWork
from intake.core.errors import ValidationError
from intake.plans.queries import active_plans as plans_in_force
from intake.plans.queries import open_plan_version
from intake.plans.views import PlanVersionView
from intake.reports.figures import build_figures, require_figures
from intake.reports.period import Period

ProgressCallback = Callable[[int, int], None]  # (done, total)
CLEAR_EVERY = 500  # plans between emptying the session's identity map


class ReportFormat(StrEnum):
    PDF = "pdf"
    CSV = "csv"
    XLSX = "xlsx"


def format_for(path: Path) -> ReportFormat:
    try:
        return ReportFormat(path.suffix.lower().lstrip("."))
    except ValueError:
        raise ValidationError({"out": "Kies een bestand dat eindigt op .pdf, .csv of .xlsx."}) \
            from None


def export_report(uow: UnitOfWork, period: Period, fmt: ReportFormat, *,
                  suppress_small: bool = False, progress: ProgressCallback | None = None
                  ) -> bytes:
    action = "afdrukken" if fmt is ReportFormat.PDF else "exporteren"
    require_figures(uow, action)
    figures = build_figures(uow.session, period, local_date(uow.now))
    detail = (f"periode {period.start.isoformat()} - {period.end.isoformat()}, {fmt.value}"
              + (", kleine aantallen verborgen" if suppress_small else ""))
    # The writers (openpyxl, ReportLab) load when a file is made, not with the figures screen.
    if fmt is ReportFormat.CSV:
        from intake.reports.export_tables import figures_csv

        data = figures_csv(figures, suppress_small)
    elif fmt is ReportFormat.XLSX:
        from intake.reports.export_tables import figures_xlsx

        data = figures_xlsx(figures, suppress_small)
    else:
        from intake.documents.layout import PageInfo
        from intake.reports.pdf_report import report_pdf

        plans = [] if suppress_small else active_plans(uow, progress)
        info = PageInfo(
            title="Managementinformatie sociaal domein", header_right=f"Periode {period.label}",
            footer_left=f"Afgedrukt op {format_local(uow.now)} door {uow.actor.display_name}",
            document_title=f"Managementinformatie {period.label}",
            marking="Kleine aantallen verborgen" if suppress_small else "")
        data = report_pdf(figures, plans, info, suppress_small, plans_left_out=suppress_small)
        detail += f", {len(plans)} plannen"
    audit.record(uow, action, "managementinformatie", detail=detail)
    return data


def active_plans(uow: UnitOfWork, progress: ProgressCallback | None = None
                 ) -> list[PlanVersionView]:
    """The version in force of every active plan (evaluation overdue included), listed and
    read through the plan module so permissions and the 'inzien' audit apply; each is audited
    once more as printed."""
    listed = plans_in_force(uow)
    plans = []
    for done, item in enumerate(listed, start=1):
        view = open_plan_version(uow, item.plan_id, item.active_number)
        audit.record(uow, "afdrukken", "plan", view.id, item.household_id,
                     detail=f"versie {view.number}, samenvatting managementinformatie")
        plans.append(view)
        if done % CLEAR_EVERY == 0:
            uow.session.flush()
            uow.session.expunge_all()
        if progress is not None:
            progress(done, len(listed))
    return plans
