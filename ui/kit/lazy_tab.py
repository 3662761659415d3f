"""A tab whose content is built the first time it is shown.

Overview pages load figures in the background as soon as they exist; building them only when a
person opens the tab keeps start-up fast and does no work nobody asked for. A household page's
tabs after its overview too: opening a household builds and reads only what is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory: Callable[[], QWidget] | None = factory
        self.content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        """The content, built now if it was not yet (for a caller that needs it before it is
        shown)."""
        if self.content is None:
            assert self._factory is not None
            factory, self._factory = self._factory, None
            self.content = factory()
            self._layout.addWidget(self.content)
        return self.content

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)
