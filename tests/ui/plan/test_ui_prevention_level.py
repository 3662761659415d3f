"""The prevention level on screen: chosen for an action, kept when editing it, and set on a
service of the sociale kaart by the beheerder."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from intake.catalogues.social_map import search_services
from intake.core.session import unit_of_work
from intake.plans import ActionInput
from tests.conftest import Team
from ui.admin.social_map import ServiceDialog
from ui.plan.action_dialog import ActionDialog

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def test_the_action_dialog_hands_in_the_chosen_level(qtbot: QtBot, team: Team) -> None:
    saved: list[ActionInput] = []
    dialog = ActionDialog(team.store, team.consulent, None,
                          lambda data: saved.append(data) is None)
    qtbot.addWidget(dialog)
    assert dialog.prevention.currentData() is None  # follows the service unless chosen
    qtbot.keyClicks(dialog.what, "Opvoedcursus")
    dialog.prevention.setCurrentIndex(dialog.prevention.findData("selectief"))
    dialog.submit()
    assert [data.prevention_level for data in saved] == ["selectief"]


def test_the_beheerder_sets_a_service_level(qtbot: QtBot, team: Team) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        (service,) = search_services(uow, "Kickstart")
    assert service.prevention_level == "selectief"
    dialog = ServiceDialog(team.store, team.beheerder, service)
    qtbot.addWidget(dialog)
    assert dialog.prevention.currentData() == "selectief"
    dialog.prevention.setCurrentIndex(dialog.prevention.findData("universeel"))
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.prevention_level == "universeel"
    assert dialog.saved.prevention_level_label == "Universeel"
