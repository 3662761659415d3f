"""Help questions, registered by type and by the place where they were found (vindplaats)."""

from intake.help_questions.registration import (
    FoundHelpQuestion,
    HelpQuestionInput,
    HelpQuestionView,
    default_channel,
    default_vindplaats,
    household_help_questions,
    intake_help_questions,
    list_help_questions,
    local_today,
    most_used_types,
    register_help_question,
    set_outcome,
)

__all__ = [
    "FoundHelpQuestion",
    "HelpQuestionInput",
    "HelpQuestionView",
    "default_channel",
    "default_vindplaats",
    "household_help_questions",
    "intake_help_questions",
    "list_help_questions",
    "local_today",
    "most_used_types",
    "register_help_question",
    "set_outcome",
]
