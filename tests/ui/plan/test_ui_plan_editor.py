"""The plan tab on screen: from the intake's suggestions to version 2 and what changed; stale
saves refused with a message; a team lead reads only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from intake import plans
from intake.core.errors import PermissionDenied
from intake.core.session import unit_of_work
from intake.plans import ActionInput, Outcome, ResultInput, VersionStatus, WhoKind
from intake.register.households import HouseholdView
from intake.store.colleagues import case_workers
from tests.conftest import Team
from tests.helpers.access import add_colleague
from tests.helpers.ui_plan_helpers import (
    Dialogs,
    Handler,
    drive_dialogs,
    plan_tab,
    prepare_intake,
    submit,
)
from tests.ui.conftest import Notices
from ui.plan.action_dialog import ActionDialog
from ui.plan.evaluation import EvaluationDialog
from ui.plan.result_dialog import LawDialog, ResultDialog
from ui.plan.tab import PlanTab
from ui.plan.versions import DiffDialog, VersionsDialog

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    yield from drive_dialogs(monkeypatch)


def _word_result(text: str) -> Handler:
    def handle(dialog: QDialog) -> int:
        assert isinstance(dialog, ResultDialog)
        dialog.text.setPlainText(text)
        dialog.target.setText("01-06-2027")
        return submit(dialog)
    return handle


def _new_action(what: str, due: str = "15-01-2027") -> Handler:
    def handle(dialog: QDialog) -> int:
        assert isinstance(dialog, ActionDialog)
        dialog.what.setPlainText(what)
        dialog.who_kind.setCurrentIndex(dialog.who_kind.findData(WhoKind.ORGANISATIE.value))
        dialog.service.field.setText("schuld")
        dialog.service.search()
        assert dialog.service.hits.count() > 0
        dialog.service.hits.itemClicked.emit(dialog.service.hits.item(0))
        dialog.level.setCurrentIndex(dialog.level.findData("algemene_voorziening"))
        dialog.start.setText("01-12-2026")
        dialog.due.setText(due)
        return submit(dialog)
    return handle


def _start_with_two(tab: PlanTab) -> None:
    panel = tab.start_panel
    assert tab.stack.currentWidget() is panel
    texts = [panel.candidates.item(i).text() for i in range(panel.candidates.count())]
    assert any(t.startswith("Financiën: score 2") for t in texts)
    assert sum(t.startswith("Hulpvraag") for t in texts) == 4
    assert panel.candidates.chosen_keys() == []  # nothing is added unless ticked
    panel.candidates.tick(0)  # the finances score
    panel.candidates.tick(1)  # the first help question
    panel.start_button.click()


def test_plan_from_intake_to_version_two(qtbot: QtBot, team: Team, jolanda: HouseholdView,
                                         dialogs: Dialogs, notices: Notices) -> None:
    prepare_intake(team, jolanda)
    tab = plan_tab(qtbot, team, team.consulent, jolanda)
    _start_with_two(tab)
    view = tab.view
    assert view is not None and len(view.results) == 2
    assert view.results[0].text.startswith("Schulden van vorig jaar")  # the intake's words
    assert tab.results.results.rowCount() == 2
    # Word both results and give each an action through the dialogs.
    for row, text in enumerate(("Ik wil rust over geld.", "Ik wil betaald werk.")):
        tab.results.select_result(row)
        dialogs.then(_word_result(text))
        tab.results.edit_result_button.click()
        dialogs.then(_new_action(f"Aanmelden bij schuldhulp {row}"))
        tab.results.add_action_button.click()
    assert not notices.warnings
    view = tab.view
    assert [r.text for r in view.results] == ["Ik wil rust over geld.", "Ik wil betaald werk."]
    assert all(len(r.actions) == 1 for r in view.results)
    assert view.results[0].actions[0].service_label  # chosen from the sociale kaart
    assert tab.results.action_rows.rowCount() == 1
    # Agree: version 1 is frozen and in force, evaluation three months later.
    dialogs.then(submit)
    tab.agree_button.click()
    assert tab.view.status is VersionStatus.ACTIEF
    assert tab.view.next_evaluation_on is not None
    assert not tab.results.add_result_button.isVisible()
    assert tab.evaluate_button.isVisible()

    def evaluate(dialog: QDialog) -> int:
        assert isinstance(dialog, EvaluationDialog)
        results = tab.view.results
        dialog.set_outcome(results[0].id, Outcome.DEELS_BEHAALD, "Afspraak gemaakt")
        dialog.set_outcome(results[1].id, Outcome.BEHAALD, "Werkt nu drie dagen betaald")
        dialog.satisfaction.setCurrentIndex(4)
        return submit(dialog)

    dialogs.then(evaluate)
    tab.evaluate_button.click()
    # The evaluation leads to version 2, a draft without the achieved result.
    assert tab.view.number == 2 and tab.view.status is VersionStatus.CONCEPT
    assert [r.text for r in tab.view.results] == ["Ik wil rust over geld."]
    action = tab.view.results[0].actions[0]

    def later(dialog: QDialog) -> int:
        assert isinstance(dialog, ActionDialog)
        dialog.due.setText("01-04-2027")
        return submit(dialog)

    tab.results.select_result(0)
    dialogs.then(later)
    tab.results.edit_action_button.click()
    assert tab.view.results[0].actions[0].due_on == date(2027, 4, 1)
    assert tab.view.results[0].actions[0].lineage_id == action.lineage_id
    dialogs.then(submit)
    tab.agree_button.click()
    assert tab.view.status is VersionStatus.ACTIEF
    # Versions: compare 1 -> 2.
    shown: list[str] = []

    def choose_compare(dialog: QDialog) -> int:
        assert isinstance(dialog, VersionsDialog)
        assert dialog.model.rowCount() == 2
        assert dialog.compared() == (1, 2)
        dialog.compare_button.click()
        return int(dialog.result())

    def read_diff(dialog: QDialog) -> int:
        assert isinstance(dialog, DiffDialog)
        shown.append(dialog.text.toPlainText())
        return 0

    dialogs.then(choose_compare).then(read_diff)
    tab.versions_button.click()
    assert "Resultaat verwijderd: Ik wil betaald werk." in shown[0]
    assert "(Einddatum): 15-01-2027 → 01-04-2027" in shown[0]
    # Version 1 still opens, read-only.

    def open_first(dialog: QDialog) -> int:
        assert isinstance(dialog, VersionsDialog)
        dialog.table.selectRow(1)
        dialog.open_button.click()
        return int(dialog.result())

    dialogs.then(open_first)
    tab.versions_button.click()
    assert tab.view.number == 1 and tab.view.status is VersionStatus.GEEVALUEERD
    assert tab.results.results.row_values(1)[7] == "Behaald"
    assert not tab.editable and tab.newest_button.isVisible()
    assert "oudere versie" in tab.status.text()


def _draft(team: Team, household: HouseholdView) -> plans.PlanVersionView:
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.start_plan(uow, household.id)
        return plans.add_result(uow, view.id, view.version, ResultInput(
            "financien", "Ik wil rust over geld.", law_code="wgs"))


def test_stale_save_is_refused_and_typing_kept(qtbot: QtBot, team: Team,
                                               jolanda: HouseholdView, dialogs: Dialogs,
                                               notices: Notices) -> None:
    _draft(team, jolanda)
    add_colleague(team, jolanda.id, team.regisseur)
    tab = plan_tab(qtbot, team, team.consulent, jolanda)
    old = tab.view.results[0]
    # Someone else saves the same result after this screen loaded it.
    with unit_of_work(team.store, team.regisseur) as uow:
        plans.update_result(uow, old.id, old.version, ResultInput(
            "financien", "Tekst van de regisseur", law_code="wgs"))
    typed = "Tekst van de consulent"
    dialog = ResultDialog(old, [], lambda data: tab.editing.save_result(old.lineage_id, data),
                          tab)
    dialog.text.setPlainText(typed)
    dialog.submit()
    assert dialog.result() != QDialog.DialogCode.Accepted  # stays open with the typing
    assert dialog.text.toPlainText() == typed
    assert "intussen door iemand anders gewijzigd" in notices.warnings[-1]
    assert tab.view.results[0].text == "Tekst van de regisseur"  # reloaded, not overwritten
    with unit_of_work(team.store, team.consulent) as uow:
        stored = plans.open_plan_version(uow, tab.view.plan_id)
    assert stored.results[0].text == "Tekst van de regisseur"
    # The plan details: typed text survives a refused save too.
    tab.details.strengths.setPlainText("Jolanda is trouw op haar werk")
    assert tab.details.dirty
    with unit_of_work(team.store, team.regisseur) as uow:
        plans.update_details(uow, stored.id, stored.version,
                             plans.VersionDetailsInput(worries="Zorgen van de regisseur"))
    assert not tab.details.submit()
    assert len(notices.warnings) == 2
    assert tab.details.strengths.toPlainText() == "Jolanda is trouw op haar werk"
    with unit_of_work(team.store, team.consulent) as uow:
        stored = plans.open_plan_version(uow, tab.view.plan_id)
    assert stored.worries == "Zorgen van de regisseur" and stored.strengths == ""
    # Saving again after seeing the message is a deliberate choice and goes through.
    assert tab.details.submit()
    assert tab.view.strengths == "Jolanda is trouw op haar werk"


def test_teamleider_reads_only(qtbot: QtBot, team: Team, jolanda: HouseholdView,
                               notices: Notices) -> None:
    draft = _draft(team, jolanda)
    tab = plan_tab(qtbot, team, team.teamleider, jolanda)
    assert tab.view is not None and tab.view.id == draft.id
    assert not tab.editable
    for button in (tab.results.add_result_button, tab.results.add_action_button,
                   tab.results.edit_result_button, tab.agree_button, tab.submit_button,
                   tab.details.save_button):
        assert not button.isVisible()
    assert tab.details.strengths.isReadOnly()
    assert not tab.details.regisseur.isEnabled()
    assert tab.print_button.isVisible()
    assert "niet wijzigen" in tab.status.text()
    result = draft.results[0]
    with unit_of_work(team.store, team.teamleider) as uow, pytest.raises(PermissionDenied):
        plans.update_result(uow, result.id, result.version, ResultInput("financien", "x"))
    # The save path refuses too, with the domain's message.
    assert not tab.write(lambda uow: plans.update_result(
        uow, result.id, result.version, ResultInput("financien", "x")))
    assert "niet wijzigen" in notices.warnings[-1]


def test_regisseur_picker_and_toekomstplan(qtbot: QtBot, team: Team, notices: Notices) -> None:
    from intake.register.households import HouseholdInput, MemberInput, MemberRole, create_household

    eighteen = date.today() - timedelta(days=18 * 365 + 30)
    with unit_of_work(team.store, team.consulent) as uow:
        family = create_household(uow, HouseholdInput(
            street="Marktstraat", house_number="3", postcode="7551 DR", city="Hengelo",
            members=[MemberInput("Ayşe", "Çelik", MemberRole.OUDER, date(1980, 3, 1)),
                     MemberInput("Mert", "Çelik", MemberRole.KIND, eighteen)]))
        workers = case_workers(uow)
    assert {w.display_name for w in workers} == {"Carla Consulent", "Ruud Regisseur",
                                                "Vera POH-jeugd"}
    with unit_of_work(team.store, team.beheerder) as uow, pytest.raises(PermissionDenied):
        case_workers(uow)  # no case access, so no colleague list either
    tab = plan_tab(qtbot, team, team.consulent, family)
    assert tab.future_button.isVisible()
    actions = tab.future_menu.actions()
    assert [a.text() for a in actions] == ["Mert Çelik (18 jaar)"]
    actions[0].trigger()
    assert tab.view.kind is plans.PlanKind.TOEKOMSTPLAN
    assert [r.theme_label for r in tab.view.results] == ["Wonen", "Dagbesteding", "Financiën",
                                                         "Sociale contacten"]
    assert tab.plan_choice.count() == 2  # the household plan (not started) and this one
    assert not tab.future_button.isVisible()
    # Pick a regisseur and save the details.
    combo = tab.details.regisseur
    combo.setCurrentIndex(combo.findData(str(team.regisseur.id)))
    tab.details.aanspreekpunt.setText("Mert zelf")
    assert tab.details.submit(), notices.warnings
    assert tab.view.regisseur_name == "Ruud Regisseur"
    tab.plan_choice.setCurrentIndex(0)
    tab.plan_choice.activated.emit(0)
    assert tab.stack.currentWidget() is tab.start_panel
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.open_plan_version(uow, tab.summaries[0].id)
        plans.add_action(uow, view.results[0].id, view.results[0].version, ActionInput(
            "Kamer zoeken", WhoKind.INWONER, "eigen_kracht"))


def test_result_moves_to_another_law_and_case_closes(qtbot: QtBot, team: Team,
                                                     jolanda: HouseholdView, dialogs: Dialogs,
                                                     notices: Notices) -> None:
    draft = _draft(team, jolanda)
    tab = plan_tab(qtbot, team, team.consulent, jolanda)

    def to_wmo(dialog: QDialog) -> int:
        assert isinstance(dialog, LawDialog)
        dialog.law.setCurrentIndex(dialog.law.findData("wmo"))
        return QDialog.DialogCode.Accepted.value

    dialogs.then(to_wmo)
    tab.results.law_button.click()
    assert tab.view.results[0].law_code == "wmo"
    assert tab.view.plan_id == draft.plan_id and tab.view.number == 1  # same plan
    dialogs.then(_new_action("Samen naar de Stadsbank"))
    tab.results.add_action_button.click()
    dialogs.then(submit)
    tab.agree_button.click()

    def close_case(dialog: QDialog) -> int:
        assert isinstance(dialog, EvaluationDialog)
        dialog.set_outcome(tab.view.results[0].id, Outcome.BEHAALD)
        dialog.close_case.setChecked(True)
        assert submit(dialog) != QDialog.DialogCode.Accepted  # a reason is required
        assert dialog.errors["closing_reason"].isVisibleTo(dialog)
        dialog.reason.setText("Doelen behaald")
        return submit(dialog)

    dialogs.then(close_case)
    tab.evaluate_button.click()
    assert tab.view.status is VersionStatus.AFGESLOTEN
    assert tab.summary is not None and tab.summary.closed_at is not None
    assert tab.new_version_button.isVisible() and not tab.evaluate_button.isVisible()
    assert not notices.warnings


def test_unsaved_details_are_not_dropped_silently(qtbot: QtBot, team: Team,
                                                  jolanda: HouseholdView,
                                                  notices: Notices) -> None:
    _draft(team, jolanda)
    tab = plan_tab(qtbot, team, team.consulent, jolanda)
    tab.details.worries.setPlainText("Nog niet opgeslagen zorg")
    notices.answer = False  # "Terug naar het plan"
    tab.plan_choice.activated.emit(0)
    assert tab.details.worries.toPlainText() == "Nog niet opgeslagen zorg"
    notices.answer = True
    tab.open_version(None)
    assert tab.details.worries.toPlainText() == ""
