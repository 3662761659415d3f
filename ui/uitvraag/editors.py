"""One editor per answer type of the brede uitvraag, all with the same small interface.

An editor shows a value, hands back what is on screen (``value``) and says ``committed`` when
an answer is complete the moment it is picked (a choice, a score, a tick), so the page can
save it at once; ``typing`` starts the pause after which typed text is saved (and leaving the
field saves it too). Options answer to their number key (and yes/no to J and N), so a score is
one key press. ``name`` gives every control a spoken name that is unique on the page: the
question, and for an option the question with the option.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from intake.core.validation import format_date, parse_date
from intake.questionnaire.definition import AnswerType, Option

RADIO_LIMIT = 9  # more options than number keys: a combobox with type-ahead instead
NO_CHOICE = "— kies —"


class AnswerEditor(QWidget):
    """Base: subclasses fill ``value``/``set_value``/``focus_first``."""

    committed = Signal()  # an answer that is complete as soon as it is picked
    typing = Signal()  # text changed by typing: worth saving after a pause

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_first(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_widgets(self) -> list[QWidget]:
        return [self]

    def name(self, question: str) -> None:
        for widget in self.focus_widgets():
            widget.setAccessibleName(question)


class TextEditor(AnswerEditor):
    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText(placeholder)
        self.field.textEdited.connect(lambda _text: self.typing.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        self.setFocusProxy(self.field)

    def value(self) -> Any:
        return " ".join(self.field.text().split())

    def set_value(self, value: Any) -> None:
        self.field.setText("" if value is None else str(value))

    def focus_first(self) -> None:
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.selectAll()

    def focus_widgets(self) -> list[QWidget]:
        return [self.field]


class DateEditor(TextEditor):
    """dd-mm-jjjj on screen, ISO in the store; an unreadable date goes to the domain as typed
    so its Dutch message shows under the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dd-mm-jjjj", parent)
        self.field.setMaximumWidth(160)
        self.field.textEdited.disconnect()  # half a date is no answer: saved when left

    def value(self) -> Any:
        text = self.field.text().strip()
        parsed = parse_date(text) if text else None
        return parsed.isoformat() if parsed else text

    def set_value(self, value: Any) -> None:
        self.field.setText(format_date(date.fromisoformat(value)) if value else "")


class LongTextEditor(AnswerEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QPlainTextEdit()
        self.field.setTabChangesFocus(True)
        self.field.setPlaceholderText("In de woorden van de inwoner")
        self.field.setMinimumHeight(110)
        self.field.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        self.setFocusProxy(self.field)

    def _typed(self) -> None:
        if self.field.hasFocus():  # not when the page fills it in
            self.typing.emit()

    def value(self) -> Any:
        return self.field.toPlainText().strip()

    def set_value(self, value: Any) -> None:
        self.field.setPlainText("" if value is None else str(value))

    def focus_first(self) -> None:
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.moveCursor(self.field.textCursor().MoveOperation.End)

    def focus_widgets(self) -> list[QWidget]:
        return [self.field]


class _NumberKeys(QObject):
    """Number keys pick the n-th option (letters too, for yes/no) on any of the buttons."""

    def __init__(self, buttons: Sequence[QAbstractButton], letters: dict[str, int],
                 parent: QObject) -> None:
        super().__init__(parent)
        self.buttons = list(buttons)
        self.letters = letters

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            text = event.text().lower()
            index = self.letters.get(text)
            if index is None and text.isdigit() and text != "0":
                index = int(text) - 1
            if index is not None and 0 <= index < len(self.buttons):
                self.buttons[index].setFocus(Qt.FocusReason.ShortcutFocusReason)
                self.buttons[index].click()
                return True
        return False


class ChoiceEditor(AnswerEditor):
    """One of a few options as radio buttons (number keys pick), more as a combobox."""

    def __init__(self, options: Sequence[Option], descriptions: dict[str, str] | None = None,
                 letters: dict[str, int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = list(options)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        self.combo: QComboBox | None = None
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(16)
        if len(self.options) > RADIO_LIMIT:
            self.combo = QComboBox()
            self.combo.addItem(NO_CHOICE, None)
            for option in self.options:
                self.combo.addItem(option.label, option.value)
            self.combo.setMaxVisibleItems(20)
            self.combo.activated.connect(lambda _i: self.committed.emit())
            layout.addWidget(self.combo, 0, 0)
            layout.setColumnStretch(1, 1)
            self.setFocusProxy(self.combo)
            return
        for row, option in enumerate(self.options):
            button = QRadioButton(f"{row + 1}   {option.label}")
            button.setAccessibleName(option.label)
            self.group.addButton(button, row)
            self.buttons.append(button)
            layout.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            if descriptions and descriptions.get(option.value):
                text = QLabel(descriptions[option.value])
                text.setWordWrap(True)
                text.setStyleSheet("color: palette(placeholder-text);")
                layout.addWidget(text, row, 1)
        layout.setColumnStretch(1, 1)
        keys = _NumberKeys(self.buttons, letters or {}, self)
        for button in self.buttons:
            button.installEventFilter(keys)
        self.group.idClicked.connect(lambda _id: self.committed.emit())

    def value(self) -> Any:
        if self.combo is not None:
            return self.combo.currentData()
        checked = self.group.checkedId()
        return self.options[checked].value if checked >= 0 else None

    def set_value(self, value: Any) -> None:
        values = [option.value for option in self.options]
        index = values.index(str(value)) if value is not None and str(value) in values else -1
        if self.combo is not None:
            self.combo.setCurrentIndex(index + 1)
            return
        self.group.setExclusive(False)
        for number, button in enumerate(self.buttons):
            button.setChecked(number == index)
        self.group.setExclusive(True)

    def focus_first(self) -> None:
        if self.combo is not None:
            self.combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        checked = self.group.checkedButton()
        target = checked if checked is not None else (self.buttons[0] if self.buttons else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_widgets(self) -> list[QWidget]:
        return [self.combo] if self.combo is not None else list(self.buttons)

    def name(self, question: str) -> None:
        if self.combo is not None:
            self.combo.setAccessibleName(question)
            return
        for button, option in zip(self.buttons, self.options, strict=True):
            button.setAccessibleName(f"{question}: {option.label}")


class ScoreEditor(ChoiceEditor):
    """The 1-5 self-sufficiency score, each value with what it means in this domain."""

    def __init__(self, options: Sequence[Option], parent: QWidget | None = None) -> None:
        heads = [Option(o.value, o.label.split(": ", 1)[0].split(" ", 1)[-1]) for o in options]
        descriptions = {o.value: o.label.split(": ", 1)[1] for o in options if ": " in o.label}
        super().__init__(heads, descriptions, parent=parent)

    def value(self) -> Any:
        chosen = super().value()
        return int(chosen) if chosen is not None else None


class MultiChoiceEditor(AnswerEditor):
    """Tick boxes; the number keys tick and untick. Every tick is saved at once. Tab stops
    at the first box only, so a page is one Tab per question."""

    def __init__(self, options: Sequence[Option], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = list(options)
        self.boxes = [QCheckBox(f"{n}   {o.label}") for n, o in enumerate(self.options, 1)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        keys = _NumberKeys(self.boxes, {}, self)
        for box, option in zip(self.boxes, self.options, strict=True):
            box.setAccessibleName(option.label)
            box.installEventFilter(keys)
            box.toggled.connect(lambda _on: self.committed.emit())
            layout.addWidget(box)
        for box in self.boxes[1:]:
            box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def value(self) -> Any:
        return [o.value for o, box in zip(self.options, self.boxes, strict=True)
                if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for option, box in zip(self.options, self.boxes, strict=True):
            box.blockSignals(True)
            box.setChecked(option.value in chosen)
            box.blockSignals(False)

    def focus_first(self) -> None:
        if self.boxes:
            self.boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_widgets(self) -> list[QWidget]:
        return list(self.boxes)

    def name(self, question: str) -> None:
        for box, option in zip(self.boxes, self.options, strict=True):
            box.setAccessibleName(f"{question}: {option.label}")


def make_editor(kind: AnswerType, choices: Sequence[Option]) -> AnswerEditor:
    """The editor for one question; help-question lists are built by the page itself."""
    if kind is AnswerType.LONG_TEXT:
        return LongTextEditor()
    if kind is AnswerType.DATE:
        return DateEditor()
    if kind is AnswerType.SCORE:
        return ScoreEditor(choices)
    if kind is AnswerType.YES_NO:
        return ChoiceEditor(choices, letters={"j": 0, "n": 1})
    if kind in (AnswerType.CHOICE, AnswerType.MEMBER):
        return ChoiceEditor(choices)
    if kind is AnswerType.MULTI_CHOICE:
        return MultiChoiceEditor(choices)
    return TextEditor()
