"""Safety and crisis signals raised by answers in the brede uitvraag.

A signal is never dropped silently: it stays open (and visible on the household) until every
step of its route has a recorded decision. A veiligheid signal follows the five steps of the
Meldcode huiselijk geweld en kindermishandeling; an acute crisis carries who to call.
Routes, step titles and phone numbers are data (resources/catalogues/signalen.json).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Set
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import select

from db.models import Household, Signal, SignalStep, User
from intake.catalogues.fixed import load_json
from intake.core import audit
from intake.core.access import (
    NO_CASE_ACCESS,
    household_filter,
    opens_without_reason,
    require_edit,
    require_read,
    require_role,
)
from intake.core.context import UnitOfWork
from intake.core.errors import NotFoundError, StaleEditError, ValidationError
from intake.core.roles import CASE_READERS

DECISION_MAX = 2000


@dataclass(frozen=True)
class CrisisContact:
    label: str
    number: str  # '' until the beheerder sets the municipality's crisis line


@dataclass(frozen=True)
class SignalStepView:
    number: int  # 1-based
    title: str
    decision: str  # '' while open
    decided_at: datetime | None
    decided_by: str


@dataclass(frozen=True)
class SignalView:
    id: uuid.UUID
    version: int
    household_id: uuid.UUID
    intake_id: uuid.UUID
    kind: str  # veiligheid / crisis
    label: str
    route: str
    question_key: str
    repeat_key: str
    raised_at: datetime
    handled_at: datetime | None
    steps: tuple[SignalStepView, ...]
    who_to_call: tuple[CrisisContact, ...]  # filled for a crisis signal

    @property
    def is_open(self) -> bool:
        return self.handled_at is None

    @property
    def next_step(self) -> SignalStepView | None:
        return next((step for step in self.steps if not step.decision), None)


@cache
def _config() -> dict[str, Any]:
    return load_json("signalen.json")


def route_steps(kind: str) -> list[str]:
    steps: list[str] = _config()["kinds"][kind]["steps"]
    return steps


def crisis_contacts() -> tuple[CrisisContact, ...]:
    return tuple(CrisisContact(c["label"], c["number"]) for c in _config()["crisis_contacts"])


def raise_signal(uow: UnitOfWork, intake_id: uuid.UUID, household_id: uuid.UUID, kind: str,
                 question_key: str, repeat_key: str) -> Signal | None:
    """Open a signal for this answer unless one was raised for it already."""
    existing = uow.session.scalar(select(Signal.id).where(
        Signal.intake_id == intake_id, Signal.kind == kind,
        Signal.question_key == question_key, Signal.repeat_key == repeat_key))
    if existing is not None:
        return None
    signal = Signal(intake_id=intake_id, household_id=household_id, kind=kind,
                    question_key=question_key, repeat_key=repeat_key, raised_at=uow.now,
                    raised_by_id=uow.actor.id)
    uow.session.add(signal)
    uow.session.flush()
    audit.record(uow, "aanmaken", "signaal", signal.id, household_id, detail=f"soort {kind}")
    return signal


def view_signals(uow: UnitOfWork, signals: list[Signal]) -> list[SignalView]:
    ids = [s.id for s in signals]
    decided: dict[uuid.UUID, dict[int, tuple[str, datetime, str]]] = {}
    if ids:
        rows = uow.session.execute(
            select(SignalStep, User.display_name).join(User, User.id == SignalStep.decided_by_id)
            .where(SignalStep.signal_id.in_(ids)))
        for step, name in rows:
            decided.setdefault(step.signal_id, {})[step.step] = (step.decision, step.decided_at,
                                                                name)
    views = []
    for signal in signals:
        kind = _config()["kinds"][signal.kind]
        done = decided.get(signal.id, {})
        steps = tuple(
            SignalStepView(number, title, *done[number]) if number in done
            else SignalStepView(number, title, "", None, "")
            for number, title in enumerate(kind["steps"], start=1))
        views.append(SignalView(
            id=signal.id, version=signal.version, household_id=signal.household_id,
            intake_id=signal.intake_id, kind=signal.kind, label=kind["label"],
            route=kind["route"], question_key=signal.question_key, repeat_key=signal.repeat_key,
            raised_at=signal.raised_at, handled_at=signal.handled_at, steps=steps,
            who_to_call=crisis_contacts() if signal.kind == "crisis" else ()))
    return views


def list_signals(uow: UnitOfWork, household_id: uuid.UUID, *, open_only: bool = False) -> \
        list[SignalView]:
    """A household's signals, newest first; open ones stay visible until handled."""
    require_read(uow, household_id)
    query = select(Signal).where(Signal.household_id == household_id)
    if open_only:
        query = query.where(Signal.handled_at.is_(None))
    signals = list(uow.session.scalars(query.order_by(Signal.raised_at.desc())))
    audit.record(uow, "inzien", "signalen", household_id, household_id,
                 detail=f"{len(signals)} signalen")
    return view_signals(uow, signals)


def open_signal_flags(uow: UnitOfWork, household_ids: Iterable[uuid.UUID], *,
                      reasonless_only: bool = False) -> dict[uuid.UUID, tuple[str, ...]]:
    """Which of the listed households have an open signal, and of which kind (labels, crisis
    first): for the household header, the caseload and team lists and the search results.

    One query whatever the length of the list: open signals are few, and read from their
    index alone, limited to the households the actor may see (and, with ``reasonless_only``,
    to those they open without giving a reason: a search hit does not tell a signal to
    whom the file is not theirs). Households left out of the answer have none. One audit
    entry counts what was flagged; no household's content is read."""
    require_role(uow, CASE_READERS, "inzien", "signalen",
                 NO_CASE_ACCESS.get(uow.actor.role, "Geen toegang."))
    # A set is asked as it is: a long list's (intake.reports.plan_table) holds stored keys.
    wanted = household_ids if isinstance(household_ids, Set) else set(household_ids)
    if not wanted:
        return {}
    query = (select(Signal.household_id, Signal.kind)
             .join(Household, Household.id == Signal.household_id)
             .where(Signal.handled_at.is_(None), household_filter(uow))
             .distinct())
    if reasonless_only:
        query = query.where(opens_without_reason(uow))
    kinds: dict[uuid.UUID, set[str]] = {}
    for household_id, kind in uow.session.execute(query):
        if household_id in wanted:
            kinds.setdefault(household_id, set()).add(kind)
    labels = {kind: spec["label"] for kind, spec in _config()["kinds"].items()}
    flags = {household_id: tuple(labels.get(kind, kind) for kind in sorted(
        found, key=lambda kind: (kind != "crisis", kind))) for household_id, found in kinds.items()}
    audit.record(uow, "inzien", "signalen",
                 detail=f"vlag bij {len(flags)} van {len(wanted)} huishoudens")
    return flags


def flag_text(labels: tuple[str, ...]) -> str:
    """What a list or header shows for an open signal: 'Signaal open: Acute crisis'."""
    return f"Signaal open: {', '.join(labels)}" if labels else ""


def handle_signal_step(uow: UnitOfWork, signal_id: uuid.UUID, step: int, decision: str,
                       expected_version: int) -> SignalView:
    """Record the decision for one step, in order. The signal closes with its last step."""
    signal = uow.session.get(Signal, signal_id)
    if signal is None:
        raise NotFoundError("Dit signaal bestaat niet (meer).")
    require_edit(uow, signal.household_id)
    if signal.version != expected_version:
        raise StaleEditError("Dit signaal")
    titles = route_steps(signal.kind)
    if not 1 <= step <= len(titles):
        raise ValidationError({"step": f"Kies een stap van 1 tot en met {len(titles)}."})
    done = set(uow.session.scalars(select(SignalStep.step).where(
        SignalStep.signal_id == signal_id)))
    if step in done:
        raise ValidationError({"step": f"Bij stap {step} is al een besluit vastgelegd."})
    if any(earlier not in done for earlier in range(1, step)):
        raise ValidationError({"step": "Leg eerst een besluit vast bij de eerdere stappen."})
    text = decision.strip()
    if not text:
        raise ValidationError({"decision": "Beschrijf het besluit of wat er is gedaan."})
    if len(text) > DECISION_MAX:
        raise ValidationError({"decision": f"Hoogstens {DECISION_MAX} tekens."})
    uow.session.add(SignalStep(signal_id=signal_id, step=step, decision=text,
                               decided_at=uow.now, decided_by_id=uow.actor.id))
    signal.updated_at = uow.now
    if len(done) + 1 == len(titles):
        signal.handled_at = uow.now
    uow.session.flush()
    audit.record(uow, "wijzigen", "signaal", signal.id, signal.household_id,
                 detail=f"stap {step} vastgelegd" + (", afgehandeld" if signal.handled_at else ""))
    return view_signals(uow, [signal])[0]
