"""Shared pieces for the plan-screen tests: a dialog driver and a plan tab (the captured
notices are the ``notices`` fixture of tests/ui/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.register.households import HouseholdView
from intake.uitvraag.flow import save_answer, start_intake
from tests.conftest import Team
from tests.helpers.plan_builders import register_jolanda_questions
from ui.kit import forms as plan_common
from ui.plan.tab import PlanTab

Handler = Callable[[QDialog], int]


@dataclass
class Dialogs:
    """Stands in for modal loops: each dialog the screens open goes to the next handler."""

    handlers: list[Handler] = field(default_factory=list)
    seen: list[QDialog] = field(default_factory=list)

    def then(self, handler: Handler) -> Dialogs:
        self.handlers.append(handler)
        return self

    def run(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        assert self.handlers, f"unexpected dialog {type(dialog).__name__}"
        return self.handlers.pop(0)(dialog)


def drive_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    """For a fixture: plan dialogs go to the test's handlers instead of a modal loop."""
    driver = Dialogs()
    monkeypatch.setattr(plan_common, "run_dialog", driver.run)
    yield driver
    assert not driver.handlers, "a dialog the test expected was never opened"


def submit(dialog: QDialog) -> int:
    """Press the dialog's save button; the result says whether it closed."""
    dialog.submit()  # type: ignore[attr-defined]
    return int(dialog.result())


def prepare_intake(team: Team, household: HouseholdView) -> None:
    """Jolanda's four help questions plus an open intake scoring her finances 2."""
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, household.id)
        intake_id = start_intake(uow, household.id, "huisbezoek", "wijkteam").id
    with unit_of_work(team.store, team.consulent) as uow:
        save_answer(uow, intake_id, "fi_score", 2)
    with unit_of_work(team.store, team.consulent) as uow:
        save_answer(uow, intake_id, "fi_zorgen", "Schulden van vorig jaar, post blijft liggen")


def plan_tab(qtbot: QtBot, team: Team, actor: Actor, household: HouseholdView) -> PlanTab:
    tab = PlanTab(team.store, actor, household.id,
                  lambda: [(m.id, m.name) for m in household.members])
    qtbot.addWidget(tab)
    tab.resize(1100, 760)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.loaded
    return tab
