"""The team overview page: plans per regisseur with their status, evaluations due and overdue,
households waiting for a brede uitvraag. A teamleider sees the team; a consulent or regisseur
their own caseload. Everything here reads; a plan opens as a read-only summary."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake.core.context import Actor
from intake.core.errors import KnownError
from intake.core.validation import format_date
from intake.plans.queries import open_plan_version
from intake.reports.caseload import CaseStatus
from intake.reports.overview import (
    OverviewFilter,
    PlanRow,
    PlanTable,
    WaitingRow,
    WorkerLoad,
    team_overview,
)
from intake.reports.overview import (
    TeamOverview as Overview,
)
from intake.store import Store
from ui.kit.changes import on_household_changed
from ui.kit.notice import Notice
from ui.kit.operation import Operation
from ui.reports.plan_summary import PlanSummaryDialog
from ui.reports.table_models import (
    LazyRowsModel,
    SortableTableModel,
    lazy_table,
    sorted_table,
)

PLAN_HEADERS = ("Dossiernummer", "Soort", "Status", "Versie", "Nieuwe versie", "Regisseur",
                "Akkoord", "Volgende evaluatie", "Evaluatie", "Signaal")
WAITING_HEADERS = ("Dossiernummer", "Wacht sinds", "Dagen", "Hulpvragen", "Aangemeld door",
                   "Brede uitvraag", "Signaal")
WORKER_HEADERS = ("Medewerker", *(s.label for s in CaseStatus), "Evaluatie binnen 4 weken",
                  "Wacht op brede uitvraag")
EVALUATION_TEXT = {"verlopen": "Verlopen", "binnenkort": "Binnen 4 weken", "": ""}


def _day(day: date | None) -> tuple[str, str]:
    return (format_date(day), day.isoformat()) if day else ("", "9999-99-99")


def _text(value: str) -> tuple[str, str]:
    return value, value.casefold()


def _number(value: int) -> tuple[str, int]:
    return str(value), value


STATUS_ORDER = {status: place for place, status in enumerate(CaseStatus)}


def plan_cells(row: PlanRow, signal: tuple[str, ...] = ()) -> list[tuple[str, object]]:
    return [_text(row.dossiernummer), _text(row.kind_label),
            (row.status.label, STATUS_ORDER[row.status]),
            _number(row.version_number), _text(row.new_version), _text(row.regisseur_name),
            _day(row.agreed_on), _day(row.next_evaluation),
            _text(EVALUATION_TEXT[row.evaluation_state]), _text(", ".join(signal))]


def _day_key(day: date | None) -> str:
    return day.isoformat() if day else "9999-99-99"


# The sort key of each plan column (as plan_cells has it) for every plan at once, from the
# overview's columns: no row made for a sort. The signal column's key comes from the
# overview's flags (TeamOverview._signal_keys).
def _folded(field: str) -> Callable[[PlanTable], list[object]]:
    return lambda plans: [value.casefold() for value in plans.values(field)]


def _days(field: str) -> Callable[[PlanTable], list[object]]:
    return lambda plans: [_day_key(day) for day in plans.values(field)]


PLAN_KEYS: tuple[Callable[[PlanTable], Sequence[object]], ...] = (
    _folded("dossiernummer"), _folded("kind_label"),
    lambda plans: [STATUS_ORDER[status] for status in plans.values("status")],
    lambda plans: plans.values("version_number"), _folded("new_version"),
    _folded("regisseur_name"), _days("agreed_on"), _days("next_evaluation"),
    lambda plans: [EVALUATION_TEXT[state].casefold()
                   for state in plans.values("evaluation_state")])


def waiting_cells(row: WaitingRow, signal: tuple[str, ...] = ()) -> list[tuple[str, object]]:
    return [_text(row.dossiernummer), _day(row.since), _number(row.days_waiting),
            _number(row.questions), _text(row.registered_by),
            _text("Gestart" if row.intake_started else "Nog niet gestart"),
            _text(", ".join(signal))]


def worker_cells(load: WorkerLoad) -> list[tuple[str, object]]:
    # 'Evaluatie verlopen' is a status column already; the overdue count would repeat it.
    return [_text(load.name), *(_number(load.statuses[s]) for s in CaseStatus),
            _number(load.due_soon), _number(load.waiting)]


class TeamOverview(QWidget):
    """Page for the main window: ``TeamOverview(store, actor)``."""

    plan_opened = Signal(uuid.UUID)
    loaded = Signal()  # after every refresh, for whoever waits on it (tests, the main window)

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.overview: Overview | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.as_of = QLabel()
        self.status = QComboBox()
        self.status.addItem("Alle statussen", None)
        for status in CaseStatus:
            self.status.addItem(status.label, status)
        self.evaluation = QComboBox()
        for text, code in (("Alle evaluaties", ""), ("Evaluatie verlopen", "verlopen"),
                           ("Evaluatie binnen 4 weken", "binnenkort")):
            self.evaluation.addItem(text, code)
        self.worker = QComboBox()
        self.worker.addItem("Alle medewerkers", None)
        self.dossier = QLineEdit()
        self.dossier.setPlaceholderText("Dossiernummer bevat…")
        self.dossier.setClearButtonEnabled(True)
        self.refresh_button = QPushButton("&Vernieuwen")
        self.open_button = QPushButton("Plan &inzien")
        # Twenty thousand plans for a whole team: a lazy model over their places in the
        # overview's columns (intake.reports.plan_table); a row is made for the plans in view.
        self._flags: Mapping[uuid.UUID, tuple[str, ...]] = {}
        self._plan_rows = PlanTable()
        self._keys: dict[int, Sequence[object]] = {}
        self.plan_keys = tuple(partial(self._plan_key, column)
                               for column in range(len(PLAN_HEADERS)))
        self.plans: LazyRowsModel[int] = LazyRowsModel(
            PLAN_HEADERS, self.plan_row_cells, self.plan_keys, self)
        self.plan_table = lazy_table(self.plans)
        self.waiting = SortableTableModel(WAITING_HEADERS, self)
        self.waiting_table, self.waiting_proxy = sorted_table(self.waiting)
        self.workers = SortableTableModel(WORKER_HEADERS, self, numeric_from=1)
        self.worker_table, _ = sorted_table(self.workers, stretch_column=0)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.plan_table, "Plannen")
        self.tabs.addTab(self.waiting_table, "Wacht op brede uitvraag")
        self.tabs.addTab(self.worker_table, "Per medewerker")
        self.busy = False
        self._again = False
        self._stale = False
        self._layout()
        self._connect_signals()
        self.refresh()

    def _layout(self) -> None:
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.as_of)
        filters = QHBoxLayout()
        for label, widget in (("Status:", self.status), ("Evaluatie:", self.evaluation),
                              ("Medewerker:", self.worker)):
            # As wide as the longest choice would not fit a laptop screen at 200 %.
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(10)
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
            if widget is self.worker:
                self.worker_caption = caption
        filters.addWidget(self.dossier, 1)
        filters.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)

    def _connect_signals(self) -> None:
        self.status.currentIndexChanged.connect(self.refresh)
        self.evaluation.currentIndexChanged.connect(self.refresh)
        self.worker.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.dossier.textChanged.connect(self._filter_dossier)
        self.plan_table.activated.connect(lambda _index: self.open_selected_plan())
        self.open_button.clicked.connect(self.open_selected_plan)
        self.tabs.currentChanged.connect(
            lambda index: self.open_button.setEnabled(index == 0))
        # A plan, help question or intake stored anywhere can change these figures.
        on_household_changed(self, lambda _household: self._changed())

    def current_filter(self) -> OverviewFilter:
        status = self.status.currentData()
        return OverviewFilter(
            statuses=frozenset({CaseStatus(status)}) if status is not None else frozenset(),
            worker_id=self.worker.currentData(), evaluation=self.evaluation.currentData())

    def refresh(self) -> None:
        """Reload off the UI thread (a whole team on a large store takes a moment)."""
        if self.busy:
            self._again = True
            return
        self.busy, self._stale = True, False
        wanted = self.current_filter()
        Operation(self, self.store, self.actor, lambda uow: team_overview(uow, wanted)) \
            .with_progress("Het overzicht wordt bijgewerkt…") \
            .success(self._loaded).failure(self._failed).always(self._ended) \
            .run_in_background()

    def _loaded(self, overview: Overview) -> None:
        if not self._again:  # else a newer filter is waiting; this one is out of date
            self.show_overview(overview)

    def _failed(self, error: KnownError) -> None:
        self._again = False
        Notice.warn(self, error.message)

    def _ended(self) -> None:
        self.busy = False
        if self._again:
            self._again = False
            self.refresh()
            return
        self.loaded.emit()

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # read again when it comes into view

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def plan_row_cells(self, place: int) -> list[tuple[str, object]]:
        row = self._plan_rows[place]
        return plan_cells(row, self._flags.get(row.household_id, ()))

    def _plan_key(self, column: int, place: int) -> object:
        keys = self._keys.get(column)
        if keys is None:  # once per column and overview, for every plan
            keys = self._keys[column] = (PLAN_KEYS[column](self._plan_rows)
                                         if column < len(PLAN_KEYS) else self._signal_keys())
        return keys[place]

    def _signal_keys(self) -> Sequence[object]:
        return self._plan_rows.per_household(
            {household_id: ", ".join(labels).casefold()
             for household_id, labels in self._flags.items()}, "")

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        self.title.setText("Mijn caseload" if overview.own_caseload else "Teamoverzicht")
        self.as_of.setText(f"Stand van {format_date(overview.as_of)}")
        flags = overview.signals
        self._flags = flags
        self._plan_rows, self._keys = overview.plans, {}
        self.plans.set_rows(range(len(overview.plans)))
        self.waiting.set_rows([waiting_cells(r, flags.get(r.household_id, ()))
                               for r in overview.waiting],
                              [r.household_id for r in overview.waiting])
        self.workers.set_rows([worker_cells(w) for w in overview.workers],
                              [w.worker_id for w in overview.workers])
        self.tabs.setTabText(0, f"Plannen ({len(overview.plans)})")
        self.tabs.setTabText(1, f"Wacht op brede uitvraag ({len(overview.waiting)})")
        self.tabs.setTabText(2, f"Per medewerker ({len(overview.workers)})")
        self._fill_workers(overview)
        # Plan columns are fitted to the first hundred rows once (lazy_table, fit_columns).

    def _fill_workers(self, overview: Overview) -> None:
        """The worker filter lists the people in the overview; hidden for one's own caseload."""
        self.worker.setVisible(not overview.own_caseload)
        self.worker_caption.setVisible(not overview.own_caseload)
        chosen = self.worker.currentData()
        self.worker.blockSignals(True)
        self.worker.clear()
        self.worker.addItem("Alle medewerkers", None)
        for load in overview.workers:
            if load.worker_id is not None:
                self.worker.addItem(load.name, load.worker_id)
        index = self.worker.findData(chosen)
        self.worker.setCurrentIndex(max(index, 0))
        self.worker.blockSignals(False)

    def _filter_dossier(self, text: str) -> None:
        self.plans.set_filter(0, text.strip())
        self.waiting_proxy.setFilterKeyColumn(0)
        self.waiting_proxy.setFilterFixedString(text.strip())

    def selected_plan(self) -> PlanRow | None:
        index = self.plan_table.currentIndex()
        if self.overview is None or not index.isValid():
            return None
        return self.plan_at(index.row())

    def plan_at(self, row: int) -> PlanRow:
        """The plan in ``row`` of the table, as sorted and filtered."""
        return self._plan_rows[self.plans.row(row)]

    def open_selected_plan(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            Notice.warn(self, "Kies eerst een plan in de lijst.")
            return
        number = plan.active_number or plan.version_number
        view = Operation(self, self.store, self.actor,
                         lambda uow: open_plan_version(uow, plan.plan_id, number)).run()
        if view is None:
            return
        self.plan_opened.emit(plan.plan_id)
        dialog = PlanSummaryDialog(view, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
