"""One section of the brede uitvraag on one scrollable page: every visible question of a life
domain (score with its descriptors, what goes well, worries, own strength, network, help
already there) under each other, Tab going down the page.

A row per question holds its editor and its error line. Rows are made when a question first
shows and then kept: when an answer changes which questions show (``show_if``), rows are
shown or hidden in place, so the field being worked in keeps the focus and what it holds.
Saving is the window's business; a row only knows what the store holds (``stored``) and so
whether what is on screen still has to be saved (``pending``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget

from intake.questionnaire.engine import AnswerKey, Step, is_empty
from intake.uitvraag.sections import SectionPage, SectionRef
from ui.kit.widgets import ErrorLabel
from ui.uitvraag.editors import AnswerEditor

AUTOSAVE_MS = 1000  # typed text is saved after this pause, and when the field is left
HINT_STYLE = "color: palette(placeholder-text);"
EditorFactory = Callable[[Step], AnswerEditor]


class QuestionRow(QWidget):
    """A question with its editor; says ``save_wanted`` when its answer should be saved."""

    save_wanted = Signal(object, bool)  # the row, quiet (a typing pause: show no dialog)

    def __init__(self, step: Step, editor: AnswerEditor) -> None:
        super().__init__()
        self.ref: AnswerKey = step.ref
        self.key = step.key
        self.repeat_key = step.repeat_key
        self.required = step.question.required
        self.kind = step.question.type
        self.editor = editor
        editor.set_value(step.value)
        # What the store holds (a proposed help-question list is not stored yet).
        self.stored: Any = editor.value() if step.answered else None
        label = step.question.label
        self.label = QLabel(label + ("" if self.required else "  (niet verplicht)"))
        self.label.setWordWrap(True)
        font = QFont(self.label.font())
        font.setBold(True)
        self.label.setFont(font)
        self.help = QLabel(step.question.help)
        self.help.setWordWrap(True)
        self.help.setStyleSheet(HINT_STYLE)
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(self.label)
        layout.addWidget(self.help)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        self.help.setVisible(bool(step.question.help))  # once inside the row, never a window
        editor.name(label)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(AUTOSAVE_MS)
        self._pause.timeout.connect(lambda: self.save_wanted.emit(self, True))
        editor.typing.connect(self._pause.start)
        editor.committed.connect(lambda: self.save_wanted.emit(self, False))
        for widget in editor.focus_widgets():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            # After the focus has settled, and only if it left this question altogether
            # (moving between a score's options is not leaving it).
            QTimer.singleShot(0, self, self._left)
        return False

    def _left(self) -> None:
        if not self.has_focus():
            self.save_wanted.emit(self, True)

    def has_focus(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self or self.isAncestorOf(focused))

    def value(self) -> Any:
        return self.editor.value()

    @property
    def pending(self) -> bool:
        value = self.value()
        return not (value == self.stored or (is_empty(value) and is_empty(self.stored)))

    def saved(self, value: Any) -> None:
        self._pause.stop()
        self.stored = value
        self.error.show_message("")

    def refused(self, message: str) -> None:
        self._pause.stop()
        self.error.show_message(message)

    def focus(self) -> None:
        self.editor.focus_first()


class SectionPageView(QScrollArea):
    """The page of one section (for one child, in a per-child section)."""

    def __init__(self, ref: SectionRef, make_editor: EditorFactory,
                 on_save: Callable[[QuestionRow, bool], object]) -> None:
        super().__init__()
        self.ref = ref
        self.make_editor = make_editor
        self.on_save = on_save
        self.rows: dict[AnswerKey, QuestionRow] = {}
        self._order: dict[str, int] = {}  # question key: place in the section
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.where = QLabel()
        self.where.setStyleSheet(HINT_STYLE)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.addWidget(self.where)
        self.body.addWidget(self.title)
        self.body.addWidget(self.intro)
        self.body.addStretch(1)
        self.setWidget(body)

    def show_page(self, page: SectionPage) -> None:
        """Show the questions that are visible now, making rows for new ones in their place;
        rows of questions no longer asked are hidden (their answers stay in the store)."""
        self.where.setText(page.page_title)
        self.title.setText(page.title)
        self.intro.setText(page.intro)
        self.intro.setVisible(bool(page.intro))
        section = page.steps[0].section
        self._order = {q.key: n for n, q in enumerate(section.questions)}
        visible = {step.ref for step in page.steps}
        for step in page.steps:
            if step.ref not in self.rows:
                self._add(step)
        for ref, row in self.rows.items():
            row.setVisible(ref in visible)
        self._chain_tabs()

    def _add(self, step: Step) -> None:
        row = QuestionRow(step, self.make_editor(step))
        row.save_wanted.connect(self.on_save)
        place = self._order[step.key]
        before = sum(1 for r in self.rows.values() if self._order[r.key] < place)
        self.body.insertWidget(3 + before, row)  # after where, title and intro
        self.rows[step.ref] = row

    def ordered_rows(self) -> list[QuestionRow]:
        return sorted((r for r in self.rows.values() if not r.isHidden()),
                      key=lambda r: self._order[r.key])

    def _chain_tabs(self) -> None:
        """Tab goes down the page in the order of the questions, whenever they were made."""
        widgets = [w for row in self.ordered_rows() for w in row.editor.focus_widgets()]
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    def focused_row(self) -> QuestionRow | None:
        return next((r for r in self.rows.values() if r.isVisible() and r.has_focus()), None)

    def focus_on(self, ref: AnswerKey) -> None:
        row = self.rows.get(ref)
        if row is not None and not row.isHidden():
            row.focus()
            self.ensureWidgetVisible(row)
