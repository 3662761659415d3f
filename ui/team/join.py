"""First start on a laptop: "Aansluiten op een teamopslag" (address, user name, password).

Makes the encrypted replica, fills it at the team server and signs in. A CA file for a test or
internal server comes from INTAKE_CA, as on the command line.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intake.core.context import Actor
from intake.store import Store, StoreLocation
from intake.team import replica, sync
from ui.kit.dialogs import FormDialog
from ui.kit.operation import Attempt
from ui.team.panel import remember_password


class JoinDialog(FormDialog):
    def __init__(self, location: StoreLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.signed_in: tuple[Store, Actor] | None = None
        self.setWindowTitle("Aansluiten op een teamopslag")
        self.address = QLineEdit()
        self.address.setPlaceholderText("https://teamserver.gemeente.nl")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow("&Adres van de teamserver:", self.address)
        form.addRow("&Gebruikersnaam:", self.username)
        form.addRow("&Wachtwoord:", self.password)
        intro = QLabel("Deze laptop krijgt een versleutelde kopie van de huishoudens waar u aan "
                       "werkt. U werkt daarin ook zonder verbinding; wijzigingen gaan naar de "
                       "teamserver zodra die bereikbaar is.")
        intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton("Aansluiten", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    @classmethod
    def ask(cls, location: StoreLocation, parent: QWidget | None = None) -> \
            tuple[Store, Actor] | None:
        dialog = cls(location, parent)
        dialog.exec()
        return dialog.signed_in

    def submit(self) -> None:
        address = self.address.text().strip()
        if not address.startswith(("https://", "http://")):
            self.message.setText("Geef het adres van de teamserver, beginnend met https://.")
            return
        username, password = self.username.text().strip(), self.password.text()
        location = self.location

        def join() -> tuple[Store, Actor]:
            store, _actor, team = replica.join(location, address, username, password)
            try:
                sync.synchronise(store, team, password)
            finally:
                store.close()
            return replica.open_replica(location, username, password)

        # The first fill can take minutes for a large caseload: in the background, with progress.
        self.message.clear()
        self.setEnabled(False)
        Attempt(self, join).with_progress("Kopie van de teamopslag ophalen…", cancellable=False) \
            .success(self._joined) \
            .failure(lambda error: self.message.setText(error.message)) \
            .always(lambda: self.setEnabled(True)) \
            .run_in_background()

    def _joined(self, joined: tuple[Store, Actor]) -> None:
        store, password = joined[0], self.password.text()
        remember_password(store, password)
        self.signed_in = joined
        self.accept()
