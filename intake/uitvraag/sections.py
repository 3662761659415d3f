"""The brede uitvraag as pages: one page per section (a life domain, asked once or per child),
and how far it is done.

Pure functions over the visible steps (``intake.questionnaire.engine.visible_steps``, which
applies ``show_if`` and expands per-child sections), so the rules are tested without a store
or a window. Progress counts what is done (required answers given and open, sections done),
never the position of a question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from intake.questionnaire.engine import AnswerKey, Step

SectionRef = tuple[str, str]  # section key, repeat key ('' or the child's member id hex)


@dataclass(frozen=True)
class SectionPage:
    """One section as it is asked now: its visible questions, in order."""

    page_title: str
    title: str  # with the child's name in a per-child section
    intro: str
    domain: str | None
    steps: tuple[Step, ...]

    @property
    def ref(self) -> SectionRef:
        first = self.steps[0]
        return (first.section.key, first.repeat_key)

    @property
    def required_open(self) -> int:
        return sum(1 for s in self.steps if s.question.required and not s.answered)

    @property
    def required_done(self) -> int:
        return sum(1 for s in self.steps if s.question.required and s.answered)

    @property
    def done(self) -> bool:
        """Every required answer given, and something answered at all."""
        return self.required_open == 0 and any(s.answered for s in self.steps)

    @property
    def first_open(self) -> Step:
        """Where to start on this page: the first required answer still open, else the
        first unanswered question, else the first."""
        return next((s for s in self.steps if s.question.required and not s.answered),
                    next((s for s in self.steps if not s.answered), self.steps[0]))

    def holds(self, ref: AnswerKey) -> bool:
        return any(s.ref == ref for s in self.steps)


@dataclass(frozen=True)
class Completion:
    required_done: int
    required_open: int
    sections_done: int
    sections_total: int

    @property
    def text(self) -> str:
        """'12 van 40 verplichte antwoorden gegeven (28 open) · 3 van 21 onderdelen klaar'."""
        required = self.required_done + self.required_open
        answers = "verplicht antwoord" if required == 1 else "verplichte antwoorden"
        sections = "onderdeel" if self.sections_total == 1 else "onderdelen"
        return (f"{self.required_done} van {required} {answers} gegeven "
                f"({self.required_open} open) · {self.sections_done} van "
                f"{self.sections_total} {sections} klaar")


def section_pages(steps: Sequence[Step]) -> tuple[SectionPage, ...]:
    """The visible steps grouped per section and child, in the order they are asked."""
    groups: dict[SectionRef, list[Step]] = {}
    for step in steps:
        groups.setdefault((step.section.key, step.repeat_key), []).append(step)
    return tuple(SectionPage(page_title=group[0].page.title, title=group[0].section_title,
                             intro=group[0].section.intro, domain=group[0].section.domain,
                             steps=tuple(group))
                 for group in groups.values())


def completion(pages: Sequence[SectionPage]) -> Completion:
    return Completion(required_done=sum(p.required_done for p in pages),
                      required_open=sum(p.required_open for p in pages),
                      sections_done=sum(1 for p in pages if p.done),
                      sections_total=len(pages))


def next_open(steps: Sequence[Step], after: AnswerKey | None) -> Step | None:
    """The next required answer still open after ``after`` (from the start when None or no
    longer shown), wrapping round; None when every required answer is given."""
    open_steps = [s for s in steps if s.question.required and not s.answered]
    if not open_steps:
        return None
    refs = [s.ref for s in steps]
    if after is None or after not in refs:
        return open_steps[0]
    position = refs.index(after)
    return next((s for s in open_steps if s.index > position), open_steps[0])
