"""The brede uitvraag, one scrollable page per section, the same for every channel and
vindplaats.

A section is a life domain (score with its descriptors, what goes well, worries, own strength,
network, help already there), asked once or per child, or one of the parts around them
(registration, the question, safety, conclusion). Every answer is saved in its own unit of
work as it is given: a pick (choice, score, tick, help question) at once, typed text after a
pause of a second and when its field is left. After each save the questions are read again,
because which ones show depends on the answers; rows appear and disappear in place and the
field being worked in keeps the focus. The field is remembered, so a reopened uitvraag
continues there. Progress counts what is done, not where the cursor is.

Keys: Tab and Shift+Tab down and up the page, a number (or J/N) picks an option,
Ctrl+Enter the next required answer still open, Ctrl+PgDown and Ctrl+PgUp the next and
previous section, Alt+E the sections, Alt+S the summary, Alt+R finish, Esc closes (all saved).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.catalogues.stored import CatalogueKind, entries
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import ValidationError
from intake.questionnaire.definition import AnswerType, Option
from intake.questionnaire.engine import AnswerKey, Step
from intake.store import Store
from intake.uitvraag.flow import finish_intake, save_answer, set_position, steps, summary
from intake.uitvraag.sections import SectionPage, SectionRef, next_open
from intake.uitvraag.views import IntakeView, StepsView, member_options
from ui.kit.changes import HouseholdChanged
from ui.kit.dialogs import FormDialog
from ui.kit.notice import Notice
from ui.kit.operation import Operation
from ui.uitvraag.editors import AnswerEditor, make_editor
from ui.uitvraag.help_list import HelpQuestionsEditor
from ui.uitvraag.section_page import QuestionRow, SectionPageView
from ui.uitvraag.signals import SignalBanner, SignalDialog
from ui.uitvraag.steps import SectionList, SummaryTree, summary_intro

T = TypeVar("T")
KEYS_TEXT = ("Tab: volgende vraag · cijfer of J/N: kiezen · Ctrl+Enter: volgende open verplichte "
             "vraag · Ctrl+PgDn / Ctrl+PgUp: volgend / vorig onderdeel · Alt+E: onderdelen · "
             "Esc: sluiten (alles is bewaard)")


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
        self.view: StepsView
        self.section_views: dict[SectionRef, SectionPageView] = {}
        self.current: SectionRef | None = None  # None: the summary shows
        self._build()
        self._connect()

        def read(uow: UnitOfWork) -> None:
            self.types = tuple(Option(e.code, e.label)
                               for e in entries(uow, CatalogueKind.HULPVRAAGTYPE))
            self.view = steps(uow, intake_id)
            self.members = member_options(uow, self.view.intake.household_id)

        self._operation(read).call()  # without its questions there is nothing to show
        resume = self.view.current if self.view.intake.current_key is not None else None
        if resume is not None:
            self.show_section(_section_of(resume), resume.ref, remember=False)
        elif self.view.pages:
            self.show_section(self.view.pages[0].ref, remember=False)
        else:
            self.show_summary()
        self.resize(1080, 760)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            QTimer.singleShot(0, self, self._show_focus)  # once activation has settled

    def _show_focus(self) -> None:
        """Worked by keyboard from the first key: the focus shows (on an option too) before
        any Tab is pressed, so a number or J/N never lands unseen."""
        self.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        focused = self.focusWidget()
        if focused is not None:
            focused.update()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.banner = SignalBanner()
        self.section_list = SectionList()
        sections_label = QLabel("Onderd&elen")
        sections_label.setBuddy(self.section_list)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(sections_label)
        left_layout.addWidget(self.section_list)
        self.summary_intro = QLabel()
        self.summary_intro.setWordWrap(True)
        self.summary_intro.setTextFormat(Qt.TextFormat.RichText)
        self.summary_tree = SummaryTree()
        self.summary_page = QWidget()
        summary_layout = QVBoxLayout(self.summary_page)
        summary_layout.addWidget(self.summary_intro)
        summary_layout.addWidget(self.summary_tree, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.summary_page)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([310, 770])
        self.close_button = QPushButton("Sl&uiten")
        self.previous_button = QPushButton("&Vorig onderdeel")
        self.next_button = QPushButton("Volgend o&nderdeel")
        self.summary_button = QPushButton("&Samenvatting")
        self.finish_button = QPushButton("Af&ronden")
        self.previous_button.setToolTip("Vorig onderdeel (Ctrl+PgUp)")
        self.next_button.setToolTip("Volgend onderdeel (Ctrl+PgDn)")
        keys = QLabel(KEYS_TEXT)
        keys.setWordWrap(True)
        keys.setStyleSheet("color: palette(placeholder-text);")
        buttons = QHBoxLayout()
        for button in (self.close_button, None, self.summary_button, self.previous_button,
                       self.next_button, self.finish_button):
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
        self.previous_button.clicked.connect(lambda: self.move_section(-1))
        self.next_button.clicked.connect(lambda: self.move_section(1))
        self.summary_button.clicked.connect(self.show_summary)
        self.finish_button.clicked.connect(self.finish)
        self.close_button.clicked.connect(self.close)
        self.section_list.jump_requested.connect(self.jump)
        self.summary_tree.jump_requested.connect(self.jump)
        self.banner.handle_requested.connect(self.handle_signals)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.go_to_next_open)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.move_section(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.move_section(-1))

    # ------------------------------------------------------------ showing

    @property
    def intake(self) -> IntakeView:
        return self.view.intake

    def page(self, ref: SectionRef | None) -> SectionPage | None:
        return next((p for p in self.view.pages if p.ref == ref), None)

    @property
    def section_view(self) -> SectionPageView | None:
        return self.section_views.get(self.current) if self.current is not None else None

    def row(self, key: str, repeat_key: str = "") -> QuestionRow | None:
        """The row of a question on the page now showing (None when it is not there)."""
        view = self.section_view
        row = view.rows.get((key, repeat_key)) if view is not None else None
        return row if row is not None and not row.isHidden() else None

    def focused_row(self) -> QuestionRow | None:
        view = self.section_view
        return view.focused_row() if view is not None else None

    def _make_editor(self, step: Step) -> AnswerEditor:
        if step.question.type is AnswerType.HELP_QUESTIONS:
            proposed = [{"type": p.type_code, "member": p.member_id.hex if p.member_id else None}
                        for p in self.view.proposals]
            return HelpQuestionsEditor(self.types, self.members, proposed)
        return make_editor(step.question.type, step.choices)

    def show_section(self, ref: SectionRef, focus: AnswerKey | None = None, *,
                     remember: bool = True) -> None:
        """Show a section's page with the cursor on ``focus`` (else its first open
        question); what was being typed on the page left is saved first."""
        if not self.save_focused():
            return
        page = self.page(ref)
        if page is None:
            return
        view = self.section_views.get(ref)
        if view is None:
            view = SectionPageView(ref, self._make_editor, self.save_row)
            self.section_views[ref] = view
            self.stack.addWidget(view)
        view.show_page(page)
        self.stack.setCurrentWidget(view)
        self.current = ref
        target = focus if focus is not None and page.holds(focus) else page.first_open.ref
        view.focus_on(target)
        self._show_focus()  # moving the focus by program hides its mark again
        self._refresh_chrome()
        if remember:
            self._remember(target)

    def _apply(self, view: StepsView) -> None:
        """Show the questions and progress for the answers as they are now stored."""
        self.view = view
        for page in view.pages:
            shown = self.section_views.get(page.ref)
            if shown is not None:
                shown.show_page(page)
        self._refresh_chrome()

    def _refresh_chrome(self) -> None:
        done = self.view.completion
        self.progress.setRange(0, max(done.required_done + done.required_open, 1))
        self.progress.setValue(done.required_done)
        self.progress.setFormat(done.text)
        self.section_list.show_pages(self.view.pages, self.current)
        self.banner.show_signals(self.view.signals)
        on_summary = self.current is None
        refs = [p.ref for p in self.view.pages]
        self.previous_button.setEnabled(on_summary or (self.current in refs
                                                       and refs.index(self.current) > 0))
        self.next_button.setEnabled(not on_summary)
        self.finish_button.setVisible(on_summary)
        self.summary_button.setVisible(not on_summary)
        self.finish_button.setDefault(on_summary)

    # ------------------------------------------------------------ saving

    def _operation(self, op: Callable[[UnitOfWork], T], *,
                   announce: bool = False) -> Operation[T]:
        """``announce``: a change the household's open screens should show."""
        return Operation(self, self.store, self.actor, op, changes=HouseholdChanged(
            self.view.intake.household_id) if announce else None)

    def save_row(self, row: QuestionRow, quiet: bool = False) -> bool:
        """Save what a row holds if it changed; False (message under the field) if refused.
        ``quiet``: after a typing pause or on leaving the field, which must not take the
        focus back."""
        if not row.pending or not self.intake.is_open:
            return True
        value = row.value()
        key, repeat_key, intake_id = row.key, row.repeat_key, self.intake_id

        def refused(error: ValidationError) -> None:
            row.refused(error.fields.get(key, " ".join(error.fields.values())))
            if not quiet:
                row.focus()

        saving = self._operation(lambda uow: (
            save_answer(uow, intake_id, key, value, repeat_key), steps(uow, intake_id))) \
            .on(ValidationError, refused).failure(lambda error: row.refused(error.message))
        result = saving.run()
        if result is None:
            return False
        row.saved(value)
        self._apply(result[1])
        self.answers_saved.emit()
        return True

    def save_focused(self) -> bool:
        row = self.focused_row()
        return row is None or self.save_row(row)

    def _remember(self, ref: AnswerKey) -> None:
        """Store the field to resume at (its own unit of work: one per move)."""
        if not self.intake.is_open:
            return
        intake_id = self.intake_id
        self._operation(lambda uow: set_position(uow, intake_id, *ref)).run()

    # ------------------------------------------------------------ moving

    def move_section(self, offset: int) -> None:
        """The next (1) or previous (-1) section; past the last one, the summary."""
        refs = [p.ref for p in self.view.pages]
        if self.current is None:
            if offset < 0 and refs:
                self.show_section(refs[-1])
            return
        if self.current not in refs:
            return
        target = refs.index(self.current) + offset
        if target >= len(refs):
            self.show_summary()
        elif target >= 0:
            self.show_section(refs[target])

    def go_to_next_open(self) -> None:
        """To the next required answer still open, on whichever page; the summary when none
        is left."""
        row = self.focused_row()
        if not self.save_focused():
            return
        step = next_open(self.view.steps, row.ref if row is not None else None)
        if step is None:
            self.show_summary()
        else:
            self.show_section(_section_of(step), step.ref)

    def jump(self, index: int) -> None:
        """Go to a question chosen in the section list or the summary."""
        if 0 <= index < len(self.view.steps):
            step = self.view.steps[index]
            self.show_section(_section_of(step), step.ref)

    # ------------------------------------------------------------ summary and finish

    def show_summary(self) -> None:
        if not self.save_focused():
            return
        intake_id = self.intake_id
        view, self.view = self._operation(lambda uow: (
            summary(uow, intake_id), steps(uow, intake_id))).call()
        self.current = None
        self.summary_intro.setText(summary_intro(view, len(self.view.steps)))
        first_missing = self.summary_tree.show_summary(view)
        self.finish_button.setEnabled(view.can_finish)
        self.stack.setCurrentWidget(self.summary_page)
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
        self.accept()

    def _not_finished(self, error: ValidationError) -> None:
        Notice.warn(self, "\n".join(error.fields.values()), "Nog niet af")
        self.show_summary()

    # ------------------------------------------------------------ signals and closing

    def handle_signals(self) -> None:
        row = self.focused_row()
        for signal in [s for s in self.view.signals if s.is_open]:
            SignalDialog.ask(self.store, self.actor, signal, self)
        intake_id = self.intake_id
        self._apply(self._operation(lambda uow: steps(uow, intake_id)).call())
        if row is not None:
            row.focus()

    def _leave(self) -> bool:
        row = self.focused_row()
        if self.save_focused():
            if row is not None:
                self._remember(row.ref)
            return True
        return bool(Notice.confirm(
            self, "Het antwoord op deze vraag is niet geldig en wordt niet bewaard. Toch sluiten?",
            "Antwoord niet bewaard", "Toch sluiten", "Terug naar de vraag"))

    def reject(self) -> None:
        """Escape closes the window too, after saving the answer being given."""
        if self._leave():
            super().reject()


def _section_of(step: Step) -> SectionRef:
    return (step.section.key, step.repeat_key)
