"""The accessibility walk over every page of the main window, for every role: each input,
button and table has a name, unique within its page (a household's own tabs included).

``PAGES`` is the registry: a page the main window shows that is not in it fails the test, so
a new page is walked from the day it exists (as FACTORIES does for dialogs)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from intake.core.context import Actor
from intake.register.households import HouseholdView
from tests.conftest import Team
from tests.ui.conftest import Notices
from ui.app.main_window import PREFERRED_SIZE, SMALLEST_SCREEN, MainWindow
from ui.kit.dialogs import controls
from ui.kit.lazy_tab import LazyTab

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

# page class -> the roles that get it
PAGES: dict[str, frozenset[str]] = {
    "SearchPage": frozenset({"consulent", "regisseur", "vindplaats", "teamleider"}),
    "TeamOverview": frozenset({"consulent", "regisseur", "teamleider"}),
    "FiguresView": frozenset({"teamleider"}),
    "RetentionPage": frozenset({"beheerder", "teamleider"}),
    "OpeningsPage": frozenset({"beheerder", "teamleider"}),
    "AccountsPage": frozenset({"beheerder"}),
    "SocialMapAdmin": frozenset({"beheerder"}),
    "CatalogueAdminPage": frozenset({"beheerder"}),
    "UpkeepPage": frozenset({"beheerder"}),
    "HouseholdPage": frozenset({"consulent", "regisseur", "teamleider"}),
}


def _content(widget: QWidget) -> QWidget:
    if isinstance(widget, LazyTab):
        assert widget.content is not None
        return widget.content
    return widget


def _settled(qtbot: QtBot, page: QWidget) -> None:
    for widget in [page, *page.findChildren(QWidget)]:
        if isinstance(getattr(widget, "busy", None), bool):
            qtbot.waitUntil(lambda w=widget: not w.busy, timeout=20000)


def problems(page: QWidget, title: str) -> list[str]:
    shown = [w for w in controls(page) if w.isVisibleTo(page)]
    found = [f"{title}: {type(w).__name__} without a name" for w in shown
             if not w.accessibleName().strip()]
    names = [w.accessibleName() for w in shown]
    found += [f"{title}: {name!r} twice" for name in sorted(set(names))
              if names.count(name) > 1]
    return found


def _walk(qtbot: QtBot, window: MainWindow) -> Iterator[tuple[str, list[str]]]:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        content = _content(page)
        _settled(qtbot, content)
        title = window.tabs.tabText(index)
        inner = content.findChildren(QTabWidget)
        found = problems(page, title)
        for tabs in inner:
            for sub in range(tabs.count()):
                tabs.setCurrentIndex(sub)
                _settled(qtbot, tabs.widget(sub))
                found += problems(page, f"{title} / {tabs.tabText(sub)}")
        yield type(content).__name__, found


@pytest.mark.parametrize("role", ["beheerder", "consulent", "regisseur", "vindplaats",
                                  "teamleider"])
def test_every_page_is_registered_and_every_control_named(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices, role: str) -> None:
    actor: Actor = getattr(team, role)
    window = MainWindow(team.store, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if window.search is not None and role != "vindplaats":
        assert window.open_household(jolanda.id) is not None
    seen: dict[str, list[str]] = {}
    for name, found in _walk(qtbot, window):
        seen.setdefault(name, []).extend(found)
    assert set(seen) - PAGES.keys() == set(), "add these pages to PAGES"
    assert set(seen) == {name for name, roles in PAGES.items() if role in roles}
    assert [p for found in seen.values() for p in found] == []
    # Usable at 150 % and 200 %: no page needs more room than the smallest screen has.
    needed = window.minimumSizeHint()
    assert needed.width() <= SMALLEST_SCREEN.width(), needed
    assert needed.height() <= SMALLEST_SCREEN.height(), needed
    window.close()


def test_the_window_never_opens_larger_than_the_screen(qtbot: QtBot, team: Team) -> None:
    window = MainWindow(team.store, team.consulent)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry().size()
    assert window.size().width() <= available.width()
    assert window.size().height() <= available.height()
    assert window.size() == PREFERRED_SIZE.boundedTo(window.size())
