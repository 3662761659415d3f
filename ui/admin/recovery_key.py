"""The recovery key, shown once: at the first start and when a beheerder makes a new one."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.kit.dialogs import FormDialog


class RecoveryKeyDialog(FormDialog):
    """Shows the key in groups to write down or print; it is kept nowhere else."""

    asks_before_discarding = False  # nothing typed here to lose

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Herstelsleutel")
        self.key = key
        intro = QLabel(
            "Dit is de herstelsleutel van deze gegevensopslag. Hij wordt maar één keer getoond "
            "en nergens bewaard. Schrijf hem op of print hem en bewaar hem op een veilige plek, "
            "los van deze computer.\n\nZijn alle wachtwoorden van functioneel beheerders kwijt, "
            "dan geeft de herstelsleutel weer toegang (Aanmelden → Herstelsleutel gebruiken, of "
            "'intake users recover').")
        intro.setWordWrap(True)
        self.groups = QLabel("  ".join(key.split("-")))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.groups.setFont(font)
        self.groups.setWordWrap(True)
        self.groups.setAccessibleName("Herstelsleutel")
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton("&Kopiëren", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setAutoDefault(False)
        done = buttons.addButton("Ik heb hem &opgeschreven", QDialogButtonBox.ButtonRole.AcceptRole)
        done.setDefault(True)
        self.copy_button.clicked.connect(self.copy_key)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.groups)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @classmethod
    def show_once(cls, key: str, parent: QWidget | None = None) -> None:
        cls(key, parent).exec()

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key)
        self.copy_button.setText("Gekopieerd")
