"""Coming back to the start screen (closing a household, Ctrl+F) refreshes its lists of recent
households and evaluations due on the thread pool: the window stays responsive while they are
read, and what they show is the same as before."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from intake import plans
from intake.register import search
from intake.register.households import HouseholdView
from tests.conftest import Team
from ui.app.main_window import MainWindow

pytestmark = pytest.mark.gui


def _on_threads(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[bool]:
    """Records, for each call of ``module.name``, whether it ran on the UI thread."""
    calls: list[bool] = []
    original = getattr(module, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return calls


def test_closing_a_household_refreshes_the_start_screen_in_the_background(
        qtbot: QtBot, team: Team, jolanda: HouseholdView,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(team.store, team.consulent)
    qtbot.addWidget(window)
    window.show()
    assert window.search is not None
    page = window.open_household(jolanda.id)
    assert page is not None
    recent = _on_threads(monkeypatch, search, "recent_households")
    due = _on_threads(monkeypatch, plans, "due_summary")

    window.focus_search()  # back to the start screen, then the tab closed
    window.close_tab(window.tabs.indexOf(page))

    qtbot.waitUntil(lambda: bool(recent) and bool(due), timeout=20000)
    assert recent == [False] and due == [False]  # each read once, on a worker
    model = window.search.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=20000)
    assert model.household_id(0) == jolanda.id
    assert window.search.caption.text() == "Recent geopend"


def test_a_typed_search_still_answers_at_once(qtbot: QtBot, team: Team,
                                              jolanda: HouseholdView) -> None:
    window = MainWindow(team.store, team.consulent)
    qtbot.addWidget(window)
    window.show()
    assert window.search is not None
    window.search.field.setText("verhoef")
    window.search.refresh()  # Enter: the results are there when it returns
    assert window.search.model.rowCount() == 1
    assert window.search.model.household_id(0) == jolanda.id
