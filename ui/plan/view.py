"""The 'Plan van aanpak' tab of a household: the plan (and any toekomstplannen), its versions,
results and actions, agreement, evaluation and printing.

Every save is one unit of work and passes the version the screen showed. When someone else
saved first, the domain refuses (StaleEditError): the tab says so, reloads the plan and
leaves whatever the person typed in its dialog or form, so nothing is lost and nothing is
overwritten without them seeing it first.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake import plans
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import StaleEditError, ValidationError
from intake.core.roles import CASE_EDITORS
from intake.core.validation import format_date
from intake.plans import PlanSummary, PlanVersionView, VersionStatus
from intake.plans.candidates import ResultCandidate
from intake.store import Store
from intake.store.colleagues import case_workers
from ui.kit.changes import HouseholdChanged, on_household_changed
from ui.kit.notice import Notice
from ui.kit.operation import Operation, reraise
from ui.plan.details import DetailsForm
from ui.plan.results import ResultsPanel
from ui.plan.start import StartPanel

STALE_HINT = ("Het plan is opnieuw geladen met de wijziging van de ander. Wat u typte is "
              "bewaard: controleer het en sla het opnieuw op.")
Members = Callable[[], Sequence[tuple[uuid.UUID, str]]]
NEW_PLAN = "nieuw"
T = TypeVar("T")


@dataclass(frozen=True)
class _Reading:
    view: PlanVersionView | None
    candidates: Sequence[ResultCandidate]
    due: Sequence[plans.DueEvaluation]
    eligible: Sequence[plans.EligibleMember]


BANNER_STYLES = {True: "background: #fde2e1; color: #7a1010; padding: 6px; border-radius: 4px;",
                 False: "background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 4px;"}


class PlanView(QWidget):
    """The plan of one household on screen and the one way it is saved; the buttons that open
    dialogs are wired by ``PlanTab`` (ui/plan/tab.py), which adds the editing."""

    def __init__(self, store: Store, actor: Actor, household_id: uuid.UUID, members: Members,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.household_id, self.members = (store, actor, household_id,
                                                                   members)
        self.loaded = False
        self.summaries: list[PlanSummary] = []
        self.summary: PlanSummary | None = None
        self.view: PlanVersionView | None = None
        self.number: int | None = None  # None: the newest version
        self.plan_choice = QComboBox()
        self.future_button = QPushButton("&Toekomstplan starten…")
        self.future_menu = QMenu(self)
        self.future_button.setMenu(self.future_menu)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.newest_button = QPushButton("Naar de nieuwste versie")
        self.submit_button = QPushButton("Ter akkoord &voorleggen")
        self.agree_button = QPushButton("Akkoord &vastleggen…")
        self.new_version_button = QPushButton("&Nieuwe versie")
        self.discard_button = QPushButton("Concept weggooien")
        self.evaluate_button = QPushButton("&Evalueren…")
        self.versions_button = QPushButton("Versies en &verschillen…")
        self.print_button = QPushButton("Af&drukken…")
        self.start_panel = StartPanel()
        self.results = ResultsPanel()
        self.details = DetailsForm([], self._save_details)
        self.sections = QTabWidget()
        self.sections.addTab(self.results, "Resultaten en acties")
        self.sections.addTab(self.details, "Gegevens van het plan")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_panel)
        self.stack.addWidget(self.sections)
        self._lay_out()
        self._connect_signals()
        on_household_changed(self, self._household_changed, lambda: self.household_id)

    @property
    def can_edit(self) -> bool:
        """Only to grey out controls; the domain refuses anyway."""
        return self.actor.role in CASE_EDITORS

    @property
    def editable(self) -> bool:
        return self.can_edit and self.view is not None and self.view.editable

    def _lay_out(self) -> None:
        choice = QHBoxLayout()
        choice.addWidget(QLabel("Plan:"))
        choice.addWidget(self.plan_choice, 1)
        choice.addWidget(self.future_button)
        status = QHBoxLayout()
        status.addWidget(self.status, 1)
        status.addWidget(self.newest_button)
        actions = QHBoxLayout()
        for button in (self.submit_button, self.agree_button, self.new_version_button,
                       self.discard_button, self.evaluate_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.versions_button)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.banner)
        layout.addLayout(status)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)

    def _connect_signals(self) -> None:
        self.plan_choice.activated.connect(lambda _i: self._plan_chosen())
        self.newest_button.clicked.connect(lambda: self.open_version(None))
        self.start_panel.start_requested.connect(self.start_plan)
        self.submit_button.clicked.connect(self.submit_for_agreement)
        self.new_version_button.clicked.connect(self.start_new_version)
        self.discard_button.clicked.connect(self.discard_draft)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.reload()

    # ---- reading -------------------------------------------------------------------------

    def reload(self, *, keep_typed: bool = False) -> None:
        """Everything afresh: which plans, the chosen version, due evaluations, suggestions."""
        self.loaded = True
        chosen = self.summary.id if self.summary is not None else None

        def read(uow: UnitOfWork) -> _Reading:
            self.summaries = plans.household_plans(uow, self.household_id)
            if not self.details.regisseur.count() > 1:
                self._set_colleagues(uow)
            summary = next((s for s in self.summaries if s.id == chosen), None)
            if summary is None and chosen is None and self.summaries \
                    and self.summaries[0].kind is plans.PlanKind.PLAN:
                summary = self.summaries[0]
            self.summary = summary
            view = (plans.open_plan_version(uow, summary.id, self.number)
                    if summary is not None else None)
            candidates = plans.plan_candidates(uow, self.household_id) \
                if summary is None else []
            return _Reading(view, candidates,
                            plans.evaluations_due(uow, household_id=self.household_id),
                            plans.toekomstplan_members(uow, self.household_id))

        reading = self.operation(read).failure(lambda e: self.status.setText(e.message)).run()
        if reading is None:
            return
        view, candidates, due, eligible = (reading.view, reading.candidates, reading.due,
                                           reading.eligible)
        self._fill_choice()
        self._fill_future(eligible)
        self._show_banner(due)
        if view is None:
            self.view = None
            self.start_panel.set_candidates(candidates, self.can_edit)
            self.stack.setCurrentWidget(self.start_panel)
            self._update_controls()
        else:
            self.show_version(view, keep_typed=keep_typed)

    def _set_colleagues(self, uow: UnitOfWork) -> None:
        combo = self.details.regisseur
        for colleague in case_workers(uow):
            combo.addItem(colleague.label, str(colleague.id))

    def _fill_choice(self) -> None:
        self.plan_choice.clear()
        household = next((s for s in self.summaries if s.kind is plans.PlanKind.PLAN), None)
        if household is None:
            self.plan_choice.addItem("Plan van aanpak (nog niet gestart)", NEW_PLAN)
        for summary in self.summaries:
            owner = f" · {summary.owner_name}" if summary.owner_name else ""
            self.plan_choice.addItem(f"{summary.kind.label}{owner} · {summary.status.label}",
                                     str(summary.id))
        key = str(self.summary.id) if self.summary is not None else NEW_PLAN
        self.plan_choice.setCurrentIndex(max(self.plan_choice.findData(key), 0))

    def _fill_future(self, eligible: Sequence[plans.EligibleMember]) -> None:
        self.future_menu.clear()
        startable = [m for m in eligible if not m.has_toekomstplan]
        for member in startable:
            action = self.future_menu.addAction(f"{member.name} ({member.age_years} jaar)")
            action.triggered.connect(
                lambda _c=False, member_id=member.member_id: self.start_toekomstplan(member_id))
        self.future_button.setVisible(bool(startable) and self.can_edit)

    def _show_banner(self, due: Sequence[plans.DueEvaluation]) -> None:
        if not due:
            self.banner.hide()
            return
        lines = []
        for item in due:
            kind = item.kind.label
            when = format_date(item.due_on)
            if item.overdue:
                lines.append(f"De evaluatie van {kind.lower()} versie {item.version_number} is "
                             f"{-item.days_left} dagen te laat (gepland op {when}).")
            else:
                lines.append(f"De evaluatie van {kind.lower()} versie {item.version_number} is "
                             f"over {item.days_left} dagen, op {when}.")
        self.banner.setText("\n".join(lines))
        self.banner.setStyleSheet(BANNER_STYLES[any(item.overdue for item in due)])
        self.banner.show()

    def show_version(self, view: PlanVersionView, *, keep_typed: bool = True) -> None:
        self.view = view
        self.stack.setCurrentWidget(self.sections)
        self.results.show_version(view, self.editable)
        self.details.show_version(view, self.can_edit, keep_typed=keep_typed)
        owner = f" van {view.owner_name}" if view.owner_name else ""
        text = (f"<b>{view.kind.label}{owner} · versie {view.number} · "
                f"{view.status.label}</b> — gemaakt door {view.created_by} op "
                f"{view.created_at:%d-%m-%Y}")
        if view.regisseur_name:
            text += f" · regisseur {view.regisseur_name}"
        if self.summary is not None and view.number != self.summary.latest.number:
            text += "<br>U bekijkt een oudere versie. Deze is vastgesteld en alleen te lezen."
        elif not view.editable:
            text += ("<br>Deze versie is vastgesteld en alleen te lezen. Wijzigen kan in een "
                     "nieuwe versie.")
        if not self.can_edit:
            text += "<br>U kunt dit plan inzien en afdrukken, maar niet wijzigen."
        self.status.setText(text)
        self._update_controls()

    def _update_controls(self) -> None:
        view, summary = self.view, self.summary
        latest = summary is not None and view is not None and \
            view.number == summary.latest.number
        status = view.status if view is not None else None
        edit = self.can_edit and latest
        self.newest_button.setVisible(view is not None and not latest)
        self.submit_button.setVisible(edit and status is VersionStatus.CONCEPT)
        self.agree_button.setVisible(edit and status is not None and status.editable)
        self.discard_button.setVisible(edit and status is not None and status.editable
                                       and view is not None and view.number > 1)
        self.evaluate_button.setVisible(edit and status is VersionStatus.ACTIEF)
        self.new_version_button.setVisible(edit and status in (
            VersionStatus.ACTIEF, VersionStatus.GEEVALUEERD, VersionStatus.AFGESLOTEN))
        for button in (self.versions_button, self.print_button):
            button.setVisible(view is not None)

    def _may_leave(self) -> bool:
        """Typed plan details are never thrown away without asking."""
        return not (self.details.dirty and self.editable) or Notice.confirm(
            self, "De gegevens van het plan zijn gewijzigd maar nog niet opgeslagen. "
                  "Wilt u die wijzigingen weggooien?", "Niet opgeslagen",
            "Weggooien", "Terug naar het plan")

    def _plan_chosen(self) -> None:
        if not self._may_leave():
            self._fill_choice()
            return
        key = self.plan_choice.currentData()
        self.summary = next((s for s in self.summaries if str(s.id) == key), None)
        self.details.dirty = False
        self.number = None
        self.reload()

    def open_version(self, number: int | None) -> None:
        if not self._may_leave():
            return
        self.details.dirty = False
        self.number = number
        self.reload()

    # ---- writing -------------------------------------------------------------------------

    def write(self, work: Callable[[UnitOfWork], PlanVersionView | None], *,
              parent: QWidget | None = None, fields_to_caller: bool = False,
              full_reload: bool = False) -> bool:
        """Run one save. ValidationError goes back to a dialog that can mark its fields;
        a conflict reloads the plan and keeps what was typed; other refusals are shown."""
        where = parent or self
        operation = Operation(where, self.store, self.actor, work, initiator=self,
                              changes=HouseholdChanged(self.household_id))
        if fields_to_caller:
            operation.on(ValidationError, reraise)
        else:
            operation.on(ValidationError, lambda error: Notice.warn(
                where, "\n".join(error.fields.values()), "Nog niet compleet"))
        operation.on(StaleEditError, lambda error: self._stale(where, error))
        # A save that stores nothing new (None) reads everything again.
        view = operation.run()
        if not operation.ok:
            return False
        if full_reload or view is None:
            self.number = None
            self.reload(keep_typed=view is not None)
        else:
            self.show_version(view)
        return True

    def _stale(self, where: QWidget, error: StaleEditError) -> None:
        Notice.warn(where, f"{error.message}\n\n{STALE_HINT}", "Intussen gewijzigd")
        self.reload(keep_typed=True)

    def operation(self, op: Callable[[UnitOfWork], T]) -> Operation[T]:
        """A read or save of this plan's household, refusals shown on this tab."""
        return Operation(self, self.store, self.actor, op, initiator=self)

    def _household_changed(self, _household_id: uuid.UUID) -> None:
        """Someone else stored something for this household: read it again when in view."""
        if self.isVisible():
            self.reload(keep_typed=True)
        else:
            self.loaded = False

    def _save_details(self, data: plans.VersionDetailsInput) -> bool:
        return self.write(lambda uow: plans.update_details(
            uow, self._view().id, self._view().version, data), fields_to_caller=True)

    def _view(self) -> PlanVersionView:
        assert self.view is not None
        return self.view

    def start_plan(self, keys: list[str]) -> None:
        if self.write(lambda uow: plans.start_plan(uow, self.household_id, keys),
                      full_reload=True):
            self.summary = next((s for s in self.summaries
                                 if s.kind is plans.PlanKind.PLAN), self.summary)

    def start_toekomstplan(self, member_id: uuid.UUID) -> None:
        created: list[uuid.UUID] = []

        def work(uow: UnitOfWork) -> PlanVersionView:
            view = plans.start_toekomstplan(uow, self.household_id, member_id)
            created.append(view.plan_id)
            return view

        if self.write(work, full_reload=True) and created:
            self.summary = next(s for s in self.summaries if s.id == created[0])
            self.reload()

    def submit_for_agreement(self) -> None:
        self.write(lambda uow: plans.submit_for_agreement(uow, self._view().id,
                                                          self._view().version),
                   full_reload=True)

    def start_new_version(self) -> None:
        assert self.summary is not None
        plan_id = self.summary.id
        self.write(lambda uow: plans.start_new_version(uow, plan_id), full_reload=True)

    def discard_draft(self) -> None:
        view = self._view()
        if not Notice.confirm(self, f"Concept versie {view.number} weggooien? De vastgestelde "
                                    "versies blijven zoals ze zijn.", "Concept weggooien",
                              "Weggooien", "Niet weggooien"):
            return
        self.write(lambda uow: plans.discard_draft(uow, view.id, view.version),
                   full_reload=True)
