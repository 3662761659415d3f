"""The plan from intake to version 2: candidates, agreement, evaluation, what changed."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from intake import plans
from intake.core.errors import KnownError, PermissionDenied, StaleEditError, ValidationError
from intake.core.session import unit_of_work
from intake.plans import (
    ActionInput,
    AgreedHow,
    Decision,
    EvaluationInput,
    Outcome,
    OutcomeInput,
    ResultInput,
    VersionStatus,
    WhoKind,
)
from intake.register.households import HouseholdView, grant_access
from intake.uitvraag.flow import save_answer, start_intake
from intake.uitvraag.handover import DomainScore, IntakeSummary
from tests.conftest import Team
from tests.helpers.access import add_colleague
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions


def _start(team: Team, jolanda: HouseholdView) -> plans.PlanVersionView:
    add_colleague(team, jolanda.id, team.regisseur)  # works on the case with her
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, jolanda.id)
        keys = [c.key for c in plans.plan_candidates(uow, jolanda.id)]
        return fill_jolanda_plan(uow, plans.start_plan(uow, jolanda.id, keys))


def _agree(team: Team, view: plans.PlanVersionView) -> plans.PlanVersionView:
    with unit_of_work(team.store, team.consulent) as uow:
        return plans.agree(uow, view.id, view.version, date(2026, 11, 20), AgreedHow.GETEKEND,
                           client_support_offered=True)


def test_candidates_are_offered_not_added(team: Team, jolanda: HouseholdView,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import intake.uitvraag.handover as source

    def fake_summary(_uow: object, _household_id: uuid.UUID) -> IntakeSummary:
        return IntakeSummary(uuid.uuid4(), jolanda.created_at, None, (
            DomainScore("financien", "Financiën", 2, None, "schulden van vorig jaar"),
            DomainScore("huisvesting", "Huisvesting", 4, None),
        ), ())

    monkeypatch.setattr(source, "latest_intake_summary", fake_summary)
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, jolanda.id)
        candidates = plans.plan_candidates(uow, jolanda.id)
        # Domain scored 2 is offered, 4 is not; all four help questions are offered.
        assert [c.suggestion.domain_code for c in candidates if c.source_kind == "leefgebied"] \
            == ["financien"]
        assert len([c for c in candidates if c.source_kind == "hulpvraag"]) == 4
        laws = {c.suggestion.law_code for c in candidates if c.source_kind == "hulpvraag"}
        assert laws == {"participatiewet", "wmo", "jeugdwet", "wgs"}
        empty = plans.start_plan(uow, jolanda.id)
        assert empty.results == ()
        assert empty.status is VersionStatus.CONCEPT
        view = plans.add_candidates(uow, empty.id, empty.version, [candidates[0].key])
        assert [r.text for r in view.results] == ["schulden van vorig jaar"]
        again = plans.plan_candidates(uow, jolanda.id)
        assert again[0].already_in_plan


def test_candidates_from_a_real_intake(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        intake = start_intake(uow, jolanda.id, "huisbezoek", "wijkteam")
        save_answer(uow, intake.id, "fi_score", 2)
        save_answer(uow, intake.id, "fi_zorgen", "Schulden van vorig jaar")
        candidates = plans.plan_candidates(uow, jolanda.id)
        chosen = [c for c in candidates if c.suggestion.domain_code == "financien"]
        view = plans.start_plan(uow, jolanda.id, [c.key for c in chosen])
    assert [c.title for c in chosen] == ["Financiën: score 2 (niet zelfredzaam)"]
    assert [r.text for r in view.results] == ["Schulden van vorig jaar"]


def test_plan_from_intake_agree_evaluate_version_two(team: Team,
                                                    jolanda: HouseholdView) -> None:
    view = _start(team, jolanda)
    assert len(view.results) == 4
    assert all(len(r.actions) == 1 for r in view.results)
    view = _agree(team, view)
    assert view.status is VersionStatus.ACTIEF
    assert view.next_evaluation_on == date(2027, 2, 20)  # three months after agreement
    with unit_of_work(team.store, team.consulent) as uow, pytest.raises(KnownError):
        plans.update_result(uow, view.results[0].id, view.results[0].version, ResultInput(
            domain_code="financien", text="x"))
    work = next(r for r in view.results if r.law_code == "participatiewet")
    debt = next(r for r in view.results if r.law_code == "wgs")
    outcomes = {r.id: OutcomeInput(Outcome.DEELS_BEHAALD, "loopt") for r in view.results}
    outcomes[debt.id] = OutcomeInput(Outcome.BEHAALD, "bewindvoering geregeld")
    with unit_of_work(team.store, team.regisseur) as uow:
        evaluated = plans.evaluate(uow, view.id, view.version, EvaluationInput(
            evaluated_on=date(2026, 11, 21), outcomes=outcomes,
            decision=Decision.VOLGENDE_VERSIE, satisfaction=4))
        assert evaluated.status is VersionStatus.GEEVALUEERD
        assert evaluated.evaluation is not None and evaluated.evaluation.satisfaction == 4
        draft = plans.start_new_version(uow, view.plan_id)
    assert draft.number == 2 and draft.status is VersionStatus.CONCEPT
    assert len(draft.results) == 3  # the achieved debt result is not carried over
    new_work = next(r for r in draft.results if r.lineage_id == work.lineage_id)
    with unit_of_work(team.store, team.consulent) as uow:
        draft = plans.update_result(uow, new_work.id, new_work.version, ResultInput(
            domain_code="werk_opleiding", law_code="participatiewet",
            text="Ik wil 24 uur per week betaald werken.", target_on=date(2027, 9, 1)))
        new_work = next(r for r in draft.results if r.lineage_id == work.lineage_id)
        draft = plans.add_action(uow, new_work.id, new_work.version, ActionInput(
            what="Proefplaatsing met jobcoach", who_kind=WhoKind.ORGANISATIE,
            who_name="SWB", support_level="maatwerkvoorziening"))
        draft = plans.agree(uow, draft.id, draft.version, date(2026, 11, 22),
                            AgreedHow.MONDELING)
        summary = plans.household_plan(uow, jolanda.id)
        changes = plans.compare_versions(uow, view.plan_id, 1, 2)
        first = plans.open_plan_version(uow, view.plan_id, 1)
    assert summary is not None and summary.status is VersionStatus.ACTIEF
    assert [v.status for v in summary.versions] == [VersionStatus.GEEVALUEERD,
                                                     VersionStatus.ACTIEF]
    lines = [c.description for c in changes]
    assert "Resultaat gewijzigd 'Ik wil 24 uur per week betaald werken.' (Resultaat): " \
           f"{work.text} → Ik wil 24 uur per week betaald werken." in lines
    assert "Actie toegevoegd: Proefplaatsing met jobcoach" in lines
    assert f"Resultaat verwijderd: {debt.text}" in lines
    # The agreed version 1 still reads as it was agreed.
    assert first.results[0].text == view.results[0].text
    assert first.status is VersionStatus.GEEVALUEERD


def test_stale_save_is_refused(team: Team, jolanda: HouseholdView) -> None:
    view = _start(team, jolanda)
    result = view.results[0]
    with unit_of_work(team.store, team.consulent) as uow:
        plans.update_result(uow, result.id, result.version, ResultInput(
            domain_code=result.domain_code, text="Eerste wijziging", law_code=result.law_code))
    with pytest.raises(StaleEditError), unit_of_work(team.store, team.regisseur) as uow:
        plans.update_result(uow, result.id, result.version, ResultInput(
            domain_code=result.domain_code, text="Tweede, op oude kopie"))
    with pytest.raises(StaleEditError), unit_of_work(team.store, team.regisseur) as uow:
        plans.agree(uow, view.id, view.version - 1, date(2026, 11, 20), AgreedHow.GETEKEND)


def test_agreement_needs_complete_plan(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.start_plan(uow, jolanda.id)
        view = plans.add_result(uow, view.id, view.version, ResultInput(
            domain_code="financien", text="Rust over geld"))
        with pytest.raises(ValidationError) as error:
            plans.agree(uow, view.id, view.version, date(2026, 11, 20), AgreedHow.GETEKEND)
    assert "result1.actions" in error.value.fields


def test_move_result_to_other_law_and_close(team: Team, jolanda: HouseholdView) -> None:
    view = _start(team, jolanda)
    youth = next(r for r in view.results if r.law_code == "jeugdwet")
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.move_result_to_law(uow, youth.id, youth.version, "wmo")
    assert next(r for r in view.results if r.id == youth.id).law_label == "Wmo 2015"
    view = _agree(team, view)
    with unit_of_work(team.store, team.consulent) as uow:
        with pytest.raises(ValidationError) as error:
            plans.evaluate(uow, view.id, view.version, EvaluationInput(
                date(2026, 11, 21), {r.id: OutcomeInput(Outcome.BEHAALD) for r in view.results},
                Decision.AFSLUITEN))
        assert "closing_reason" in error.value.fields
        closed = plans.evaluate(uow, view.id, view.version, EvaluationInput(
            date(2026, 11, 21), {r.id: OutcomeInput(Outcome.BEHAALD) for r in view.results},
            Decision.AFSLUITEN, satisfaction=5, closing_reason="Doelen behaald"))
        summary = plans.household_plan(uow, jolanda.id)
    assert closed.status is VersionStatus.AFGESLOTEN
    assert summary is not None and summary.status is VersionStatus.AFGESLOTEN


def test_evaluations_due_for_responsible_and_household(team: Team,
                                                       jolanda: HouseholdView) -> None:
    view = _agree(team, _start(team, jolanda))
    with unit_of_work(team.store, team.consulent) as uow:
        mine = plans.evaluations_due(uow, within_days=28)
        later = plans.evaluations_due(uow, within_days=120)
        household = plans.evaluations_due(uow, within_days=120, household_id=jolanda.id)
    assert mine == []  # due 20-02-2027, more than four weeks away
    assert [d.version_id for d in later] == [view.id]
    assert later[0].responsible_name == "Carla Consulent" and not later[0].overdue
    assert household == later
    with unit_of_work(team.store, team.regisseur) as uow:
        assert plans.evaluations_due(uow, within_days=120) == []
        assert len(plans.evaluations_due(uow, within_days=120, everyone=True)) == 1
    with unit_of_work(team.store, team.consulent, clock=lambda: datetime(2027, 3, 1, 9)) as uow:
        overdue = plans.evaluations_due(uow)
    assert overdue[0].overdue and overdue[0].days_left == -9


def test_due_summary_counts_everything_and_lists_the_earliest(
        team: Team, jolanda: HouseholdView) -> None:
    view = _agree(team, _start(team, jolanda))
    at = lambda: datetime(2027, 3, 1, 9)  # noqa: E731 - the evaluation is nine days late
    with unit_of_work(team.store, team.teamleider, clock=at) as uow:
        full = plans.evaluations_due(uow, everyone=True)
        summary = plans.due_summary(uow, everyone=True)
        none_listed = plans.due_summary(uow, everyone=True, limit=0)
    assert summary.rows == tuple(full) and [d.version_id for d in full] == [view.id]
    assert (summary.total, summary.overdue) == (1, 1)
    assert none_listed.rows == () and (none_listed.total, none_listed.overdue) == (1, 1)
    with unit_of_work(team.store, team.regisseur, clock=at) as uow:
        assert plans.due_summary(uow) == plans.DueSummary(0, 0, ())  # not responsible
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.beheerder) as uow:
        plans.due_summary(uow)


def test_permissions(team: Team, jolanda: HouseholdView) -> None:
    view = _start(team, jolanda)
    result = view.results[0]
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.teamleider) as uow:
        plans.update_result(uow, result.id, result.version, ResultInput(
            domain_code=result.domain_code, text="x"))
    with unit_of_work(team.store, team.teamleider) as uow:
        assert plans.open_plan_version(uow, view.plan_id).number == 1
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.beheerder) as uow:
        plans.open_plan_version(uow, view.plan_id)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.beheerder) as uow:
        plans.evaluations_due(uow)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.vindplaats) as uow:
        plans.open_plan_version(uow, view.plan_id)  # not registered by, nor added to
    with unit_of_work(team.store, team.consulent) as uow:
        grant_access(uow, jolanda.id, "vindplaats")
    with unit_of_work(team.store, team.vindplaats) as uow:
        edited = plans.update_result(uow, result.id, result.version, ResultInput(
            domain_code=result.domain_code, text="Door de POH-jeugd aangevuld"))
    assert edited.results[0].text == "Door de POH-jeugd aangevuld"
    with unit_of_work(team.store, team.consulent) as uow:
        refused = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.result == "geweigerd", AuditEntry.household_id == jolanda.id)).all()
    assert {entry.actor_name for entry in refused} == {"teamleider", "beheerder", "vindplaats"}


def test_change_after_agreement_replaces_the_version_in_force(team: Team,
                                                              jolanda: HouseholdView) -> None:
    view = _start(team, jolanda)
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.submit_for_agreement(uow, view.id, view.version)
        assert view.status is VersionStatus.WACHT_OP_AKKOORD and view.editable
    view = _agree(team, view)
    with unit_of_work(team.store, team.consulent) as uow:
        draft = plans.start_new_version(uow, view.plan_id)
        assert plans.start_new_version(uow, view.plan_id).id == draft.id  # one draft at most
        assert plans.compare_versions(uow, view.plan_id, 1, 2) == []
        assert plans.household_plan(uow, jolanda.id).draft_number == 2  # type: ignore[union-attr]
        plans.discard_draft(uow, draft.id, draft.version)
        draft = plans.start_new_version(uow, view.plan_id)
        first = draft.results[0]
        draft = plans.remove_action(uow, first.actions[0].id, first.actions[0].version)
        draft = plans.remove_result(uow, draft.results[0].id, draft.results[0].version)
        draft = plans.agree(uow, draft.id, draft.version, date(2026, 11, 21),
                            AgreedHow.MONDELING)
        summary = plans.household_plan(uow, jolanda.id)
        changes = plans.compare_versions(uow, view.plan_id, 1, 2)
    assert summary is not None
    assert [v.status for v in summary.versions] == [VersionStatus.VERVANGEN,
                                                     VersionStatus.ACTIEF]
    assert summary.active_number == 2 and summary.draft_number is None
    assert [(c.kind, c.subject) for c in changes if c.subject is not plans.Subject.PLAN] == [
        (plans.ChangeKind.VERWIJDERD, plans.Subject.RESULTAAT)]
