"""Every public domain function that takes a unit of work, against an explicit role table.

The functions are discovered, not listed by hand: a new one that is missing from ``TABLE``
fails the test, and so does one whose behaviour for a role differs from its row. Each is
called for every role on a real store with a real household, intake and plan (its writes rolled
back); "refused" means it raised PermissionDenied, anything else (a result, a validation or
not-found message) means the role got past the permission check.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import intake
from intake import plans
from intake.catalogues.stored import CatalogueKind
from intake.core.access import ReasonRequired
from intake.core.clock import utcnow
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import PermissionDenied
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.help_questions.registration import household_help_questions
from intake.reports.export import ReportFormat
from intake.reports.period import Period
from intake.uitvraag.flow import start_intake
from intake.uitvraag.signals import raise_signal
from tests.conftest import Team, jolanda_input
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions

B, C, R, V, T = (Role.BEHEERDER, Role.CONSULENT, Role.REGISSEUR, Role.VINDPLAATS,
                 Role.TEAMLEIDER)
ALL = frozenset(Role)
NONE: frozenset[Role] = frozenset()
ADMIN = frozenset({B})
# The household of the test was registered by the consulent: a vindplaatsmedewerker who did
# not register it, and was not given access, may not open it.
READ = frozenset({C, R, T})
EDIT = frozenset({C, R})
CREATE = frozenset({C, R, V})
FIGURES = frozenset({T})
# Building blocks the public functions call after their own check, on rows those functions
# already loaded (or checks themselves): they take a unit of work but are not entry points.
HELPER = "helper"

# Every role; what comes back is limited to the households the person may open
# (household_filter), or is reference data (catalogues, sociale kaart, own audit entries).
FILTERED = ALL
TERMS = frozenset({B, T})  # retention terms and destruction steps
TEAMLEAD = frozenset({T})
OWN_OR_TEAM = frozenset({C, R, V, T})  # caseload-limited lists for everyone with cases

TABLE: dict[str, frozenset[Role] | str] = {
    # catalogues and sociale kaart: reference data, changed by the beheerder
    "intake.catalogues.admin.add_entry": ADMIN,
    "intake.catalogues.admin.deactivate": ADMIN,
    "intake.catalogues.admin.label_history": ADMIN,
    "intake.catalogues.admin.list_entries": ADMIN,
    "intake.catalogues.admin.relabel": ADMIN,
    "intake.catalogues.admin.set_active": ADMIN,
    "intake.catalogues.social_map.add_service": ADMIN,
    "intake.catalogues.social_map.update_service": ADMIN,
    "intake.catalogues.social_map.get_service": ALL,
    "intake.catalogues.social_map.search_services": ALL,
    "intake.catalogues.stored.entries": ALL,
    # the checks themselves and the audit trail
    "intake.core.access.household_filter": HELPER,
    "intake.core.access.visible_household_ids": HELPER,
    "intake.core.access.needs_reason": HELPER,
    "intake.core.access.opens_without_reason": HELPER,
    "intake.core.access.on_replica": HELPER,
    "intake.core.access.reason_values": HELPER,
    "intake.core.access.require_reason_given": HELPER,
    "intake.core.access.require_create": HELPER,
    "intake.core.access.require_edit": HELPER,
    "intake.core.access.require_read": HELPER,
    "intake.core.access.require_role": HELPER,
    "intake.core.audit.record": HELPER,
    "intake.core.audit.require_beheerder": HELPER,
    "intake.core.audit.read_recent_ahead": HELPER,  # own entries, of households checked
    "intake.core.audit.recent_household_ids": FILTERED,
    "intake.core.audit.verify_chain": ADMIN,
    "intake.core.seal.seal_chain": ADMIN,
    # printing
    "intake.documents.plan_data.gather": HELPER,
    "intake.documents.plan_print.prepare_print": READ,
    # Checked per household inside: a refused plan is reported in its place.
    "intake.documents.plan_print.prepare_prints": OWN_OR_TEAM,
    "intake.documents.plan_print.print_plan": READ,
    "intake.documents.plan_print.record_output": READ,
    # help questions
    "intake.help_questions.registration.default_channel": ALL,
    "intake.help_questions.registration.default_vindplaats": ALL,
    "intake.help_questions.registration.local_today": ALL,
    "intake.help_questions.registration.most_used_types": ALL,  # one's own counts only
    "intake.help_questions.registration.household_help_questions": READ,
    "intake.help_questions.registration.intake_help_questions": READ,
    "intake.help_questions.registration.list_help_questions": READ,
    "intake.help_questions.registration.register_help_question": EDIT,
    "intake.help_questions.registration.set_outcome": EDIT,
    # plans
    "intake.plans.candidates.add_candidates": EDIT,
    "intake.plans.candidates.plan_candidates": READ,
    "intake.plans.candidates.start_plan": EDIT,
    "intake.plans.common.get_action": HELPER,
    "intake.plans.common.get_plan": HELPER,
    "intake.plans.common.get_result": HELPER,
    "intake.plans.common.get_version": HELPER,
    "intake.plans.common.member_names": READ,
    "intake.plans.common.plan_summary": HELPER,
    "intake.plans.common.require_draft": HELPER,
    "intake.plans.common.version_view": HELPER,
    "intake.plans.diff.compare_versions": READ,
    "intake.plans.editor.add_action": EDIT,
    "intake.plans.editor.add_result": EDIT,
    "intake.plans.editor.move_result_to_law": EDIT,
    "intake.plans.editor.remove_action": EDIT,
    "intake.plans.editor.remove_result": EDIT,
    "intake.plans.editor.update_action": EDIT,
    "intake.plans.editor.update_details": EDIT,
    "intake.plans.editor.update_result": EDIT,
    "intake.plans.evaluation.evaluate": EDIT,
    "intake.plans.evaluation.due_summary": OWN_OR_TEAM,
    "intake.plans.evaluation.evaluations_due": OWN_OR_TEAM,
    "intake.plans.inputs.validate_action": HELPER,
    "intake.plans.inputs.validate_details": HELPER,
    "intake.plans.inputs.validate_result": HELPER,
    "intake.plans.lifecycle.agree": EDIT,
    "intake.plans.lifecycle.discard_draft": EDIT,
    "intake.plans.lifecycle.start_new_version": EDIT,
    "intake.plans.lifecycle.submit_for_agreement": EDIT,
    "intake.plans.queries.active_plans": OWN_OR_TEAM,
    "intake.plans.queries.find_plan": HELPER,
    "intake.plans.queries.household_plan": READ,
    "intake.plans.queries.household_plans": READ,
    "intake.plans.queries.open_plan_version": READ,
    "intake.plans.queries.version_row": HELPER,
    "intake.plans.toekomstplan.start_toekomstplan": EDIT,
    "intake.plans.toekomstplan.toekomstplan_members": READ,
    # the register
    "intake.register.access_history.household_history": READ,
    "intake.register.households.create_household": CREATE,
    "intake.register.households.find_duplicates": CREATE,
    "intake.register.households.grant_access": EDIT,
    "intake.register.households.household_id_for": OWN_OR_TEAM,
    "intake.register.households.next_dossiernummer": HELPER,
    "intake.register.households.open_household": READ,
    "intake.register.households.update_household": EDIT,
    "intake.register.search.count_households": OWN_OR_TEAM,
    "intake.register.need_to_know.record_opening": HELPER,
    "intake.register.target_groups.end_target_group": EDIT,
    "intake.register.target_groups.household_target_groups": READ,
    "intake.register.target_groups.member_by_number": READ,
    "intake.register.target_groups.read_target_groups": HELPER,
    "intake.register.target_groups.remove_target_group": EDIT,
    "intake.register.target_groups.set_target_group": EDIT,
    "intake.register.search.describe_households": FILTERED,
    "intake.register.search.recent_households": FILTERED,
    "intake.register.search.search_households": OWN_OR_TEAM,
    # management information
    "intake.reports.export.active_plans": OWN_OR_TEAM,
    "intake.reports.export.export_report": FIGURES,
    "intake.reports.figures.compute_figures": FIGURES,
    "intake.reports.figures.require_figures": HELPER,
    "intake.reports.help_question_export.export_csv_text": FIGURES,
    "intake.reports.help_question_export.export_rows": FIGURES,
    "intake.reports.help_question_export.write_csv": FIGURES,
    "intake.reports.overview.require_overview": HELPER,
    "intake.reports.overview.team_overview": READ,
    # the resident's right of access, retention and destruction
    "intake.inzage.consents.consents_for": HELPER,
    "intake.inzage.content.build_inzage": READ,
    "intake.inzage.make_inzage": READ,
    "intake.retention.destruction.approve_destruction": TEAMLEAD,
    "intake.retention.schedule.dossier_household": HELPER,
    "intake.retention.schedule.due_retention": HELPER,
    "intake.retention.schedule.open_proposal": HELPER,
    "intake.retention.schedule.propose_destruction": ADMIN,
    "intake.retention.schedule.retention_list": TERMS,
    "intake.retention.schedule.withdraw_destruction": TERMS,
    "intake.retention.terms.load_terms": HELPER,
    "intake.retention.terms.retention_terms": TERMS,
    "intake.retention.terms.set_term": ADMIN,
    "intake.store.recovery.make_recovery_key": ADMIN,
    # sharing: consent and legal bases, openings with a reason
    "intake.sharing.consent.basis_for": HELPER,  # after the print's own read check
    "intake.sharing.consent.expiring_consents": FILTERED,
    "intake.sharing.consent.household_bases": READ,
    "intake.sharing.consent.organisations": ALL,  # the sociale kaart's organisation names
    "intake.sharing.consent.record_basis": EDIT,
    "intake.sharing.consent.withdraw_consent": EDIT,
    "intake.sharing.openings.review_list": TEAMLEAD,
    "intake.sharing.openings.review_opening": TEAMLEAD,
    "intake.sharing.openings.team_lead_openings": ADMIN,
    # accounts and the store
    "intake.store.accounts.account_id": ALL,
    "intake.store.accounts.add_account": ADMIN,
    "intake.store.accounts.change_password": ADMIN,  # others: only their own (own test)
    "intake.store.accounts.disable_account": ADMIN,
    "intake.store.accounts.list_accounts": ADMIN,
    "intake.store.backup.make_backup": ADMIN,
    "intake.store.colleagues.case_workers": OWN_OR_TEAM,
    "intake.store.reminders.set_reminder_days": ADMIN,
    "intake.store.reminders.upkeep": ADMIN,
    "intake.store.screen_lock.lock_minutes": ALL,  # read by every window at sign-in
    "intake.store.screen_lock.set_lock_minutes": ADMIN,
    # the brede uitvraag
    "intake.uitvraag.flow.attach_help_question": EDIT,
    "intake.uitvraag.flow.children_of": READ,
    "intake.uitvraag.flow.finish_intake": EDIT,
    "intake.uitvraag.flow.list_intakes": READ,
    "intake.uitvraag.flow.load_answers": READ,
    "intake.uitvraag.flow.open_intake": READ,
    "intake.uitvraag.flow.save_answer": EDIT,
    "intake.uitvraag.flow.set_position": EDIT,
    "intake.uitvraag.flow.start_intake": EDIT,
    "intake.uitvraag.flow.steps": READ,
    "intake.uitvraag.flow.summary": READ,
    "intake.uitvraag.handover.latest_intake_summary": READ,
    "intake.uitvraag.signals.handle_signal_step": EDIT,
    "intake.uitvraag.signals.list_signals": READ,
    "intake.uitvraag.signals.open_signal_flags": OWN_OR_TEAM,  # flags of visible ones only
    "intake.uitvraag.signals.raise_signal": HELPER,
    "intake.uitvraag.signals.view_signals": HELPER,
    "intake.uitvraag.views.build_summary": HELPER,
    "intake.uitvraag.views.help_question_labels": READ,
    "intake.uitvraag.views.intake_view": HELPER,
    "intake.uitvraag.views.member_options": READ,
    "intake.uitvraag.views.options_resolver": READ,
}


def discovered() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.walk_packages(intake.__path__, "intake."):
        if info.name.startswith(("intake.cli", "intake.demo", "intake.__main__")):
            continue  # front-ends and demo data call the domain, they are not the domain
        module = importlib.import_module(info.name)
        for name, function in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(function) \
                    or function.__module__ != info.name:
                continue
            params = list(inspect.signature(function).parameters.values())
            if params and params[0].annotation in ("UnitOfWork", UnitOfWork):
                found[f"{info.name}.{name}"] = function
    return found


def _world(team: Team, tmp_path: Path) -> dict[str, Any]:
    with unit_of_work(team.store, team.consulent) as uow:
        from intake.register.households import create_household

        household = create_household(uow, jolanda_input())
        register_jolanda_questions(uow, household.id)
        keys = [c.key for c in plans.plan_candidates(uow, household.id)]
        view = fill_jolanda_plan(uow, plans.start_plan(uow, household.id, keys))
        question = household_help_questions(uow, household.id)[0]
        started = start_intake(uow, household.id, "huisbezoek", "zorgloket")
        signal = raise_signal(uow, started.id, household.id, "veiligheid", "x", "")
        assert signal is not None
        from intake.register.target_groups import set_target_group

        tag = set_target_group(uow, household.id, "schulden")
        from intake.sharing.consent import BasisInput, record_basis

        basis = record_basis(uow, household.id, BasisInput(
            "ggd-twente", "toestemming", "Afstemmen", ["plan"], "getekend",
            date(2026, 1, 1), date(2027, 12, 31)))
    result = view.results[0]
    return {
        "household_id": household.id, "intake_id": started.id, "plan_id": view.plan_id,
        "version_id": view.id, "result_id": result.id, "action_id": result.actions[0].id,
        "help_question_id": question.id, "member_id": household.members[0].id,
        "signal_id": signal.id, "tag_id": tag.id, "basis_id": basis.id,
        "service_id": uuid.uuid4(), "expected_version": 1,
        "kind": CatalogueKind.VINDPLAATS, "code": "werkplein", "label": "Werkplein",
        "username": "niemand", "dossiernummer": household.dossiernummer,
        "period": Period(date(2026, 1, 1), date(2026, 12, 31)), "fmt": ReportFormat.CSV,
        "start": date(2026, 1, 1), "end": date(2026, 12, 31), "query": "Verhoef",
        "text": "", "out": tmp_path / "uit" / "bestand", "ids": [household.id],
        "household_ids": [household.id],
        "backup_days": 7, "seal_days": 30, "number_a": 1, "number_b": 1, "number": 1,
        "chosen": [], "items": [], "key": "x", "value": "x", "repeat_key": "",
        "outcome_code": "afgesloten", "referral_target": "", "law_code": "geen",
        "step": 1, "decision": "", "new_password": "kort", "password": "kort",
        "display_name": "Niemand", "role": Role.CONSULENT, "channel_code": "huisbezoek",
        "vindplaats_code": "zorgloket", "on": date(2026, 12, 1), "within_days": 30, "minutes": 15,
        "scope_key": "", "question_key": "x",
    }


def _call(team: Team, actor: Actor, function: Callable[..., Any],
          world: dict[str, Any]) -> bool:
    """True: got past the permission check. The transaction is always rolled back."""
    params = list(inspect.signature(function).parameters.values())[1:]
    args = {p.name: world.get(p.name) for p in params
            if p.default is inspect.Parameter.empty and p.kind is not p.VAR_KEYWORD}
    session = team.store.sessions()
    uow = UnitOfWork(session=session, actor=actor, now=utcnow(), store=team.store)
    try:
        function(uow, **args)
        return True
    except ReasonRequired:
        return True  # the role may, with a reason (need-to-know has its own tests)
    except PermissionDenied:
        return False
    except Exception:
        return True
    finally:
        session.rollback()
        session.close()


def test_every_public_domain_function_is_in_the_table() -> None:
    names = set(discovered())
    assert sorted(names - set(TABLE)) == [], "add these functions to TABLE"
    assert sorted(set(TABLE) - names) == [], "these functions are gone: remove their rows"


def test_each_role_gets_exactly_what_the_table_says(team: Team, tmp_path: Path) -> None:
    world = _world(team, tmp_path)
    actors = {team.beheerder.role: team.beheerder, team.consulent.role: team.consulent,
              team.regisseur.role: team.regisseur, team.vindplaats.role: team.vindplaats,
              team.teamleider.role: team.teamleider}
    wrong = []
    for name, function in sorted(discovered().items()):
        expected = TABLE.get(name)
        if expected is None or expected == HELPER:
            continue
        allowed = {role for role, actor in actors.items()
                   if _call(team, actor, function, world)}
        if allowed != expected:
            wrong.append(f"{name}: allowed {sorted(allowed)}, table {sorted(expected or ())}")
    assert wrong == []
