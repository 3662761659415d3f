"""Every file dialog of the application, in one place: it starts in the user's Documents
folder (a suggested name is put there), and tests replace it (pytest-qt's advice)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder where a system has none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def in_documents(suggested: str) -> str:
    """A bare file name goes into Documents; a full path (typed earlier) stays as it is."""
    path = Path(suggested).expanduser()
    if not suggested or path.parent == Path("."):
        return str(documents_folder() / path) if suggested else str(documents_folder())
    return str(path)


class FilePicker:
    @classmethod
    def save(cls, parent: QWidget | None, title: str, suggested: str, filter: str
             ) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(parent, title, in_documents(suggested),
                                                    filter)
        return Path(name) if name else None

    @classmethod
    def open(cls, parent: QWidget | None, title: str, filter: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(parent, title, str(documents_folder()),
                                                    filter)
        return Path(name) if name else None
