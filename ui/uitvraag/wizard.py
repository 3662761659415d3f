"""The brede uitvraag, one question at a time, the same for every channel and vindplaats.

Every answer is saved in its own unit of work the moment it is given: a pick (choice, score,
tick, help question) at once, typed text when the question is left (next, back, skip, a jump,
the summary or closing the window). After each save the steps are read again, because which
questions show depends on the answers; the resume point is stored with every move, so a
reopened wizard continues at the same question.

Keys: Alt+V / Enter / Ctrl+Enter next, Alt+T back, Alt+O skip, Ctrl+PgDown next section,
Alt+S summary, Alt+R finish, Alt+E the step list, number keys pick an option.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.catalogues.stored import CatalogueKind, entries
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import ValidationError
from intake.questionnaire.definition import AnswerType, Option
from intake.questionnaire.engine import Step, is_empty
from intake.store import Store
from intake.uitvraag.flow import (
    finish_intake,
    save_answer,
    set_position,
    steps,
    summary,
)
from intake.uitvraag.views import IntakeView, StepsView, member_options
from ui.kit.changes import HouseholdChanged
from ui.kit.dialogs import FormDialog
from ui.kit.notice import Notice
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel
from ui.uitvraag.editors import AnswerEditor, make_editor
from ui.uitvraag.help_list import HelpQuestionsEditor
from ui.uitvraag.signals import SignalBanner, SignalDialog
from ui.uitvraag.steps import StepList, SummaryTree, summary_intro

T = TypeVar("T")
SUMMARY = -1  # self.index while the summary page shows
AUTOSAVE_MS = 2000


class IntakeWizard(FormDialog):
    asks_before_discarding = False  # each answer is saved as it is given

    finished_intake = Signal(object)  # FinishResult
    answers_saved = Signal()

    def __init__(self, store: Store, actor: Actor, intake_id: uuid.UUID, title: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.intake_id = intake_id
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(f"Brede uitvraag – {title}" if title else "Brede uitvraag")
        self.index = 0
        self.editor: AnswerEditor | None = None
        self.shown_value: Any = None
        self.view: StepsView
        # Typed text is also saved after a pause, so a crash loses at most a few seconds.
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(lambda: self.save_current(quiet=True))
        self._build()
        self._connect()
        def read(uow: UnitOfWork) -> None:
            self.types = tuple(Option(e.code, e.label)
                               for e in entries(uow, CatalogueKind.HULPVRAAGTYPE))
            self.view = steps(uow, intake_id)
            self.members = member_options(uow, self.view.intake.household_id)

        self._operation(read).call()  # without its steps there is no wizard: to the caller
        self.show_step(self.view.current_index)
        self.resize(1080, 700)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.banner = SignalBanner()
        self.step_list = StepList()
        steps_label = QLabel("Onderd&elen")
        steps_label.setBuddy(self.step_list)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(steps_label)
        left_layout.addWidget(self.step_list)
        self.where = QLabel()
        self.where.setStyleSheet("color: palette(placeholder-text);")
        self.question = QLabel()
        self.question.setWordWrap(True)
        font = QFont(self.question.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.question.setFont(font)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: palette(placeholder-text);")
        self.editor_box = QVBoxLayout()
        self.error = ErrorLabel()
        question_page = QWidget()
        page_layout = QVBoxLayout(question_page)
        page_layout.addWidget(self.where)
        page_layout.addWidget(self.question)
        page_layout.addWidget(self.help)
        page_layout.addSpacing(8)
        page_layout.addLayout(self.editor_box)
        page_layout.addWidget(self.error)
        page_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(question_page)
        self.summary_intro = QLabel()
        self.summary_intro.setWordWrap(True)
        self.summary_intro.setTextFormat(Qt.TextFormat.RichText)
        self.summary_tree = SummaryTree()
        summary_page = QWidget()
        summary_layout = QVBoxLayout(summary_page)
        summary_layout.addWidget(self.summary_intro)
        summary_layout.addWidget(self.summary_tree, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(scroll)
        self.pages.addWidget(summary_page)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([310, 770])
        self.back_button = QPushButton("&Terug")
        self.skip_button = QPushButton("&Overslaan")
        self.next_button = QPushButton("&Volgende")
        self.summary_button = QPushButton("&Samenvatting")
        self.finish_button = QPushButton("Af&ronden")
        self.close_button = QPushButton("Sl&uiten")
        self.next_button.setToolTip("Volgende vraag (Enter, Ctrl+Enter of Alt+V)")
        self.skip_button.setToolTip("Deze vraag nu overslaan; u kunt later terugkomen")
        keys = QLabel("Enter of Ctrl+Enter: volgende · cijfer of J/N: kiezen · Ctrl+PgDn: volgend "
                      "onderdeel · Alt+E: naar de onderdelen · Esc: sluiten (alles is bewaard)")
        keys.setStyleSheet("color: palette(placeholder-text);")
        buttons = QHBoxLayout()
        for button in (self.close_button, None, self.summary_button, self.back_button,
                       self.skip_button, self.next_button, self.finish_button):
            if button is None:
                buttons.addStretch(1)
            else:
                button.setAutoDefault(False)
                buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(keys)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.next_button.clicked.connect(self.go_next)
        self.back_button.clicked.connect(self.go_back)
        self.skip_button.clicked.connect(self.skip)
        self.summary_button.clicked.connect(self.show_summary)
        self.finish_button.clicked.connect(self.finish)
        self.close_button.clicked.connect(self.close)
        self.step_list.jump_requested.connect(self.jump)
        self.summary_tree.jump_requested.connect(self.jump)
        self.banner.handle_requested.connect(self.handle_signals)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.go_next)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, self.next_section)

    # ------------------------------------------------------------ showing

    @property
    def intake(self) -> IntakeView:
        return self.view.intake

    @property
    def step(self) -> Step | None:
        if self.index == SUMMARY or not self.view.steps:
            return None
        return self.view.steps[min(self.index, len(self.view.steps) - 1)]

    def _make_editor(self, step: Step) -> AnswerEditor:
        if step.question.type is AnswerType.HELP_QUESTIONS:
            proposed = [{"type": p.type_code, "member": p.member_id.hex if p.member_id else None}
                        for p in self.view.proposals]
            return HelpQuestionsEditor(self.types, self.members, proposed)
        return make_editor(step.question.type, step.choices)

    def _drop_editor(self) -> None:
        self._autosave.stop()
        if self.editor is not None:
            self.editor_box.removeWidget(self.editor)
            self.editor.hide()
            self.editor.deleteLater()
            self.editor = None

    def show_step(self, index: int) -> None:
        if not self.view.steps:
            self.show_summary()
            return
        self.index = max(0, min(index, len(self.view.steps) - 1))
        step = self.view.steps[self.index]
        self._drop_editor()
        self.editor = self._make_editor(step)
        self.editor.set_value(step.value)
        # What the store holds (a proposed help-question list is not stored yet).
        self.shown_value = self.editor.value() if step.answered else None
        self.editor.committed.connect(self.save_pick)
        self.editor.typing.connect(self._autosave.start)
        self.editor_box.addWidget(self.editor)
        self.editor.show()
        self.where.setText(f"{step.page.title} › {step.section_title}")
        mark = "" if step.question.required else "  (niet verplicht)"
        self.question.setText(step.question.label + mark)
        self.help.setText(step.question.help)
        self.help.setVisible(bool(step.question.help))
        self.error.show_message("")
        self.pages.setCurrentIndex(0)
        self._refresh_chrome()
        self.editor.focus_first()

    def _refresh_chrome(self) -> None:
        total = len(self.view.steps)
        on_summary = self.index == SUMMARY
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(total if on_summary else self.index + 1)
        self.progress.setFormat("Samenvatting" if on_summary else f"vraag {self.index + 1} "
                                                                  f"van {total}")
        self.step_list.show_steps(self.view.steps, total if on_summary else self.index)
        self.banner.show_signals(self.view.signals)
        for button in (self.back_button, self.skip_button, self.next_button):
            button.setVisible(not on_summary)
        self.back_button.setEnabled(not on_summary and self.index > 0)
        self.finish_button.setVisible(on_summary)
        self.summary_button.setVisible(not on_summary)
        self.next_button.setDefault(not on_summary)
        self.finish_button.setDefault(on_summary)

    # ------------------------------------------------------------ saving

    def _reload(self) -> None:
        """Read the steps again: which questions show depends on the answers."""
        intake_id = self.intake_id
        self.view = self._operation(lambda uow: steps(uow, intake_id)).call()

    def _operation(self, op: Callable[[UnitOfWork], T], *,
                   announce: bool = False) -> Operation[T]:
        """``announce``: a change the household's open screens should show."""
        return Operation(self, self.store, self.actor, op, changes=HouseholdChanged(
            self.view.intake.household_id) if announce else None)

    def save_current(self, *, quiet: bool = False) -> bool:
        """Save what the editor holds if it changed; False (message shown) if refused.
        ``quiet``: the save after a typing pause, which must not disturb the typing."""
        self._autosave.stop()
        step, editor = self.step, self.editor
        if step is None or editor is None:
            return True
        value = editor.value()
        if value == self.shown_value or (is_empty(value) and is_empty(step.value)):
            return True
        self.error.show_message("")

        def refused(error: ValidationError) -> None:
            if not quiet:
                self.error.show_message(error.fields.get(step.key,
                                                         " ".join(error.fields.values())))
                editor.focus_first()

        intake_id = self.intake_id
        saving = self._operation(lambda uow: save_answer(
            uow, intake_id, step.key, value, step.repeat_key)).on(ValidationError, refused) \
            .failure(lambda error: self.error.show_message(error.message))
        saving.run()
        if not saving.ok:
            return False
        self.shown_value = value
        self.answers_saved.emit()
        return True

    def _index_of(self, ref: tuple[str, str]) -> int | None:
        return next((s.index for s in self.view.steps if s.ref == ref), None)

    def save_pick(self) -> None:
        """A choice is an answer at once: save, re-read, stay on this question."""
        step = self.step
        if step is None or not self.save_current():
            return
        self._reload()
        found = self._index_of(step.ref)
        self.index = found if found is not None else self.index
        self._refresh_chrome()

    def _remember(self, ref: tuple[str, str]) -> None:
        """Store the resume point (its own unit of work: one per move)."""
        intake_id = self.intake_id
        self._operation(lambda uow: set_position(uow, intake_id, *ref)).call()

    def _go(self, target: int) -> None:
        if target >= len(self.view.steps):
            self.show_summary()
            return
        target = max(0, target)
        self._remember(self.view.steps[target].ref)
        self.show_step(target)

    def _move(self, offset: int, *, save: bool = True) -> None:
        """Leave the current question (saving it unless skipped) and go ``offset`` steps on;
        counted from where the question stands after the re-read, since steps may appear
        or vanish with the answer just given."""
        current = self.step
        if current is None or (save and not self.save_current()):
            return
        self._reload()
        base = self._index_of(current.ref)
        self._go((base if base is not None else self.index) + offset)

    def go_next(self) -> None:
        self._move(1)

    def go_back(self) -> None:
        if self.index > 0:
            self._move(-1)

    def skip(self) -> None:
        """Move on without keeping what was typed here; an earlier answer stays."""
        self._move(1, save=False)

    def next_section(self) -> None:
        step = self.step
        if step is None:
            return
        later = next((s.index for s in self.view.steps[step.index:]
                      if (s.section.key, s.repeat_key) != (step.section.key, step.repeat_key)),
                     len(self.view.steps))
        self._move(later - step.index)

    def jump(self, index: int) -> None:
        """Go to a step chosen in the step list or the summary."""
        if not 0 <= index < len(self.view.steps):
            return
        ref = self.view.steps[index].ref
        if not self.save_current():
            return
        self._reload()
        found = self._index_of(ref)
        self._go(found if found is not None else index)

    # ------------------------------------------------------------ summary and finish

    def show_summary(self) -> None:
        if not self.save_current():
            return
        intake_id = self.intake_id
        view, self.view = self._operation(lambda uow: (
            summary(uow, intake_id), steps(uow, intake_id))).call()
        self.index = SUMMARY
        self._drop_editor()
        self.summary_intro.setText(summary_intro(view, len(self.view.steps)))
        first_missing = self.summary_tree.show_summary(view)
        self.finish_button.setEnabled(view.can_finish)
        self.pages.setCurrentIndex(1)
        self._refresh_chrome()
        self.summary_tree.setFocus()
        if first_missing is not None:
            self.summary_tree.setCurrentItem(first_missing)
        elif (first := self.summary_tree.topLevelItem(0)) is not None:
            self.summary_tree.setCurrentItem(first)

    def finish(self) -> None:
        intake_id = self.intake_id
        result = self._operation(lambda uow: finish_intake(
            uow, intake_id, steps(uow, intake_id).intake.version), announce=True) \
            .on(ValidationError, self._not_finished).run()
        if result is None:
            return
        count = len(result.help_questions)
        text = "De brede uitvraag is afgerond. " + (
            "1 hulpvraag vastgelegd." if count == 1 else f"{count} hulpvragen vastgelegd.")
        if result.open_signals:
            text += " Let op: er staat nog een signaal open; dat blijft zichtbaar bij het dossier."
        Notice.info(self, text)
        self.finished_intake.emit(result)
        self.index = SUMMARY
        self.accept()

    def _not_finished(self, error: ValidationError) -> None:
        Notice.warn(self, "\n".join(error.fields.values()), "Nog niet af")
        self.show_summary()

    # ------------------------------------------------------------ signals and closing

    def handle_signals(self) -> None:
        for signal in [s for s in self.view.signals if s.is_open]:
            SignalDialog.ask(self.store, self.actor, signal, self)
        self._reload()
        self.banner.show_signals(self.view.signals)
        if self.editor is not None:
            self.editor.focus_first()

    def _leave(self) -> bool:
        if self.index == SUMMARY or self.save_current():
            return True
        return bool(Notice.confirm(
            self, "Het antwoord op deze vraag is niet geldig en wordt niet bewaard. Toch sluiten?",
            "Antwoord niet bewaard", "Toch sluiten", "Terug naar de vraag"))

    def reject(self) -> None:
        """Escape closes the window too, after saving the answer on screen."""
        if self._leave():
            super().reject()
