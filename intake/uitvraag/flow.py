"""The brede uitvraag of a household: start or resume, the steps to ask, every answer saved
the moment it is given, the summary, and finishing (which registers the help questions found).

Each function runs inside the caller's unit of work; the screen opens one per answer, so a
closed window or a crash loses at most the answer being typed.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from db.models import HelpQuestion, Intake, IntakeAnswer, Member, Signal
from intake.catalogues.stored import (
    OUTCOME_INTAKE,
    OUTCOME_REFERRED,
    CatalogueKind,
    entries,
    require_active,
)
from intake.core import audit
from intake.core.access import require_edit, require_read
from intake.core.clock import local_date
from intake.core.context import UnitOfWork
from intake.core.errors import KnownError, NotFoundError, StaleEditError, ValidationError
from intake.core.text import full_name
from intake.help_questions.registration import (
    HelpQuestionInput,
    HelpQuestionView,
    local_today,
    register_help_question,
)
from intake.questionnaire.definition import AnswerType, Definition
from intake.questionnaire.engine import (
    AnswerError,
    Answers,
    Child,
    Step,
    missing_required,
    normalise,
    proposals,
    raised_signals,
    visible_steps,
)
from intake.questionnaire.loading import load_definition
from intake.uitvraag.signals import SignalView, raise_signal, view_signals
from intake.uitvraag.views import (
    IntakeView,
    StepsView,
    SummaryView,
    build_summary,
    intake_view,
    member_options,
    options_resolver,
)

DEFAULT_DEFINITION = "brede_uitvraag"
OPEN = "open"
FINISHED = "afgerond"
CHILD_ROLE = "kind"
ADULT_AGE = 18


@dataclass(frozen=True)
class SaveResult:
    key: str
    repeat_key: str
    value: Any  # as stored (None: cleared)
    new_signals: tuple[SignalView, ...]


@dataclass(frozen=True)
class FinishResult:
    intake: IntakeView
    help_questions: tuple[HelpQuestionView, ...]
    open_signals: tuple[SignalView, ...]


# ---------------------------------------------------------------- loading helpers

def _intake(uow: UnitOfWork, intake_id: uuid.UUID) -> Intake:
    intake = uow.session.get(Intake, intake_id)
    if intake is None:
        raise NotFoundError("Deze brede uitvraag bestaat niet (meer).")
    return intake


def definition_of(intake: Intake) -> Definition:
    return load_definition(intake.definition_key, intake.definition_version)


def load_answers(uow: UnitOfWork, intake_id: uuid.UUID) -> dict[tuple[str, str], Any]:
    intake = uow.session.get(Intake, intake_id)
    if intake is None:
        raise NotFoundError("Deze uitvraag bestaat niet (meer).")
    require_read(uow, intake.household_id)
    rows = uow.session.execute(select(IntakeAnswer.question_key, IntakeAnswer.repeat_key,
                                      IntakeAnswer.value_json)
                               .where(IntakeAnswer.intake_id == intake_id))
    return {(key, repeat): json.loads(value) for key, repeat, value in rows}


def children_of(uow: UnitOfWork, household_id: uuid.UUID, on: date) -> list[Child]:
    """Members a per-child section is asked for: role kind, or younger than 18."""
    require_read(uow, household_id)
    members = uow.session.scalars(select(Member).where(Member.household_id == household_id)
                                  .order_by(Member.position))
    found = []
    for m in members:
        born = m.date_of_birth
        age = None if born is None else \
            on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        if m.role == CHILD_ROLE or (age is not None and age < ADULT_AGE):
            found.append(Child(m.id, full_name(m.given_name, m.prefix, m.family_name),
                               lives_elsewhere=bool(m.residence)))
    return found


def _steps(uow: UnitOfWork, intake: Intake, answers: Answers) -> list[Step]:
    definition = definition_of(intake)
    children = children_of(uow, intake.household_id, local_date(intake.started_at))
    return visible_steps(definition, answers, children,
                         options_resolver(uow, intake.household_id))


# ---------------------------------------------------------------- start and resume

def open_intake(uow: UnitOfWork, household_id: uuid.UUID) -> IntakeView | None:
    """The household's unfinished intake, to resume; None when there is none."""
    require_read(uow, household_id)
    intake = uow.session.scalar(select(Intake).where(
        Intake.household_id == household_id, Intake.status == OPEN)
        .order_by(Intake.started_at.desc()).limit(1))
    return intake_view(uow, intake) if intake else None


def list_intakes(uow: UnitOfWork, household_id: uuid.UUID) -> list[IntakeView]:
    """Every intake of the household, newest first (for its timeline)."""
    require_read(uow, household_id)
    rows = uow.session.scalars(select(Intake).where(Intake.household_id == household_id)
                               .order_by(Intake.started_at.desc()))
    views = [intake_view(uow, row) for row in rows]
    audit.record(uow, "inzien", "uitvragen", household_id, household_id,
                 detail=f"{len(views)} uitvragen")
    return views


def start_intake(
    uow: UnitOfWork, household_id: uuid.UUID, channel_code: str, vindplaats_code: str, *,
    help_question_id: uuid.UUID | None = None, definition_key: str = DEFAULT_DEFINITION,
) -> IntakeView:
    """Start a brede uitvraag with the newest definition. Refused while one is still open
    (resume that one). ``help_question_id``: the quick registration it continues from."""
    require_edit(uow, household_id, "aanmaken")
    if uow.session.scalar(select(Intake.id).where(
            Intake.household_id == household_id, Intake.status == OPEN)) is not None:
        raise KnownError("Voor dit huishouden loopt al een brede uitvraag. Ga daarmee verder.")
    errors: dict[str, str] = {}
    for kind, code, name in ((CatalogueKind.KANAAL, channel_code, "channel_code"),
                             (CatalogueKind.VINDPLAATS, vindplaats_code, "vindplaats_code")):
        try:
            require_active(uow.session, kind, code, name)
        except ValidationError as error:
            errors.update(error.fields)
    if errors:
        raise ValidationError(errors)
    definition = load_definition(definition_key)
    intake = Intake(household_id=household_id, definition_key=definition.key,
                    definition_version=definition.version, channel_code=channel_code,
                    vindplaats_code=vindplaats_code, status=OPEN, started_at=uow.now,
                    started_by_id=uow.actor.id, current_repeat="")
    uow.session.add(intake)
    uow.session.flush()
    prefill = [(definition.roles.channel, channel_code),
               (definition.roles.vindplaats, vindplaats_code)]
    if definition.roles.date:
        prefill.append((definition.roles.date, local_today(uow).isoformat()))
    for key, value in prefill:
        _store_answer(uow, intake, key, "", value)
    if help_question_id is not None:
        _link_help_question(uow, intake, help_question_id)
    audit.record(uow, "aanmaken", "uitvraag", intake.id, household_id,
                 detail=f"{definition.key} v{definition.version}, kanaal {channel_code}")
    return intake_view(uow, intake)


def attach_help_question(uow: UnitOfWork, intake_id: uuid.UUID,
                         help_question_id: uuid.UUID) -> None:
    """Link a (quickly registered) help question to an open intake, e.g. when continuing into
    the full intake while one is already running for the household."""
    intake = _require_open(uow, intake_id)
    _link_help_question(uow, intake, help_question_id)
    audit.record(uow, "wijzigen", "hulpvraag", help_question_id, intake.household_id,
                 detail="gekoppeld aan uitvraag")


def _link_help_question(uow: UnitOfWork, intake: Intake, help_question_id: uuid.UUID) -> None:
    row = uow.session.get(HelpQuestion, help_question_id)
    if row is None or row.household_id != intake.household_id:
        raise ValidationError({"help_question_id": "Deze hulpvraag hoort niet bij dit "
                                                   "huishouden."})
    row.intake_id = intake.id
    row.outcome_code = OUTCOME_INTAKE
    row.updated_at = uow.now


# ---------------------------------------------------------------- steps and answers

def steps(uow: UnitOfWork, intake_id: uuid.UUID) -> StepsView:
    """The visible questions for the answers so far, where to resume, open signals and the
    help questions the answers propose."""
    intake = _intake(uow, intake_id)
    require_read(uow, intake.household_id)
    answers = load_answers(uow, intake_id)
    visible = _steps(uow, intake, answers)
    current = next((s.index for s in visible
                    if (s.key, s.repeat_key) == (intake.current_key, intake.current_repeat)), 0)
    signals = uow.session.scalars(select(Signal).where(Signal.intake_id == intake_id)
                                  .order_by(Signal.raised_at))
    audit.record(uow, "inzien", "uitvraag", intake.id, intake.household_id)
    return StepsView(intake=intake_view(uow, intake), steps=tuple(visible),
                     current_index=current, signals=tuple(view_signals(uow, list(signals))),
                     proposals=tuple(proposals(visible, answers)))


def _require_open(uow: UnitOfWork, intake_id: uuid.UUID) -> Intake:
    intake = _intake(uow, intake_id)
    require_edit(uow, intake.household_id)
    if intake.status != OPEN:
        raise KnownError("Deze brede uitvraag is afgerond en kan niet meer worden gewijzigd.")
    return intake


def _allowed(uow: UnitOfWork, intake: Intake, kind: AnswerType,
             step: Step) -> set[str]:
    if kind is AnswerType.HELP_QUESTIONS:
        types = {e.code for e in entries(uow, CatalogueKind.HULPVRAAGTYPE)}
        members = {f"member:{o.value}" for o in member_options(uow, intake.household_id)}
        return types | members
    return {option.value for option in step.choices}


def save_answer(uow: UnitOfWork, intake_id: uuid.UUID, key: str, value: Any,
                repeat_key: str = "") -> SaveResult:
    """Check and store one answer (None or '' clears it) and move the resume point here.
    A value that does not fit raises ValidationError({key: Dutch message})."""
    intake = _require_open(uow, intake_id)
    answers = load_answers(uow, intake_id)
    step = next((s for s in _steps(uow, intake, answers)
                 if s.key == key and s.repeat_key == repeat_key), None)
    if step is None:
        raise ValidationError({key: "Deze vraag hoort nu niet bij de uitvraag."})
    try:
        stored = normalise(step.question, value, _allowed(uow, intake, step.question.type, step))
    except AnswerError as error:
        raise ValidationError({key: str(error)}) from None
    _store_answer(uow, intake, key, repeat_key, stored)
    roles = definition_of(intake).roles
    if stored is not None and key == roles.channel:
        intake.channel_code = stored
    if stored is not None and key == roles.vindplaats:
        intake.vindplaats_code = stored
    intake.current_key, intake.current_repeat = key, repeat_key
    intake.updated_at = uow.now
    answers[(key, repeat_key)] = stored
    new = []
    for kind in raised_signals(step.section, step.question, answers, repeat_key):
        signal = raise_signal(uow, intake.id, intake.household_id, kind, key, repeat_key)
        if signal is not None:
            new.append(signal)
    uow.session.flush()
    audit.record(uow, "wijzigen", "uitvraag", intake.id, intake.household_id,
                 detail=f"antwoord {key}")
    return SaveResult(key, repeat_key, stored, tuple(view_signals(uow, new)))


def _store_answer(uow: UnitOfWork, intake: Intake, key: str, repeat_key: str,
                  value: Any) -> None:
    row = uow.session.scalar(select(IntakeAnswer).where(
        IntakeAnswer.intake_id == intake.id, IntakeAnswer.question_key == key,
        IntakeAnswer.repeat_key == repeat_key))
    if value is None:
        if row is not None:
            uow.session.delete(row)
        return
    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        uow.session.add(IntakeAnswer(
            intake_id=intake.id, question_key=key, repeat_key=repeat_key, value_json=encoded,
            definition_version=intake.definition_version, answered_by_id=uow.actor.id,
            answered_at=uow.now))
    else:
        row.value_json = encoded
        row.answered_by_id = uow.actor.id
        row.answered_at = uow.now


def set_position(uow: UnitOfWork, intake_id: uuid.UUID, key: str, repeat_key: str = "") -> None:
    """Remember the field the person is at (a section left, the window closed) so reopening
    resumes there."""
    intake = _require_open(uow, intake_id)
    intake.current_key, intake.current_repeat = key, repeat_key
    intake.updated_at = uow.now


# ---------------------------------------------------------------- summary and finish

def summary(uow: UnitOfWork, intake_id: uuid.UUID) -> SummaryView:
    """Everything answered, page by page, with what is still required and the signals."""
    view = steps(uow, intake_id)
    return build_summary(uow, view)


def finish_intake(uow: UnitOfWork, intake_id: uuid.UUID, expected_version: int) -> \
        FinishResult:
    """Close the intake: every required answer present; the help questions named in the
    conclusion are registered (outcome from the next step); the next step is recorded."""
    intake = _require_open(uow, intake_id)
    if intake.version != expected_version:
        raise StaleEditError("Deze brede uitvraag")
    answers = load_answers(uow, intake_id)
    visible = _steps(uow, intake, answers)
    missing = missing_required(visible)
    if missing:
        raise ValidationError({s.key: f"Nog niet beantwoord: {s.question.label}"
                               for s in missing})
    roles = definition_of(intake).roles
    next_step = str(answers[(roles.next_step, "")])
    outcome = roles.outcomes[next_step]
    target = str(answers.get((roles.referral_target, ""), "") or "")
    if outcome == OUTCOME_REFERRED and not target:
        raise ValidationError({roles.referral_target: "Vul in naar wie wordt doorverwezen."})
    already = {(row.type_code, row.member_id) for row in uow.session.scalars(
        select(HelpQuestion).where(HelpQuestion.intake_id == intake.id))}
    created = []
    for item in answers.get((roles.help_questions, ""), []) or []:
        member = uuid.UUID(item["member"]) if item.get("member") else None
        if (item["type"], member) in already:
            continue
        created.append(register_help_question(uow, intake.household_id, HelpQuestionInput(
            type_code=item["type"], outcome_code=outcome, vindplaats_code=intake.vindplaats_code,
            channel_code=intake.channel_code, member_id=member,
            referral_target=target if outcome == OUTCOME_REFERRED else "",
            intake_id=intake.id, question="")))
        already.add((item["type"], member))
    intake.status = FINISHED
    intake.finished_at = uow.now
    intake.finished_by_id = uow.actor.id
    intake.next_step = next_step
    intake.updated_at = uow.now
    uow.session.flush()
    audit.record(uow, "wijzigen", "uitvraag", intake.id, intake.household_id,
                 detail=f"afgerond, vervolg {next_step}, {len(created)} hulpvragen")
    open_signals = uow.session.scalars(select(Signal).where(
        Signal.intake_id == intake.id, Signal.handled_at.is_(None)))
    return FinishResult(intake_view(uow, intake), tuple(created),
                        tuple(view_signals(uow, list(open_signals))))

