"""The two overviews of the brede uitvraag: the sections on the left (done, or how many
required answers are open; Enter goes there) and the summary before finishing (every answer,
the missing required ones in red; Enter on a line goes to that question on its page)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from intake.uitvraag.sections import SectionPage, SectionRef
from intake.uitvraag.views import SummaryView

DONE, OPEN = "✓", "○"
MISSING_COLOUR = QColor("#b00020")
STEP_ROLE = Qt.ItemDataRole.UserRole


class JumpTree(QTreeWidget):
    """A tree whose items carry a step index; Enter or a double click asks to go there.
    Enter is consumed, so it never also presses the dialog's default button."""

    jump_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(False)
        self.setAllColumnsShowFocus(True)
        self.itemActivated.connect(self._activated)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        index = item.data(0, STEP_ROLE)
        if isinstance(index, int):
            self.jump_requested.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.currentItem()
            if item is not None:
                self._activated(item, 0)
            event.accept()
            return
        super().keyPressEvent(event)


class SectionList(JumpTree):
    """The sections on the left, grouped by page: a tick when done, else how many required
    answers are still open; Enter goes to the section (at its first open question)."""

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setAccessibleName("Onderdelen van de uitvraag")
        self.setMinimumWidth(250)
        self._items: dict[SectionRef, QTreeWidgetItem] = {}

    def show_pages(self, pages: Sequence[SectionPage], current: SectionRef | None) -> None:
        """Rebuild (which sections show depends on the answers) and mark the current one."""
        self.clear()
        self._items = {}
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for page in pages:
            top = groups.get(page.page_title)
            if top is None:
                top = QTreeWidgetItem(self, [page.page_title])
                top.setData(0, STEP_ROLE, page.first_open.index)
                top.setFont(0, bold)
                groups[page.page_title] = top
            left = page.required_open
            text = f"{DONE}  {page.title}" if page.done else \
                f"{OPEN}  {page.title}" + (f" ({left} open)" if left else "")
            item = QTreeWidgetItem(top, [text])
            item.setData(0, STEP_ROLE, page.first_open.index)
            item.setToolTip(0, page.title + (" – klaar" if page.done else
                                             f" – {left} verplichte nog open" if left else ""))
            self._items[page.ref] = item
        for title, top in groups.items():
            done = all(p.done for p in pages if p.page_title == title)
            top.setText(0, f"{DONE if done else ' '}  {title}")
        self.expandAll()
        shown = self._items.get(current) if current is not None else None
        if shown is not None:
            self.setCurrentItem(shown)
            self.scrollToItem(shown)


class SummaryTree(JumpTree):
    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(2)
        self.setHeaderLabels(["Vraag", "Antwoord"])
        self.setAccessibleName("Samenvatting")
        self.setWordWrap(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setColumnWidth(0, 440)

    def show_summary(self, view: SummaryView) -> QTreeWidgetItem | None:
        """Fill the tree; returns the first missing line (to put the cursor on)."""
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        first_missing: QTreeWidgetItem | None = None
        for section in view.sections:
            top = QTreeWidgetItem(self, [f"{section.page_title} › {section.title}", ""])
            top.setFont(0, bold)
            top.setFirstColumnSpanned(True)
            top.setData(0, STEP_ROLE, section.lines[0].step_index)
            for line in section.lines:
                answer = line.answer or ("Nog niet beantwoord" if line.missing else "—")
                item = QTreeWidgetItem(top, [line.label, answer])
                item.setData(0, STEP_ROLE, line.step_index)
                item.setToolTip(1, line.answer)
                if line.missing:
                    for column in (0, 1):
                        item.setForeground(column, QBrush(MISSING_COLOUR))
                    if first_missing is None:
                        first_missing = item
        self.expandAll()
        return first_missing


def summary_intro(view: SummaryView, question_count: int) -> str:
    """The lines above the summary: what is still open, proposals, open signals."""
    missing = len(view.missing)
    parts = [f"<h3>Samenvatting</h3><p>{question_count} vragen"]
    parts.append(f", <b style='color:#b00020'>{missing} verplichte nog open</b>. "
                 "Enter op een rode regel gaat naar die vraag.</p>" if missing else
                 ", alle verplichte vragen beantwoord. Controleer en kies Afronden.</p>")
    if view.proposal_labels:
        parts.append("<p>Voorgestelde hulpvragen: " +
                     html.escape("; ".join(view.proposal_labels)) + "</p>")
    open_signals = [s for s in view.signals if s.is_open]
    if open_signals:
        count = f"{len(open_signals)} signaal" if len(open_signals) == 1 else \
            f"{len(open_signals)} signalen"
        parts.append(f"<p style='color:#b00020'><b>{count} nog niet afgehandeld.</b> "
                     "Een signaal blijft openstaan, ook na afronden, tot bij elke stap een "
                     "besluit is vastgelegd.</p>")
    return "".join(parts)
