"""The resident's answer on paper: every section in order, tables that repeat their header."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from intake.core.clock import format_local
from intake.documents.layout import CONTENT_WIDTH, PageInfo, build_pdf, grid_table, make_styles
from intake.documents.markup import para
from intake.inzage.content import InzageAnswer, Table

BODY_SIZE = 10.5


def _widths(table: Table) -> list[float]:
    """Columns as wide as what they hold on average (within bounds): free text gets room,
    dates and codes do not take it."""
    weights = []
    for index, column in enumerate(table.columns):
        cells = [len(row[index]) for row in table.rows] or [0]
        weights.append(min(max(sum(cells) / len(cells), len(column) * 0.8, 8.0), 60.0))
    total = sum(weights)
    return [CONTENT_WIDTH * weight / total for weight in weights]


def inzage_pdf(answer: InzageAnswer) -> bytes:
    styles = make_styles(BODY_SIZE)
    story: list[Flowable] = [
        para("Inzage in uw gegevens", styles.h1),
        para(f"Voor {answer.member_name}, dossier {answer.dossiernummer}. Dit overzicht "
             "beantwoordt uw verzoek om inzage (artikel 15 AVG).", styles.body),
    ]
    if answer.needs_review:
        story.append(para("Te beoordelen door een professional voordat dit overzicht het team "
                          "verlaat.", styles.label))
    for section in answer.sections:
        story.append(para(section.title, styles.h2))
        story.extend(para(line, styles.body) for line in section.text)
        for caption, table in section.tables:
            if caption:
                story.append(para(caption, styles.h3))
            if not table.rows:
                story.append(para("Niets vastgelegd.", styles.small))
                continue
            rows = [[para(c, styles.cell_head) for c in table.columns]]
            rows += [[para(value, styles.cell) for value in row] for row in table.rows]
            story.append(grid_table(rows, _widths(table)))
            story.append(Spacer(1, 4))
    info = PageInfo(
        title="Inzage in uw gegevens", header_right=answer.dossiernummer,
        footer_left=f"Opgesteld op {format_local(answer.made_at)} door {answer.made_by}",
        document_title=f"Inzage {answer.dossiernummer}", confidential="Persoonlijk")
    return build_pdf(story, info)


