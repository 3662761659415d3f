"""The beheerder's catalogue screen: list incl. inactive, add, relabel (history shows both
labels), deactivate; codes are never reused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from intake.catalogues.stored import CatalogueKind, entries
from intake.core.session import unit_of_work
from tests.conftest import Team
from tests.helpers.ui_keyboard import ALT, Keyboard, activate
from ui.admin.catalogues import CatalogueAdminPage, EntryDialog
from ui.kit.notice import Notice

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture
def page(qtbot: QtBot, team: Team) -> CatalogueAdminPage:
    shown = CatalogueAdminPage(team.store, team.beheerder)
    qtbot.addWidget(shown)
    activate(qtbot, shown)
    return shown


def _drive(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, typing: list[tuple[str, str]],
           seen: list[EntryDialog]) -> None:
    """EntryDialog.ask shown non-modal; fields filled by keyboard, then Opslaan."""

    def ask(cls: type, store: object, actor: object, kind: CatalogueKind, entry: object = None,
            parent: object = None) -> object:
        dialog = EntryDialog(store, actor, kind, entry)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        activate(qtbot, dialog)
        keys = Keyboard(qtbot)
        for field, text in typing:
            getattr(dialog, field).setFocus()
            keys.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            keys.type(text)
        keys.key("o", ALT)
        seen.append(dialog)
        return dialog.saved

    monkeypatch.setattr(EntryDialog, "ask", classmethod(ask))


def test_relabel_shows_in_history(qtbot: QtBot, team: Team, page: CatalogueAdminPage,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    page.kind_box.setCurrentIndex(list(CatalogueKind).index(CatalogueKind.VINDPLAATS))
    row = page.model.keys.index("bibliotheek")
    page.table.selectRow(row)
    seen: list[EntryDialog] = []
    _drive(qtbot, monkeypatch, [("label", "Bibliotheek en Taalhuis")], seen)
    Keyboard(qtbot).key("w", ALT)  # Omschrijving wijzigen…
    assert seen and seen[0].saved is not None
    assert page.current() is not None and page.current().label == "Bibliotheek en Taalhuis"
    labels = [page.history_model.row_values(r)[1] for r in range(page.history_model.rowCount())]
    assert labels == ["Bibliotheek en Taalhuis", "Bibliotheek"]


def test_add_deactivate_and_no_reuse(qtbot: QtBot, team: Team, page: CatalogueAdminPage,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Notice, "confirm", classmethod(lambda cls, *args: True))
    page.kind_box.setCurrentIndex(list(CatalogueKind).index(CatalogueKind.KANAAL))
    seen: list[EntryDialog] = []
    _drive(qtbot, monkeypatch, [("code", "videobellen"), ("label", "Videobellen")], seen)
    Keyboard(qtbot).key("t", ALT)  # Code toevoegen…
    assert "videobellen" in page.model.keys
    assert page.current() is not None and page.current().code == "videobellen"
    activate(qtbot, page)
    Keyboard(qtbot).key("u", ALT)  # Uitzetten
    assert page.model.row_values(page.model.keys.index("videobellen"))[4] == "uitgezet"
    with unit_of_work(team.store, team.beheerder) as uow:
        assert "videobellen" not in {e.code for e in entries(uow, CatalogueKind.KANAAL)}
    seen.clear()
    activate(qtbot, page)
    Keyboard(qtbot).key("t", ALT)  # the same code again is refused
    assert seen[0].saved is None
    assert "nooit opnieuw" in seen[0].errors["code"].text()
