"""One desired result of the plan: life domain, law, for whom, the words of the resident, target
date. Also the small 'naar een andere wet' choice, which keeps the result in the same plan."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.catalogues.fixed import laws, life_domains
from intake.plans import ResultInput, ResultView
from ui.kit.dialogs import FormDialog
from ui.kit.forms import DateField, muted, try_save
from ui.kit.widgets import ErrorLabel, with_error

# Saves the input; True when saved and the dialog may close. Raises ValidationError.
SaveResult = Callable[[ResultInput], bool]


def _combo(items: Sequence[tuple[str, object]], current: object) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


class ResultDialog(FormDialog):
    def __init__(self, result: ResultView | None, members: Sequence[tuple[uuid.UUID, str]],
                 save: SaveResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Resultaat wijzigen" if result else "Resultaat toevoegen")
        self.result_view = result
        self._save = save
        self.theme = result.theme if result else None
        self.domain = _combo([(d.label, d.code) for d in life_domains()],
                             result.domain_code if result else None)
        self.law = _combo([(item.label, item.code) for item in laws()],
                          result.law_code if result else "geen")
        self.member = _combo([("Het hele huishouden", ""), *((n, str(i)) for i, n in members)],
                             str(result.member_id) if result and result.member_id else "")
        self.text = QPlainTextEdit(result.text if result else "")
        self.text.setPlaceholderText("Wat wil de inwoner bereiken? Schrijf het op zoals de "
                                     "inwoner het zegt.")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.target = DateField(result.target_on if result else None)
        self.errors = {name: ErrorLabel() for name in
                       ("domain_code", "law_code", "member_id", "text", "target_on")}
        self.general = ErrorLabel()
        form = QFormLayout()
        if result is not None and result.theme:
            form.addRow("Thema", muted(result.theme_label))
        form.addRow("&Leefgebied", with_error(self.domain, self.errors["domain_code"]))
        form.addRow("W&et", with_error(self.law, self.errors["law_code"]))
        form.addRow("&Voor wie", with_error(self.member, self.errors["member_id"]))
        form.addRow("&Resultaat", with_error(self.text, self.errors["text"]))
        form.addRow("&Streefdatum", with_error(self.target, self.errors["target_on"]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted("In de woorden van de inwoner: wat moet er anders zijn?"))
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def collect(self) -> ResultInput:
        member = self.member.currentData()
        return ResultInput(domain_code=self.domain.currentData(), text=self.text.toPlainText(),
                           law_code=self.law.currentData(), target_on=self.target.date_value(),
                           member_id=uuid.UUID(member) if member else None, theme=self.theme)

    def submit(self) -> None:
        problem = self.target.problem()
        problems = {"target_on": problem} if problem else {}
        if try_save(self.errors, self.general, problems, lambda: self._save(self.collect())):
            self.accept()


class LawDialog(FormDialog):
    """Move a result to another law; the result, its actions and its history stay."""

    def __init__(self, result: ResultView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Naar een andere wet")
        self.law = _combo([(item.label, item.code) for item in laws()], result.law_code)
        buttons = self.action_buttons("&Verplaatsen")
        layout = QVBoxLayout(self)
        layout.addWidget(muted(f"Resultaat: {result.text or '(nog zonder tekst)'}\n"
                               f"Nu onder: {result.law_label}. Het resultaat blijft in dit "
                               "plan, met zijn acties."))
        form = QFormLayout()
        form.addRow("Nieuwe &wet", self.law)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        code: str = self.law.currentData()
        return code
