"""Every dialog, opened for real: focus on its first input, Enter and Ctrl+Enter submit, Esc on
a filled-in form asks first, Alt+letter reaches its field, every control has a unique name.

``FACTORIES`` is the registry: each dialog class in ui/ must appear here (the first test fails
on one that does not), so a new dialog is walked from the day it exists.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

import ui
from intake import plans
from intake.catalogues.stored import CatalogueKind
from intake.core.session import unit_of_work
from intake.register.households import HouseholdView
from intake.retention import load_terms
from intake.team.replica import TeamFile
from intake.uitvraag.flow import start_intake
from intake.uitvraag.signals import list_signals, raise_signal
from tests.conftest import Team
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions
from tests.helpers.ui_keyboard import activate
from tests.ui.conftest import Notices
from ui.admin.accounts_page import AccountDialog, PasswordDialog
from ui.admin.catalogues import EntryDialog
from ui.admin.recovery_key import RecoveryKeyDialog
from ui.admin.retention_page import TermDialog
from ui.admin.social_map import ServiceDialog
from ui.admin.upkeep_page import RestoreDialog
from ui.app.login import FirstStartDialog, LoginDialog, RecoverDialog
from ui.app.screen_lock import LockDialog
from ui.help_questions.quick_registration import QuickRegistrationDialog
from ui.kit.crash import CrashDialog
from ui.kit.dialogs import DIALOGS, DISCARD_QUESTION, FormDialog, is_input
from ui.plan.action_dialog import ActionDialog
from ui.plan.evaluation import EvaluationDialog
from ui.plan.name_review import NameReviewDialog
from ui.plan.preview import PreviewDialog
from ui.plan.result_dialog import LawDialog, ResultDialog
from ui.plan.start import CandidatesDialog
from ui.plan.versions import AgreeDialog, DiffDialog, VersionsDialog
from ui.register.history_dialog import HistoryDialog
from ui.register.household_dialog import HouseholdDialog
from ui.register.inzage_dialog import InzageDialog
from ui.register.need_to_know import ReasonDialog
from ui.register.openings_page import QuestionDialog
from ui.register.target_groups import TargetGroupDialog
from ui.reports.plan_summary import PlanSummaryDialog
from ui.team.join import JoinDialog
from ui.team.panel import ConflictsDialog
from ui.uitvraag.signals import SignalDialog
from ui.uitvraag.start_dialog import IntakeStartDialog
from ui.uitvraag.wizard import IntakeWizard

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

Factory = Callable[[Team, HouseholdView], FormDialog]


def _plan(team: Team, household: HouseholdView) -> plans.PlanVersionView:
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, household.id)
        keys = [c.key for c in plans.plan_candidates(uow, household.id)]
        return fill_jolanda_plan(uow, plans.start_plan(uow, household.id, keys))


def _intake(team: Team, household: HouseholdView) -> uuid.UUID:
    with unit_of_work(team.store, team.consulent) as uow:
        return start_intake(uow, household.id, "huisbezoek", "wijkteam").id


def _signal_dialog(team: Team, household: HouseholdView) -> FormDialog:
    intake_id = _intake(team, household)
    with unit_of_work(team.store, team.consulent) as uow:
        raise_signal(uow, intake_id, household.id, "veiligheid", "vz_veilig", "")
    with unit_of_work(team.store, team.consulent) as uow:
        [signal] = list_signals(uow, household.id)
    return SignalDialog(team.store, team.consulent, signal)


def _versions(team: Team, household: HouseholdView) -> FormDialog:
    view = _plan(team, household)
    with unit_of_work(team.store, team.consulent) as uow:
        summary = plans.household_plan(uow, household.id)
    assert summary is not None
    return VersionsDialog(summary, view.number)


def _preview(team: Team, household: HouseholdView) -> FormDialog:
    view = _plan(team, household)
    return PreviewDialog(team.store, team.consulent, household.id, view.plan_id, view.number,
                         household.dossiernummer)


def _term_dialog(team: Team, _household: HouseholdView) -> FormDialog:
    with unit_of_work(team.store, team.beheerder) as uow:
        term = load_terms(uow)["wmo"]
    return TermDialog(team.store, team.beheerder, term)


def _no_team() -> TeamFile:
    raise AssertionError("the walk resolves no conflict")


FACTORIES: dict[str, Factory] = {
    "LoginDialog": lambda team, _h: LoginDialog(team.store.location),
    "FirstStartDialog": lambda team, _h: FirstStartDialog(team.store.location),
    "RecoverDialog": lambda team, _h: RecoverDialog(team.store.location),
    "RecoveryKeyDialog": lambda _t, _h: RecoveryKeyDialog("ABCDE-FGHIJ-KLMNO-PQRST"),
    "HouseholdDialog": lambda team, h: HouseholdDialog(team.store, team.consulent, h),
    "QuickRegistrationDialog": lambda team, _h: QuickRegistrationDialog(team.store,
                                                                        team.consulent),
    "IntakeStartDialog": lambda team, h: IntakeStartDialog(team.store, team.consulent, h.id),
    "IntakeWizard": lambda team, h: IntakeWizard(team.store, team.consulent,
                                                 _intake(team, h), h.title),
    "SignalDialog": _signal_dialog,
    "AccountDialog": lambda team, _h: AccountDialog(team.store, team.beheerder),
    "RestoreDialog": lambda team, _h: RestoreDialog(team.store, team.beheerder),
    "PasswordDialog": lambda team, _h: PasswordDialog(team.store, team.beheerder, "consulent"),
    "EntryDialog": lambda team, _h: EntryDialog(team.store, team.beheerder,
                                                CatalogueKind.HULPVRAAGTYPE),
    "ServiceDialog": lambda team, _h: ServiceDialog(team.store, team.beheerder, None),
    "CrashDialog": lambda _t, _h: CrashDialog("Er ging iets mis.", "Traceback"),
    "HistoryDialog": lambda _t, h: HistoryDialog(h.dossiernummer, []),
    "TargetGroupDialog": lambda team, h: TargetGroupDialog(team.store, team.consulent, h.id,
                                                           h.members),
    "DiffDialog": lambda _t, _h: DiffDialog(1, 2, []),
    "AgreeDialog": lambda _t, _h: AgreeDialog(date(2026, 12, 1), True),
    "CandidatesDialog": lambda _t, _h: CandidatesDialog([]),
    "ResultDialog": lambda _t, h: ResultDialog(None, [(m.id, m.name) for m in h.members],
                                               lambda _data: True),
    "LawDialog": lambda team, h: LawDialog(_plan(team, h).results[0]),
    "ActionDialog": lambda team, _h: ActionDialog(team.store, team.consulent, None,
                                                  lambda _data: True),
    "EvaluationDialog": lambda team, h: EvaluationDialog(_plan(team, h), date(2027, 1, 1),
                                                         lambda _data: True),
    "PlanSummaryDialog": lambda team, h: PlanSummaryDialog(_plan(team, h)),
    "VersionsDialog": _versions,
    "PreviewDialog": _preview,
    "NameReviewDialog": lambda _t, _h: NameReviewDialog(["Henk", "Sinterklaas"]),
    "ReasonDialog": lambda _t, _h: ReasonDialog(),
    "QuestionDialog": lambda _t, _h: QuestionDialog(),
    "JoinDialog": lambda team, _h: JoinDialog(team.store.location),
    "ConflictsDialog": lambda team, _h: ConflictsDialog(team.store, team.consulent, _no_team),
    "TermDialog": _term_dialog,
    "InzageDialog": lambda team, h: InzageDialog(team.store, team.consulent, h),
    "LockDialog": lambda team, _h: LockDialog(team.store, team.consulent),
}
EDITING = sorted(name for name in FACTORIES if DIALOGS[name].asks_before_discarding)


def test_every_dialog_in_ui_joins_the_registry() -> None:
    for path in Path(ui.__file__).parent.rglob("*.py"):
        __import__("ui." + ".".join(path.relative_to(Path(ui.__file__).parent)
                                    .with_suffix("").parts).removesuffix(".__init__"))
    concrete = {name for name in DIALOGS if not name.startswith("_")}
    assert concrete - FACTORIES.keys() == set(), "add these dialogs to FACTORIES"
    plain = [str(p) for p in Path(ui.__file__).parent.rglob("*.py")
             if "(QDialog)" in p.read_text(encoding="utf-8") and p.name != "dialogs.py"]
    assert plain == [], "a dialog derives from ui.kit.dialogs.FormDialog"


_OPENED: list[FormDialog] = []


@pytest.fixture(autouse=True)
def _deleted_after_the_test() -> Iterator[None]:
    """Each dialog is deleted by Qt (children in order) right after its test, before Python's
    collector could release the models its tables still read."""
    yield
    while _OPENED:
        dialog = _OPENED.pop()
        if shiboken6.isValid(dialog):
            dialog.hide()
            shiboken6.delete(dialog)


def _open(qtbot: QtBot, team: Team, household: HouseholdView, name: str) -> FormDialog:
    dialog = FACTORIES[name](team, household)
    _OPENED.append(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def _names(dialog: QWidget) -> list[tuple[str, QWidget]]:
    controls = [w for w in dialog.findChildren(QWidget)
                if (is_input(w) or isinstance(w, QAbstractButton | QAbstractItemView))
                and not isinstance(w, QHeaderView) and w.isVisibleTo(dialog)
                and w.window() is dialog]
    return [(w.accessibleName().strip(), w) for w in controls]


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_opens_with_focus_on_its_first_input_and_every_control_named(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices, name: str) -> None:
    dialog = _open(qtbot, team, jolanda, name)
    focused = dialog.focusWidget()
    inputs = [w for w, in [(w,) for _n, w in _names(dialog)] if is_input(w)
              and not isinstance(w, QAbstractItemView)]
    if inputs:
        assert focused is not None and is_input(focused), \
            f"{name} opens with focus on {type(focused).__name__}"
    # A push button never has it; an option (radio, tick box) is an input of its own.
    assert focused is None or not isinstance(focused, QAbstractButton) or is_input(focused) \
        or not inputs
    main = dialog.main_button
    if main is not None:
        assert main.isDefault()
    for button in dialog.findChildren(QAbstractButton):
        if button.text().replace("&", "") in ("Annuleren", "Sluiten") and main is not None:
            assert not getattr(button, "isDefault", lambda: False)()
    named = _names(dialog)
    unnamed = [type(w).__name__ for text, w in named if not text]
    assert unnamed == [], f"{name}: controls without an accessible name"
    texts = [text for text, _w in named]
    assert len(texts) == len(set(texts)), f"{name}: duplicate names {sorted(texts)}"
    for label in dialog.findChildren(QLabel):
        if "&" in label.text() and label.buddy() is not None and label.isVisibleTo(dialog):
            buddy = label.buddy()
            assert buddy.focusPolicy() != Qt.FocusPolicy.NoFocus, \
                f"{name}: {label.text()!r} points at a box that takes no focus"


@pytest.mark.parametrize("name", EDITING)
def test_esc_on_a_filled_in_form_asks_before_throwing_it_away(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices, name: str) -> None:
    dialog = _open(qtbot, team, jolanda, name)
    fields = [w for w in dialog.findChildren(QWidget)
              if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit) and w.isVisibleTo(dialog)
              and w.isEnabled() and not getattr(w, "isReadOnly", lambda: False)()]
    if not fields:
        pytest.skip(f"{name} has no text field")
    fields[0].setFocus()
    QTest.keyClicks(fields[0], "xy")
    notices.answer = False  # "Terug"
    QTest.keyClick(fields[0], Qt.Key.Key_Escape)
    assert notices.questions and dialog.isVisible(), f"{name} closed without asking"
    assert DISCARD_QUESTION in notices.questions[-1]
    dialog.close()
    assert dialog.isVisible()
    notices.answer = True  # "Niet opslaan"
    QTest.keyClick(fields[0], Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_untouched_form_closes_without_a_question(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    dialog = _open(qtbot, team, jolanda, "ResultDialog")
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and notices.questions == []


def test_enter_in_a_line_and_ctrl_enter_in_a_text_submit(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    saved: list[object] = []
    dialog = ResultDialog(None, [(m.id, m.name) for m in jolanda.members],
                          lambda data: saved.append(data) or True)
    _OPENED.append(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = next(w for w in dialog.findChildren(QWidget)
                if isinstance(w, QPlainTextEdit) and w.isVisibleTo(dialog))
    text.setFocus()
    QTest.keyClicks(text, "Jolanda heeft overzicht over haar geld")
    QTest.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(saved) == 1 and not dialog.isVisible(), "Ctrl+Enter pressed Opslaan"
    assert "\n" not in saved[0].text  # type: ignore[attr-defined]


def test_enter_in_a_single_line_field_submits(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    saved: list[object] = []
    dialog = ResultDialog(None, [(m.id, m.name) for m in jolanda.members],
                          lambda data: saved.append(data) or True)
    _OPENED.append(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.text.setPlainText("Overzicht over geld")
    dialog.target.setFocus()
    QTest.keyClicks(dialog.target, "01-06-2027")
    QTest.keyClick(dialog.target, Qt.Key.Key_Return)
    assert len(saved) == 1 and not dialog.isVisible()


def test_enter_in_the_login_fields_signs_in(qtbot: QtBot, team: Team, notices: Notices) -> None:
    dialog = _open(qtbot, team, None, "LoginDialog")  # type: ignore[arg-type]
    assert dialog.focusWidget() is dialog.username
    QTest.keyClicks(dialog.username, "consulent")
    QTest.keyClick(dialog.username, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.password
    QTest.keyClicks(dialog.password, "fout wachtwoord")
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy)  # the key derivation runs in the background
    assert dialog.message.text(), "Enter tried to sign in"


def test_alt_letter_moves_to_its_field_in_the_household_dialog(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    dialog = _open(qtbot, team, jolanda, "HouseholdDialog")
    assert isinstance(dialog, HouseholdDialog)
    activate(qtbot, dialog)
    for letter, field in ((Qt.Key.Key_P, dialog.postcode), (Qt.Key.Key_W, dialog.city),
                          (Qt.Key.Key_H, dialog.house_number), (Qt.Key.Key_S, dialog.street)):
        before = dialog.street.text()
        QTest.keyClick(dialog.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
        assert dialog.focusWidget() is field
        assert dialog.street.text() == before
