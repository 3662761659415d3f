"""The wizard's two overviews: the step list on the left (pages and sections with done and
missing marks, Enter jumps there) and the summary page before finishing (every answer, the
missing required ones in red; Enter on a line goes back to that question)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from intake.questionnaire.engine import Step
from intake.uitvraag.views import SummaryView

DONE, MISSING, OPEN = "✓", "!", "○"
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


def section_mark(steps: Sequence[Step], current: int) -> str:
    """Done: every required answer given (and something answered); missing: a required
    answer not given in a section already passed; open: not reached yet."""
    required_done = all(s.answered for s in steps if s.question.required)
    if required_done and any(s.answered for s in steps):
        return DONE
    if steps[-1].index < current:
        return MISSING
    return OPEN


class StepList(JumpTree):
    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setAccessibleName("Onderdelen van de uitvraag")
        self.setMinimumWidth(250)
        self._sections: list[tuple[QTreeWidgetItem, int, int]] = []  # item, first, last

    def show_steps(self, steps: Sequence[Step], current: int) -> None:
        """Rebuild (visibility depends on the answers) and mark the current section."""
        self.clear()
        self._sections = []
        pages: dict[str, QTreeWidgetItem] = {}
        groups: dict[tuple[str, str, str], list[Step]] = {}
        for step in steps:
            groups.setdefault((step.page.key, step.section.key, step.repeat_key), []).append(step)
        bold = QFont(self.font())
        bold.setBold(True)
        page_steps: dict[str, list[Step]] = {}
        for group in groups.values():
            first = group[0]
            page = pages.get(first.page.key)
            if page is None:
                page = QTreeWidgetItem(self, [first.page.title])
                page.setData(0, STEP_ROLE, first.index)
                page.setFont(0, bold)
                pages[first.page.key] = page
            page_steps.setdefault(first.page.key, []).extend(group)
            mark = section_mark(group, current)
            item = QTreeWidgetItem(page, [f"{mark}  {first.section_title}"])
            item.setData(0, STEP_ROLE, next((s.index for s in group if not s.answered),
                                            first.index))
            item.setToolTip(0, first.section_title + " – " + {
                DONE: "klaar", MISSING: "verplichte vraag nog open",
                OPEN: "nog niet aan de beurt"}[mark])
            if mark == MISSING:
                item.setForeground(0, QBrush(MISSING_COLOUR))
            self._sections.append((item, first.index, group[-1].index))
        for key, page in pages.items():
            marks = {section_mark(g, current) for g in groups.values() if g[0].page.key == key}
            page.setText(0, f"{DONE if marks == {DONE} else ' '}  {page.text(0)}")
        self.expandAll()
        self.mark_current(current)

    def mark_current(self, current: int) -> None:
        for item, first, last in self._sections:
            if first <= current <= last:
                self.setCurrentItem(item)
                self.scrollToItem(item)
                return


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
