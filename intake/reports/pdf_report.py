"""The printable summary: every figure as a table (the main ones with a bar chart), then one
page per active plan with its results, the actions still to do, the regisseur and the next
evaluation. Page furniture, font and escaping come from ``intake.documents``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from intake.documents.layout import (
    CONTENT_WIDTH,
    PageInfo,
    Styles,
    build_pdf,
    field_table,
    grid_table,
    make_styles,
)
from intake.documents.markup import para, short_date
from intake.plans.views import ActionView, PlanVersionView
from intake.plans.vocab import ActionStatus
from intake.reports.model import Figure, FigureSet
from intake.reports.pdf_charts import bar_chart
from intake.reports.tables import DisplayTable, display_table, period_lines

BODY_SIZE = 9
CROSS_COLUMNS = 6  # value columns per printed block of a wide cross table
OPEN = (ActionStatus.GEPLAND, ActionStatus.BEZIG)


def figure_blocks(figure: Figure, s: Styles, suppress: bool) -> list[Flowable]:
    head: list[Flowable] = [para(figure.title, s.h2)]
    head += [para(line, s.small) for line in period_lines(figure, suppress)]
    out: list[Flowable] = []
    table = display_table(figure, suppress)
    for block in _column_blocks(table):
        out.append(_table(block, s))
        out.append(Spacer(1, 2 * mm))
    if figure.chart:
        out.append(bar_chart(figure, CONTENT_WIDTH, suppress))
        if suppress:
            out.append(para("Aantallen onder de 5 zijn niet getekend.", s.small))
    out.append(para(figure.note, s.small))
    return [CondPageBreak(60 * mm), KeepTogether([*head, out[0]]), *out[1:]]


def _column_blocks(table: DisplayTable) -> list[DisplayTable]:
    """A wide cross table printed as several narrower ones, each repeating the row labels."""
    values = len(table.headers) - 1
    if values <= CROSS_COLUMNS + 2:
        return [table]
    blocks = []
    for start in range(1, values + 1, CROSS_COLUMNS):
        pick = [0, *range(start, min(start + CROSS_COLUMNS, values + 1))]
        blocks.append(DisplayTable(tuple(table.headers[i] for i in pick),
                                   tuple(tuple(row[i] for i in pick) for row in table.rows)))
    return blocks


def _table(table: DisplayTable, s: Styles) -> Flowable:
    values = len(table.headers) - 1
    value_width = min(28 * mm, (CONTENT_WIDTH - 50 * mm) / max(values, 1))
    widths = [CONTENT_WIDTH - value_width * values] + [value_width] * values
    # Narrow columns get a smaller header, so a word like "Evaluatie" is not split.
    head = s.cell_head if values <= 4 else ParagraphStyle(
        "narrow_head", parent=s.cell_head, fontSize=7, leading=8.5)
    number = ParagraphStyle("number", parent=s.cell, alignment=TA_RIGHT)
    rows: list[Sequence[Flowable | str]] = [[para(h, head) for h in table.headers]]
    rows += [[para(cell, s.cell if i == 0 else number) for i, cell in enumerate(row)]
             for row in table.rows]
    return grid_table(rows, widths)


def plan_page(plan: PlanVersionView, s: Styles) -> list[Flowable]:
    evaluation = plan.next_evaluation_on
    out: list[Flowable] = [
        PageBreak(),
        para(f"{plan.kind.label} {plan.dossiernummer}", s.h1),
        field_table([(para(label, s.label), para(value or "—", s.body)) for label, value in (
            ("Dossiernummer", plan.dossiernummer),
            ("Versie", f"{plan.number} — {plan.status.label}"),
            ("Regisseur", plan.regisseur_name or "nog niet gekozen"),
            ("Aanspreekpunt inwoner", plan.aanspreekpunt),
            ("Akkoord inwoner", short_date(plan.agreed_on)),
            ("Volgende evaluatie", short_date(evaluation)),
        )], 45 * mm),
        para("Resultaten", s.h2),
    ]
    results = [[para(h, s.cell_head) for h in ("Leefgebied", "Wet", "Resultaat", "Streefdatum")]]
    results += [[para(r.domain_label, s.cell), para(r.law_label, s.cell), para(r.text, s.cell),
                 para(short_date(r.target_on), s.cell)] for r in plan.results]
    out.append(grid_table(results, [35 * mm, 28 * mm, CONTENT_WIDTH - 89 * mm, 26 * mm]))
    out.append(para("Acties die nog lopen", s.h2))
    due = _open_actions(plan)
    if not due:
        out.append(para("Geen openstaande acties.", s.body))
        return out
    actions = [[para(h, s.cell_head) for h in ("Actie", "Wie", "Niveau", "Klaar op", "Status")]]
    actions += [[para(a.what, s.cell), para(a.who_label, s.cell),
                 para(a.support_level_label, s.cell), para(short_date(a.due_on), s.cell),
                 para(a.status.label, s.cell)] for a in due]
    out.append(grid_table(actions, [CONTENT_WIDTH - 112 * mm, 32 * mm, 32 * mm, 22 * mm,
                                    26 * mm]))
    return out


def _open_actions(plan: PlanVersionView) -> list[ActionView]:
    """Actions not done or stopped, the earliest due first (those without a date last)."""
    return sorted((a for a in plan.actions if a.status in OPEN),
                  key=lambda a: (a.due_on is None, a.due_on or plan.created_at.date()))


def report_pdf(figures: FigureSet, plans: Sequence[PlanVersionView], info: PageInfo,
               suppress: bool, plans_left_out: bool,
               progress: Callable[[int], None] | None = None) -> bytes:
    s = make_styles(BODY_SIZE)
    story: list[Flowable] = [
        para("Managementinformatie sociaal domein", s.h1),
        para(f"Periode {figures.period.label}, vergeleken met {figures.previous.label}.", s.body),
    ]
    if suppress:
        story.append(para("Aantallen van 1 tot en met 4 staan als '< 5': dit overzicht is "
                          "bedoeld voor buiten het team.", s.body))
    for figure in figures.figures:
        story += figure_blocks(figure, s, suppress)
    if plans_left_out:
        story.append(para("De samenvattingen van plannen zijn weggelaten: die blijven binnen "
                          "het team.", s.body))
    for done, plan in enumerate(plans, start=1):
        story += plan_page(plan, s)
        if progress is not None:
            progress(done)
    return build_pdf(story, info)
