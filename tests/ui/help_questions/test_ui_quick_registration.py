"""Quick registration at the vindplaats: find the household, the question, type, outcome, save,
by keyboard; each key press or typed text counted, beyond typing the question itself:
"direct geholpen" in four, "doorverwezen" in six."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from intake.core.session import unit_of_work
from intake.help_questions.registration import (
    HelpQuestionInput,
    HelpQuestionView,
    list_help_questions,
    most_used_types,
    register_help_question,
)
from intake.register.households import HouseholdInput, HouseholdView, MemberInput, MemberRole
from intake.register.households import create_household as create
from intake.uitvraag.flow import open_intake
from tests.conftest import Team
from tests.helpers.ui_keyboard import ALT, Keyboard, activate
from ui.help_questions.quick_registration import QuickRegistrationDialog
from ui.register.household_dialog import HouseholdDialog
from ui.uitvraag.wizard import IntakeWizard

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

@pytest.fixture
def bakker(team: Team) -> HouseholdView:
    """A family the POH-jeugd registered, so she may see it."""
    with unit_of_work(team.store, team.vindplaats) as uow:
        return create(uow, HouseholdInput(
            street="Enschedesestraat", house_number="40", postcode="7551 EM", city="Hengelo",
            members=[MemberInput("Samira", "Bakker", MemberRole.OUDER, date(1990, 2, 3)),
                     MemberInput("Noah", "Bakker", MemberRole.KIND, date(2015, 6, 1))]))


@pytest.fixture
def dialog(qtbot: QtBot, team: Team) -> Iterator[QuickRegistrationDialog]:
    shown = QuickRegistrationDialog(team.store, team.vindplaats)
    qtbot.addWidget(shown)
    activate(qtbot, shown)
    yield shown


QUESTION = "Zoon slaapt slecht en is vaak boos"


@pytest.fixture
def history(team: Team) -> None:
    """Vera registered questions about parenting most, and one about school."""
    with unit_of_work(team.store, team.vindplaats) as uow:
        other = create(uow, HouseholdInput(
            street="Marktstraat", house_number="9", postcode="7551 DR", city="Hengelo",
            members=[MemberInput("Ilse", "Jansen", MemberRole.ALLEENSTAAND)]))
        for code in ("opvoeden_opgroeien", "onderwijs_schoolverzuim", "opvoeden_opgroeien"):
            register_help_question(uow, other.id, HelpQuestionInput(code, "direct_geholpen"))


def _find(keys: Keyboard) -> None:
    keys.type("Bakker")
    keys.key(Qt.Key.Key_Return)  # search now, cursor on the first hit
    keys.key(Qt.Key.Key_Return)  # take it: the cursor goes to the question


def _question(qtbot: QtBot, dialog: QuickRegistrationDialog) -> None:
    """Typing the question itself is not counted: it is the one thing always typed."""
    assert dialog.question.hasFocus()
    qtbot.keyClicks(dialog.question, QUESTION)


def _stored(team: Team, household: HouseholdView) -> HelpQuestionView:
    with unit_of_work(team.store, team.vindplaats) as uow:
        [stored] = list_help_questions(uow, household.id)
    return stored


def test_direct_help_in_four(qtbot: QtBot, team: Team, bakker: HouseholdView, history: None,
                             dialog: QuickRegistrationDialog) -> None:
    keys = Keyboard(qtbot)
    _find(keys)
    _question(qtbot, dialog)
    keys.key(Qt.Key.Key_Return)  # Opslaan: type, vindplaats and channel were preset
    assert keys.count == 4
    assert dialog.saved is not None and not dialog.isVisible()
    stored = _stored(team, bakker)
    assert (stored.type_code, stored.vindplaats_code, stored.channel_code,
            stored.outcome_code) == ("opvoeden_opgroeien", "huisarts", "op_de_vindplaats",
                                     "direct_geholpen")
    assert stored.question == QUESTION and stored.member_id is None
    assert stored.registered_by == "Vera POH-jeugd"


def test_referral_in_six(qtbot: QtBot, team: Team, bakker: HouseholdView, history: None,
                         dialog: QuickRegistrationDialog) -> None:
    keys = Keyboard(qtbot)
    _find(keys)
    _question(qtbot, dialog)
    keys.key("n", ALT)  # Doorverwezen naar…: the cursor goes to where to
    assert dialog.referral.hasFocus()
    keys.type("Opvoedpoli LOES")
    keys.key(Qt.Key.Key_Return)
    assert keys.count == 6
    stored = _stored(team, bakker)
    assert (stored.type_code, stored.vindplaats_code, stored.channel_code,
            stored.outcome_code) == ("opvoeden_opgroeien", "huisarts", "op_de_vindplaats",
                                     "doorverwezen")
    assert stored.outcome_text == "Doorverwezen naar Opvoedpoli LOES"
    assert stored.question == QUESTION


def test_most_used_types_come_first(team: Team, history: None) -> None:
    with unit_of_work(team.store, team.vindplaats) as uow:
        assert most_used_types(uow) == ["opvoeden_opgroeien", "onderwijs_schoolverzuim"]
    with unit_of_work(team.store, team.consulent) as uow:
        assert most_used_types(uow) == []  # counts of one's own registrations only


def test_the_type_list_starts_with_the_most_used(qtbot: QtBot, team: Team, history: None,
                                                 dialog: QuickRegistrationDialog) -> None:
    box = dialog.type_box
    assert [box.itemData(i) for i in range(1, 3)] == ["opvoeden_opgroeien",
                                                       "onderwijs_schoolverzuim"]
    assert box.currentData() == "opvoeden_opgroeien"
    codes = [box.itemData(i) for i in range(box.count()) if box.itemData(i)]
    assert len(codes) == len(set(codes))  # each type once, the rest after a line
    assert dialog.vindplaats.currentData() == "huisarts"
    assert dialog.channel.currentData() == "op_de_vindplaats"


def test_a_first_registration_chooses_the_type(qtbot: QtBot, team: Team,
                                               bakker: HouseholdView,
                                               dialog: QuickRegistrationDialog) -> None:
    """Without a history nothing is preset: Tab to the type and type ahead."""
    assert dialog.type_box.currentData() == ""
    keys = Keyboard(qtbot)
    _find(keys)
    _question(qtbot, dialog)
    keys.key(Qt.Key.Key_Tab)
    keys.type("Opvoe")  # type-ahead: Opvoeden en opgroeien
    keys.key(Qt.Key.Key_Return)
    assert keys.count == 6
    assert _stored(team, bakker).type_code == "opvoeden_opgroeien"


def test_missing_type_is_shown_inline(qtbot: QtBot, team: Team, bakker: HouseholdView,
                                      dialog: QuickRegistrationDialog) -> None:
    keys = Keyboard(qtbot)
    keys.key("o", ALT)  # Opslaan with nothing chosen yet
    assert "huishouden" in dialog.errors["household"].text()
    keys.type("Bakker")
    keys.key(Qt.Key.Key_Return)
    keys.key(Qt.Key.Key_Return)
    keys.key("o", ALT)
    assert dialog.isVisible()
    assert dialog.errors["type_code"].text() == "Kies een soort hulpvraag."


def test_continue_into_the_full_intake(qtbot: QtBot, team: Team, bakker: HouseholdView,
                                       history: None, dialog: QuickRegistrationDialog) -> None:
    keys = Keyboard(qtbot)
    _find(keys)
    _question(qtbot, dialog)
    keys.key("r", ALT)  # Verder met brede uitvraag
    wizards = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, IntakeWizard) and w.isVisible()]
    assert wizards == [dialog.wizard]
    with unit_of_work(team.store, team.vindplaats) as uow:
        [stored] = list_help_questions(uow, bakker.id)
        intake = open_intake(uow, bakker.id)
    assert intake is not None and stored.intake_id == intake.id
    assert stored.outcome_code == "brede_uitvraag"
    assert (intake.channel_code, intake.vindplaats_code) == ("op_de_vindplaats", "huisarts")
    wizards[0].close()
    assert keys.count == 4


def test_new_household_from_the_dialog(qtbot: QtBot, team: Team,
                                       dialog: QuickRegistrationDialog,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def make(cls: type, store: object, actor: object, view: object = None,
             parent: object = None) -> HouseholdView:
        with unit_of_work(team.store, team.vindplaats) as uow:
            return create(uow, HouseholdInput(
                street="Marktstraat", house_number="3", postcode="7551 DR", city="Hengelo",
                members=[MemberInput("Ilse", "de Vries", MemberRole.ALLEENSTAAND)]))

    monkeypatch.setattr(HouseholdDialog, "ask", classmethod(make))
    keys = Keyboard(qtbot)
    keys.key("i", ALT)  # Nieuw huishouden…
    assert dialog.household is not None and "Vries" in dialog.chosen.text()
    assert dialog.question.hasFocus()
