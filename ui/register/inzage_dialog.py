"""'Inzage voor de inwoner': one member's answer to article 15 AVG, as PDF (and JSON).

Built off the UI thread; the files are written where the professional chose. When something is
withheld (signals, Meldcode), the dialog says a professional reviews it before it leaves.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.core.context import Actor
from intake.inzage import InzageFiles, make_inzage
from intake.register.households import HouseholdView
from intake.store import Store
from ui.kit.dialogs import FormDialog
from ui.kit.files import FilePicker, in_documents
from ui.kit.forms import muted
from ui.kit.notice import Notice
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel


class InzageDialog(FormDialog):
    asks_before_discarding = False  # nothing typed that is lost: the choice is made again

    def __init__(self, store: Store, actor: Actor, view: HouseholdView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Inzage voor de inwoner – {view.dossiernummer}")
        self.store, self.actor, self.view = store, actor, view
        self.written: list[Path] = []
        self.member = QComboBox()
        for member in view.members:
            self.member.addItem(member.name, member.id)
        self.path = QLineEdit(in_documents(f"inzage-{view.dossiernummer}.pdf"))
        self.browse = QPushButton("&Bladeren…")
        self.with_json = QCheckBox("Ook als &JSON-bestand (gegevensoverdracht)")
        self.with_json.setChecked(True)
        self.general = ErrorLabel()
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("&Gezinslid", self.member)
        form.addRow("&Opslaan als", where)
        form.addRow("", self.with_json)
        buttons = QDialogButtonBox()
        self.main_button = buttons.addButton("&Opstellen", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(
            "Alles wat over dit gezinslid is vastgelegd (artikel 15 AVG), zonder de bijzondere "
            "gegevens van andere gezinsleden. Aantekeningen bij signalen en de Meldcode worden "
            "achtergehouden met de wettelijke grond."))
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.browse.clicked.connect(self.choose_file)
        self.resize(560, 240)

    def choose_file(self) -> None:
        chosen = FilePicker.save(self, "Inzage opslaan als", self.path.text(), "PDF (*.pdf)")
        if chosen is not None:
            self.path.setText(str(chosen))

    def submit(self) -> None:
        target = Path(self.path.text().strip()).expanduser()
        if target.suffix.lower() != ".pdf":
            self.general.show_message("Kies een bestandsnaam die eindigt op .pdf.")
            return
        store, actor, household_id = self.store, self.actor, self.view.id
        member_id: uuid.UUID = self.member.currentData()
        Operation(self, store, actor,
                  lambda uow: make_inzage(uow, household_id, member_id=member_id)) \
            .success(lambda files: self._write(target, files)) \
            .failure(lambda error: self.general.show_message(error.message)) \
            .with_progress("Inzage opstellen…", cancellable=False).run_in_background()

    def _write(self, target: Path, files: InzageFiles) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files.pdf)
            self.written = [target]
            if self.with_json.isChecked():
                target.with_suffix(".json").write_bytes(files.json)
                self.written.append(target.with_suffix(".json"))
        except OSError as error:
            self.general.show_message(f"Het bestand kan niet worden geschreven: {error.strerror}")
            return
        names = " en ".join(p.name for p in self.written)
        review = (f" Er zijn {files.withheld} onderdelen achtergehouden: laat een professional "
                  "het overzicht beoordelen voordat het het team verlaat."
                  if files.needs_review else "")
        Notice.info(self, f"Inzage opgeslagen als {names}.{review}")
        self.accept()

    @classmethod
    def ask(cls, store: Store, actor: Actor, view: HouseholdView,
            parent: QWidget | None = None) -> None:
        cls(store, actor, view, parent).exec()
