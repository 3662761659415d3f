"""The functioneel beheerder's upkeep: backups, the audit seal and their reminders.

Restoring puts a backup at a new place (never over the open store); the beheerder then opens
that store from the start screen. Replacing a store in place is for ``intake restore
--replace`` with the app closed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake.core import audit
from intake.core.clock import format_local
from intake.core.context import Actor, UnitOfWork
from intake.core.seal import Seal, seal_chain, write_seal
from intake.store import Store, StoreLocation
from intake.store.backup import BackupReport, RestoreReport, make_backup, restore_backup
from intake.store.reminders import MAX_DAYS, UpkeepView, set_reminder_days, upkeep
from intake.store.screen_lock import MAX_LOCK_MINUTES, lock_minutes, set_lock_minutes
from ui.kit.dialogs import FormDialog
from ui.kit.files import FilePicker
from ui.kit.notice import Notice
from ui.kit.operation import Operation
from ui.kit.widgets import ErrorLabel

BACKUP_FILTER = "Reservekopieën (*.reservekopie)"
SEAL_FILTER = "Zegels van de audittrail (*.zegel.json)"


class RestoreDialog(FormDialog):
    """A backup put back at a new place, checked, with the beheerder's password of then."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reservekopie terugzetten")
        self.store = store
        self.actor = actor
        self.restored: RestoreReport | None = None
        self.backup = QLineEdit()
        choose = QPushButton("&Kiezen…")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.backup, 1)
        row.addWidget(choose)
        self.target = QLineEdit()
        self.target.setPlaceholderText("een nieuw bestand, bijvoorbeeld …/teruggezet/intake.db")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow("&Reservekopie", row)
        form.addRow("&Terugzetten als", self.target)
        form.addRow("&Uw wachtwoord", self.password)
        explain = QLabel("Het wachtwoord is het wachtwoord dat u had toen de reservekopie werd "
                         "gemaakt. De huidige gegevensopslag blijft zoals hij is.")
        explain.setWordWrap(True)
        self.message = ErrorLabel()
        buttons = QDialogButtonBox()
        buttons.addButton("Terugzetten", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @classmethod
    def ask(cls, store: Store, actor: Actor, parent: QWidget | None = None) -> RestoreReport | None:
        dialog = cls(store, actor, parent)
        dialog.exec()
        return dialog.restored

    def _choose(self) -> None:
        path = FilePicker.open(self, "Reservekopie kiezen", BACKUP_FILTER)
        if path is not None:
            self.backup.setText(str(path))

    def submit(self) -> None:
        backup, target = self.backup.text().strip(), self.target.text().strip()
        if not backup or not target:
            self.message.show_message("Kies de reservekopie en de plek om hem terug te zetten.")
            return
        username, password = self.actor.username, self.password.text()
        location = StoreLocation.parse(target)

        def work(_uow: UnitOfWork) -> RestoreReport:
            # The open store is not touched: restore refuses any existing store here.
            return restore_backup(Path(backup), location, username, password)

        restored = Operation(self, self.store, self.actor, work).failure(
            lambda error: self.message.show_message(error.message)).run()
        if restored is not None:
            self.restored = restored
            self.mark_clean()
            self.accept()


class UpkeepPage(QWidget):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.reminders: tuple[str, ...] = ()
        self.reminder = QLabel()
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("QLabel { background: #FFF4CE; padding: 6px; }")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backup_button = QPushButton("&Reservekopie maken…")
        self.restore_button = QPushButton("Reservekopie &terugzetten…")
        self.seal_button = QPushButton("Audittrail &verzegelen…")
        self.verify_button = QPushButton("Audittrail &controleren met zegel…")
        self.backup_days = QSpinBox()
        self.seal_days = QSpinBox()
        for box in (self.backup_days, self.seal_days):
            box.setRange(1, MAX_DAYS)
            box.setSuffix(" dagen")
        self.save_days = QPushButton("Herinneringen &opslaan")
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(1, MAX_LOCK_MINUTES)
        self.lock_minutes.setSuffix(" minuten zonder invoer")
        self.save_lock = QPushButton("Vergrendeltijd op&slaan")
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.seal_button,
                       self.verify_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        days = QFormLayout()
        days.addRow("Herinner aan een reservekopie na", self.backup_days)
        days.addRow("Herinner aan een zegel na", self.seal_days)
        days.addRow("", self.save_days)
        days.addRow("Scherm vergrendelen na", self.lock_minutes)
        days.addRow("", self.save_lock)
        intro = QLabel("Maak regelmatig een reservekopie en bewaar hem buiten deze computer. "
                       "Het zegel van de audittrail bewaart u ergens anders (op papier of een "
                       "USB-stick): daarmee ziet u later of de audittrail is aangepast.")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reminder)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addLayout(days)
        layout.addStretch(1)
        self.backup_button.clicked.connect(self.make_backup)
        self.restore_button.clicked.connect(self.restore)
        self.seal_button.clicked.connect(self.seal)
        self.verify_button.clicked.connect(self.verify)
        self.save_days.clicked.connect(self.save_reminder_days)
        self.save_lock.clicked.connect(self.save_lock_minutes)
        self.refresh()

    def refresh(self) -> None:
        Operation(self, self.store, self.actor, upkeep).success(self.show_upkeep).run()
        Operation(self, self.store, self.actor, lock_minutes) \
            .success(self.lock_minutes.setValue).run()

    def save_lock_minutes(self) -> None:
        """Windows opened from now on lock after this time (an open one keeps its own)."""
        minutes = self.lock_minutes.value()
        Operation(self, self.store, self.actor, lambda uow: set_lock_minutes(uow, minutes)) \
            .success(self.lock_minutes.setValue).run()

    def show_upkeep(self, view: UpkeepView) -> None:
        self.reminders = view.reminders
        self.reminder.setText("\n".join(view.reminders))
        self.reminder.setVisible(bool(view.reminders))
        last_backup = format_local(view.last_backup) if view.last_backup else "nog nooit"
        last_seal = format_local(view.last_seal) if view.last_seal else "nog nooit"
        self.status.setText(f"Laatste reservekopie: {last_backup}. Laatste zegel: {last_seal}.")
        self.backup_days.setValue(view.backup_days)
        self.seal_days.setValue(view.seal_days)

    def make_backup(self) -> None:
        path = FilePicker.save(self, "Reservekopie opslaan", "intake.reservekopie",
                               BACKUP_FILTER)
        if path is None:
            return

        def work(uow: UnitOfWork) -> BackupReport:
            return make_backup(uow, path)

        Operation(self, self.store, self.actor, work) \
            .with_progress("De reservekopie wordt gemaakt…", cancellable=False) \
            .success(self._backed_up).run_in_background()

    def _backed_up(self, report: BackupReport) -> None:
        Notice.info(self, f"Reservekopie opgeslagen in {report.path} ({report.households} "
                          f"huishoudens). Bewaar hem buiten deze computer.")
        self.refresh()

    def restore(self) -> None:
        restored = RestoreDialog.ask(self.store, self.actor, self)
        if restored is not None:
            Notice.info(self, f"De reservekopie van {format_local(restored.made_at)} staat nu op "
                              f"{restored.path} ({restored.households} huishoudens, audittrail "
                              "intact). Open hem via het startscherm.")

    def seal(self) -> None:
        path = FilePicker.save(self, "Zegel opslaan", "audittrail.zegel.json", SEAL_FILTER)
        if path is None:
            return

        def work(uow: UnitOfWork) -> Seal:
            made = seal_chain(uow)
            write_seal(made, path)
            return made

        made = Operation(self, self.store, self.actor, work).run()
        if made is not None:
            Notice.info(self, f"Zegel opgeslagen in {path} ({made.head.entries} regels). "
                              "Bewaar het buiten deze computer.")
            self.refresh()

    def verify(self) -> None:
        path = FilePicker.open(self, "Zegel kiezen", SEAL_FILTER)
        if path is None:
            return

        def work(uow: UnitOfWork) -> audit.ChainReport:
            return audit.verify_chain(uow, Seal.read(path).head)

        report = Operation(self, self.store, self.actor, work).run()
        if report is None:
            return
        if report.ok:
            Notice.info(self, f"De audittrail is intact en klopt met het zegel "
                              f"({report.entries} regels).")
        elif report.broken_at is not None:
            Notice.warn(self, f"De audittrail is gebroken bij regel {report.broken_at}.")
        else:
            Notice.warn(self, f"De audittrail klopt niet met het zegel: {report.seal_problem}.")

    def save_reminder_days(self) -> None:
        backup_days, seal_days = self.backup_days.value(), self.seal_days.value()
        Operation(self, self.store, self.actor,
                  lambda uow: set_reminder_days(uow, backup_days, seal_days)) \
            .success(self.show_upkeep).run()
