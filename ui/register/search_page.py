"""Search first: one field, results as you type, recently opened households at hand."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from intake.core.context import Actor, UnitOfWork
from intake.core.roles import CASE_EDITORS
from intake.register import search
from intake.register.search import HouseholdHit
from intake.store import Store
from intake.uitvraag.signals import open_signal_flags
from ui.kit.operation import Operation, screen_reads
from ui.kit.widgets import ERROR_STYLE, RowsModel, make_table

DEBOUNCE_MS = 200
HINT = "Zoek op naam, postcode + huisnummer, geboortedatum of BSN"
CREATE_HINT = ", of maak een nieuw huishouden aan met Ctrl+N"


Flags = Mapping[uuid.UUID, tuple[str, ...]]
SIGNAL_COLUMN = 4
SIGNAL_COLOUR = QColor(ERROR_STYLE.removeprefix("color: ").removesuffix(";"))


def hits_with_flags(uow: UnitOfWork, hits: list[HouseholdHit]) -> tuple[list[HouseholdHit],
                                                                        Flags]:
    """The hits and, in the same unit of work, their open signals: only for households the
    person opens without giving a reason (a search does not tell a signal to anyone else)."""
    if not hits:
        return hits, {}
    return hits, open_signal_flags(uow, [h.id for h in hits], reasonless_only=True)


class HouseholdTableModel(RowsModel):
    """Result rows: the view keeps household ids, the texts are fetched once per search."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("Dossiernummer", "Adres", "Personen", "Gezinsleden", "Signaal"),
                         parent)

    def set_hits(self, hits: Sequence[HouseholdHit], flags: Flags | None = None) -> None:
        # A hit outside one's own work: names, year of birth and street only.
        flags = flags or {}
        self.set_rows([(h.dossiernummer or "— (reden nodig)", h.address,
                        "—" if h.limited else str(h.members), h.names,
                        ", ".join(flags.get(h.id, ()))) for h in hits],
                      [h.id for h in hits])

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() \
                and index.column() == SIGNAL_COLUMN:
            return SIGNAL_COLOUR
        return super().data(index, role)

    def household_id(self, row: int) -> uuid.UUID:
        key: uuid.UUID = self.keys[row]
        return key


class _SearchField(QLineEdit):
    """Arrow down moves into the results, so the keyboard never has to leave home row."""

    move_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        super().keyPressEvent(event)


class SearchPage(QWidget):
    open_requested = Signal(uuid.UUID)

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.field = _SearchField()
        self.field.setPlaceholderText(HINT + " (Ctrl+F)")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Zoeken")
        font = QFont(self.field.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.field.setFont(font)
        self.caption = QLabel()
        self.caption.setStyleSheet("font-weight: bold;")
        self.model = HouseholdTableModel(self)
        self.table = make_table(self.model)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text); padding: 96px 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._flags: Flags = {}
        self._asked = 0  # refresh requests made; only the newest one's answer is shown
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._search_now)
        self.field.move_down.connect(self._focus_results)
        self._timer.timeout.connect(self.refresh)
        self.table.activated.connect(lambda index: self._open_row(index.row()))

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def refresh(self, *, background: bool = False) -> None:
        """Results for the current text; recently opened households while it is too short.
        ``background``: read on the thread pool (coming back to the start screen, which must
        not freeze the window); the newest request wins when answers cross."""
        self._timer.stop()
        query = self.field.text().strip()
        self._asked += 1
        asked = self._asked
        operation = Operation(self, self.store, self.actor, lambda uow: hits_with_flags(uow, (
            search.recent_households(uow) if len(query) < search.MIN_CHARS
            else search.search_households(uow, query)))) \
            .success(lambda found: self._found(asked, query, found)) \
            .failure(lambda error: self._refused(asked, error.message))
        if background:
            operation.run_in_background(screen_reads())
        else:
            operation.run()

    def _refused(self, asked: int, message: str) -> None:
        if asked == self._asked:
            self._show([], message, message)

    def _found(self, asked: int, query: str,
               found: tuple[list[HouseholdHit], Flags]) -> None:
        if asked != self._asked:  # a newer request is on its way
            return
        hits, self._flags = found
        create = CREATE_HINT if self.actor.role in CASE_EDITORS else ""
        if len(query) < search.MIN_CHARS:
            self._show(hits, "Recent geopend", HINT + create + ".")
        else:
            caption = f"{len(hits)} {'huishouden' if len(hits) == 1 else 'huishoudens'} gevonden"
            if len(hits) >= search.LIMIT:
                caption += f" (de eerste {search.LIMIT}; maak de zoekopdracht preciezer)"
            self._show(hits, caption, "Geen huishouden gevonden. " + HINT + create + ".")

    def _show(self, hits: Sequence[HouseholdHit], caption: str, empty_text: str) -> None:
        self.model.set_hits(hits, self._flags if hits else None)
        self.caption.setText(caption)
        self.caption.setVisible(bool(hits))
        self.empty.setText(empty_text)
        self.stack.setCurrentWidget(self.table if hits else self.empty)
        if hits:
            self.table.selectRow(0)

    def _search_now(self) -> None:
        self.refresh()
        self._focus_results()

    def _focus_results(self) -> None:
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_requested.emit(self.model.household_id(row))

    def open_selected(self) -> None:
        self._open_row(self.table.currentIndex().row())
