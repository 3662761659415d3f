"""Versions of a plan: recording the agreement, the list of versions (each agreed one opens
read-only) and 'wat is er veranderd' between two chosen versions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from intake.core.clock import format_local
from intake.core.validation import format_date
from intake.plans import AgreedHow, Change, ChangeKind, PlanSummary, VersionInfo
from ui.kit.dialogs import FormDialog
from ui.kit.forms import DateField, muted
from ui.kit.widgets import ErrorLabel, RowsModel, make_table

KIND_MARKS = {ChangeKind.TOEGEVOEGD: "+", ChangeKind.VERWIJDERD: "−", ChangeKind.GEWIJZIGD: "~"}


class AgreeDialog(FormDialog):
    """The resident agreed: when, how, and whether client support was offered."""

    def __init__(self, today: date, client_support_offered: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Akkoord vastleggen")
        self.agreed_on = DateField(today)
        self.signed = QRadioButton("&Getekend")
        self.verbal = QRadioButton("&Mondeling")
        self.signed.setChecked(True)
        self.client_support = QCheckBox("Onafhankelijke cliëntondersteuning is aangeboden")
        self.client_support.setChecked(client_support_offered)
        self.error = ErrorLabel()
        how = QHBoxLayout()
        how.addWidget(self.signed)
        how.addWidget(self.verbal)
        how.addStretch(1)
        form = QFormLayout()
        form.addRow("&Datum akkoord", self.agreed_on)
        form.addRow("Hoe", how)
        form.addRow("", self.client_support)
        buttons = self.action_buttons("&Akkoord vastleggen", self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(muted("Na het akkoord ligt deze versie vast. Wijzigen kan daarna in "
                               "een nieuwe versie; deze versie blijft leesbaar."))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @property
    def how(self) -> AgreedHow:
        return AgreedHow.GETEKEND if self.signed.isChecked() else AgreedHow.MONDELING

    def submit(self) -> None:
        if self.agreed_on.date_value() is None:
            self.error.show_message("Vul de datum van akkoord in als dd-mm-jjjj.")
            return
        self.accept()


def version_title(info: VersionInfo) -> str:
    return f"Versie {info.number} · {info.status.label}"


class DiffDialog(FormDialog):
    """The changes between two versions, one Dutch line each."""

    asks_before_discarding = False  # nothing typed here to lose

    def __init__(self, number_a: int, number_b: int, changes: Sequence[Change],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Wat is er veranderd: versie {number_a} → {number_b}")
        lines = [f"{KIND_MARKS[c.kind]} {c.description}" for c in changes]
        self.text = QPlainTextEdit("\n".join(lines) if lines else
                                   "Geen verschillen tussen deze versies.")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        counts = {kind: sum(1 for c in changes if c.kind is kind) for kind in ChangeKind}
        summary = QLabel(f"Van versie {number_a} naar versie {number_b}: "
                         f"{counts[ChangeKind.TOEGEVOEGD]} toegevoegd, "
                         f"{counts[ChangeKind.GEWIJZIGD]} gewijzigd, "
                         f"{counts[ChangeKind.VERWIJDERD]} verwijderd.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)


class VersionsDialog(FormDialog):
    """Every version of the plan. 'Openen' shows one (agreed versions read-only); 'Vergelijken'
    asks what changed between two. The caller reads ``chosen``/``compare`` after exec."""

    asks_before_discarding = False  # nothing typed here to lose

    OPEN, COMPARE = 1, 2

    def __init__(self, summary: PlanSummary, current: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Versies van het {summary.kind.label.lower()}")
        self.summary = summary
        self.choice = 0
        self.model = RowsModel(("Versie", "Status", "Gemaakt", "Akkoord"), self)
        versions = list(reversed(summary.versions))
        self.model.set_rows([(str(v.number), v.status.label, format_local(v.created_at),
                              format_date(v.agreed_on)) for v in versions],
                            [v.number for v in versions])
        self.table = make_table(self.model)
        self.table.setMinimumHeight(160)
        row = next((i for i, v in enumerate(versions) if v.number == current), 0)
        self.table.selectRow(row)
        self.open_button = QPushButton("&Openen")
        self.first = QComboBox()
        self.second = QComboBox()
        for info in summary.versions:
            self.first.addItem(version_title(info), info.number)
            self.second.addItem(version_title(info), info.number)
        self.first.setCurrentIndex(max(len(summary.versions) - 2, 0))
        self.second.setCurrentIndex(len(summary.versions) - 1)
        self.compare_button = QPushButton("&Wat is er veranderd?")
        self.compare_button.setEnabled(len(summary.versions) > 1)
        compare = QHBoxLayout()
        compare.addWidget(QLabel("Van"))
        compare.addWidget(self.first)
        compare.addWidget(QLabel("naar"))
        compare.addWidget(self.second)
        compare.addWidget(self.compare_button)
        compare.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(muted("Een vastgestelde versie opent alleen-lezen."), 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(top)
        layout.addLayout(compare)
        layout.addWidget(buttons)
        self.open_button.clicked.connect(self._open)
        self.table.activated.connect(lambda _index: self._open())
        self.compare_button.clicked.connect(self._compare)
        self.resize(620, 380)

    def selected_number(self) -> int | None:
        row = self.table.currentIndex().row()
        if row < 0:
            return None
        number: int = self.model.keys[row]
        return number

    def compared(self) -> tuple[int, int]:
        return int(self.first.currentData()), int(self.second.currentData())

    def _open(self) -> None:
        if self.selected_number() is not None:
            self.choice = self.OPEN
            self.accept()

    def _compare(self) -> None:
        first, second = self.compared()
        if first != second:
            self.choice = self.COMPARE
            self.accept()
