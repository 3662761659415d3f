"""The conclusion's list of help questions found: type and for whom, added and removed by
keyboard. The answers so far propose help questions; they fill an empty list as a start."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from intake.questionnaire.definition import Option
from ui.uitvraag.editors import AnswerEditor

WHOLE_HOUSEHOLD = "Het hele huishouden"
Item = dict[str, str | None]


class _ItemList(QListWidget):
    """Delete removes the selected help question."""

    def __init__(self, editor: HelpQuestionsEditor) -> None:
        super().__init__()
        self.editor = editor

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.editor.remove_selected()
            return
        super().keyPressEvent(event)


class HelpQuestionsEditor(AnswerEditor):
    def __init__(self, types: Sequence[Option], members: Sequence[Option],
                 proposed: Sequence[Item], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_labels = {o.value: o.label for o in types}
        self.member_labels = {o.value: o.label for o in members}
        self.proposed = [dict(item) for item in proposed]
        self.items: list[Item] = []
        self.list = _ItemList(self)
        self.list.setAccessibleName("Gevonden hulpvragen")
        self.list.setMinimumHeight(120)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.type_box = QComboBox()
        self.type_box.setAccessibleName("Soort hulpvraag")
        for option in types:
            self.type_box.addItem(option.label, option.value)
        self.member_box = QComboBox()
        self.member_box.setAccessibleName("Voor wie")
        self.member_box.addItem(WHOLE_HOUSEHOLD, None)
        for option in members:
            self.member_box.addItem(option.label, option.value)
        self.add_button = QPushButton("&Hulpvraag toevoegen")
        self.remove_button = QPushButton("Verwij&deren")
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button.clicked.connect(self.remove_selected)
        soort = QLabel("Soort:")
        soort.setBuddy(self.type_box)
        wie = QLabel("Voor wie:")
        wie.setBuddy(self.member_box)
        picker = QGridLayout()
        picker.addWidget(soort, 0, 0)
        picker.addWidget(self.type_box, 0, 1)
        picker.addWidget(wie, 1, 0)
        picker.addWidget(self.member_box, 1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        picker.addLayout(buttons, 2, 1)
        picker.setColumnStretch(2, 1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 0, 0)
        layout.addWidget(self.note, 1, 0)
        layout.addLayout(picker, 2, 0)
        self.setFocusProxy(self.type_box)

    def label(self, item: Item) -> str:
        text = self.type_labels.get(str(item["type"]), str(item["type"]))
        member = item.get("member")
        return f"{text} – {self.member_labels.get(member, '?')}" if member else \
            f"{text} – {WHOLE_HOUSEHOLD.lower()}"

    def _show(self) -> None:
        self.list.clear()
        for item in self.items:
            QListWidgetItem(self.label(item), self.list)
        if self.items:
            self.list.setCurrentRow(0)
        self.remove_button.setEnabled(bool(self.items))

    def value(self) -> Any:
        return [dict(item) for item in self.items]

    def set_value(self, value: Any) -> None:
        stored = [dict(item) for item in (value or [])]
        self.items = stored or [dict(item) for item in self.proposed]
        suggested = not stored and bool(self.proposed)
        self.note.setText("Voorgesteld op grond van de antwoorden: pas aan waar nodig."
                          if suggested else
                          "Kies soort en gezinslid en voeg toe; Delete haalt een hulpvraag weg.")
        self._show()

    def add_chosen(self) -> None:
        item: Item = {"type": self.type_box.currentData(), "member": self.member_box.currentData()}
        if item["type"] and item not in self.items:
            self.items.append(item)
            self._show()
            self.list.setCurrentRow(len(self.items) - 1)
            self.committed.emit()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self._show()
            self.committed.emit()

    def focus_first(self) -> None:
        self.type_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_widgets(self) -> list[QWidget]:
        return [self.type_box, self.member_box, self.add_button, self.remove_button, self.list]

    def name(self, question: str) -> None:
        """Its controls carry their own names (one list of help questions per page)."""
