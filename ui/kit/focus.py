"""Focus is always visible: a clear frame in one colour around whichever control has the
keyboard focus, for every class a person can Tab to (WCAG 2.4.7).

The rules apply only in the focused state, so every other control keeps the look of the
platform's style; the padding keeps a focused control exactly as large as an unfocused one.
"""

from __future__ import annotations

FOCUS_COLOUR = "#1A56C4"  # contrast above 4.5:1 on white and on the light grey of a window

# Qt class name -> the rule for its focused state.
_FRAME = f"border: 2px solid {FOCUS_COLOUR}; border-radius: 3px;"
FOCUS_RULES: dict[str, str] = {
    "QLineEdit": _FRAME + " padding: 1px 2px;",
    "QPlainTextEdit": _FRAME,
    "QTextEdit": _FRAME,
    "QComboBox": _FRAME + " padding: 1px 18px 1px 3px;",
    "QAbstractSpinBox": _FRAME + " padding: 1px 2px;",
    "QPushButton": _FRAME + " padding: 1px 4px; background-color: palette(button);",
    "QToolButton": _FRAME,
    "QCheckBox": f"outline: none; border: 2px solid {FOCUS_COLOUR}; border-radius: 3px;",
    "QRadioButton": f"outline: none; border: 2px solid {FOCUS_COLOUR}; border-radius: 3px;",
    "QAbstractItemView": f"border: 2px solid {FOCUS_COLOUR};",
    "QTabBar": "",  # the tab itself, below
}
_TAB = f"QTabBar::tab:focus {{ border: 2px solid {FOCUS_COLOUR}; padding: 3px 8px; }}"


def focus_style_sheet() -> str:
    rules = [f"{name}:focus {{ {rule} }}" for name, rule in FOCUS_RULES.items() if rule]
    return "\n".join([*rules, _TAB])
