"""Quick registration at the vindplaats: find the household, type, question, outcome, save —
by keyboard, each key press or typed text counted, within the budget of fewer than ten."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from intake.core.session import unit_of_work
from intake.help_questions.registration import list_help_questions
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

BUDGET = 10


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


def _find_and_describe(keys: Keyboard) -> None:
    keys.type("Bakker")
    keys.key(Qt.Key.Key_Return)  # search now, cursor on the first hit
    keys.key(Qt.Key.Key_Return)  # take it
    keys.type("Opvoe")  # type-ahead: Opvoeden en opgroeien
    keys.key(Qt.Key.Key_Tab)
    keys.type("Zoon slaapt slecht en is vaak boos")


def test_direct_help_within_budget(qtbot: QtBot, team: Team, bakker: HouseholdView,
                                   dialog: QuickRegistrationDialog) -> None:
    keys = Keyboard(qtbot)
    _find_and_describe(keys)
    keys.key(Qt.Key.Key_Return)  # Opslaan
    assert keys.count == 7 and keys.count < BUDGET
    assert dialog.saved is not None and not dialog.isVisible()
    with unit_of_work(team.store, team.vindplaats) as uow:
        [stored] = list_help_questions(uow, bakker.id)
    assert (stored.type_code, stored.vindplaats_code, stored.channel_code,
            stored.outcome_code) == ("opvoeden_opgroeien", "huisarts", "op_de_vindplaats",
                                     "direct_geholpen")
    assert stored.question == "Zoon slaapt slecht en is vaak boos"
    assert stored.registered_by == "Vera POH-jeugd"


def test_referral_within_budget(qtbot: QtBot, team: Team, bakker: HouseholdView,
                                dialog: QuickRegistrationDialog) -> None:
    keys = Keyboard(qtbot)
    _find_and_describe(keys)
    keys.key("n", ALT)  # Doorverwezen naar…: the cursor goes to where to
    assert dialog.referral.hasFocus()
    keys.type("Opvoedpoli LOES")
    keys.key(Qt.Key.Key_Return)
    assert keys.count == 9 and keys.count < BUDGET
    with unit_of_work(team.store, team.vindplaats) as uow:
        [stored] = list_help_questions(uow, bakker.id)
    assert stored.outcome_text == "Doorverwezen naar Opvoedpoli LOES"


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
                                       dialog: QuickRegistrationDialog) -> None:
    keys = Keyboard(qtbot)
    _find_and_describe(keys)
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
    assert keys.count == 7


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
    assert dialog.type_box.hasFocus()
