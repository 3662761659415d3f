"""First start (the first functioneel beheerder) and signing in with a personal password."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intake.core.errors import AccountLockedError, KnownError, ValidationError
from intake.store.location import is_replica
from ui.kit.dialogs import FormDialog
from ui.kit.operation import Attempt
from ui.kit.widgets import ErrorLabel, with_error

# The window paints before the store's libraries load: the store, the team client and the
# dialogs that need them are imported where they are used (mostly in the background sign-in,
# while the person types).
if TYPE_CHECKING:
    from intake.core.context import Actor
    from intake.store import Store, StoreLocation

SignedIn = tuple["Store", "Actor"]


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    return label


def _store_line(location: StoreLocation) -> QLabel:
    label = QLabel(f"Gegevensopslag: {location.describe()}")
    label.setStyleSheet("color: palette(placeholder-text);")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _SignInDialog(FormDialog):
    """Shared frame: heading, explanation, a form, a message line and two buttons."""

    def __init__(self, location: StoreLocation, heading: str, intro: str, ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.signed_in: SignedIn | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = ErrorLabel()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(_heading(heading))
        layout.addWidget(intro_label)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(_store_line(location))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def submit(self) -> None:
        raise NotImplementedError


class FirstStartDialog(_SignInDialog):
    """No store yet: create it together with the first functioneel beheerder."""

    def __init__(self, location: StoreLocation, parent: QWidget | None = None) -> None:
        super().__init__(
            location, "Welkom",
            "Er is nog geen gegevensopslag. Maak eerst het account aan van de functioneel "
            "beheerder: die maakt daarna de accounts van de medewerkers aan.",
            "Aanmaken", parent)
        self.setWindowTitle("Eerste start")
        self.display_name = QLineEdit()
        self.username = QLineEdit()
        self.username.setPlaceholderText("bijvoorbeeld j.jansen")
        self.password = _password_field()
        self.password_again = _password_field()
        self.username_error = ErrorLabel()
        self.password_error = ErrorLabel()
        self.form.addRow("&Naam:", self.display_name)
        self.form.addRow("&Gebruikersnaam:", with_error(self.username, self.username_error))
        self.form.addRow("&Wachtwoord:", self.password)
        self.form.addRow("Wachtwoord &herhalen:",
                         with_error(self.password_again, self.password_error))
        join = self.buttons.addButton("Aansluiten op een &teamopslag…",
                                      QDialogButtonBox.ButtonRole.ActionRole)
        join.setAutoDefault(False)
        join.clicked.connect(self.join_team)

    def join_team(self) -> None:
        """A laptop of a team: a replica of the team store instead of a store of its own."""
        from ui.team.join import JoinDialog

        self.signed_in = JoinDialog.ask(self.location, self)
        if self.signed_in is not None:
            self.accept()

    @classmethod
    def ask(cls, location: StoreLocation) -> SignedIn | None:
        dialog = cls(location)
        dialog.exec()
        return dialog.signed_in

    def submit(self) -> None:
        self.username_error.show_message("")
        self.password_error.show_message("")
        self.message.show_message("")
        if not self.display_name.text().strip():
            self.message.show_message("Vul uw naam in.")
            self.display_name.setFocus()
            return
        if self.password.text() != self.password_again.text():
            self.password_error.show_message("De twee wachtwoorden zijn niet gelijk.")
            self.password_again.setFocus()
            return
        from intake.store import create_store
        from ui.admin.recovery_key import RecoveryKeyDialog

        signed_in = Attempt(self, lambda: create_store(
            self.location, self.username.text().strip(), self.display_name.text().strip(),
            self.password.text())) \
            .on(ValidationError, self._refused) \
            .failure(lambda error: self.message.show_message(error.message)).run()
        if signed_in is not None:
            self.signed_in = signed_in
            shown = signed_in[0].take_recovery_key()
            if shown is not None:
                RecoveryKeyDialog.show_once(shown, self)
            self.accept()

    def _refused(self, error: ValidationError) -> None:
        self.username_error.show_message(error.fields.get("username", ""))
        self.password_error.show_message(error.fields.get("password", ""))


class LoginDialog(_SignInDialog):
    """Unlocks the store with the person's own password; a lockout counts down visibly."""

    asks_before_discarding = False  # nothing typed here to lose

    def __init__(self, location: StoreLocation, parent: QWidget | None = None) -> None:
        super().__init__(location, "Aanmelden",
                         "Meld u aan met uw eigen gebruikersnaam en wachtwoord.", "Aanmelden",
                         parent)
        self.setWindowTitle("Aanmelden")
        self.username = QLineEdit()
        self.password = _password_field()
        self.form.addRow("&Gebruikersnaam:", self.username)
        self.form.addRow("&Wachtwoord:", self.password)
        if not is_replica(location):
            recovering = self.buttons.addButton("&Herstelsleutel gebruiken…",
                                                QDialogButtonBox.ButtonRole.ActionRole)
            recovering.setAutoDefault(False)
            recovering.clicked.connect(self.use_recovery_key)
        self._deadline = 0.0
        self.busy = False  # a sign-in is running in the background
        self._countdown = QTimer(self)
        # A coarse timer may fire a little early; the lock in the store would then still hold.
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)

    @classmethod
    def ask(cls, location: StoreLocation) -> SignedIn | None:
        dialog = cls(location)
        dialog.exec()
        return dialog.signed_in

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.message.show_message("")
        location, username, password = self.location, self.username.text().strip(), \
            self.password.text()
        # The key derivation takes a moment: off the UI thread, so the window keeps painting.
        self.busy = True
        self.ok_button.setEnabled(False)
        Attempt(self, lambda: _open(location, username, password)) \
            .with_progress("Bezig met aanmelden…", cancellable=False) \
            .on(AccountLockedError, lambda error: self._lock(error.seconds)) \
            .failure(self._refused).success(self._accepted).always(self._ended) \
            .run_in_background()

    def _accepted(self, signed_in: SignedIn) -> None:
        self.signed_in = signed_in
        self.accept()

    def _ended(self) -> None:
        self.busy = False
        self.ok_button.setEnabled(not self._countdown.isActive())

    def use_recovery_key(self) -> None:
        """Every beheerder password lost: the recovery key sets a new one."""
        signed_in = RecoverDialog.ask(self.location, self)
        if signed_in is not None:
            self.signed_in = signed_in
            self.accept()

    def _refused(self, error: KnownError) -> None:
        self.message.show_message(error.message)
        self.password.selectAll()
        self.password.setFocus()

    def _lock(self, seconds: int) -> None:
        self._deadline = time.monotonic() + seconds
        self.ok_button.setEnabled(False)
        self._tick()
        self._countdown.start()

    def _tick(self) -> None:
        left = math.ceil(self._deadline - time.monotonic())
        if left > 0:
            self.message.show_message(
                "Te veel mislukte pogingen. Probeer het over "
                f"{left} {'seconde' if left == 1 else 'seconden'} opnieuw.")
            return
        self._countdown.stop()
        self.ok_button.setEnabled(True)
        self.message.show_message("")
        self.password.setFocus()


def _open(location: StoreLocation, username: str, password: str) -> SignedIn:
    """In the background: plain values in, the signed-in store out."""
    if not is_replica(location):
        from intake.store import open_store

        signed_in = open_store(location, username, password)
    else:
        from intake.team.replica import open_replica
        from ui.team.panel import remember_password

        signed_in = open_replica(location, username, password)
        remember_password(signed_in[0], password)
    _load_screens()
    return signed_in


def _load_screens() -> None:
    """The main window's modules, imported here in the background (their module code makes
    no widgets, only colours and sizes), so the UI thread does not stall on them after the
    sign-in; the login window was painted without them."""
    import ui.app.main_window  # noqa: F401


class RecoverDialog(_SignInDialog):
    """The recovery key and a new password for one functioneel beheerder."""

    def __init__(self, location: StoreLocation, parent: QWidget | None = None) -> None:
        super().__init__(
            location, "Herstelsleutel gebruiken",
            "Zijn alle wachtwoorden van functioneel beheerders kwijt? Typ de herstelsleutel "
            "over van papier en kies een nieuw wachtwoord voor een functioneel beheerder. Dit "
            "wordt vastgelegd in de audittrail.", "Wachtwoord instellen", parent)
        self.setWindowTitle("Herstelsleutel gebruiken")
        self.username = QLineEdit()
        self.recovery_key = QLineEdit()
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-XXXXX-…")
        self.password = _password_field()
        self.password_again = _password_field()
        self.key_error = ErrorLabel()
        self.username_error = ErrorLabel()
        self.password_error = ErrorLabel()
        self.form.addRow("&Gebruikersnaam beheerder:",
                         with_error(self.username, self.username_error))
        self.form.addRow("&Herstelsleutel:", with_error(self.recovery_key, self.key_error))
        self.form.addRow("&Nieuw wachtwoord:", self.password)
        self.form.addRow("Wachtwoord &herhalen:",
                         with_error(self.password_again, self.password_error))

    @classmethod
    def ask(cls, location: StoreLocation, parent: QWidget | None = None) -> SignedIn | None:
        dialog = cls(location, parent)
        dialog.exec()
        return dialog.signed_in

    def submit(self) -> None:
        for label in (self.message, self.key_error, self.username_error, self.password_error):
            label.show_message("")
        if self.password.text() != self.password_again.text():
            self.password_error.show_message("De twee wachtwoorden zijn niet gelijk.")
            self.password_again.setFocus()
            return
        username, typed, password = (self.username.text().strip(), self.recovery_key.text(),
                                     self.password.text())
        from intake.store import recover

        signed_in = Attempt(self, lambda: recover(self.location, username, typed, password)) \
            .on(ValidationError, self._refused) \
            .failure(lambda error: self.message.show_message(error.message)).run()
        if signed_in is not None:
            self.signed_in = signed_in
            self.accept()

    def _refused(self, error: ValidationError) -> None:
        self.key_error.show_message(error.fields.get("recovery_key", ""))
        self.username_error.show_message(error.fields.get("username", ""))
        self.password_error.show_message(error.fields.get("password", ""))
