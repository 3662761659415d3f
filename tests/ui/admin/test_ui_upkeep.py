"""The beheerder's upkeep tab: a backup, a restore at a new place, the seal, reminders."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import StoreLocation
from intake.core.session import unit_of_work
from intake.store import open_store
from intake.store.screen_lock import lock_minutes
from tests.conftest import PASSWORD, Team
from tests.ui.conftest import Notices
from ui.admin.upkeep_page import RestoreDialog, UpkeepPage
from ui.app.main_window import MainWindow
from ui.kit.files import FilePicker

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def test_the_beheerder_is_reminded_and_makes_a_backup_and_a_seal(
        qtbot: QtBot, team: Team, tmp_path: Path, notices: Notices,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(team.store, team.beheerder)
    qtbot.addWidget(window)
    page = window.upkeep
    assert isinstance(page, UpkeepPage)
    assert "nog nooit een reservekopie" in window.reminder.full_text()
    backup = tmp_path / "kopie.reservekopie"
    seal = tmp_path / "audittrail.zegel.json"
    monkeypatch.setattr(FilePicker, "save", classmethod(
        lambda _cls, _parent, title, _suggested, _filter: backup if "Reserve" in title
        else seal))
    monkeypatch.setattr(FilePicker, "open", classmethod(lambda _cls, _p, _t, _f: seal))
    page.backup_button.click()
    qtbot.waitUntil(lambda: bool(notices.infos), timeout=30_000)
    assert "Reservekopie opgeslagen" in notices.infos[-1] and backup.exists()
    page.seal_button.click()
    assert "Zegel opgeslagen" in notices.infos[-1] and seal.exists()
    assert not page.reminders and "nog nooit" not in page.status.text()
    page.verify_button.click()
    assert "klopt met het zegel" in notices.infos[-1]
    page.backup_days.setValue(3)
    page.save_days.click()
    assert notices.warnings == []


def test_a_backup_is_restored_at_a_new_place_from_the_dialog(
        qtbot: QtBot, team: Team, tmp_path: Path, notices: Notices,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = UpkeepPage(team.store, team.beheerder)
    qtbot.addWidget(page)
    backup = tmp_path / "kopie.reservekopie"
    monkeypatch.setattr(FilePicker, "save", classmethod(lambda *_args: backup))
    page.backup_button.click()
    qtbot.waitUntil(lambda: bool(notices.infos), timeout=30_000)
    dialog = RestoreDialog(team.store, team.beheerder)
    qtbot.addWidget(dialog)
    dialog.backup.setText(str(backup))
    dialog.target.setText(str(team.location.path))  # the open store: refused
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.submit()
    assert "Er staat al een gegevensopslag" in dialog.message.text()
    target = tmp_path / "teruggezet" / "intake.db"
    dialog.target.setText(str(target))
    dialog.submit()
    assert dialog.restored is not None and dialog.restored.path == target
    store, _actor = open_store(StoreLocation.parse(str(target)), "beheerder", PASSWORD)
    store.close()


def test_the_beheerder_sets_when_the_screen_locks(qtbot: QtBot, team: Team,
                                                  notices: Notices) -> None:
    page = UpkeepPage(team.store, team.beheerder)
    qtbot.addWidget(page)
    assert page.lock_minutes.value() == 10
    page.lock_minutes.setValue(3)
    page.save_lock.click()
    with unit_of_work(team.store, team.consulent) as uow:
        assert lock_minutes(uow) == 3
    window = MainWindow(team.store, team.consulent)
    qtbot.addWidget(window)
    assert window.screen_lock.watch.timer.interval() == 3 * 60_000
