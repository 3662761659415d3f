"""Evaluations due within four weeks or overdue, for the start screen of the person responsible
(a team lead sees the whole team). Double-click opens the household."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from intake import plans
from intake.core.context import Actor
from intake.core.roles import Role
from intake.core.validation import format_date
from intake.store import Store
from ui.kit.changes import on_household_changed
from ui.kit.operation import Operation, screen_reads
from ui.kit.widgets import RowsModel, fit_columns_on_reset, make_table

HEADERS = ("Dossiernummer", "Plan", "Versie", "Evaluatie op", "Wanneer", "Verantwoordelijk")
WITHIN_DAYS = 28
MAX_ROWS_SHOWN = 6
MAX_ROWS_LISTED = 200  # rows in the list (it scrolls); the caption counts them all


def when_text(days_left: int) -> str:
    if days_left < 0:
        return f"{-days_left} {'dag' if days_left == -1 else 'dagen'} te laat"
    if days_left == 0:
        return "vandaag"
    return f"over {days_left} {'dag' if days_left == 1 else 'dagen'}"


class DueEvaluationsList(QWidget):
    open_requested = Signal(uuid.UUID)  # household id

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.caption = QLabel()
        self.caption.setStyleSheet("font-weight: bold;")
        self.model = model = RowsModel(HEADERS, self)
        self.table = make_table(model)
        fit_columns_on_reset(self.table, lambda row, column: model.row_values(row)[column])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        self.table.activated.connect(lambda index: self._open(index.row()))
        self._asked = 0  # refresh requests made; only the newest one's answer is shown
        on_household_changed(self, lambda _household: self.refresh())
        self.refresh()

    def refresh(self, *, background: bool = False) -> None:
        """``background``: read on the thread pool (the start screen coming back into view:
        a team lead's team has thousands due); the newest request wins when answers cross."""
        everyone = self.actor.role is Role.TEAMLEIDER
        self._asked += 1
        asked = self._asked
        # Counted in full, listed from the earliest: a team lead's team has thousands due.
        operation = Operation(self, self.store, self.actor, lambda uow: plans.due_summary(
            uow, WITHIN_DAYS, everyone=everyone, limit=MAX_ROWS_LISTED)) \
            .success(lambda summary: self._show(asked, summary)) \
            .failure(lambda _error: self._show(asked, None))
        if background:
            operation.run_in_background(screen_reads())
        else:
            operation.run()

    def _show(self, asked: int, summary: plans.DueSummary | None) -> None:
        if asked != self._asked:  # a newer request is on its way
            return
        due = summary.rows if summary is not None else ()
        total = summary.total if summary is not None else 0
        overdue = summary.overdue if summary is not None else 0
        self.model.set_rows([(d.dossiernummer, d.kind.label, str(d.version_number),
                              format_date(d.due_on), when_text(d.days_left), d.responsible_name)
                             for d in due], [d.household_id for d in due])
        whose = "van het team" if self.actor.role is Role.TEAMLEIDER else "van uw plannen"
        self.caption.setText(f"Evaluaties {whose}: {total} binnen vier weken"
                             + (f", waarvan {overdue} te laat" if overdue else "")
                             + (f" (de eerste {len(due)} staan hier)" if total > len(due) else ""))
        rows = min(len(due), MAX_ROWS_SHOWN)
        header = self.table.horizontalHeader().sizeHint().height()
        row_height = self.table.verticalHeader().defaultSectionSize()
        # Up to all rows shown, but it may shrink to two (and scroll) on a small or a 200 %
        # screen, so the search above keeps its room.
        self.table.setMaximumHeight(header + rows * row_height + 4)
        self.table.setMinimumHeight(header + min(rows, 2) * row_height + 4)
        self.setVisible(bool(due))

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.keys):
            self.open_requested.emit(self.model.keys[row])


class _RefreshOnShow(QObject):
    """Refreshes the list whenever the page it sits on comes back into view; not when it is
    first shown, as the list was read just before (the start screen reads it once)."""

    def __init__(self, due: DueEvaluationsList) -> None:
        super().__init__(due)
        self.due = due
        self.first = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            if not self.first:
                self.due.refresh(background=True)
            self.first = False
        return False


def attach_due_list(page: QWidget, store: Store, actor: Actor,
                    open_household: Callable[[uuid.UUID], object]) -> DueEvaluationsList:
    """Put the list at the bottom of ``page`` (the start screen's search page)."""
    due = DueEvaluationsList(store, actor, page)
    layout = page.layout()
    assert layout is not None
    layout.addWidget(due)
    due.open_requested.connect(open_household)
    page.installEventFilter(_RefreshOnShow(due))
    return due
