"""Household tab "Hulpvragen en uitvraag": help questions and intakes on one timeline, newest
first, with the two actions that add to it."""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake.core.errors import KnownError
from intake.core.roles import CASE_EDITORS
from intake.core.validation import format_date
from intake.help_questions.registration import HelpQuestionView, list_help_questions
from intake.uitvraag.flow import list_intakes
from intake.uitvraag.signals import SignalView, list_signals
from intake.uitvraag.views import IntakeView
from ui.help_questions.quick_registration import register_quickly
from ui.kit.changes import on_household_changed
from ui.kit.operation import Operation
from ui.kit.widgets import ERROR_STYLE, RowsModel, make_table
from ui.register.household_page import HouseholdPage, HouseholdTab
from ui.uitvraag.launch import open_wizard
from ui.uitvraag.signals import SignalDialog
from ui.uitvraag.wizard import IntakeWizard

COLUMNS = ("Datum", "Wat", "Soort", "Vindplaats", "Kanaal", "Voor wie", "Uitkomst / stand",
           "Door")
TITLE = "Hulpvragen en &uitvraag"


def _when(moment: datetime) -> str:
    return moment.strftime("%d-%m-%Y %H:%M")


def help_question_row(h: HelpQuestionView) -> tuple[str, ...]:
    text = h.outcome_text + (f" – “{h.question}”" if h.question else "")
    return (format_date(h.registered_on), "Hulpvraag", h.type_label, h.vindplaats_label,
            h.channel_label, h.member_name or "Huishouden", text, h.registered_by)


def count_signals(count: int) -> str:
    return f"{count} signaal" if count == 1 else f"{count} signalen"


def intake_row(i: IntakeView, open_signals: int) -> tuple[str, ...]:
    if i.is_open:
        state = f"Loopt (gestart {_when(i.started_at)})"
    else:
        finished = _when(i.finished_at) if i.finished_at else ""
        state = f"Afgerond {finished}".strip() + (f" door {i.finished_by}" if i.finished_by
                                                   else "")
    if open_signals:
        state += f" · {count_signals(open_signals)} open"
    day = i.finished_at or i.started_at
    return (format_date(day.date()), i.title, "", i.vindplaats_label, i.channel_label,
            "Huishouden", state, i.started_by)


class HelpQuestionTimeline(QWidget):
    """Reads through the domain (permission checked and audited there) on every refresh."""

    def __init__(self, page: HouseholdPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.store = page.store
        self.actor = page.actor
        self.model = RowsModel(COLUMNS, self)
        self.table = make_table(self.model, stretch_column=6)
        self.signals_line = QLabel()
        self.signals_line.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.signals_line.setWordWrap(True)
        self.empty = QLabel("Nog geen hulpvragen of uitvraag voor dit huishouden.")
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.intake_button = QPushButton("Brede uitvraag &starten")
        self.register_button = QPushButton("Hulpvraag &registreren…")
        self.signal_button = QPushButton("Si&gnaal afhandelen…")
        self.signal_button.hide()
        self.open_signals: list[SignalView] = []
        for button in (self.intake_button, self.register_button, self.signal_button):
            button.setEnabled(self.actor.role in CASE_EDITORS)
        self.intake_button.clicked.connect(self.open_intake)
        self.register_button.clicked.connect(self.register)
        self.signal_button.clicked.connect(self.handle_signals)
        buttons = QHBoxLayout()
        buttons.addWidget(self.intake_button)
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.signal_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.signals_line)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.wizard: IntakeWizard | None = None
        on_household_changed(self, lambda _household: self.refresh(), lambda: self.household_id)
        self.refresh()

    @property
    def household_id(self) -> uuid.UUID:
        household_id: uuid.UUID = self.page.household_id
        return household_id

    def refresh(self) -> None:
        household_id = self.household_id
        Operation(self, self.store, self.actor, lambda uow: (
            list_help_questions(uow, household_id), list_intakes(uow, household_id),
            list_signals(uow, household_id, open_only=True))) \
            .success(lambda read: self.show_rows(*read)).failure(self._unreadable).run()

    def _unreadable(self, error: KnownError) -> None:
        self.empty.setText(error.message)
        self.model.set_rows([])

    def show_rows(self, questions: list[HelpQuestionView], intakes: list[IntakeView],
                  signals: list[SignalView]) -> None:
        per_intake: dict[object, int] = {}
        for signal in signals:
            per_intake[signal.intake_id] = per_intake.get(signal.intake_id, 0) + 1
        items: list[tuple[datetime, tuple[str, ...], object]] = []
        items += [(h.registered_at, help_question_row(h), h.id) for h in questions]
        items += [(i.finished_at or i.started_at, intake_row(i, per_intake.get(i.id, 0)), i.id)
                  for i in intakes]
        items.sort(key=lambda item: item[0], reverse=True)
        self.model.set_rows([row for _, row, _ in items], [key for _, _, key in items])
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)
        running = any(i.is_open for i in intakes)
        self.intake_button.setText("Brede uitvraag her&vatten" if running
                                   else "Brede uitvraag &starten")
        self.open_signals = signals
        self.signals_line.setText(
            f"Let op: {count_signals(len(signals))} nog niet afgehandeld "
            f"({', '.join(sorted({s.label for s in signals}))}). Leg bij elke stap een besluit "
            "vast met Signaal afhandelen." if signals else "")
        self.signals_line.setVisible(bool(signals))
        self.signal_button.setVisible(bool(signals))

    def open_intake(self) -> None:
        wizard = open_wizard(self.store, self.actor, self.household_id, self.page.view.title,
                             self.window())
        if wizard is not None:
            self.wizard = wizard
            wizard.answers_saved.connect(self.refresh)
            wizard.finished.connect(lambda _result: self.refresh())
        self.refresh()

    def handle_signals(self) -> None:
        for signal in self.open_signals:
            SignalDialog.ask(self.store, self.actor, signal, self)
        self.refresh()

    def register(self) -> None:
        register_quickly(self.store, self.actor, self.window(), self.page.view)
        self.refresh()


TIMELINE_TAB = HouseholdTab(TITLE, HelpQuestionTimeline)  # one of the household page's tabs

