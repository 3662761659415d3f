"""Read models of the plan: frozen dataclasses the editor screen and the printer consume.

Views carry ids and the optimistic-lock ``version`` of every editable row, plus ready-made
labels, so a screen never needs the catalogues or the database to show a plan.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from intake.plans.vocab import (
    ActionStatus,
    AgreedHow,
    Decision,
    Outcome,
    PlanKind,
    VersionStatus,
    WhoKind,
)


@dataclass(frozen=True)
class ActionView:
    id: uuid.UUID
    lineage_id: uuid.UUID  # the same action in every version
    version: int  # pass back as expected_version
    position: int
    what: str
    who_kind: WhoKind
    who_name: str
    support_level: str
    support_level_label: str
    support_level_rank: int
    service_id: uuid.UUID | None
    service_label: str  # "Schuldhulpverlening (Stadsbank Oost Nederland)" or ""
    start_on: date | None
    due_on: date | None
    status: ActionStatus
    service_code: str = ""  # the resident's print looks up its plain name by this
    service_name: str = ""  # without the organisation
    prevention_level: str | None = None  # preventieniveaus.json; None: no prevention level
    prevention_level_label: str = ""
    finished_on: date | None = None

    @property
    def who_label(self) -> str:
        return self.who_name or self.who_kind.label


@dataclass(frozen=True)
class ResultView:
    id: uuid.UUID
    lineage_id: uuid.UUID
    version: int
    position: int
    domain_code: str
    domain_label: str
    domain_plain_label: str  # B1 wording for the resident print
    law_code: str
    law_label: str
    theme: str | None  # toekomstplan theme code
    theme_label: str
    member_id: uuid.UUID | None
    member_name: str
    text: str  # in the resident's own words
    target_on: date | None
    source_kind: str
    source_ref: str
    actions: tuple[ActionView, ...]


@dataclass(frozen=True)
class ProfessionalView:
    name: str
    organisation: str = ""
    role: str = ""
    contact: str = ""


@dataclass(frozen=True)
class EvaluationMomentView:
    due_on: date
    label: str = ""


@dataclass(frozen=True)
class OutcomeView:
    result_id: uuid.UUID
    lineage_id: uuid.UUID
    outcome: Outcome
    note: str


@dataclass(frozen=True)
class EvaluationView:
    evaluated_on: date
    satisfaction: int | None
    decision: Decision
    closing_reason: str
    note: str
    evaluated_by: str
    outcomes: tuple[OutcomeView, ...]

    def outcome_for(self, lineage_id: uuid.UUID) -> OutcomeView | None:
        return next((o for o in self.outcomes if o.lineage_id == lineage_id), None)


@dataclass(frozen=True)
class PlanVersionView:
    id: uuid.UUID
    plan_id: uuid.UUID
    household_id: uuid.UUID
    dossiernummer: str
    kind: PlanKind
    owner_member_id: uuid.UUID | None
    owner_name: str
    number: int
    version: int  # optimistic lock of the version row (details, add result)
    status: VersionStatus
    created_at: datetime
    created_by: str
    agreed_on: date | None
    agreed_how: AgreedHow | None
    agreed_recorded_by: str
    client_support_offered: bool
    regisseur_id: uuid.UUID | None
    regisseur_name: str
    aanspreekpunt: str
    aanspreekpunt_contact: str
    strengths: str
    worries: str
    earlier_help: str
    closing_reason: str
    professionals: tuple[ProfessionalView, ...]
    evaluation_moments: tuple[EvaluationMomentView, ...]
    results: tuple[ResultView, ...]
    evaluation: EvaluationView | None

    @property
    def editable(self) -> bool:
        return self.status.editable

    @property
    def next_evaluation_on(self) -> date | None:
        return self.evaluation_moments[0].due_on if self.evaluation_moments else None

    @property
    def actions(self) -> tuple[ActionView, ...]:
        return tuple(action for result in self.results for action in result.actions)


@dataclass(frozen=True)
class VersionInfo:
    id: uuid.UUID
    number: int
    status: VersionStatus
    created_at: datetime
    agreed_on: date | None


@dataclass(frozen=True)
class PlanSummary:
    id: uuid.UUID
    household_id: uuid.UUID
    kind: PlanKind
    owner_member_id: uuid.UUID | None
    owner_name: str
    closed_at: datetime | None
    versions: tuple[VersionInfo, ...]  # oldest first

    @property
    def latest(self) -> VersionInfo:
        return self.versions[-1]

    @property
    def status(self) -> VersionStatus:
        """The plan's status as lists show it: afgesloten when closed, actief while a version
        is in force (a newer draft is then 'nieuwe versie', see draft_number), otherwise the
        status of the newest version."""
        if self.closed_at is not None:
            return VersionStatus.AFGESLOTEN
        if self.active_number is not None:
            return VersionStatus.ACTIEF
        return self.latest.status

    @property
    def active_number(self) -> int | None:
        """The version in force (agreed, not yet evaluated or replaced), if any."""
        return next((v.number for v in reversed(self.versions)
                     if v.status is VersionStatus.ACTIEF), None)

    @property
    def draft_number(self) -> int | None:
        latest = self.latest
        return latest.number if latest.status.editable else None


@dataclass(frozen=True)
class DueEvaluation:
    plan_id: uuid.UUID
    version_id: uuid.UUID
    household_id: uuid.UUID
    dossiernummer: str
    kind: PlanKind
    version_number: int
    due_on: date
    days_left: int  # negative: overdue by that many days
    responsible_id: uuid.UUID
    responsible_name: str

    @property
    def overdue(self) -> bool:
        return self.days_left < 0
