"""Catalogue management for the functioneel beheerder: help-question types, vindplaatsen,
channels and outcomes. Codes are added, relabelled and switched off, never deleted or reused;
the label history of the selected code shows underneath."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.catalogues import admin
from intake.catalogues.fixed import laws
from intake.catalogues.stored import CatalogueEntryView, CatalogueKind
from intake.core.context import Actor
from intake.core.errors import ValidationError
from intake.store import Store
from ui.kit.dialogs import FormDialog
from ui.kit.notice import Notice
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel, RowsModel, make_table, show_field_errors, with_error

COLUMNS = ("Code", "Omschrijving", "Wet", "iJw-code", "Status")


class EntryDialog(FormDialog):
    """Add a code (code, label, law for a type, iJw code for a vindplaats) or relabel one."""

    def __init__(self, store: Store, actor: Actor, kind: CatalogueKind,
                 entry: CatalogueEntryView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.kind, self.entry = store, actor, kind, entry
        self.saved: CatalogueEntryView | None = None
        self.setWindowTitle(f"{kind.label}: " + ("omschrijving wijzigen" if entry else
                                                 "code toevoegen"))
        self.code = QLineEdit(entry.code if entry else "")
        self.code.setReadOnly(entry is not None)
        self.code.setPlaceholderText("bijvoorbeeld: armoede_kinderen")
        self.label = QLineEdit(entry.label if entry else "")
        self.law = QComboBox()
        self.law.addItem("— kies —", None)
        for law in laws():
            self.law.addItem(law.label, law.code)
        self.ijw = QLineEdit()
        self.ijw.setPlaceholderText("01 tot en met 08, leeg als er geen is")
        self.errors = {name: ErrorLabel() for name in ("code", "label", "law_code", "ijw_code")}
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow("&Code:", with_error(self.code, self.errors["code"]))
        form.addRow("Omsc&hrijving:", with_error(self.label, self.errors["label"]))
        if entry is None and kind is CatalogueKind.HULPVRAAGTYPE:
            form.addRow("&Wet:", with_error(self.law, self.errors["law_code"]))
        if entry is None and kind is CatalogueKind.VINDPLAATS:
            form.addRow("&iJw-verwijzerscode:", with_error(self.ijw, self.errors["ijw_code"]))
        if entry is not None:
            form.addRow("", QLabel("Eerdere registraties houden de omschrijving van toen."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.label if entry else self.code).setFocus()
        self.resize(520, 220)

    @classmethod
    def ask(cls, store: Store, actor: Actor, kind: CatalogueKind,
            entry: CatalogueEntryView | None = None,
            parent: QWidget | None = None) -> CatalogueEntryView | None:
        dialog = cls(store, actor, kind, entry, parent)
        dialog.exec()
        return dialog.saved

    def save(self) -> None:
        for label in (*self.errors.values(), self.message):
            label.show_message("")
        kind, entry, code, text = self.kind, self.entry, self.code.text(), self.label.text()
        law, ijw = self.law.currentData(), self.ijw.text().strip() or None
        saved = Operation(self, self.store, self.actor, lambda uow: admin.add_entry(
            uow, kind, code, text, law_code=law, ijw_code=ijw) if entry is None
            else admin.relabel(uow, kind, entry.code, text, entry.version)) \
            .on(ValidationError, lambda error: show_field_errors(
                self.errors, error.fields, self.message)) \
            .failure(lambda error: self.message.show_message(error.message)).run()
        if saved is not None:
            self.saved = saved
            self.accept()


class CatalogueAdminPage(QWidget):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.kind_box = QComboBox()
        for kind in CatalogueKind:
            self.kind_box.addItem(kind.label, kind.value)
        kind_label = QLabel("&Catalogus:")
        kind_label.setBuddy(self.kind_box)
        self.model = RowsModel(COLUMNS, self)
        self.table = make_table(self.model, stretch_column=1)
        self.entries: list[CatalogueEntryView] = []
        self.history_model = RowsModel(("Geldig vanaf", "Omschrijving"), self)
        self.history = make_table(self.history_model)
        self.history.setMaximumHeight(160)
        self.history_title = QLabel("Omschrijvingen door de tijd")
        self.add_button = QPushButton("Code &toevoegen…")
        self.relabel_button = QPushButton("Omschrijving &wijzigen…")
        self.active_button = QPushButton("&Uitzetten")
        top = QHBoxLayout()
        top.addWidget(kind_label)
        top.addWidget(self.kind_box)
        top.addStretch(1)
        for button in (self.add_button, self.relabel_button, self.active_button):
            top.addWidget(button)
        note = QLabel("Een code wordt nooit verwijderd of opnieuw gebruikt: zet hem uit als hij "
                      "niet meer nodig is. Eerdere registraties tonen de omschrijving van toen.")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history)
        self.kind_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.add_button.clicked.connect(self.add)
        self.relabel_button.clicked.connect(self.relabel)
        self.active_button.clicked.connect(self.toggle_active)
        self.refresh()

    @property
    def kind(self) -> CatalogueKind:
        return CatalogueKind(self.kind_box.currentData())

    def current(self) -> CatalogueEntryView | None:
        row = self.table.currentIndex().row()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def refresh(self, select_code: str | None = None) -> None:
        kind = self.kind
        found = Operation(self, self.store, self.actor,
                          lambda uow: admin.list_entries(uow, kind)).run()
        if found is None:
            return
        self.entries = found
        law_labels = {law.code: law.label for law in laws()}
        self.model.set_rows([
            (e.code, e.label, law_labels.get(e.law_code or "", e.law_code or ""),
             e.ijw_code or "", "in gebruik" if e.active else "uitgezet")
            for e in self.entries], [e.code for e in self.entries])
        codes = [e.code for e in self.entries]
        row = codes.index(select_code) if select_code in codes else 0
        if self.entries:
            self.table.selectRow(row)
        self._selected()

    def _selected(self) -> None:
        entry = self.current()
        for button in (self.relabel_button, self.active_button):
            button.setEnabled(entry is not None)
        self.active_button.setText("&Weer in gebruik" if entry and not entry.active
                                   else "&Uitzetten")
        if entry is None:
            self.history_model.set_rows([])
            return
        kind = self.kind
        changes = Operation(self, self.store, self.actor,
                            lambda uow: admin.label_history(uow, kind, entry.code)).run()
        if changes is None:
            return
        self.history_title.setText(f"Omschrijvingen van '{entry.code}' door de tijd")
        self.history_model.set_rows([(c.valid_from.strftime("%d-%m-%Y %H:%M"), c.label)
                                     for c in reversed(changes)])

    def add(self) -> None:
        saved = EntryDialog.ask(self.store, self.actor, self.kind, None, self)
        if saved is not None:
            self.refresh(saved.code)

    def relabel(self) -> None:
        entry = self.current()
        if entry is not None:
            saved = EntryDialog.ask(self.store, self.actor, self.kind, entry, self)
            if saved is not None:
                self.refresh(saved.code)

    def toggle_active(self) -> None:
        entry = self.current()
        if entry is None:
            return
        if entry.active and not Notice.confirm(
                self, f"'{entry.label}' uitzetten? Nieuwe registraties kunnen de code dan niet "
                      "meer kiezen; bestaande houden hem.", "Code uitzetten", "Uitzetten",
                "Annuleren"):
            return
        kind = self.kind
        Operation(self, self.store, self.actor, lambda uow: admin.set_active(
            uow, kind, entry.code, not entry.active, entry.version)).run()
        self.refresh(entry.code)
