"""The brede uitvraag wizard driven by the keyboard alone: key presses go to whatever widget
has the focus, exactly as a person at a kitchen table would type them."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.help_questions.registration import list_help_questions
from intake.questionnaire.definition import AnswerType
from intake.register.households import HouseholdView
from intake.uitvraag.flow import list_intakes, load_answers, start_intake
from intake.uitvraag.signals import list_signals
from tests.conftest import Team
from tests.helpers.ui_keyboard import ALT, CTRL, Keyboard, activate
from tests.ui.conftest import Notices
from ui.uitvraag.launch import open_wizard
from ui.uitvraag.signals import SignalDialog
from ui.uitvraag.wizard import IntakeWizard

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]



def _wizard(qtbot: QtBot, team: Team, actor: Actor, household: HouseholdView) -> IntakeWizard:
    with unit_of_work(team.store, actor) as uow:
        intake = start_intake(uow, household.id, "telefoon", "zorgloket")
    return _show(qtbot, team, actor, intake.id)


def _show(qtbot: QtBot, team: Team, actor: Actor, intake_id: uuid.UUID) -> IntakeWizard:
    wizard = IntakeWizard(team.store, actor, intake_id, "Verhoef")
    qtbot.addWidget(wizard)
    activate(qtbot, wizard)
    return wizard


SPECIAL = {"reg_melder": "1", "reg_toestemming_vastleggen": "j", "fi_score": "3",
           "cl_vervolg": "1", "cl_clientondersteuning": "j", "wo_score": "2"}


def answer_by_keys(keys: Keyboard, wizard: IntakeWizard) -> None:
    """Answer the question on screen the way a person would, then move on."""
    step = wizard.step
    assert step is not None
    kind = step.question.type
    if not step.question.required:
        keys.key("o", ALT)  # Overslaan
        return
    if kind in (AnswerType.SCORE, AnswerType.YES_NO, AnswerType.CHOICE) and not step.answered:
        keys.key(SPECIAL.get(step.key, "n" if kind is AnswerType.YES_NO else "4"))
    if kind is AnswerType.LONG_TEXT:
        keys.type("Ik wil betaald werk en hulp bij mijn geld.")
        keys.key(Qt.Key.Key_Return, CTRL)
        return
    if kind is AnswerType.HELP_QUESTIONS:
        keys.type("Werk")  # type-ahead in the type picker
        keys.key(Qt.Key.Key_Tab)  # voor wie: the whole household
        keys.key(Qt.Key.Key_Tab)  # the add button
        keys.key(Qt.Key.Key_Space)
        keys.key("v", ALT)
        return
    if kind is AnswerType.SCORE:
        keys.key(Qt.Key.Key_PageDown, CTRL)  # the rest of this domain later
        return
    keys.key(Qt.Key.Key_Return)


def test_whole_intake_by_keyboard_alone(qtbot: QtBot, team: Team, jolanda: HouseholdView,
                                        notices: Notices) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    assert wizard.progress.text() == f"vraag 1 van {len(wizard.view.steps)}"
    for _ in range(200):
        if wizard.step is None:
            break
        answer_by_keys(keys, wizard)
    assert wizard.pages.currentIndex() == 1, "the summary page shows"
    assert wizard.finish_button.isEnabled()
    keys.key("r", ALT)  # Afronden
    assert notices.infos and "afgerond" in notices.infos[0]
    with unit_of_work(team.store, team.consulent) as uow:
        stored = {(h.type_code, h.outcome_code) for h in list_help_questions(uow, jolanda.id)}
        intakes = list_intakes(uow, jolanda.id)
    assert stored == {("schulden_geldzaken", "brede_uitvraag"),
                      ("werk_reintegratie", "brede_uitvraag")}
    assert intakes[0].status == "afgerond"
    assert not wizard.isVisible()
    assert keys.count < 80


def test_closing_halfway_keeps_every_answer_and_resumes(qtbot: QtBot, team: Team,
                                                        jolanda: HouseholdView,
                                                        notices: Notices) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    while wizard.step is not None and wizard.step.key != "vr_hoofdprobleem":
        answer_by_keys(keys, wizard)
    keys.type("Schulden en geen werk")  # typed, not yet left
    intake_id = wizard.intake_id
    keys.key(Qt.Key.Key_Escape)  # closes the window; the answer on screen is saved
    assert not wizard.isVisible()
    with unit_of_work(team.store, team.consulent) as uow:
        answers = load_answers(uow, intake_id)
    assert answers[("vr_hoofdprobleem", "")] == "Schulden en geen werk"
    assert answers[("reg_melder", "")] == "inwoner"
    assert answers[("reg_toestemming_vastleggen", "")] == "ja"
    reopened = open_wizard(team.store, team.consulent, jolanda.id, "Verhoef")
    assert reopened is not None
    qtbot.addWidget(reopened)
    activate(qtbot, reopened)
    assert reopened.step is not None and reopened.step.key == "vr_hoofdprobleem"
    assert reopened.editor is not None
    assert reopened.editor.value() == "Schulden en geen werk"
    keys.key(Qt.Key.Key_Return, CTRL)
    assert reopened.step is not None and reopened.step.key == "vr_bereiken"
    reopened.close()
    again = open_wizard(team.store, team.consulent, jolanda.id, "Verhoef")
    assert again is not None
    qtbot.addWidget(again)
    assert again.step is not None and again.step.key == "vr_bereiken"
    again.close()


def test_typed_text_is_saved_after_a_pause(qtbot: QtBot, team: Team,
                                           jolanda: HouseholdView) -> None:
    """Without leaving the question: what a crash would lose is only the last seconds."""
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    while wizard.step is not None and wizard.step.key != "vr_eigen_woorden":
        answer_by_keys(keys, wizard)
    keys.type("Hulp bij de post")

    def stored() -> None:
        with unit_of_work(team.store, team.consulent) as uow:
            assert load_answers(uow, wizard.intake_id).get(("vr_eigen_woorden", "")) == \
                "Hulp bij de post"

    qtbot.waitUntil(stored, timeout=10_000)
    assert wizard.step is not None and wizard.step.key == "vr_eigen_woorden"
    assert wizard.editor is not None and wizard.editor.value() == "Hulp bij de post"
    wizard.close()


def test_choice_is_saved_the_moment_it_is_picked(qtbot: QtBot, team: Team,
                                                 jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    while wizard.step is not None and wizard.step.key != "reg_melder":
        answer_by_keys(keys, wizard)
    keys.key("4")  # a professional: a follow-up question appears at once
    with unit_of_work(team.store, team.consulent) as uow:
        assert load_answers(uow, wizard.intake_id)[("reg_melder", "")] == "professional"
    assert [s.key for s in wizard.view.steps][4] == "reg_melder_wie"
    keys.key("v", ALT)
    assert wizard.step is not None and wizard.step.key == "reg_melder_wie"
    wizard.close()


def test_invalid_date_shows_dutch_message_inline(qtbot: QtBot, team: Team,
                                                 jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    keys.key(Qt.Key.Key_A, CTRL)
    keys.type("31-02-2026")
    keys.key(Qt.Key.Key_Return)
    assert wizard.step is not None and wizard.step.key == "reg_datum"
    assert "dd-mm-jjjj" in wizard.error.text() and wizard.error.isVisible()
    keys.key(Qt.Key.Key_A, CTRL)
    keys.type("20-11-2026")
    keys.key(Qt.Key.Key_Return)
    assert wizard.step is not None and wizard.step.key == "reg_kanaal"
    wizard.close()


def test_safety_answer_raises_banner_and_meldcode_steps(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    steps = [s.key for s in wizard.view.steps]
    keys.key(Qt.Key.Key_Return)  # date as filled in
    wizard.jump(steps.index("vh_onveilig"))
    assert wizard.step is not None and wizard.step.key == "vh_onveilig"
    assert not wizard.banner.isVisible()
    keys.key("j")
    assert wizard.banner.isVisible()
    assert "Meldcode" in wizard.banner.text.text()
    assert "Signalen in kaart brengen" in wizard.banner.text.text()
    dialogs: list[SignalDialog] = []

    def walk_route(cls: type, store: object, actor: Actor, signal: object,
                   parent: QWidget | None = None) -> object:
        dialog = SignalDialog(team.store, actor, signal, parent)  # type: ignore[arg-type]
        activate(qtbot, dialog)
        dialogs.append(dialog)
        assert len(dialog.signal.steps) == 5
        for number in range(1, 6):
            assert dialog.signal.next_step is not None
            assert dialog.signal.next_step.number == number
            keys.type(f"Besluit bij stap {number}")
            keys.key("v", ALT)  # Besluit vastleggen
        assert dialog.signal.next_step is None
        keys.key("u", ALT)
        return dialog.signal

    monkeypatch.setattr(SignalDialog, "ask", classmethod(walk_route))
    keys.key("a", ALT)  # Signaal afhandelen
    assert dialogs and not dialogs[0].isVisible()
    assert not wizard.banner.isVisible()
    with unit_of_work(team.store, team.consulent) as uow:
        signal = list_signals(uow, jolanda.id)[0]
    assert not signal.is_open
    assert [s.decision for s in signal.steps] == [f"Besluit bij stap {n}" for n in range(1, 6)]
    wizard.close()


def test_crisis_banner_says_who_to_call(qtbot: QtBot, team: Team,
                                        jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    wizard.jump([s.key for s in wizard.view.steps].index("vh_crisis"))
    keys.key("j")
    assert "112" in wizard.banner.text.text()
    assert "Veilig Thuis" in wizard.banner.text.text()
    wizard.close()
