"""What the buttons of the plan tab do: results and actions through their dialogs, agreement,
evaluation, versions and 'wat is er veranderd', the print preview.

Dialogs look up the row they edit by lineage at the moment of saving, so after a conflict
(the tab reloaded) a second 'Opslaan' is checked against the newest copy, not the old one.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject

from intake import plans
from intake.core.clock import today
from intake.core.context import UnitOfWork
from intake.core.errors import KnownError
from intake.plans import (
    ActionInput,
    ActionView,
    Decision,
    EvaluationInput,
    PlanVersionView,
    ResultInput,
    ResultView,
)
from ui.kit import forms as plan_common
from ui.kit.notice import Notice
from ui.plan.action_dialog import ActionDialog
from ui.plan.evaluation import EvaluationDialog
from ui.plan.preview import PreviewDialog
from ui.plan.result_dialog import LawDialog, ResultDialog
from ui.plan.results import ResultsPanel
from ui.plan.start import CandidatesDialog
from ui.plan.versions import AgreeDialog, DiffDialog, VersionsDialog
from ui.plan.view import PlanView

GONE = "Dit onderdeel is intussen door iemand anders verwijderd."


class PlanEditing(QObject):
    def __init__(self, tab: PlanView) -> None:
        super().__init__(tab)
        self.tab = tab

    def connect_results(self, panel: ResultsPanel) -> None:
        panel.add_result_button.clicked.connect(self.add_result)
        panel.candidates_button.clicked.connect(self.add_candidates)
        panel.edit_result_button.clicked.connect(self.edit_result)
        panel.law_button.clicked.connect(self.move_to_law)
        panel.remove_result_button.clicked.connect(self.remove_result)
        panel.results_table.activated.connect(lambda _index: self._activate_result())
        panel.add_action_button.clicked.connect(self.add_action)
        panel.edit_action_button.clicked.connect(self.edit_action)
        panel.remove_action_button.clicked.connect(self.remove_action)
        panel.actions_table.activated.connect(lambda _index: self._activate_action())

    # ---- lookups by lineage, against whatever the tab shows now -------------------------

    def view(self) -> PlanVersionView:
        assert self.tab.view is not None
        return self.tab.view

    def result(self, lineage: uuid.UUID) -> ResultView:
        found = next((r for r in self.view().results if r.lineage_id == lineage), None)
        if found is None:
            raise KnownError(GONE)
        return found

    def action(self, lineage: uuid.UUID) -> ActionView:
        found = next((a for a in self.view().actions if a.lineage_id == lineage), None)
        if found is None:
            raise KnownError(GONE)
        return found

    # ---- results ----------------------------------------------------------------------

    def add_result(self) -> None:
        def save(data: ResultInput) -> bool:
            return self.tab.write(lambda uow: plans.add_result(
                uow, self.view().id, self.view().version, data), fields_to_caller=True)

        plan_common.run_dialog(ResultDialog(None, self.tab.members(), save, self.tab))

    def save_result(self, lineage: uuid.UUID, data: ResultInput) -> bool:
        def work(uow: UnitOfWork) -> PlanVersionView:
            result = self.result(lineage)
            return plans.update_result(uow, result.id, result.version, data)

        return self.tab.write(work, fields_to_caller=True)

    def edit_result(self) -> None:
        current = self.tab.results.current_result()
        if current is None:
            return
        lineage = current.lineage_id
        plan_common.run_dialog(ResultDialog(
            current, self.tab.members(), lambda data: self.save_result(lineage, data),
            self.tab))

    def _activate_result(self) -> None:
        if self.tab.editable:
            self.edit_result()

    def move_to_law(self) -> None:
        current = self.tab.results.current_result()
        if current is None:
            return
        dialog = LawDialog(current, self.tab)
        if plan_common.accepted(dialog) and dialog.chosen() != current.law_code:
            law, lineage = dialog.chosen(), current.lineage_id

            def work(uow: UnitOfWork) -> PlanVersionView:
                result = self.result(lineage)
                return plans.move_result_to_law(uow, result.id, result.version, law)

            self.tab.write(work)

    def remove_result(self) -> None:
        current = self.tab.results.current_result()
        if current is None or not Notice.confirm(
                self.tab, f"Resultaat '{current.text[:60] or current.domain_label}' met "
                          f"{len(current.actions)} acties uit dit concept halen?",
                "Resultaat verwijderen", "Verwijderen", "Niet verwijderen"):
            return
        self.tab.write(lambda uow: plans.remove_result(uow, current.id, current.version))

    def add_candidates(self) -> None:
        household_id = self.tab.household_id
        candidates = self.tab.operation(
            lambda uow: plans.plan_candidates(uow, household_id)).run()
        if candidates is None:
            return
        dialog = CandidatesDialog(candidates, self.tab)
        if plan_common.accepted(dialog) and dialog.candidates.chosen_keys():
            keys = dialog.candidates.chosen_keys()
            self.tab.write(lambda uow: plans.add_candidates(
                uow, self.view().id, self.view().version, keys))

    # ---- actions ----------------------------------------------------------------------

    def add_action(self) -> None:
        current = self.tab.results.current_result()
        if current is None:
            return
        lineage = current.lineage_id

        def save(data: ActionInput) -> bool:
            def work(uow: UnitOfWork) -> PlanVersionView:
                result = self.result(lineage)
                return plans.add_action(uow, result.id, result.version, data)
            return self.tab.write(work, fields_to_caller=True)

        plan_common.run_dialog(ActionDialog(self.tab.store, self.tab.actor, None, save,
                                            self.tab))

    def save_action(self, lineage: uuid.UUID, data: ActionInput) -> bool:
        def work(uow: UnitOfWork) -> PlanVersionView:
            action = self.action(lineage)
            return plans.update_action(uow, action.id, action.version, data)

        return self.tab.write(work, fields_to_caller=True)

    def edit_action(self) -> None:
        lineage = self.tab.results.selected_action()
        if lineage is None:
            return
        plan_common.run_dialog(ActionDialog(
            self.tab.store, self.tab.actor, self.action(lineage),
            lambda data: self.save_action(lineage, data), self.tab))

    def _activate_action(self) -> None:
        if self.tab.editable:
            self.edit_action()

    def remove_action(self) -> None:
        lineage = self.tab.results.selected_action()
        if lineage is None:
            return
        action = self.action(lineage)
        if Notice.confirm(self.tab, f"Actie '{action.what[:60]}' verwijderen?",
                          "Actie verwijderen", "Verwijderen", "Niet verwijderen"):
            self.tab.write(lambda uow: plans.remove_action(uow, action.id, action.version))

    # ---- agreement, evaluation, versions, printing ------------------------------------

    def agree(self) -> None:
        view = self.view()
        dialog = AgreeDialog(today(), view.client_support_offered, self.tab)
        if not plan_common.accepted(dialog):
            return
        agreed_on = dialog.agreed_on.date_value()
        assert agreed_on is not None
        self.tab.write(lambda uow: plans.agree(
            uow, view.id, view.version, agreed_on, dialog.how,
            dialog.client_support.isChecked()), full_reload=True)

    def save_evaluation(self, data: EvaluationInput) -> bool:
        view = self.view()

        def work(uow: UnitOfWork) -> PlanVersionView:
            evaluated = plans.evaluate(uow, view.id, view.version, data)
            if data.decision is Decision.VOLGENDE_VERSIE:
                return plans.start_new_version(uow, view.plan_id)
            return evaluated

        return self.tab.write(work, fields_to_caller=True, full_reload=True)

    def evaluate(self) -> None:
        plan_common.run_dialog(EvaluationDialog(self.view(), today(),
                                                self.save_evaluation, self.tab))

    def versions(self) -> None:
        summary = self.tab.summary
        if summary is None:
            return
        dialog = VersionsDialog(summary, self.view().number, self.tab)
        if not plan_common.accepted(dialog):
            return
        if dialog.choice == VersionsDialog.OPEN:
            self.tab.open_version(dialog.selected_number())
        elif dialog.choice == VersionsDialog.COMPARE:
            self.compare(*dialog.compared())

    def compare(self, first: int, second: int) -> None:
        summary = self.tab.summary
        assert summary is not None
        changes = self.tab.operation(
            lambda uow: plans.compare_versions(uow, summary.id, first, second)).run()
        if changes is None:
            return
        plan_common.run_dialog(DiffDialog(first, second, changes, self.tab))

    def preview(self) -> None:
        view = self.view()
        plan_common.run_dialog(PreviewDialog(self.tab.store, self.tab.actor,
                                             self.tab.household_id, view.plan_id, view.number,
                                             view.dossiernummer, self.tab))
