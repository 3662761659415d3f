"""Ctrl+M from an open household keeps its context and the page shows the new question at
once; closing the main window while background work runs stops it cleanly; a household's
tabs after the overview are built when first shown."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from intake.core.context import UnitOfWork
from intake.register.households import HouseholdView
from tests.conftest import Team
from tests.ui.conftest import Notices
from ui.app.main_window import MainWindow
from ui.help_questions.quick_registration import QuickRegistrationDialog
from ui.help_questions.timeline import HelpQuestionTimeline
from ui.kit import operation
from ui.kit.dialogs import controls
from ui.kit.lazy_tab import LazyTab
from ui.kit.operation import Operation
from ui.plan.tab import PlanTab

pytestmark = pytest.mark.gui


def _window(qtbot: QtBot, team: Team) -> MainWindow:
    window = MainWindow(team.store, team.consulent)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_ctrl_m_from_an_open_household_fills_it_in_and_the_page_shows_it(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, monkeypatch: pytest.MonkeyPatch,
        notices: Notices) -> None:
    window = _window(qtbot, team)
    page = window.open_household(jolanda.id)
    assert page is not None
    assert page.findChild(HelpQuestionTimeline) is None  # built when first shown
    timeline = page.tab_content(1)
    assert isinstance(timeline, HelpQuestionTimeline) and timeline.model.rowCount() == 0
    seen: list[object] = []

    def register(dialog: QuickRegistrationDialog) -> int:
        seen.append(dialog.household)
        assert not dialog.search_field.isVisibleTo(dialog)  # no search: the household is set
        assert dialog.focusWidget() is dialog.question  # the question comes first
        dialog.type_box.setCurrentIndex(dialog.type_box.findData("schulden_geldzaken"))
        dialog.question.setText("Post blijft ongeopend liggen")
        dialog.vindplaats.setCurrentIndex(dialog.vindplaats.findData("wijkteam"))
        dialog.channel.setCurrentIndex(dialog.channel.findData("telefoon"))
        dialog.save()
        assert dialog.saved is not None, {k: e.text() for k, e in dialog.errors.items()
                                          if e.text()}
        return int(dialog.result())

    monkeypatch.setattr(QuickRegistrationDialog, "exec", register)
    window.quick_action.trigger()
    assert [view.id for view in seen] == [jolanda.id]  # type: ignore[attr-defined]
    assert timeline.model.rowCount() == 1  # announced, not waiting for a reopen


def test_closing_with_background_work_running_stops_it_and_builds_no_hidden_tab(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    window = _window(qtbot, team)
    caseload = window.tabs.widget(1)
    assert isinstance(caseload, LazyTab)
    window.open_household(jolanda.id)
    release = threading.Event()
    started = threading.Event()
    delivered: list[object] = []

    def slow(uow: UnitOfWork) -> int:
        started.set()
        release.wait(5)
        return 1

    Operation(window, team.store, team.consulent, slow).success(delivered.append) \
        .run_in_background()
    assert started.wait(5)
    threading.Timer(0.2, release.set).start()
    window.close()
    assert caseload.content is None  # closing the household tab showed no other tab
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    assert operation._RUNNING == {}
    qtbot.wait(50)
    assert delivered == []  # nobody is told after the window went


def test_a_household_opens_with_its_overview_and_builds_each_other_tab_when_shown(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    """Opening a household builds and reads what is shown; the timeline and the plan (30 ms
    on the UI thread together) wait until their tab is shown, and are named for a screen
    reader then."""
    window = _window(qtbot, team)
    page = window.open_household(jolanda.id)
    assert page is not None
    assert page.findChild(HelpQuestionTimeline) is None and page.findChild(PlanTab) is None
    plan_index = page.tabs.count() - 1
    page.tabs.setCurrentIndex(plan_index)
    qtbot.waitUntil(lambda: (tab := page.findChild(PlanTab)) is not None and tab.loaded)
    plan = page.findChild(PlanTab)
    assert plan is not None and page.tab_content(plan_index) is plan
    assert all(widget.accessibleName() for widget in controls(plan))
    assert page.findChild(HelpQuestionTimeline) is None  # not looked at yet
