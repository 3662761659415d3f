"""Dutch throughout: Qt's own dialogs speak Dutch, file dialogs start in Documents, window
titles leave the application's name to Qt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QStandardPaths
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QWidget

import ui
from ui.app.main_window import APP_TITLE
from ui.app.startup import configure_application
from ui.kit.files import FilePicker, documents_folder, in_documents

pytestmark = pytest.mark.gui

UI = Path(ui.__file__).parent


def test_qt_ships_its_dutch_translations() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_nl.qm").is_file()


def test_message_box_buttons_are_dutch(qapp: QApplication) -> None:
    configure_application(qapp)
    box = QMessageBox(QMessageBox.Icon.Question, "Vraag", "Doorgaan?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    texts = {box.button(b).text().replace("&", "") for b in (
        QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Cancel)}
    assert texts == {"Ja", "Nee", "Annuleren"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Close)
    assert {b.text().replace("&", "") for b in buttons.buttons()} == {"Opslaan", "Sluiten"}
    box.deleteLater()
    buttons.deleteLater()


def test_file_dialogs_start_in_documents(qapp: QApplication,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    expected = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    assert documents_folder() == Path(expected or Path.home())
    seen: list[str] = []

    def save(_parent: QWidget | None, _title: str, folder: str, _filter: str
             ) -> tuple[str, str]:
        seen.append(folder)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", save)
    assert FilePicker.save(None, "Opslaan als", "plan.pdf", "PDF (*.pdf)") is None
    assert FilePicker.open(None, "Kiezen", "PDF (*.pdf)") is None
    assert seen == [str(documents_folder() / "plan.pdf"), str(documents_folder())]
    assert in_documents("/elders/plan.pdf") == "/elders/plan.pdf"


def test_every_file_dialog_goes_through_the_kit() -> None:
    users = sorted(str(p.relative_to(UI)) for p in UI.rglob("*.py")
                   if "QFileDialog" in p.read_text(encoding="utf-8"))
    assert users == ["kit/files.py"]
    homes = sorted(str(p.relative_to(UI)) for p in UI.rglob("*.py")
                   if "Path.home()" in p.read_text(encoding="utf-8"))
    assert homes == ["kit/files.py"], "suggest a bare file name: it goes into Documents"


def test_window_titles_leave_the_application_name_to_qt() -> None:
    repeating = []
    for path in UI.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.search(r"setWindowTitle\(.*(APP_TITLE|gezin, één plan)", line):
                repeating.append(f"{path.name}: {line.strip()}")
    assert repeating == []
    assert "gezin" in APP_TITLE
