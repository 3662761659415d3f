"""Paragraphs parsed once per style and measured once per width (``markup``): the PDF is
byte for byte what ReportLab's own Paragraph makes, the first time and every time after,
also where a paragraph splits over a page or a word is hyphenated."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from reportlab import rl_config
from reportlab.platypus import Flowable, Paragraph

from intake.documents.layout import CONTENT_WIDTH, PageInfo, build_pdf, grid_table, make_styles
from intake.documents.markup import esc, keep, marked, para
from tests.helpers.pdf_text import pdf_pages

INFO = PageInfo("Plan van aanpak", "HH-2026-000001 · versie 1 · Actief",
                "Afgedrukt op 01-12-2026 10:00 door Carla Consulent", "Plan")
LONG = ("De arbeidsongeschiktheidsverzekering en de kinderopvangtoeslagregeling worden "
        "samen met de schuldhulpverleningsorganisatie uitgezocht. ") * 40


@pytest.fixture(autouse=True)
def _reproducible_pdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(rl_config, "invariant", 1)
    yield


def _story(make: object) -> list[Flowable]:
    s = make_styles(9.5)
    build = make  # (markup, style) -> Paragraph
    rows = [[build(esc(h), s.cell_head) for h in ("Nr.", "Wat", "Periode")]]
    rows += [[build("1.1", s.cell), build(esc(LONG[:400 + n * 37]), s.cell),
              build(f"{keep('01-02-2026')}<br/>t/m {keep('31-12-2026')}", s.cell)]
             for n in range(30)]
    return [build(esc("Resultaat 1"), s.h3),
            build(f"<b>Evaluatie:</b> behaald — <font size={s.small.fontSize:.1f}>"
                  f"{esc('Schuldhulp & <budget>')}</font>", s.small),
            build(esc(LONG), s.body),  # runs over a page: split
            grid_table(rows, [CONTENT_WIDTH * 0.1, CONTENT_WIDTH * 0.6, CONTENT_WIDTH * 0.3])]


def test_the_pdf_is_what_reportlab_paragraphs_make() -> None:
    plain = build_pdf(_story(Paragraph), INFO)
    ours = [build_pdf(_story(marked), INFO) for _ in range(3)]  # parsed, then from the cache
    assert len(pdf_pages(plain)) > 2
    assert ours == [plain] * 3


def test_para_escapes_before_the_cache() -> None:
    s = make_styles(9.5)
    first = para("Ali & Zoë <Jansen>", s.body)
    again = para("Ali & Zoë <Jansen>", s.body)
    assert first is not again and first.frags is not again.frags
    assert first.getPlainText() == again.getPlainText() == "Ali & Zoë <Jansen>"


def test_blocks_kept_together_lay_out_as_on_reportlabs_frame(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A block kept together is measured on a copy of the frame (``layout._Frame`` copies
    faster): the same pages as on ReportLab's own Frame."""
    from reportlab.platypus import Frame, KeepTogether

    from intake.documents import layout

    s = make_styles(9.5)
    story = lambda: [KeepTogether([para(f"Resultaat {n}", s.h3), para(LONG[:300 * n], s.body)])  # noqa: E731
                     for n in range(1, 12)]
    ours = build_pdf(story(), INFO)
    monkeypatch.setattr(layout, "_Frame", Frame)
    theirs = build_pdf(story(), INFO)
    assert len(pdf_pages(theirs)) > 3
    assert ours == theirs
