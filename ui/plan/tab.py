"""The 'Plan van aanpak' tab of a household: the plan on screen with its editing wired in."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QWidget

from intake.core.context import Actor
from intake.store import Store
from ui.plan.editing import PlanEditing
from ui.plan.view import Members, PlanView
from ui.register.household_page import HouseholdPage, HouseholdTab


class PlanTab(PlanView):
    def __init__(self, store: Store, actor: Actor, household_id: uuid.UUID, members: Members,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, actor, household_id, members, parent)
        self.editing = PlanEditing(self)
        self.agree_button.clicked.connect(self.editing.agree)
        self.evaluate_button.clicked.connect(self.editing.evaluate)
        self.versions_button.clicked.connect(self.editing.versions)
        self.print_button.clicked.connect(self.editing.preview)
        self.editing.connect_results(self.results)


def _plan_tab(page: HouseholdPage) -> QWidget:
    return PlanTab(page.store, page.actor, page.household_id,
                   lambda: [(m.id, m.name) for m in page.view.members])


PLAN_TAB = HouseholdTab("&Plan van aanpak", _plan_tab)  # one of the household page's tabs
