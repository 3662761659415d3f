"""Before there is a plan: what the latest intake suggests, as a checklist. Nothing becomes a
result unless the professional ticks it together with the resident."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.plans import ResultCandidate
from ui.kit.dialogs import FormDialog
from ui.kit.forms import muted


class CandidateList(QListWidget):
    """Suggestions with a tick box each; all unticked to begin with."""

    def set_candidates(self, candidates: Sequence[ResultCandidate]) -> None:
        self.clear()
        for candidate in candidates:
            text = candidate.title
            if candidate.suggestion.text:
                text += f"\n    “{candidate.suggestion.text}”"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, candidate.key)
            if candidate.already_in_plan:
                item.setText(text + "  (staat al in het plan)")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)

    def chosen_keys(self) -> list[str]:
        keys = []
        for row in range(self.count()):
            item = self.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                keys.append(item.data(Qt.ItemDataRole.UserRole))
        return keys

    def tick(self, row: int) -> None:
        self.item(row).setCheckState(Qt.CheckState.Checked)


class StartPanel(QWidget):
    """The empty state of the plan tab."""

    start_requested = Signal(list)  # chosen candidate keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Nog geen plan van aanpak")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.explain = muted(
            "Eén huishouden, één plan. Hieronder staan de leefgebieden die in de laatste brede "
            "uitvraag een score 1 tot 3 kregen en de hulpvragen van dit huishouden. Vink samen "
            "met de inwoner aan wat een resultaat in het plan wordt; u kunt later meer "
            "toevoegen.")
        self.candidates = CandidateList()
        self.none_found = muted("De laatste uitvraag levert geen suggesties op. Start het plan "
                                "leeg en voeg resultaten toe in de woorden van de inwoner.")
        self.start_button = QPushButton("&Plan starten")
        self.start_button.setDefault(True)
        self.count = muted()
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.count, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.explain)
        layout.addWidget(self.candidates, 1)
        layout.addWidget(self.none_found)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(
            lambda: self.start_requested.emit(self.candidates.chosen_keys()))
        self.candidates.itemChanged.connect(lambda _item: self._update_count())

    def set_candidates(self, candidates: Sequence[ResultCandidate], can_edit: bool) -> None:
        self.candidates.set_candidates(candidates)
        self.candidates.setVisible(bool(candidates))
        self.none_found.setVisible(not candidates)
        self.start_button.setEnabled(can_edit)
        self.start_button.setToolTip("" if can_edit else "U kunt dit dossier alleen inzien.")
        self._update_count()

    def _update_count(self) -> None:
        chosen = len(self.candidates.chosen_keys())
        self.count.setText(f"{chosen} aangevinkt" if chosen else
                           "Niets aangevinkt: het plan start zonder resultaten.")


class CandidatesDialog(FormDialog):
    """Take more suggestions into a draft (e.g. after a new help question)."""

    def __init__(self, candidates: Sequence[ResultCandidate],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Suggesties uit de uitvraag")
        self.candidates = CandidateList()
        self.candidates.set_candidates(candidates)
        buttons = self.action_buttons("&Toevoegen")
        layout = QVBoxLayout(self)
        layout.addWidget(muted("Vink aan wat als resultaat in dit concept komt."))
        layout.addWidget(self.candidates, 1)
        layout.addWidget(buttons)
        self.resize(560, 380)
