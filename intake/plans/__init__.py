"""The plan van aanpak and the toekomstplan: the public API for screens, printing and the CLI.

Every function takes the unit of work first, checks permissions and writes the audit trail;
none commits. Editing functions take the ``expected_version`` of the row the screen showed and
return the whole version afresh. See docs in each module; a summary lives in the README.
"""

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
