"""The brede uitvraag, a section on one page, driven by the keyboard alone: key presses go to
whatever widget has the focus, exactly as a person at a kitchen table would type them."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.help_questions.registration import list_help_questions
from intake.questionnaire.definition import AnswerType
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    create_household,
)
from intake.register.members import Residence
from intake.uitvraag.flow import list_intakes, load_answers, start_intake
from intake.uitvraag.signals import list_signals
from tests.conftest import Team
from tests.helpers.ui_keyboard import ALT, CTRL, Keyboard, activate
from tests.ui.conftest import Notices
from ui.uitvraag.launch import open_wizard
from ui.uitvraag.section_page import QuestionRow
from ui.uitvraag.signals import SignalDialog
from ui.uitvraag.wizard import IntakeWizard

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

SHIFT = Qt.KeyboardModifier.ShiftModifier
# What a required-only intake of Jolanda answers where the first option is not meant.
SPECIAL = {"reg_melder": "1", "reg_toestemming_vastleggen": "j", "fi_score": "3",
           "wo_score": "2", "cl_vervolg": "1", "cl_clientondersteuning": "j"}
# A required-only brede uitvraag on the one-question screens this page replaced took 66 key
# presses (the same answers, skipping each domain's other questions with Ctrl+PgDn).
ONE_QUESTION_SCREENS = 66


def _wizard(qtbot: QtBot, team: Team, actor: Actor, household: HouseholdView) -> IntakeWizard:
    with unit_of_work(team.store, actor) as uow:
        intake = start_intake(uow, household.id, "telefoon", "zorgloket")
    return _show(qtbot, team, actor, intake.id)


def _show(qtbot: QtBot, team: Team, actor: Actor, intake_id: uuid.UUID) -> IntakeWizard:
    wizard = IntakeWizard(team.store, actor, intake_id, "Verhoef")
    qtbot.addWidget(wizard)
    activate(qtbot, wizard)
    return wizard


def _stored(team: Team, wizard: IntakeWizard) -> dict[tuple[str, str], Any]:
    with unit_of_work(team.store, team.consulent) as uow:
        return load_answers(uow, wizard.intake_id)


def _at(wizard: IntakeWizard) -> str | None:
    row = wizard.focused_row()
    return row.key if row is not None else None


def _go(qtbot: QtBot, wizard: IntakeWizard, key: str) -> QuestionRow:
    """Put the cursor on a question (as the section list or the summary would)."""
    index = next(s.index for s in wizard.view.steps if s.key == key)
    wizard.jump(index)
    qtbot.waitUntil(lambda: _at(wizard) == key)
    row = wizard.focused_row()
    assert row is not None
    return row


def answer_required(keys: Keyboard, wizard: IntakeWizard) -> None:
    """Answer the required question the cursor is on the way a person would, then go on
    to the next one still open (Ctrl+Enter)."""
    row = wizard.focused_row()
    assert row is not None, f"the cursor is on {type(keys.focused()).__name__}"
    if row.required and not row.pending and row.stored is None:
        if row.kind in (AnswerType.SCORE, AnswerType.YES_NO, AnswerType.CHOICE):
            keys.key(SPECIAL.get(row.key, "n" if row.kind is AnswerType.YES_NO else "4"))
        elif row.kind in (AnswerType.LONG_TEXT, AnswerType.TEXT):
            keys.type("Ik wil betaald werk en hulp bij mijn geld.")
        elif row.kind is AnswerType.HELP_QUESTIONS:
            keys.type("Werk")  # type-ahead in the type picker
            keys.key(Qt.Key.Key_Tab)  # voor wie: the whole household
            keys.key(Qt.Key.Key_Tab)  # the add button
            keys.key(Qt.Key.Key_Space)
    keys.key(Qt.Key.Key_Return, CTRL)


def test_required_only_intake_by_keyboard_alone(qtbot: QtBot, team: Team,
                                                jolanda: HouseholdView,
                                                notices: Notices) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    assert wizard.current == ("registratie", "")
    assert _at(wizard) == "reg_melder", "the first required answer still open"
    for _ in range(100):
        if wizard.current is None:
            break
        answer_required(keys, wizard)
    assert wizard.stack.currentWidget() is wizard.summary_page
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
    print(f"required-only brede uitvraag: {keys.count} interactions "
          f"(one question per screen: {ONE_QUESTION_SCREENS})")
    assert keys.count < ONE_QUESTION_SCREENS


def test_a_section_is_one_page_and_tab_goes_down_it(qtbot: QtBot, team: Team,
                                                    jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    row = _go(qtbot, wizard, "fi_score")
    assert wizard.current == ("financien", "")
    shown = [r.key for r in wizard.section_views[("financien", "")].ordered_rows()]
    assert shown == ["fi_score", "fi_onderwerpen", "fi_dreiging", "fi_hulp_aanwezig",
                     "fi_gaat_goed", "fi_zorgen", "fi_zelf", "fi_netwerk", "fi_hulp"]
    texts = " ".join([b.text() for b in row.findChildren(QRadioButton)]
                     + [label.text() for label in row.findChildren(QLabel)])
    assert "Acute problematiek" in texts and "bewindvoering" in texts, \
        "each score with what it means in this domain"
    keys.key("2")  # the score, by its number
    assert _stored(team, wizard)[("fi_score", "")] == 2
    visited = []
    for _ in range(len(shown) - 1):
        keys.key(Qt.Key.Key_Tab)
        visited.append(_at(wizard))
    assert visited == shown[1:], "one Tab per question, down the page"
    keys.key(Qt.Key.Key_Tab, SHIFT)
    assert _at(wizard) == "fi_netwerk"
    wizard.close()


def test_typed_text_is_saved_after_a_pause(qtbot: QtBot, team: Team,
                                           jolanda: HouseholdView) -> None:
    """Without leaving the field: what a crash would lose is only the last second."""
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    _go(qtbot, wizard, "vr_eigen_woorden")
    keys.type("Hulp bij de post")
    qtbot.waitUntil(lambda: _stored(team, wizard).get(("vr_eigen_woorden", "")) ==
                    "Hulp bij de post", timeout=10_000)
    row = wizard.focused_row()
    assert row is not None and row.key == "vr_eigen_woorden"
    assert row.value() == "Hulp bij de post" and not row.pending
    wizard.close()


def test_typed_text_is_saved_when_its_field_is_left(qtbot: QtBot, team: Team,
                                                    jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    _go(qtbot, wizard, "vr_eigen_woorden")
    keys.type("Schulden")
    keys.key(Qt.Key.Key_Tab)
    assert _at(wizard) == "vr_hoofdprobleem"
    qtbot.waitUntil(lambda: _stored(team, wizard).get(("vr_eigen_woorden", "")) ==
                    "Schulden", timeout=500)  # well before the pause would save it
    wizard.close()


def test_show_if_adds_and_removes_a_field_without_losing_focus(
        qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    assert _at(wizard) == "reg_melder"
    assert wizard.row("reg_melder_wie") is None
    keys.key("4")  # a professional: who that is, is asked at once
    assert _stored(team, wizard)[("reg_melder", "")] == "professional"
    assert wizard.row("reg_melder_wie") is not None
    assert _at(wizard) == "reg_melder", "the cursor stays on the answer just given"
    keys.key(Qt.Key.Key_Tab)
    assert _at(wizard) == "reg_melder_wie", "the new field is next in the Tab order"
    keys.type("Huisarts")
    keys.key(Qt.Key.Key_Tab, SHIFT)
    assert _at(wizard) == "reg_melder"
    qtbot.waitUntil(lambda: _stored(team, wizard).get(("reg_melder_wie", "")) == "Huisarts")
    keys.key("1")  # the resident after all: the follow-up goes
    assert wizard.row("reg_melder_wie") is None
    assert _at(wizard) == "reg_melder"
    keys.key(Qt.Key.Key_Tab)
    assert _at(wizard) == "reg_toestemming_vastleggen"
    wizard.close()


def test_a_direct_answer_hides_the_domains_until_asked_to_go_on(
        qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    domains = len(wizard.view.pages)
    _go(qtbot, wizard, "vr_direct_geholpen")
    keys.key("j")
    assert len(wizard.view.pages) == domains - 15, "no life domain while helped directly"
    assert wizard.section_list.topLevelItemCount() < 10
    assert wizard.row("vr_doorgaan") is not None and _at(wizard) == "vr_direct_geholpen"
    keys.key(Qt.Key.Key_Tab)
    keys.key(Qt.Key.Key_Tab)  # past what was done, to "doorgaan"
    assert _at(wizard) == "vr_doorgaan"
    keys.key("j")
    assert len(wizard.view.pages) == domains
    wizard.close()


def test_per_child_sections_are_pages_of_their_own(qtbot: QtBot, team: Team) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        household = create_household(uow, HouseholdInput(
            street="Brinkstraat", house_number="14", postcode="7551 CK", city="Hengelo",
            members=[
                MemberInput("Jolanda", "Verhoef", MemberRole.OUDER, date(1998, 5, 17)),
                MemberInput("Daan", "Verhoef", MemberRole.KIND, date(2022, 3, 1),
                            residence=Residence.UIT_HUIS_GEPLAATST),
                MemberInput("Mila", "Verhoef", MemberRole.KIND, date(2016, 8, 9)),
            ]))
    daan, mila = (m.id.hex for m in household.members[1:])
    wizard = _wizard(qtbot, team, team.consulent, household)
    keys = Keyboard(qtbot)
    refs = [p.ref for p in wizard.view.pages]
    assert ("opvoeden_opgroeien", daan) in refs and ("opvoeden_opgroeien", mila) in refs
    assert ("onderwijs", mila) in refs and ("onderwijs", daan) not in refs, \
        "school is not asked for a child placed elsewhere"
    wizard.show_section(("opvoeden_opgroeien", daan))
    assert wizard.section_view is not None
    assert "Daan" in wizard.section_view.title.text()
    assert wizard.row("oo_contact", daan) is not None, "contact with a child placed elsewhere"
    assert _at(wizard) == "oo_score"
    keys.key("3")
    keys.key(Qt.Key.Key_PageDown, CTRL)
    assert wizard.current == ("opvoeden_opgroeien", mila)
    assert wizard.row("oo_contact", mila) is None
    keys.key("5")
    stored = _stored(team, wizard)
    assert stored[("oo_score", daan)] == 3 and stored[("oo_score", mila)] == 5
    keys.key(Qt.Key.Key_PageUp, CTRL)
    assert wizard.current == ("opvoeden_opgroeien", daan)
    wizard.close()


def test_closing_halfway_keeps_every_answer_and_resumes_at_the_field(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    keys.key("1")  # reg_melder
    _go(qtbot, wizard, "vr_hoofdprobleem")
    keys.type("Schulden en geen werk")  # typed, not yet left, no pause
    intake_id = wizard.intake_id
    keys.key(Qt.Key.Key_Escape)  # closes the window; the answer on screen is saved
    assert not wizard.isVisible()
    answers = _stored(team, wizard)
    assert answers[("vr_hoofdprobleem", "")] == "Schulden en geen werk"
    assert answers[("reg_melder", "")] == "inwoner"
    reopened = open_wizard(team.store, team.consulent, jolanda.id, "Verhoef")
    assert reopened is not None and reopened.intake_id == intake_id  # deleted on close
    activate(qtbot, reopened)
    assert _at(reopened) == "vr_hoofdprobleem"
    row = reopened.focused_row()
    assert row is not None and row.value() == "Schulden en geen werk"
    keys.key(Qt.Key.Key_Tab)  # to a field, nothing typed, then closed
    assert _at(reopened) == "vr_bereiken"
    reopened.close()
    again = open_wizard(team.store, team.consulent, jolanda.id, "Verhoef")
    assert again is not None
    activate(qtbot, again)
    assert again.current == ("vraag", "") and _at(again) == "vr_bereiken"
    again.close()


def test_progress_counts_what_is_done_not_where_the_cursor_is(
        qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    first = wizard.view.completion
    required = first.required_done + first.required_open
    assert first.required_done == 3, "date, channel and vindplaats are filled in at start"
    assert wizard.progress.text() == \
        f"3 van {required} verplichte antwoorden gegeven ({required - 3} open) · " \
        f"0 van {first.sections_total} onderdelen klaar"
    keys.key(Qt.Key.Key_PageDown, CTRL)  # moving on changes nothing
    keys.key(Qt.Key.Key_PageDown, CTRL)
    assert wizard.progress.text() == first.text
    keys.key("4")  # Financiën: 4
    assert wizard.current == ("financien", "")
    assert wizard.progress.text() == \
        f"4 van {required} verplichte antwoorden gegeven ({required - 4} open) · " \
        f"1 van {first.sections_total} onderdelen klaar"
    assert wizard.progress.value() == 4 and wizard.progress.maximum() == required
    item = wizard.section_list.currentItem()
    assert item is not None and item.text(0).startswith("✓") and "Financiën" in item.text(0)
    wizard.close()


def test_an_invalid_date_shows_its_dutch_message_under_the_field(
        qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    row = _go(qtbot, wizard, "reg_datum")
    before = _stored(team, wizard)[("reg_datum", "")]
    keys.key(Qt.Key.Key_A, CTRL)
    keys.type("31-02-2026")
    keys.key(Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "dd-mm-jjjj" in row.error.text())
    assert row.error.isVisible()
    assert _stored(team, wizard)[("reg_datum", "")] == before
    keys.key(Qt.Key.Key_Tab, SHIFT)
    keys.key(Qt.Key.Key_A, CTRL)
    keys.type("20-11-2026")
    keys.key(Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _stored(team, wizard)[("reg_datum", "")] == "2026-11-20")
    assert not row.error.isVisible()
    wizard.close()


def test_the_summary_takes_a_missing_answer_back_to_its_page(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    keys.key("s", ALT)
    assert wizard.current is None and not wizard.finish_button.isEnabled()
    keys.key(Qt.Key.Key_Return)  # on the first missing line
    assert wizard.current == ("registratie", "") and _at(wizard) == "reg_melder"
    wizard.close()


def test_safety_answer_raises_banner_and_meldcode_steps(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    _go(qtbot, wizard, "vh_onveilig")
    assert not wizard.banner.isVisible()
    keys.key("j")
    assert wizard.banner.isVisible()
    assert "Meldcode" in wizard.banner.text.text()
    assert "Signalen in kaart brengen" in wizard.banner.text.text()
    assert wizard.row("vh_toelichting") is not None
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
    _go(qtbot, wizard, "vh_crisis")
    keys.key("j")
    assert "112" in wizard.banner.text.text()
    assert "Veilig Thuis" in wizard.banner.text.text()
    assert QApplication.focusWidget() is not None and _at(wizard) == "vh_crisis"
    wizard.close()


def test_the_section_list_goes_to_a_section_at_its_first_open_answer(
        qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    keys.key("e", ALT)  # Onderdelen
    assert keys.focused() is wizard.section_list
    item = wizard.section_list.currentItem()
    assert item is not None and "Registratie" in item.text(0) and "open" in item.text(0)
    for _ in range(4):  # De vraag, its section, Geld werk en de dag, Financiën
        keys.key(Qt.Key.Key_Down)
    keys.key(Qt.Key.Key_Return)
    assert wizard.current == ("financien", "") and _at(wizard) == "fi_score"
    wizard.close()


def test_the_focus_shows_from_the_first_key(qtbot: QtBot, team: Team,
                                            jolanda: HouseholdView) -> None:
    """A number or J/N goes to the option with the focus: it must be seen before any Tab."""
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    def shown() -> bool:
        return wizard.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)

    qtbot.waitUntil(shown)
    assert _at(wizard) == "reg_melder"
    keys = Keyboard(qtbot)
    keys.key(Qt.Key.Key_PageDown, CTRL)  # to another page: the focus shows there too
    assert _at(wizard) == "vr_eigen_woorden" and shown()
    keys.key(Qt.Key.Key_Return, CTRL)
    assert _at(wizard) == "vr_hoofdprobleem" and shown()
    wizard.close()


def test_a_tick_is_saved_at_once_and_tab_leaves_the_boxes_in_one_step(
        qtbot: QtBot, team: Team, jolanda: HouseholdView) -> None:
    wizard = _wizard(qtbot, team, team.consulent, jolanda)
    keys = Keyboard(qtbot)
    _go(qtbot, wizard, "fi_score")
    keys.key(Qt.Key.Key_Tab)
    assert _at(wizard) == "fi_onderwerpen"
    keys.key("3")
    keys.key("5")
    assert _stored(team, wizard)[("fi_onderwerpen", "")] == ["schulden", "administratie"]
    assert _at(wizard) == "fi_onderwerpen"
    keys.key("3")  # off again
    assert _stored(team, wizard)[("fi_onderwerpen", "")] == ["administratie"]
    keys.key(Qt.Key.Key_Tab)
    assert _at(wizard) == "fi_dreiging"
    wizard.close()
