"""The base of every dialog: keyboard entry from the first moment, and nothing typed is lost.

A subclass of ``FormDialog`` gets, once its own ``__init__`` has run:

- focus on its first input (never on a button), so typed characters land in a field;
- its main button (the button box's accept button, or ``main_button``) as the default, so
  Enter in a single-line field submits; Ctrl+Enter submits from a multi-line field too;
  a reject button (Annuleren, Sluiten) is never the default;
- underlined label shortcuts (Alt+letter) that reach the field even when it sits inside a
  box with its error line;
- a question before Esc, Annuleren or the close button throw typed input away
  ("Wijzigingen niet opslaan?"), unless ``asks_before_discarding`` is False (dialogs that
  only show something, or save each answer as it is given).

Every dialog class also joins ``DIALOGS``, which the accessibility walk in the tests checks
against the dialogs it knows how to open.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from ui.kit.notice import Notice

DISCARD_QUESTION = "Wijzigingen niet opslaan?"
DISCARD_TEXT = "Wat u hebt ingevuld is nog niet opgeslagen. Wijzigingen niet opslaan?"
MAIN_ROLES = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole,
              QDialogButtonBox.ButtonRole.ApplyRole)
INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QCheckBox,
          QRadioButton, QAbstractItemView)
# Every FormDialog subclass, by class name: the accessibility walk must know how to open each.
DIALOGS: dict[str, type[QDialog]] = {}


def is_input(widget: QWidget) -> bool:
    return isinstance(widget, INPUTS) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def focus_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``window``, in Tab order, from its first widget."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and widget not in chain:
        if widget.isVisibleTo(window) and widget.isEnabled() \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.window() is window:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def first_input(window: QWidget) -> QWidget | None:
    return next((w for w in focus_chain(window) if is_input(w)), None)


def _focusable_in(widget: QWidget) -> QWidget | None:
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        return widget
    for child in widget.findChildren(QWidget):
        if is_input(child):
            return child
    return None


def fix_buddies(window: QWidget) -> None:
    """A label whose buddy is a box (field plus error line) gets the field in the box as its
    buddy; otherwise Alt+letter does nothing, or types into whichever field has focus."""
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and buddy.focusPolicy() == Qt.FocusPolicy.NoFocus:
            target = _focusable_in(buddy)
            if target is not None:
                label.setBuddy(target)


def plain(text: str) -> str:
    """A visible label as a spoken name: without the shortcut mark, colon or ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip() \
        .removesuffix(":").removesuffix("…").strip()


def _group_title(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QGroupBox):
        parent = parent.parentWidget()
    return parent.title() if isinstance(parent, QGroupBox) else ""


def _label_before(widget: QWidget) -> QLabel | None:
    """The label right before ``widget`` in its layout ("Start: [ ]  Klaar: [ ]")."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    found: list[QLayout] = [layout] if layout is not None else []
    while found:
        current = found.pop()
        items = [item for i in range(current.count()) if (item := current.itemAt(i))]
        for index, item in enumerate(items):
            inner = item.layout()
            if inner is not None:
                found.append(inner)
            if item.widget() is widget and index > 0:
                before = items[index - 1].widget()
                return before if isinstance(before, QLabel) and before.buddy() is None else None
    return None


def controls(root: QWidget) -> list[QWidget]:
    """The inputs, buttons and tables of a dialog or page (a dialog opened from a page is
    its own window and not part of it)."""
    return [w for w in root.findChildren(QWidget)
            if (is_input(w) or isinstance(w, QAbstractButton | QAbstractItemView))
            and not isinstance(w, QHeaderView) and w.window() is root.window()]


def name_controls(window: QWidget, title: str = "") -> None:
    """Every input, button and table gets an accessible name: its visible label, else its
    placeholder, tooltip or the title of its group or window (a screen reader says what it
    is); names that would repeat within the window get a number. A page of the main window
    passes its tab's ``title``; running it again names what was added since."""
    title = title or plain(window.windowTitle())
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not buddy.accessibleName() and plain(label.text()):
            buddy.setAccessibleName(plain(label.text()))
    found = controls(window)
    for widget in found:
        if widget.accessibleName():
            continue
        text = ""
        if isinstance(widget, QAbstractButton):
            text = plain(widget.text())
        else:
            before = _label_before(widget)
            if before is not None:
                before.setBuddy(widget)
                text = plain(before.text())
        if not text and isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            text = widget.placeholderText()
        text = text or plain(widget.toolTip()) or _group_title(widget)
        if not text:
            text = ("Lijst: " if isinstance(widget, QAbstractItemView) else "") + title
        widget.setAccessibleName(text)
    seen: dict[str, int] = {}
    for widget in found:
        name = widget.accessibleName()
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            widget.setAccessibleName(f"{name} ({seen[name]})")


def value_of(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText() if not widget.isReadOnly() else None
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QDateEdit):
        date: QDate = widget.date()
        return date.toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QCheckBox | QRadioButton):
        return widget.isChecked()
    return None


def snapshot(window: QWidget) -> list[object]:
    """What is filled in: a value per input, in creation order (a row added or removed
    changes it too)."""
    return [value_of(widget) for widget in window.findChildren(QWidget)
            if isinstance(widget, INPUTS) and not isinstance(widget, QAbstractItemView)]


class _CtrlEnter(QObject):
    """Ctrl+Enter in any field presses the main button; a multi-line field would otherwise
    take it as a new line."""

    # The dialog is reached through parent(), never held: a Python reference back would make
    # every dialog a reference cycle, kept alive until the next collection.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        dialog = self.parent()
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and isinstance(dialog, FormDialog) and dialog.main_button is not None:
            dialog.submit_main()
            return True
        return False


class FormDialog(QDialog):
    """The base of every dialog in ui/ (see the module text)."""

    asks_before_discarding: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        DIALOGS[cls.__name__] = cls
        own_init = cls.__dict__.get("__init__")
        if own_init is None:
            return

        @functools.wraps(own_init)
        def init(self: FormDialog, *args: Any, **kw: Any) -> None:
            depth = self._init_depth
            self._init_depth = depth + 1
            try:
                own_init(self, *args, **kw)
            finally:
                self._init_depth = depth
            if depth == 0:
                self.keyboard_ready()

        cls.__init__ = init  # type: ignore[method-assign]

    _init_depth = 0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main_button: QPushButton | None = None
        self.first_field: QWidget | None = None
        self._clean: list[object] | None = None
        self._ctrl_enter = _CtrlEnter(self)


    # ---- keyboard ---------------------------------------------------------------------------

    def keyboard_ready(self) -> None:
        """Runs after the subclass's ``__init__``; a dialog that rebuilds its form calls it
        again."""
        fix_buddies(self)
        name_controls(self)
        main = self.main_button or self._find_main_button()
        self.main_button = main
        for box in self.findChildren(QDialogButtonBox):
            for button in box.buttons():
                if box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole \
                        and isinstance(button, QPushButton):
                    button.setDefault(False)
        if main is not None:
            main.setDefault(True)
        for widget in self.findChildren(QWidget):
            if is_input(widget):
                widget.installEventFilter(self._ctrl_enter)  # installing twice is a no-op
        self.focus_first()
        self.mark_clean()

    def action_buttons(self, main_text: str,
                       on_main: Callable[[], object] | None = None) -> QDialogButtonBox:
        """The main button (its Dutch text, accept by default) beside Annuleren."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(main_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(on_main or self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _find_main_button(self) -> QPushButton | None:
        for box in self.findChildren(QDialogButtonBox):
            for button in box.buttons():
                if box.buttonRole(button) in MAIN_ROLES and isinstance(button, QPushButton):
                    return button
        return None

    def submit_main(self) -> None:
        main = self.main_button
        if main is not None and main.isEnabled() and main.isVisible():
            main.click()

    def focus_first(self) -> None:
        """Focus on the first input, unless the dialog already put it on an input."""
        current = self.focusWidget()
        if current is not None and is_input(current) and current.isVisibleTo(self):
            return
        target = self.first_field or first_input(self)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_first()

    # ---- typed work -------------------------------------------------------------------------

    def mark_clean(self) -> None:
        """What is on screen now counts as saved (after loading, or a save that stays open)."""
        self._clean = snapshot(self)

    def is_dirty(self) -> bool:
        return self._clean is not None and snapshot(self) != self._clean

    def reject(self) -> None:
        """Esc, Annuleren and the close button come here: ask before typed input goes."""
        if self.asks_before_discarding and self.is_dirty() and not Notice.confirm(
                self, DISCARD_TEXT, DISCARD_QUESTION, "Niet opslaan", "Terug"):
            return
        super().reject()

