"""'Wat is er veranderd': the differences between two versions of one plan, as a list a screen
or a print can show line by line. Results and actions are matched by lineage, so a reworded
result is 'gewijzigd', not removed and added."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from intake.core import audit
from intake.core.access import require_read
from intake.core.context import UnitOfWork
from intake.core.validation import format_date
from intake.plans.common import get_plan, version_view
from intake.plans.queries import version_row
from intake.plans.views import ActionView, PlanVersionView, ResultView

T = TypeVar("T")


class ChangeKind(StrEnum):
    TOEGEVOEGD = "toegevoegd"
    VERWIJDERD = "verwijderd"
    GEWIJZIGD = "gewijzigd"


class Subject(StrEnum):
    PLAN = "plan"
    RESULTAAT = "resultaat"
    ACTIE = "actie"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    subject: Subject
    subject_text: str  # which result or action (its text, shortened)
    field: str = ""  # attribute name for a 'gewijzigd' change
    field_label: str = ""
    before: str = ""
    after: str = ""

    @property
    def description(self) -> str:
        """One Dutch line, e.g. 'Actie gewijzigd (Einddatum): 01-03-2027 → 01-04-2027'."""
        head = f"{self.subject.value.capitalize()} {self.kind.value}"
        if self.kind is ChangeKind.GEWIJZIGD:
            where = f" '{self.subject_text}'" if self.subject_text else ""
            return f"{head}{where} ({self.field_label}): {self.before or '—'} → " \
                   f"{self.after or '—'}"
        return f"{head}: {self.subject_text}"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _yes_no(value: bool) -> str:
    return "ja" if value else "nee"


_PLAN_FIELDS: tuple[tuple[str, str, Callable[[PlanVersionView], str]], ...] = (
    ("regisseur", "Regisseur", lambda v: v.regisseur_name),
    ("aanspreekpunt", "Aanspreekpunt", lambda v: v.aanspreekpunt),
    ("aanspreekpunt_contact", "Contact aanspreekpunt", lambda v: v.aanspreekpunt_contact),
    ("client_support_offered", "Cliëntondersteuning aangeboden",
     lambda v: _yes_no(v.client_support_offered)),
    ("strengths", "Wat gaat goed (krachten)", lambda v: v.strengths),
    ("worries", "Zorgen", lambda v: v.worries),
    ("earlier_help", "Eerdere hulp", lambda v: v.earlier_help),
    ("professionals", "Betrokken professionals",
     lambda v: "; ".join(", ".join(x for x in (p.name, p.organisation) if x)
                         for p in v.professionals)),
    ("evaluation_moments", "Evaluatiemomenten",
     lambda v: ", ".join(format_date(m.due_on) for m in v.evaluation_moments)),
)
_RESULT_FIELDS: tuple[tuple[str, str, Callable[[ResultView], str]], ...] = (
    ("text", "Resultaat", lambda r: r.text),
    ("domain_code", "Leefgebied", lambda r: r.domain_label),
    ("law_code", "Wet", lambda r: r.law_label),
    ("member_id", "Voor wie", lambda r: r.member_name),
    ("target_on", "Streefdatum", lambda r: format_date(r.target_on)),
)
_ACTION_FIELDS: tuple[tuple[str, str, Callable[[ActionView], str]], ...] = (
    ("what", "Wat", lambda a: a.what),
    ("who", "Wie", lambda a: a.who_label),
    ("support_level", "Ondersteuningsniveau", lambda a: a.support_level_label),
    ("service_id", "Dienst", lambda a: a.service_label),
    ("prevention_level", "Preventieniveau", lambda a: a.prevention_level_label),
    ("start_on", "Startdatum", lambda a: format_date(a.start_on)),
    ("due_on", "Einddatum", lambda a: format_date(a.due_on)),
    ("status", "Status", lambda a: a.status.label),
)


def _fields(subject: Subject, label: str, old: T, new: T,
               fields: tuple[tuple[str, str, Callable[[T], str]], ...]) -> list[Change]:
    changes = []
    for name, field_label, read in fields:
        before, after = read(old), read(new)
        if before != after:
            changes.append(Change(ChangeKind.GEWIJZIGD, subject, label, name, field_label,
                                  _short(before, 200), _short(after, 200)))
    return changes


def _actions(old: ResultView, new: ResultView) -> list[Change]:
    before = {a.lineage_id: a for a in old.actions}
    after = {a.lineage_id: a for a in new.actions}
    changes: list[Change] = []
    for lineage, action in after.items():
        if lineage not in before:
            changes.append(Change(ChangeKind.TOEGEVOEGD, Subject.ACTIE, _short(action.what)))
        else:
            changes += _fields(Subject.ACTIE, _short(action.what), before[lineage], action,
                               _ACTION_FIELDS)
    changes += [Change(ChangeKind.VERWIJDERD, Subject.ACTIE, _short(a.what))
                for lineage, a in before.items() if lineage not in after]
    return changes


def diff_versions(a: PlanVersionView, b: PlanVersionView) -> list[Change]:
    """What changed going from version ``a`` to version ``b`` (plan fields, then results in
    b's order with their actions, then removed results)."""
    changes = _fields(Subject.PLAN, "", a, b, _PLAN_FIELDS)
    before: dict[uuid.UUID, ResultView] = {r.lineage_id: r for r in a.results}
    after_ids = {r.lineage_id for r in b.results}
    for result in b.results:
        old = before.get(result.lineage_id)
        if old is None:
            changes.append(Change(ChangeKind.TOEGEVOEGD, Subject.RESULTAAT, _short(result.text)))
            changes += [Change(ChangeKind.TOEGEVOEGD, Subject.ACTIE, _short(x.what))
                        for x in result.actions]
            continue
        changes += _fields(Subject.RESULTAAT, _short(result.text), old, result, _RESULT_FIELDS)
        changes += _actions(old, result)
    for lineage, old in before.items():
        if lineage not in after_ids:
            changes.append(Change(ChangeKind.VERWIJDERD, Subject.RESULTAAT, _short(old.text)))
    return changes


def compare_versions(uow: UnitOfWork, plan_id: uuid.UUID, number_a: int,
                     number_b: int) -> list[Change]:
    """diff_versions for two version numbers of one plan, permission checked and audited."""
    plan = get_plan(uow, plan_id)
    require_read(uow, plan.household_id)
    a = version_view(uow, version_row(uow, plan, number_a))
    b = version_view(uow, version_row(uow, plan, number_b))
    audit.record(uow, "inzien", "plan", plan.id, plan.household_id,
                 detail=f"verschil versie {number_a} en {number_b}")
    return diff_versions(a, b)
