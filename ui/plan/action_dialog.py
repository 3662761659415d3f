"""One action under a result: what, who, support level (lightest first), a service from the
sociale kaart, start and due date, status."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.catalogues import social_map
from intake.catalogues.fixed import prevention_levels, support_levels
from intake.core.context import Actor
from intake.core.errors import KnownError
from intake.plans import ActionInput, ActionStatus, ActionView, WhoKind
from intake.store import Store
from ui.kit.dialogs import FormDialog
from ui.kit.forms import DateField, muted, try_save
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel, with_error

SaveAction = Callable[[ActionInput], bool]
SEARCH_DELAY_MS = 200


class ServicePicker(QWidget):
    """Search the sociale kaart and pick one service (or none)."""

    def __init__(self, store: Store, actor: Actor, service_id: uuid.UUID | None,
                 service_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.service_id = service_id
        self.chosen = QLabel(service_label or "Geen dienst gekozen")
        self.chosen.setWordWrap(True)
        self.clear_button = QPushButton("Geen dienst")
        self.field = QLineEdit()
        self.field.setPlaceholderText("Zoek op de sociale kaart, bijv. schuld, Wijkracht, LOES")
        self.field.setClearButtonEnabled(True)
        self.hits = QListWidget()
        self.hits.setMaximumHeight(120)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        top = QHBoxLayout()
        top.addWidget(self.chosen, 1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.field)
        layout.addWidget(self.hits)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self._timer.timeout.connect(self.search)
        self.hits.itemActivated.connect(self._pick)
        self.hits.itemClicked.connect(self._pick)
        self.clear_button.clicked.connect(lambda: self._set(None, "Geen dienst gekozen"))
        self.clear_button.setEnabled(service_id is not None)
        self.search()

    def _say(self, error: KnownError) -> None:
        self.hits.clear()
        self.hits.addItem(error.message)

    def search(self) -> None:
        self._timer.stop()
        text = self.field.text()
        found = Operation(self, self.store, self.actor, lambda uow: social_map.search_services(
            uow, text, limit=30)).failure(self._say).run()
        if found is None:
            return
        self.hits.clear()
        for service in found:
            item = QListWidgetItem(f"{service.label} · {service.kind_label}")
            item.setData(Qt.ItemDataRole.UserRole, service.id)
            item.setToolTip(service.description or service.label)
            self.hits.addItem(item)

    def _pick(self, item: QListWidgetItem) -> None:
        service_id = item.data(Qt.ItemDataRole.UserRole)
        if service_id is not None:
            self._set(service_id, item.text())

    def _set(self, service_id: uuid.UUID | None, text: str) -> None:
        self.service_id = service_id
        self.chosen.setText(text)
        self.clear_button.setEnabled(service_id is not None)


class ActionDialog(FormDialog):
    def __init__(self, store: Store, actor: Actor, action: ActionView | None,
                 save: SaveAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Actie wijzigen" if action else "Actie toevoegen")
        self._save = save
        self.what = QPlainTextEdit(action.what if action else "")
        self.what.setPlaceholderText("Wat gaat er gebeuren?")
        self.what.setTabChangesFocus(True)
        self.what.setMaximumHeight(70)
        self.who_kind = QComboBox()
        for kind in WhoKind:
            self.who_kind.addItem(kind.label, kind.value)
        self.who_kind.setCurrentIndex(self.who_kind.findData(
            (action.who_kind if action else WhoKind.INWONER).value))
        self.who_name = QLineEdit(action.who_name if action else "")
        self.who_name.setPlaceholderText("Naam van de persoon of organisatie")
        self.level = QComboBox()
        for item in support_levels():  # already lightest first
            self.level.addItem(f"{item.rank}. {item.label}", item.code)
        self.level.setCurrentIndex(max(self.level.findData(action.support_level), 0)
                                   if action else 0)
        self.prevention = QComboBox()
        self.prevention.addItem("Zoals de dienst (of geen)", None)
        for item in prevention_levels():
            self.prevention.addItem(item.label, item.code)
        self.prevention.setCurrentIndex(max(self.prevention.findData(
            action.prevention_level), 0) if action and action.prevention_level else 0)
        self.service = ServicePicker(store, actor, action.service_id if action else None,
                                     action.service_label if action else "")
        self.start = DateField(action.start_on if action else None)
        self.due = DateField(action.due_on if action else None)
        self.status = QComboBox()
        for status in ActionStatus:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(self.status.findData(
            (action.status if action else ActionStatus.GEPLAND).value))
        self.errors = {name: ErrorLabel() for name in
                       ("what", "who_kind", "who_name", "support_level", "service_id",
                        "start_on", "due_on", "status", "prevention_level")}
        self.general = ErrorLabel()
        self._lay_out()
        self.who_kind.currentIndexChanged.connect(lambda _i: self._who_changed())
        self._who_changed()
        self.resize(620, 520)

    def _lay_out(self) -> None:
        dates = QHBoxLayout()
        dates.addWidget(with_error(self.start, self.errors["start_on"]))
        dates.addWidget(QLabel("tot en met"))
        dates.addWidget(with_error(self.due, self.errors["due_on"]))
        dates.addStretch(1)
        who = QHBoxLayout()
        who.addWidget(self.who_kind)
        who.addWidget(self.who_name, 1)
        form = QFormLayout()
        form.addRow("&Wat", with_error(self.what, self.errors["what"]))
        who_label = QLabel("Wi&e")
        who_label.setBuddy(self.who_kind)
        form.addRow(who_label, who)
        form.addRow("", self.errors["who_name"])
        form.addRow("&Niveau", with_error(self.level, self.errors["support_level"]))
        form.addRow("", muted("Zo licht mogelijk: kies het lichtste niveau dat werkt."))
        form.addRow("&Dienst", with_error(self.service, self.errors["service_id"]))
        form.addRow("&Preventieniveau",
                    with_error(self.prevention, self.errors["prevention_level"]))
        form.addRow("Start en einde", dates)
        form.addRow("S&tatus", with_error(self.status, self.errors["status"]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def _who_changed(self) -> None:
        self.who_name.setEnabled(self.who_kind.currentData() != WhoKind.INWONER.value)

    def collect(self) -> ActionInput:
        kind = WhoKind(self.who_kind.currentData())
        return ActionInput(
            what=self.what.toPlainText(), who_kind=kind,
            who_name="" if kind is WhoKind.INWONER else self.who_name.text().strip(),
            support_level=self.level.currentData(), service_id=self.service.service_id,
            start_on=self.start.date_value(), due_on=self.due.date_value(),
            status=ActionStatus(self.status.currentData()),
            prevention_level=self.prevention.currentData())

    def submit(self) -> None:
        problems = {name: field.problem() for name, field in
                    (("start_on", self.start), ("due_on", self.due)) if field.problem()}
        if try_save(self.errors, self.general, problems, lambda: self._save(self.collect())):
            self.accept()
