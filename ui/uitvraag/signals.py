"""Signals on screen: a red banner that stays until every signal is handled, and the dialog
that walks the route (the five Meldcode steps, or who to call in a crisis) with a recorded
decision per step."""

from __future__ import annotations

import html
import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.core.context import Actor
from intake.core.errors import ValidationError
from intake.store import Store
from intake.uitvraag.signals import SignalView, handle_signal_step
from ui.kit.changes import HouseholdChanged
from ui.kit.dialogs import FormDialog
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel

BANNER_STYLE = ("QFrame#signalBanner { background: #fdecea; border: 2px solid #b00020;"
                " border-radius: 4px; } QFrame#signalBanner QLabel { color: #5f000f; }")
NOT_CONFIGURED = "nummer nog niet ingevuld door de beheerder"


def contacts_html(signal: SignalView) -> str:
    return "<br>".join(f"{html.escape(c.label)}: <b>{html.escape(c.number or NOT_CONFIGURED)}</b>"
                       for c in signal.who_to_call)


def signal_line(signal: SignalView) -> str:
    step = signal.next_step
    text = f"<b>{html.escape(signal.label)}</b> – {html.escape(signal.route)}"
    if step is not None:
        text += f"<br>Volgende stap {step.number} van {len(signal.steps)}: " \
                f"{html.escape(step.title)}"
    if signal.who_to_call:
        text += "<br>" + contacts_html(signal)
    return text


class SignalBanner(QFrame):
    """Red, above the question, as long as a signal is open; hidden otherwise."""

    handle_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton("Signaal &afhandelen…")
        self.button.clicked.connect(self.handle_requested.emit)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.signals: tuple[SignalView, ...] = ()
        self.hide()

    def show_signals(self, signals: Sequence[SignalView]) -> None:
        self.signals = tuple(s for s in signals if s.is_open)
        self.text.setText("<br><br>".join(signal_line(s) for s in self.signals))
        self.setVisible(bool(self.signals))


class SignalDialog(FormDialog):
    """One signal: every step with its decision; the next open step takes a decision."""

    def __init__(self, store: Store, actor: Actor, signal: SignalView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.signal = signal
        self.setWindowTitle(signal.label)
        self.route = QLabel()
        self.route.setWordWrap(True)
        self.route.setTextFormat(Qt.TextFormat.RichText)
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.prompt = QLabel()
        self.decision = QPlainTextEdit()
        self.decision.setTabChangesFocus(True)
        self.decision.setPlaceholderText("Wat is besloten of gedaan, en met wie?")
        self.decision.setMaximumHeight(110)
        self.prompt.setBuddy(self.decision)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox()
        self.record_button = self.buttons.addButton("Besluit &vastleggen",
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("Sl&uiten",
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.record_button.clicked.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.route)
        layout.addWidget(self.steps)
        layout.addWidget(self.prompt)
        layout.addWidget(self.decision)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self.show_signal(signal)

    @classmethod
    def ask(cls, store: Store, actor: Actor, signal: SignalView,
            parent: QWidget | None = None) -> SignalView:
        dialog = cls(store, actor, signal, parent)
        dialog.exec()
        return dialog.signal

    def show_signal(self, signal: SignalView) -> None:
        self.signal = signal
        route = f"<h3>{html.escape(signal.label)}</h3><p>{html.escape(signal.route)}</p>"
        if signal.who_to_call:
            route += f"<p><b>Wie bellen:</b><br>{contacts_html(signal)}</p>"
        self.route.setText(route)
        lines = []
        for step in signal.steps:
            title = f"{step.number}. {html.escape(step.title)}"
            if step.decision:
                when = step.decided_at.strftime("%d-%m-%Y %H:%M") if step.decided_at else ""
                lines.append(f"<p>&#10003; <b>{title}</b><br>{html.escape(step.decision)}"
                             f"<br><i>{html.escape(step.decided_by)}, {when}</i></p>")
            else:
                lines.append(f"<p>&#9675; {title}</p>")
        self.steps.setText("".join(lines))
        upcoming = signal.next_step
        open_ = upcoming is not None
        self.prompt.setText(
            f"&Besluit bij stap {upcoming.number}: {upcoming.title}" if upcoming
            else "Bij elke stap is een besluit vastgelegd: het signaal is afgehandeld.")
        for widget in (self.decision, self.record_button):
            widget.setVisible(open_)
        self.decision.clear()
        if open_:
            self.record_button.setDefault(True)
            self.decision.setFocus()
        else:
            self.close_button.setFocus()

    def record(self) -> None:
        step = self.signal.next_step
        if step is None:
            return
        self.error.show_message("")
        signal, decision = self.signal, self.decision.toPlainText()
        Operation(self, self.store, self.actor, lambda uow: handle_signal_step(
            uow, signal.id, step.number, decision, signal.version),
            changes=HouseholdChanged(signal.household_id)) \
            .on(ValidationError, lambda error: self.error.show_message(
                " ".join(error.fields.values()))) \
            .failure(lambda error: self.error.show_message(error.message)) \
            .success(self.show_signal).run()


def first_open(signals: Sequence[SignalView]) -> uuid.UUID | None:
    return next((s.id for s in signals if s.is_open), None)
