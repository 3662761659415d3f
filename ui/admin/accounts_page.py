"""The functioneel beheerder's screen: accounts listed, added, blocked and re-passworded.

A beheerder sees this instead of the search: they manage the application, not case content.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.core.clock import format_local
from intake.core.context import Actor
from intake.core.errors import ValidationError
from intake.core.roles import Role
from intake.store import RekeyReport, Store, accounts, make_recovery_key, rekey_store
from ui.admin.recovery_key import RecoveryKeyDialog
from ui.kit.dialogs import FormDialog
from ui.kit.notice import Notice
from ui.kit.operation import Attempt, Operation, report_progress
from ui.kit.widgets import ErrorLabel, RowsModel, make_table, with_error

PASSWORDS_DIFFER = "De twee wachtwoorden zijn niet gelijk."


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _FormDialog(FormDialog):
    """A form, a message line and Opslaan/Annuleren; ``submit`` does the work."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.message = ErrorLabel()
        buttons = QDialogButtonBox()
        ok = buttons.addButton("Opslaan", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        raise NotImplementedError


class AccountDialog(_FormDialog):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__("Account toevoegen", parent)
        self.store = store
        self.actor = actor
        self.added: accounts.AccountView | None = None
        self.display_name = QLineEdit()
        self.username = QLineEdit()
        self.username.setPlaceholderText("bijvoorbeeld c.jansen")
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(list(Role).index(Role.CONSULENT))
        self.vindplaats = QLineEdit()
        self.vindplaats.setPlaceholderText("bijvoorbeeld huisarts")
        self.password = _password_field()
        self.password_again = _password_field()
        self.username_error = ErrorLabel()
        self.password_error = ErrorLabel()
        self.form.addRow("&Naam:", self.display_name)
        self.form.addRow("&Gebruikersnaam:", with_error(self.username, self.username_error))
        self.form.addRow("&Rol:", self.role)
        self.form.addRow("&Vindplaats:", self.vindplaats)
        self.form.addRow("&Wachtwoord:", self.password)
        self.form.addRow("Wachtwoord &herhalen:",
                         with_error(self.password_again, self.password_error))
        self.role.currentIndexChanged.connect(lambda _index: self._role_changed())
        self._role_changed()

    @classmethod
    def ask(cls, store: Store, actor: Actor,
            parent: QWidget | None = None) -> accounts.AccountView | None:
        dialog = cls(store, actor, parent)
        dialog.exec()
        return dialog.added

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def _role_changed(self) -> None:
        self.vindplaats.setEnabled(self.chosen_role() is Role.VINDPLAATS)

    def _refused(self, error: ValidationError) -> None:
        self.username_error.show_message(error.fields.get("username", ""))
        self.password_error.show_message(error.fields.get("password", ""))
        self.message.show_message(error.fields.get("display_name", ""))

    def submit(self) -> None:
        for label in (self.message, self.username_error, self.password_error):
            label.show_message("")
        if self.password.text() != self.password_again.text():
            self.password_error.show_message(PASSWORDS_DIFFER)
            return
        role = self.chosen_role()
        vindplaats = self.vindplaats.text().strip() if role is Role.VINDPLAATS else ""
        username, name, password = (self.username.text().strip(), self.display_name.text(),
                                    self.password.text())
        added = Operation(self, self.store, self.actor, lambda uow: accounts.add_account(
            uow, username, name, role, password, vindplaats or None)) \
            .on(ValidationError, self._refused) \
            .failure(lambda error: self.message.show_message(error.message)).run()
        if added is None:
            return
        self.added = added
        self.accept()


class PasswordDialog(_FormDialog):
    def __init__(self, store: Store, actor: Actor, username: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(f"Nieuw wachtwoord voor {username}", parent)
        self.store = store
        self.actor = actor
        self.username = username
        self.password = _password_field()
        self.password_again = _password_field()
        intro = QLabel("Geef de medewerker het nieuwe wachtwoord persoonlijk door.")
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.form.addRow("&Nieuw wachtwoord:", self.password)
        self.form.addRow("Wachtwoord &herhalen:", self.password_again)

    @classmethod
    def ask(cls, store: Store, actor: Actor, username: str, parent: QWidget | None = None) -> bool:
        return cls(store, actor, username, parent).exec() == QDialog.DialogCode.Accepted

    def submit(self) -> None:
        if self.password.text() != self.password_again.text():
            self.message.show_message(PASSWORDS_DIFFER)
            return
        username, password = self.username, self.password.text()
        changing = Operation(self, self.store, self.actor, lambda uow: accounts.change_password(
            uow, username, password)).failure(lambda error: self.message.show_message(
                error.message))
        changing.run()
        if changing.ok:
            self.accept()


class AccountsPage(QWidget):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.model = RowsModel(("Gebruikersnaam", "Naam", "Rol", "Vindplaats", "Status",
                                "Aangemaakt"), self)
        self.table = make_table(self.model)
        self.add_button = QPushButton("Account &toevoegen…")
        self.disable_button = QPushButton("&Blokkeren…")
        self.password_button = QPushButton("&Wachtwoord opnieuw instellen…")
        self.recovery_button = QPushButton("&Herstelsleutel maken…")
        self.recovery_button.setEnabled(store.keyring is not None)
        intro = QLabel("Als functioneel beheerder beheert u de accounts. Dossiers van inwoners "
                       "kunt u niet openen.")
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.password_button,
                       self.recovery_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_account)
        self.disable_button.clicked.connect(self.disable_selected)
        self.password_button.clicked.connect(self.reset_password)
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        views = Operation(self, self.store, self.actor, accounts.list_accounts).run()
        if views is None:
            return
        self.model.set_rows([
            (v.username, v.display_name, v.role.label, v.vindplaats_code or "",
             "Geblokkeerd" if v.disabled else "Actief", format_local(v.created_at))
            for v in views
        ], [v.username for v in views])
        self._disabled = {v.username for v in views if v.disabled}
        self._update_buttons()

    def selected_username(self) -> str | None:
        row = self.table.currentIndex().row()
        if row < 0 or row >= self.model.rowCount():
            return None
        username: str = self.model.keys[row]
        return username

    def select(self, username: str) -> None:
        if username in self.model.keys:
            self.table.selectRow(self.model.keys.index(username))

    def _update_buttons(self) -> None:
        username = self.selected_username()
        usable = username is not None and username not in self._disabled
        self.disable_button.setEnabled(usable and username != self.actor.username)
        self.password_button.setEnabled(usable)

    def add_account(self) -> None:
        added = AccountDialog.ask(self.store, self.actor, self)
        if added is not None:
            self.refresh()
            self.select(added.username)

    def disable_selected(self) -> None:
        username = self.selected_username()
        if username is None or not Notice.confirm(
                self, f"Account '{username}' blokkeren? De medewerker kan zich daarna niet meer "
                "aanmelden. Dit kunt u niet ongedaan maken.",
                "Account blokkeren", "Blokkeren", "Annuleren"):
            return
        blocking = Operation(self, self.store, self.actor,
                             lambda uow: accounts.disable_account(uow, username))
        blocking.run()
        self.refresh()
        self.select(username)
        if blocking.ok and self.store.keyring is not None:
            self.replace_key()

    def replace_key(self) -> None:
        """A new store key, so the blocked person's copy of the key file opens nothing.
        Other windows on this store are told to sign in again."""
        store, actor = self.store, self.actor
        Attempt(self, lambda: rekey_store(store, actor, report_progress)) \
            .with_progress("Nieuwe sleutel voor de gegevensopslag…", cancellable=False) \
            .success(self._key_replaced).run_in_background()

    def _key_replaced(self, report: RekeyReport) -> None:
        lines = [f"De gegevensopslag heeft een nieuwe sleutel, verzegeld voor {report.accounts} "
                 "account(s)" + (" en de herstelsleutel." if report.recovery else ".")]
        if not report.recovery:
            lines.append("Er is geen herstelsleutel: maak er een met 'Herstelsleutel maken'.")
        lines += [f"Account '{name}' had nog het oude sleutelformaat: stel een nieuw wachtwoord "
                  "in." for name in report.need_new_password]
        Notice.info(self, "\n\n".join(lines), "Nieuwe sleutel")

    def new_recovery_key(self) -> None:
        if not Notice.confirm(
                self, "Een nieuwe herstelsleutel maken? De oude werkt daarna niet meer.",
                "Herstelsleutel maken", "Nieuwe sleutel maken", "Annuleren"):
            return
        made = Operation(self, self.store, self.actor, make_recovery_key).run()
        if made is not None:
            RecoveryKeyDialog.show_once(made, self)

    def reset_password(self) -> None:
        username = self.selected_username()
        if username is not None and PasswordDialog.ask(self.store, self.actor, username, self):
            Notice.info(self, f"Het wachtwoord van '{username}' is gewijzigd.")
