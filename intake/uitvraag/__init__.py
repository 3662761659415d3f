"""The brede uitvraag of a household: its steps, answers saved one by one, signals, and what
it hands to the plan."""

from intake.uitvraag.flow import (
    attach_help_question,
    finish_intake,
    list_intakes,
    load_answers,
    open_intake,
    save_answer,
    set_position,
    start_intake,
    steps,
    summary,
)
from intake.uitvraag.handover import (
    DomainScore,
    IntakeSummary,
    latest_intake_summary,
)
from intake.uitvraag.signals import (
    SignalView,
    flag_text,
    handle_signal_step,
    list_signals,
    open_signal_flags,
    route_steps,
)
from intake.uitvraag.views import (
    IntakeView,
    StepsView,
    SummaryView,
    member_options,
)

__all__ = [
    "DomainScore",
    "IntakeSummary",
    "IntakeView",
    "SignalView",
    "StepsView",
    "SummaryView",
    "attach_help_question",
    "finish_intake",
    "flag_text",
    "handle_signal_step",
    "latest_intake_summary",
    "list_intakes",
    "list_signals",
    "load_answers",
    "member_options",
    "open_intake",
    "open_signal_flags",
    "route_steps",
    "save_answer",
    "set_position",
    "start_intake",
    "steps",
    "summary",
]
