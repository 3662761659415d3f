"""Which pages each role gets in the main window; overview pages are built on first view."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from intake.core.context import Actor
from tests.conftest import Team
from ui.app.main_window import MainWindow
from ui.kit.lazy_tab import LazyTab
from ui.reports.figures_view import FiguresView
from ui.reports.team_overview import TeamOverview

pytestmark = pytest.mark.gui


def _titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def _window(qtbot: QtBot, team: Team, actor: Actor) -> MainWindow:
    window = MainWindow(team.store, actor)
    qtbot.addWidget(window)
    window.show()
    return window


def test_teamleider_gets_overview_and_figures_built_when_opened(qtbot: QtBot,
                                                                team: Team) -> None:
    window = _window(qtbot, team, team.teamleider)
    assert _titles(window) == ["Zoeken", "Teamoverzicht", "Cijfers"]
    figures_tab = window.tabs.widget(2)
    assert isinstance(figures_tab, LazyTab) and figures_tab.content is None
    window.tabs.setCurrentIndex(2)
    assert isinstance(figures_tab.content, FiguresView)
    qtbot.waitUntil(lambda: not figures_tab.content.busy, timeout=20000)  # type: ignore[union-attr]
    window.tabs.setCurrentIndex(1)
    overview = window.tabs.widget(1)
    assert isinstance(overview, LazyTab) and isinstance(overview.content, TeamOverview)
    qtbot.waitUntil(lambda: not overview.content.busy, timeout=20000)  # type: ignore[union-attr]


def test_case_worker_gets_own_caseload_only(qtbot: QtBot, team: Team) -> None:
    window = _window(qtbot, team, team.consulent)
    assert _titles(window) == ["Zoeken", "Mijn caseload"]


def test_field_worker_and_beheerder_get_no_overview(qtbot: QtBot, team: Team) -> None:
    assert _titles(_window(qtbot, team, team.vindplaats)) == ["Zoeken"]
    assert _titles(_window(qtbot, team, team.beheerder)) == ["Accounts", "Sociale kaart",
                                                             "Catalogi"]
