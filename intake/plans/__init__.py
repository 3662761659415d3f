"""The plan van aanpak and the toekomstplan: the public API for screens, printing and the CLI.

Every function takes the unit of work first, checks permissions and writes the audit trail;
none commits. Editing functions take the ``expected_version`` of the row the screen showed and
return the whole version afresh. See docs in each module; a summary lives in the README.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intake.plans.candidates import (
        ResultCandidate,
        add_candidates,
        plan_candidates,
        start_plan,
    )
    from intake.plans.diff import Change, ChangeKind, Subject, compare_versions, diff_versions
    from intake.plans.editor import (
        add_action,
        add_result,
        move_result_to_law,
        remove_action,
        remove_result,
        update_action,
        update_details,
        update_result,
    )
    from intake.plans.evaluation import (
        DueSummary,
        EvaluationInput,
        OutcomeInput,
        due_summary,
        evaluate,
        evaluations_due,
    )
    from intake.plans.inputs import (
        ActionInput,
        EvaluationMomentInput,
        ProfessionalInput,
        ResultInput,
        VersionDetailsInput,
    )
    from intake.plans.lifecycle import agree, discard_draft, start_new_version, submit_for_agreement
    from intake.plans.queries import household_plan, household_plans, open_plan_version
    from intake.plans.toekomstplan import EligibleMember, start_toekomstplan, toekomstplan_members
    from intake.plans.views import (
        ActionView,
        DueEvaluation,
        EvaluationMomentView,
        EvaluationView,
        OutcomeView,
        PlanSummary,
        PlanVersionView,
        ProfessionalView,
        ResultView,
        VersionInfo,
    )
    from intake.plans.vocab import (
        ActionStatus,
        AgreedHow,
        Decision,
        Outcome,
        PlanKind,
        VersionStatus,
        WhoKind,
    )

# Each name is imported from its module when first asked for: printing a plan needs the
# views and queries, not the editor, the candidates (with the brede uitvraag) or the diff.
_WHERE = {
    "ActionInput": "intake.plans.inputs",
    "ActionStatus": "intake.plans.vocab",
    "ActionView": "intake.plans.views",
    "AgreedHow": "intake.plans.vocab",
    "Change": "intake.plans.diff",
    "ChangeKind": "intake.plans.diff",
    "Decision": "intake.plans.vocab",
    "DueEvaluation": "intake.plans.views",
    "DueSummary": "intake.plans.evaluation",
    "EligibleMember": "intake.plans.toekomstplan",
    "EvaluationInput": "intake.plans.evaluation",
    "EvaluationMomentInput": "intake.plans.inputs",
    "EvaluationMomentView": "intake.plans.views",
    "EvaluationView": "intake.plans.views",
    "Outcome": "intake.plans.vocab",
    "OutcomeInput": "intake.plans.evaluation",
    "OutcomeView": "intake.plans.views",
    "PlanKind": "intake.plans.vocab",
    "PlanSummary": "intake.plans.views",
    "PlanVersionView": "intake.plans.views",
    "ProfessionalInput": "intake.plans.inputs",
    "ProfessionalView": "intake.plans.views",
    "ResultCandidate": "intake.plans.candidates",
    "ResultInput": "intake.plans.inputs",
    "ResultView": "intake.plans.views",
    "Subject": "intake.plans.diff",
    "VersionDetailsInput": "intake.plans.inputs",
    "VersionInfo": "intake.plans.views",
    "VersionStatus": "intake.plans.vocab",
    "WhoKind": "intake.plans.vocab",
    "add_action": "intake.plans.editor",
    "add_candidates": "intake.plans.candidates",
    "add_result": "intake.plans.editor",
    "agree": "intake.plans.lifecycle",
    "compare_versions": "intake.plans.diff",
    "diff_versions": "intake.plans.diff",
    "discard_draft": "intake.plans.lifecycle",
    "due_summary": "intake.plans.evaluation",
    "evaluate": "intake.plans.evaluation",
    "evaluations_due": "intake.plans.evaluation",
    "household_plan": "intake.plans.queries",
    "household_plans": "intake.plans.queries",
    "move_result_to_law": "intake.plans.editor",
    "open_plan_version": "intake.plans.queries",
    "plan_candidates": "intake.plans.candidates",
    "remove_action": "intake.plans.editor",
    "remove_result": "intake.plans.editor",
    "start_new_version": "intake.plans.lifecycle",
    "start_plan": "intake.plans.candidates",
    "start_toekomstplan": "intake.plans.toekomstplan",
    "submit_for_agreement": "intake.plans.lifecycle",
    "toekomstplan_members": "intake.plans.toekomstplan",
    "update_action": "intake.plans.editor",
    "update_details": "intake.plans.editor",
    "update_result": "intake.plans.editor",
}

__all__ = [
    "ActionInput",
    "ActionStatus",
    "ActionView",
    "AgreedHow",
    "Change",
    "ChangeKind",
    "Decision",
    "DueEvaluation",
    "DueSummary",
    "EligibleMember",
    "EvaluationInput",
    "EvaluationMomentInput",
    "EvaluationMomentView",
    "EvaluationView",
    "Outcome",
    "OutcomeInput",
    "OutcomeView",
    "PlanKind",
    "PlanSummary",
    "PlanVersionView",
    "ProfessionalInput",
    "ProfessionalView",
    "ResultCandidate",
    "ResultInput",
    "ResultView",
    "Subject",
    "VersionDetailsInput",
    "VersionInfo",
    "VersionStatus",
    "WhoKind",
    "add_action",
    "add_candidates",
    "add_result",
    "agree",
    "compare_versions",
    "diff_versions",
    "discard_draft",
    "due_summary",
    "evaluate",
    "evaluations_due",
    "household_plan",
    "household_plans",
    "move_result_to_law",
    "open_plan_version",
    "plan_candidates",
    "remove_action",
    "remove_result",
    "start_new_version",
    "start_plan",
    "start_toekomstplan",
    "submit_for_agreement",
    "toekomstplan_members",
    "update_action",
    "update_details",
    "update_result",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
