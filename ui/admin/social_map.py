"""The sociale kaart for the functioneel beheerder: search, add, change, switch off (services
are never deleted, so old plans keep pointing at them)."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.catalogues import social_map
from intake.catalogues.fixed import life_domains, prevention_levels
from intake.catalogues.social_map import ServiceInput, ServiceView
from intake.core.context import Actor
from intake.core.errors import ValidationError
from intake.store import Store
from ui.kit import forms as plan_common
from ui.kit.dialogs import FormDialog
from ui.kit.forms import muted
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel, RowsModel, make_table, show_field_errors, with_error

HEADERS = ("Dienst", "Organisatie", "Soort", "Leefgebied", "Preventie", "Contact", "Actief")
SEARCH_DELAY_MS = 200


def service_input(view: ServiceView) -> ServiceInput:
    return ServiceInput(view.name, view.organisation, view.kind, view.domain_code,
                        view.description, view.contact, view.active, view.prevention_level)


class ServiceDialog(FormDialog):
    def __init__(self, store: Store, actor: Actor, service: ServiceView | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Dienst wijzigen" if service else "Dienst toevoegen")
        self.store, self.actor, self.service = store, actor, service
        self.saved: ServiceView | None = None
        data = service_input(service) if service else ServiceInput("", "", "algemeen", "")
        self.name = QLineEdit(data.name)
        self.organisation = QLineEdit(data.organisation)
        self.kind = QComboBox()
        for code, label in social_map.KINDS.items():
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        self.domain = QComboBox()
        self.domain.addItem("Kies…", "")
        for item in life_domains():
            self.domain.addItem(item.label, item.code)
        self.domain.setCurrentIndex(max(self.domain.findData(data.domain_code), 0))
        self.prevention = QComboBox()
        self.prevention.addItem("Geen (zorg, geen preventie)", None)
        for item in prevention_levels():
            self.prevention.addItem(item.label, item.code)
        self.prevention.setCurrentIndex(max(self.prevention.findData(data.prevention_level), 0)
                                        if data.prevention_level else 0)
        self.description = QPlainTextEdit(data.description)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.contact = QLineEdit(data.contact)
        self.contact.setPlaceholderText("Telefoon, e-mail of website")
        self.active = QCheckBox("Actief (te kiezen bij een actie)")
        self.active.setChecked(data.active)
        self.errors = {name: ErrorLabel() for name in
                       ("name", "organisation", "kind", "domain_code", "description", "contact",
                        "prevention_level")}
        self.general = ErrorLabel()
        form = QFormLayout()
        form.addRow("&Naam", with_error(self.name, self.errors["name"]))
        form.addRow("&Organisatie", with_error(self.organisation, self.errors["organisation"]))
        form.addRow("&Soort", with_error(self.kind, self.errors["kind"]))
        form.addRow("&Leefgebied", with_error(self.domain, self.errors["domain_code"]))
        form.addRow("&Preventieniveau",
                    with_error(self.prevention, self.errors["prevention_level"]))
        form.addRow("&Omschrijving", with_error(self.description, self.errors["description"]))
        form.addRow("&Contact", with_error(self.contact, self.errors["contact"]))
        form.addRow("", self.active)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def collect(self) -> ServiceInput:
        return ServiceInput(self.name.text(), self.organisation.text(), self.kind.currentData(),
                            self.domain.currentData(), self.description.toPlainText(),
                            self.contact.text(), self.active.isChecked(),
                            self.prevention.currentData())

    def submit(self) -> None:
        data = self.collect()
        service = self.service
        saved = Operation(self, self.store, self.actor, lambda uow: (
            social_map.add_service(uow, data) if service is None
            else social_map.update_service(uow, service.id, service.version, data))) \
            .on(ValidationError, lambda error: show_field_errors(
                self.errors, error.fields, self.general)) \
            .failure(lambda error: self.general.show_message(error.message)).run()
        if saved is not None:
            self.saved = saved
            self.accept()


class SocialMapAdmin(QWidget):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.services: list[ServiceView] = []
        self.field = QLineEdit()
        self.field.setPlaceholderText("Zoek op dienst of organisatie")
        self.field.setClearButtonEnabled(True)
        self.show_inactive = QCheckBox("Ook uitgezette diensten")
        self.caption = muted()
        self.model = RowsModel(HEADERS, self)
        self.table = make_table(self.model, stretch_column=0)
        self.add_button = QPushButton("Dienst &toevoegen…")
        self.edit_button = QPushButton("&Wijzigen…")
        self.toggle_button = QPushButton("&Uitzetten")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        search = QHBoxLayout()
        search.addWidget(self.field, 1)
        search.addWidget(self.show_inactive)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        title = QLabel("Sociale kaart")
        title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(muted("Diensten en organisaties die een consulent bij een actie kan "
                               "kiezen. Een dienst wordt nooit verwijderd, alleen uitgezet: "
                               "plannen die ernaar verwijzen blijven kloppen."))
        layout.addLayout(search)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self._timer.timeout.connect(self.refresh)
        self.show_inactive.toggled.connect(lambda _c: self.refresh())
        self.add_button.clicked.connect(self.add_service)
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _new, _old: self._update_buttons())
        self.refresh()

    def refresh(self, select: uuid.UUID | None = None) -> None:
        self._timer.stop()
        text, inactive = self.field.text(), self.show_inactive.isChecked()
        found = Operation(self, self.store, self.actor, lambda uow: social_map.search_services(
            uow, text, include_inactive=inactive, limit=500)) \
            .failure(lambda error: self.caption.setText(error.message)).run()
        if found is None:
            return
        self.services = found
        self.model.set_rows([(s.name, s.organisation, s.kind_label, s.domain_label,
                              s.prevention_level_label or "geen", s.contact,
                              "ja" if s.active else "uitgezet") for s in self.services],
                            [s.id for s in self.services])
        self.caption.setText(f"{len(self.services)} diensten")
        if select in self.model.keys:
            self.table.selectRow(self.model.keys.index(select))
        elif self.services:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> ServiceView | None:
        row = self.table.currentIndex().row()
        return self.services[row] if 0 <= row < len(self.services) else None

    def _update_buttons(self) -> None:
        service = self.selected()
        self.edit_button.setEnabled(service is not None)
        self.toggle_button.setEnabled(service is not None)
        self.toggle_button.setText("&Weer aanzetten" if service and not service.active
                                   else "&Uitzetten")

    def add_service(self) -> None:
        dialog = ServiceDialog(self.store, self.actor, None, self)
        if plan_common.accepted(dialog) and dialog.saved is not None:
            self.refresh(dialog.saved.id)

    def edit_selected(self) -> None:
        service = self.selected()
        if service is None:
            return
        dialog = ServiceDialog(self.store, self.actor, service, self)
        if plan_common.accepted(dialog) and dialog.saved is not None:
            self.refresh(dialog.saved.id)

    def toggle_selected(self) -> None:
        service = self.selected()
        if service is None:
            return
        data = replace(service_input(service), active=not service.active)
        # A refusal (a conflict included) is shown; the list reloads below either way.
        Operation(self, self.store, self.actor, lambda uow: social_map.update_service(
            uow, service.id, service.version, data)).run()
        if not data.active and not self.show_inactive.isChecked():
            self.refresh()
        else:
            self.refresh(service.id)
