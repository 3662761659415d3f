"""'Openen met reden': the team lead's review list of openings outside one's own work
(nagekeken / vraag gesteld), and the beheerder's list of team leads' own openings (who, when,
reason; nothing of the file)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.core.clock import format_local
from intake.core.context import Actor
from intake.core.roles import Role
from intake.sharing import (
    OpeningRow,
    ReviewStatus,
    review_list,
    review_opening,
    team_lead_openings,
)
from intake.store import Store
from ui.kit.dialogs import FormDialog
from ui.kit.forms import muted
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel, RowsModel, make_table

REVIEW_HEADERS = ("Geopend", "Door", "Rol", "Dossiernummer", "Reden", "Toelichting", "Status")
ADMIN_HEADERS = ("Geopend", "Teamleider", "Reden", "Toelichting")


class QuestionDialog(FormDialog):
    """The question the team lead asks about one opening."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Vraag stellen over dit openen")
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(90)
        self.error = ErrorLabel()
        buttons = self.action_buttons("&Vastleggen", self.submit)
        label = QLabel("&Vraag aan de collega")
        label.setBuddy(self.text)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if not self.text.toPlainText().strip():
            self.error.show_message("Schrijf de vraag op die u de collega stelt.")
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget) -> str | None:
        dialog = cls(parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.text.toPlainText()
        finally:
            dialog.deleteLater()


class OpeningsPage(QWidget):
    """For a team lead: the review list with its two actions; for a beheerder: the team
    leads' openings, read only."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.reviewing = actor.role is Role.TEAMLEIDER
        self.model = RowsModel(REVIEW_HEADERS if self.reviewing else ADMIN_HEADERS, self)
        self.table = make_table(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(
            "Dossiers die consulenten en regisseurs buiten hun eigen dossiers openden, met de "
            "reden die zij gaven." if self.reviewing else
            "Dossiers die teamleiders openden, met wanneer en de reden. Er staat niets uit "
            "het dossier zelf in."))
        self.show_status = QComboBox()
        if self.reviewing:
            for status in (ReviewStatus.OPEN, ReviewStatus.VRAAG, ReviewStatus.GEZIEN):
                self.show_status.addItem(status.label, status.value)
            self.show_status.addItem("Alles", "")
            self.show_status.currentIndexChanged.connect(lambda _i: self.refresh())
            self.reviewed_button = QPushButton("&Nagekeken")
            self.question_button = QPushButton("&Vraag stellen…")
            self.reviewed_button.clicked.connect(
                lambda: self._review(ReviewStatus.GEZIEN))
            self.question_button.clicked.connect(self._ask)
            bar = QHBoxLayout()
            label = QLabel("&Toon")
            label.setBuddy(self.show_status)
            bar.addWidget(label)
            bar.addWidget(self.show_status)
            bar.addStretch(1)
            bar.addWidget(self.reviewed_button)
            bar.addWidget(self.question_button)
            layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.rows: list[OpeningRow] = []
        self.refresh()

    def refresh(self) -> None:
        if self.reviewing:
            code = self.show_status.currentData()
            status = ReviewStatus(code) if code else None
            rows = Operation(self, self.store, self.actor,
                             lambda uow: review_list(uow, status)).run() or []
            self.model.set_rows([(format_local(r.opened_at), r.opened_by, r.role,
                                  r.dossiernummer, r.reason_label, r.reason_text,
                                  r.status.label + (f": {r.review_note}" if r.review_note
                                                    else "")) for r in rows],
                                [r.id for r in rows])
        else:
            rows = Operation(self, self.store, self.actor, team_lead_openings).run() or []
            self.model.set_rows([(format_local(r.opened_at), r.opened_by, r.reason_label,
                                  r.reason_text) for r in rows], [r.id for r in rows])
        self.rows = rows

    def _selected(self) -> uuid.UUID | None:
        row = self.table.currentIndex().row()
        return self.model.keys[row] if 0 <= row < len(self.model.keys) else None

    def _review(self, status: ReviewStatus, note: str = "") -> None:
        opening_id = self._selected()
        if opening_id is None:
            return
        Operation(self, self.store, self.actor,
                  lambda uow: review_opening(uow, opening_id, status, note)) \
            .success(lambda _none: self.refresh()).run()

    def _ask(self) -> None:
        if self._selected() is None:
            return
        question = QuestionDialog.ask(self)
        if question is not None:
            self._review(ReviewStatus.VRAAG, question)
