"""The sync controls on the main window of a replica: the status line, "Synchroniseren"
(Ctrl+Shift+S) in the background, the conflicts dialog, and joining from the first start."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from intake.store import StoreLocation
from tests.server.conftest import PASSWORD
from tests.team.conftest import Laptop
from tests.team.helpers import register_family
from ui.app.login import FirstStartDialog
from ui.app.main_window import MainWindow
from ui.team.panel import ConflictsDialog, remember_password

pytestmark = [pytest.mark.postgres, pytest.mark.gui]


def test_the_status_line_and_the_sync_action(qtbot: QtBot, laptops: Any) -> None:
    laptop: Laptop = laptops("vindplaats", "ui").join()
    assert laptop.store is not None and laptop.actor is not None
    register_family(laptop, family="Schermtest")
    remember_password(laptop.store, PASSWORD)
    window = MainWindow(laptop.store, laptop.actor)
    qtbot.addWidget(window)
    panel = window.sync_panel
    assert panel is not None
    assert "offline" in panel.label.text() and "niet verzonden" in panel.label.text()
    assert "0 niet verzonden" not in panel.label.text()
    assert panel.action.shortcut().toString() == "Ctrl+Shift+S"
    panel.action.trigger()
    qtbot.waitUntil(lambda: not panel.busy, timeout=60_000)
    assert panel.label.text().startswith("verbonden")
    assert "0 niet verzonden" in panel.label.text()
    dialog = ConflictsDialog(laptop.store, laptop.actor, panel.team, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and not dialog.keep_mine.isEnabled()


def test_the_first_start_offers_joining_a_team_store(qtbot: QtBot, tmp_path: Any) -> None:
    dialog = FirstStartDialog(StoreLocation.parse(str(tmp_path / "nieuw.db")))
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.buttons.buttons()]
    assert "Aansluiten op een &teamopslag…" in texts
