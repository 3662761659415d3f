"""One household on screen: a header, actions, and tabs ("Overzicht" now; more join later).

The tabs of later features (help questions, plan) come in as factories from whoever opens the
page (the main window), so this page knows nothing of them. The page and its tabs refresh
themselves when a change to the household is announced (ui/kit/changes.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake.core.clock import today
from intake.core.context import Actor
from intake.core.roles import CASE_EDITORS
from intake.core.validation import format_date, mask_bsn
from intake.register.access_history import household_history
from intake.register.households import HouseholdView, open_household
from intake.store import Store
from intake.uitvraag.signals import flag_text, open_signal_flags
from ui.kit.changes import on_household_changed
from ui.kit.lazy_tab import LazyTab
from ui.kit.operation import Operation
from ui.kit.widgets import ERROR_STYLE, RowsModel, make_table
from ui.register.history_dialog import HistoryDialog
from ui.register.household_dialog import HouseholdDialog
from ui.register.inzage_dialog import InzageDialog
from ui.register.member_rows import role_label
from ui.register.target_groups import TargetGroupsBox


class HouseholdTab(NamedTuple):
    """A tab after the overview: its title, and what builds its content for a page. Built the
    first time it is shown (or asked for, ``tab_content``): opening a household built and read
    the plan and the timeline on the UI thread (30 ms) for tabs not yet looked at."""

    title: str
    build: Callable[[HouseholdPage], QWidget]


class OverviewTab(QWidget):
    """Members and network of the household."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.members = RowsModel(("Naam", "Geboortedatum", "Leeftijd", "Rol", "BSN"), self)
        self.network = RowsModel(("Naam", "Relatie", "Telefoon", "Kan helpen met"), self)
        self.members_box = QGroupBox("Gezinsleden")
        QVBoxLayout(self.members_box).addWidget(make_table(self.members))
        self.network_table = make_table(self.network)
        self.network_empty = QLabel(
            "Nog geen netwerk vastgelegd. Familie, buren of vrienden die kunnen helpen voegt u "
            "toe met Wijzigen.")
        self.network_empty.setWordWrap(True)
        self.network_empty.setStyleSheet("color: palette(placeholder-text);")
        self.network_box = QGroupBox("Netwerk")
        network_layout = QVBoxLayout(self.network_box)
        network_layout.addWidget(self.network_table)
        network_layout.addWidget(self.network_empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.members_box, 3)
        layout.addWidget(self.network_box, 2)

    def show_view(self, view: HouseholdView, today: date) -> None:
        self.members.set_rows([
            (m.name, ("verwacht " if m.expected else "") + format_date(m.date_of_birth),
             "" if m.age_on(today) is None else str(m.age_on(today)),
             role_label(m.role), mask_bsn(m.bsn))
            for m in view.members
        ], [m.id for m in view.members])
        self.network.set_rows([(c.name, c.relation, c.phone, c.can_help_with)
                               for c in view.network], [c.id for c in view.network])
        self.members_box.setTitle(f"Gezinsleden ({len(view.members)})")
        self.network_box.setTitle(f"Netwerk ({len(view.network)})")
        self.network_table.setVisible(bool(view.network))
        self.network_empty.setVisible(not view.network)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(1, 2 if view.network else 0)


class HouseholdPage(QWidget):
    changed = Signal(object)  # the new HouseholdView after a save

    def __init__(self, store: Store, actor: Actor, view: HouseholdView,
                 tabs: Sequence[HouseholdTab] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.view = view
        self.dossiernummer = QLabel()
        font = QFont(self.dossiernummer.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.dossiernummer.setFont(font)
        self.address = QLabel()
        self.contact = QLabel()
        self.contact.setStyleSheet("color: palette(placeholder-text);")
        # Above the tabs, so an open safety or crisis signal is in sight on every tab.
        self.signal_line = QLabel()
        self.signal_line.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.signal_line.setWordWrap(True)
        self.signal_line.hide()
        self.edit_button = QPushButton("&Wijzigen…")
        self.edit_button.setEnabled(self.can_edit)
        if not self.can_edit:
            self.edit_button.setToolTip("U kunt dit dossier inzien maar niet wijzigen.")
        self.history_button = QPushButton("Wie heeft dit dossier &ingezien?")
        self.inzage_button = QPushButton("I&nzage voor de inwoner…")
        self.inzage_button.setToolTip("Alles wat over een gezinslid is vastgelegd, als PDF en "
                                      "JSON (artikel 15 AVG)")
        self.overview = OverviewTab()
        self.target_groups = TargetGroupsBox(store, actor, self.can_edit)
        overview_layout = self.overview.layout()
        assert isinstance(overview_layout, QVBoxLayout)
        overview_layout.addWidget(self.target_groups, 2)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.add_tab(self.overview, "&Overzicht")
        self._lay_out()
        self.edit_button.clicked.connect(self.edit)
        self.history_button.clicked.connect(self.show_history)
        self.inzage_button.clicked.connect(self.make_inzage)
        self.show_view(view)
        on_household_changed(self, self._household_changed, lambda: self.household_id)
        for title, build in tabs:
            self.add_tab(LazyTab(partial(build, self)), title)

    @property
    def household_id(self) -> uuid.UUID:
        return self.view.id

    @property
    def can_edit(self) -> bool:
        """Only to grey out buttons; the domain refuses anyway."""
        return self.actor.role in CASE_EDITORS

    def _lay_out(self) -> None:
        titles = QVBoxLayout()
        titles.setSpacing(2)
        for label in (self.dossiernummer, self.address, self.contact, self.signal_line):
            label.setWordWrap(True)  # a long family name never widens the window
            titles.addWidget(label)
        actions = QHBoxLayout()  # side by side: the header stays low on a 200 % screen
        actions.setAlignment(Qt.AlignmentFlag.AlignTop)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.history_button)
        actions.addWidget(self.inzage_button)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Each tab in a scroll area: what fits a normal screen needs more height than a
        laptop screen at 200 % has, and then scrolls instead of being cut off."""
        scroll = QScrollArea()
        scroll.setWidget(widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        return self.tabs.addTab(scroll, title)

    def tab_content(self, index: int) -> QWidget | None:
        """What a tab shows, inside its scroll area (built now if it was not yet)."""
        scroll = self.tabs.widget(index)
        content = scroll.widget() if isinstance(scroll, QScrollArea) else scroll
        return content.build() if isinstance(content, LazyTab) else content

    def show_tab_of(self, content: QWidget) -> None:
        for index in range(self.tabs.count()):
            if self.tab_content(index) is content:
                self.tabs.setCurrentIndex(index)

    def show_view(self, view: HouseholdView) -> None:
        self.view = view
        self.dossiernummer.setText(f"{view.title} · {view.dossiernummer}")
        self.address.setText(view.address)
        contact = [part for part in (view.phone, view.email) if part]
        self.contact.setText("  ·  ".join(contact) if contact else "Geen telefoon of e-mail")
        self.overview.show_view(view, today())
        self.target_groups.load(view.id, view.members)
        self.show_signals()

    def show_signals(self) -> None:
        household_id = self.household_id
        flags = Operation(self, self.store, self.actor,
                          lambda uow: open_signal_flags(uow, [household_id])) \
            .failure(lambda _error: None).run() or {}
        text = flag_text(flags.get(household_id, ()))
        self.signal_line.setText(f"{text}. Handel het af op het tabblad Hulpvragen en uitvraag."
                                 if text else "")
        self.signal_line.setVisible(bool(text))

    def edit(self) -> None:
        saved = HouseholdDialog.ask(self.store, self.actor, self.view, self)
        if saved is not None:
            self.show_view(saved)
            self.changed.emit(saved)

    def show_history(self) -> None:
        household_id = self.household_id
        rows = Operation(self, self.store, self.actor,
                         lambda uow: household_history(uow, household_id)).run()
        if rows is not None:
            HistoryDialog.ask(self.view.dossiernummer, rows, self)

    def make_inzage(self) -> None:
        InzageDialog.ask(self.store, self.actor, self.view, self)

    def _household_changed(self, household_id: uuid.UUID) -> None:
        """Stored elsewhere (a dialog from the menu, another tab): show the household afresh.
        Quietly keeps what it shows when the household can no longer be read."""
        view = Operation(self, self.store, self.actor,
                         lambda uow: open_household(uow, household_id)) \
            .failure(lambda _error: None).run()
        if view is not None:
            self.show_view(view)
            self.changed.emit(view)
