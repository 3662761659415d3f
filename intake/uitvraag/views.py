"""What the intake functions hand to the screens: plain frozen views, no ORM objects."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from db.models import Intake, Member, User
from intake.catalogues.stored import CatalogueKind, LabelBook, entries
from intake.core.access import require_read
from intake.core.context import UnitOfWork
from intake.core.text import full_name
from intake.questionnaire.definition import AnswerType, Option, Question
from intake.questionnaire.engine import ProposedHelpQuestion, Step, display, is_empty
from intake.questionnaire.loading import load_definition
from intake.uitvraag.sections import Completion, SectionPage, completion, section_pages
from intake.uitvraag.signals import SignalView


@dataclass(frozen=True)
class IntakeView:
    id: uuid.UUID
    version: int
    household_id: uuid.UUID
    definition_key: str
    definition_version: int
    title: str
    status: str  # open / afgerond
    channel_code: str
    channel_label: str
    vindplaats_code: str
    vindplaats_label: str
    started_at: datetime
    started_by: str
    finished_at: datetime | None
    finished_by: str
    current_key: str | None
    current_repeat: str
    next_step: str | None

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class StepsView:
    intake: IntakeView
    steps: tuple[Step, ...]
    current_index: int  # where to resume
    signals: tuple[SignalView, ...]  # raised in this intake, open and handled
    proposals: tuple[ProposedHelpQuestion, ...]

    @property
    def current(self) -> Step | None:
        return self.steps[self.current_index] if self.steps else None

    @property
    def open_signals(self) -> tuple[SignalView, ...]:
        return tuple(s for s in self.signals if s.is_open)

    @property
    def pages(self) -> tuple[SectionPage, ...]:
        """One page per section (and child), as the screen shows them."""
        return section_pages(self.steps)

    @property
    def completion(self) -> Completion:
        return completion(self.pages)


@dataclass(frozen=True)
class SummaryLine:
    key: str
    repeat_key: str
    step_index: int  # to jump back to the question
    label: str
    answer: str  # as read on screen; '' when skipped
    required: bool

    @property
    def missing(self) -> bool:
        return self.required and not self.answer


@dataclass(frozen=True)
class SummarySection:
    page_title: str
    title: str
    lines: tuple[SummaryLine, ...]


@dataclass(frozen=True)
class SummaryView:
    intake: IntakeView
    sections: tuple[SummarySection, ...]
    signals: tuple[SignalView, ...]
    proposals: tuple[ProposedHelpQuestion, ...]
    proposal_labels: tuple[str, ...]  # 'Schulden en geldzaken (Jolanda Verhoef)'

    @property
    def missing(self) -> tuple[SummaryLine, ...]:
        return tuple(line for s in self.sections for line in s.lines if line.missing)

    @property
    def can_finish(self) -> bool:
        return self.intake.is_open and not self.missing


def _names(uow: UnitOfWork, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {u.id: u.display_name for u in uow.session.scalars(select(User).where(
        User.id.in_(wanted)))}


def intake_view(uow: UnitOfWork, intake: Intake) -> IntakeView:
    book = LabelBook.load(uow.session)
    names = _names(uow, {intake.started_by_id, intake.finished_by_id})
    definition = load_definition(intake.definition_key, intake.definition_version)
    return IntakeView(
        id=intake.id, version=intake.version, household_id=intake.household_id,
        definition_key=intake.definition_key, definition_version=intake.definition_version,
        title=definition.title, status=intake.status, channel_code=intake.channel_code,
        channel_label=book.current(CatalogueKind.KANAAL, intake.channel_code),
        vindplaats_code=intake.vindplaats_code,
        vindplaats_label=book.current(CatalogueKind.VINDPLAATS, intake.vindplaats_code),
        started_at=intake.started_at, started_by=names.get(intake.started_by_id, ""),
        finished_at=intake.finished_at,
        finished_by=names.get(intake.finished_by_id, "") if intake.finished_by_id else "",
        current_key=intake.current_key, current_repeat=intake.current_repeat,
        next_step=intake.next_step)


def member_options(uow: UnitOfWork, household_id: uuid.UUID) -> tuple[Option, ...]:
    require_read(uow, household_id)
    members = uow.session.scalars(select(Member).where(Member.household_id == household_id)
                                  .order_by(Member.position))
    return tuple(Option(m.id.hex, full_name(m.given_name, m.prefix, m.family_name))
                 for m in members)


def options_resolver(uow: UnitOfWork, household_id: uuid.UUID) -> \
        Callable[[Question], tuple[Option, ...]]:
    """Options for questions that take them from a catalogue or the household's members."""
    require_read(uow, household_id)
    cache: dict[str, tuple[Option, ...]] = {}

    def resolve(question: Question) -> tuple[Option, ...]:
        source = "member" if question.type is AnswerType.MEMBER else question.options_from
        if source is None:
            return question.options
        if source not in cache:
            if source == "member":
                cache[source] = member_options(uow, household_id)
            else:
                cache[source] = tuple(Option(e.code, e.label)
                                      for e in entries(uow, CatalogueKind(source)))
        return cache[source]

    return resolve


def help_question_labels(uow: UnitOfWork, household_id: uuid.UUID,
                         items: list[tuple[str, str | None]]) -> list[str]:
    """'Soort (gezinslid)' for (type code, member id hex) pairs."""
    book = LabelBook.load(uow.session)
    members = {o.value: o.label for o in member_options(uow, household_id)}
    labels = []
    for type_code, member in items:
        label = book.current(CatalogueKind.HULPVRAAGTYPE, type_code)
        labels.append(f"{label} ({members[member]})" if member in members else label)
    return labels


def _display(uow: UnitOfWork, household_id: uuid.UUID, step: Step) -> str:
    if step.question.type is AnswerType.HELP_QUESTIONS and not is_empty(step.value):
        value: list[dict[str, Any]] = step.value
        return "; ".join(help_question_labels(
            uow, household_id, [(item["type"], item.get("member")) for item in value]))
    return display(step)


def build_summary(uow: UnitOfWork, view: StepsView) -> SummaryView:
    """The summary page from a StepsView: sections in order, each answer readable."""
    household_id = view.intake.household_id
    sections: list[SummarySection] = []
    for step in view.steps:
        line = SummaryLine(step.key, step.repeat_key, step.index, step.question.label,
                           _display(uow, household_id, step), step.question.required)
        if sections and sections[-1].title == step.section_title \
                and sections[-1].page_title == step.page.title:
            last = sections[-1]
            sections[-1] = SummarySection(last.page_title, last.title, (*last.lines, line))
        else:
            sections.append(SummarySection(step.page.title, step.section_title, (line,)))
    labels = help_question_labels(uow, household_id, [
        (p.type_code, p.member_id.hex if p.member_id else None) for p in view.proposals])
    return SummaryView(view.intake, tuple(sections), view.signals, view.proposals,
                       tuple(labels))
