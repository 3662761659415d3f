"""Which pages each role gets in the main window; overview pages are built on first view."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from intake.catalogues.stored import OUTCOME_INTAKE
from intake.core.context import Actor
from intake.register.households import HouseholdView
from tests.conftest import Team
from tests.ui.conftest import Notices
from ui.app.main_window import MainWindow
from ui.help_questions.quick_registration import QuickRegistrationDialog
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
    assert _titles(window) == ["Zoeken", "Teamoverzicht", "Cijfers", "Bewaartermijnen",
                               "Openen met reden"]
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
    assert _titles(_window(qtbot, team, team.beheerder)) == [
        "Accounts", "Sociale kaart", "Catalogi", "Bewaartermijnen", "Reservekopie en audittrail",
        "Openen door teamleiders"]


def test_my_caseload_follows_a_quick_registration_from_the_menu(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, monkeypatch: pytest.MonkeyPatch,
        notices: Notices) -> None:
    window = _window(qtbot, team, team.consulent)
    caseload = window.tabs.widget(1)
    assert isinstance(caseload, LazyTab)
    window.tabs.setCurrentIndex(1)
    overview = caseload.content
    assert isinstance(overview, TeamOverview)
    qtbot.waitUntil(lambda: not overview.busy and overview.overview is not None, timeout=20000)
    assert overview.waiting.rowCount() == 0
    window.tabs.setCurrentIndex(0)  # the caseload is out of view while the person registers

    def register_for_an_intake(dialog: QuickRegistrationDialog) -> int:
        dialog.choose(jolanda)
        dialog.type_box.setCurrentIndex(dialog.type_box.findData("schulden_geldzaken"))
        dialog.question.setText("Post blijft ongeopend liggen")
        dialog.outcome_buttons[OUTCOME_INTAKE].setChecked(True)
        dialog.vindplaats.setCurrentIndex(dialog.vindplaats.findData("wijkteam"))
        dialog.channel.setCurrentIndex(dialog.channel.findData("telefoon"))
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(QuickRegistrationDialog, "exec", register_for_an_intake)
    window.quick_action.trigger()
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not overview.busy and overview.waiting.rowCount() == 1,
                    timeout=20000)
    assert overview.waiting.keys == [jolanda.id] and not notices.warnings
