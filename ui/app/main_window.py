"""The main window: search (or accounts, for the beheerder) and a tab per open household."""

from __future__ import annotations

import uuid
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from intake.core.context import Actor
from intake.core.roles import CASE_EDITORS, Role
from intake.register.households import HouseholdView
from intake.store import Store
from intake.store.screen_lock import lock_minutes, sign_out
from ui.admin.accounts_page import AccountsPage
from ui.admin.catalogues import CatalogueAdminPage
from ui.admin.retention_page import RetentionPage
from ui.admin.social_map import SocialMapAdmin
from ui.admin.upkeep_page import UpkeepPage
from ui.app import APP_TITLE
from ui.app.screen_lock import ScreenLock
from ui.help_questions.quick_registration import register_quickly
from ui.help_questions.timeline import TIMELINE_TAB
from ui.kit import changes as change_hub
from ui.kit.dialogs import name_controls, plain
from ui.kit.lazy_tab import LazyTab
from ui.kit.operation import Operation, stop_background_work
from ui.kit.widgets import ElidedLabel
from ui.plan.due_list import attach_due_list
from ui.plan.tab import PLAN_TAB
from ui.register.household_dialog import HouseholdDialog
from ui.register.household_page import HouseholdPage
from ui.register.need_to_know import open_with_reason
from ui.register.openings_page import OpeningsPage
from ui.register.search_page import SearchPage
from ui.reports.figures_view import FiguresView
from ui.reports.team_overview import TeamOverview
from ui.team.panel import attach as attach_sync

# Every household page gets these tabs, in this order, after its overview.
HOUSEHOLD_TABS = (TIMELINE_TAB, PLAN_TAB)



# The smallest screen in logical pixels the window must fit: 1366 x 768 at 150 %, or 1920 x
# 1080 at 200 %, less a task bar. Every page's minimum size stays within it (a test checks).
SMALLEST_SCREEN = QSize(910, 500)
PREFERRED_SIZE = QSize(1100, 720)


def initial_size(window: QWidget) -> QSize:
    """The preferred size, but never larger than the screen (at 200 % it would be)."""
    available = window.screen().availableGeometry()
    return PREFERRED_SIZE.boundedTo(QSize(int(available.width() * 0.95),
                                          int(available.height() * 0.95)))


def app_version() -> str:
    try:
        return version("intake")
    except PackageNotFoundError:
        return "onbekend"


class MainWindow(QMainWindow):
    """``signed_out`` after Afmelden (menu, Ctrl+Shift+L, the lock, a replaced store key):
    the window is closed, its workers stopped and the store closed with its key dropped;
    the start-up then shows the login again."""

    signed_out = Signal()

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None, *,
                 lock_after_ms: int | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.has_signed_out = False
        self.pages: dict[uuid.UUID, HouseholdPage] = {}
        # The application's name is added by Qt (setApplicationDisplayName), never twice.
        self.setWindowTitle(actor.display_name)
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(False)
        self.search: SearchPage | None = None
        self.accounts: AccountsPage | None = None
        self.upkeep: UpkeepPage | None = None
        if actor.role is Role.BEHEERDER:
            self.accounts = AccountsPage(store, actor)
            self.tabs.addTab(self.accounts, "Accounts")
            self.tabs.addTab(SocialMapAdmin(store, actor), "Sociale kaart")
            self.tabs.addTab(CatalogueAdminPage(store, actor), "Catalogi")
            self.tabs.addTab(LazyTab(lambda: RetentionPage(store, actor)), "Bewaartermijnen")
            if store.location.encrypted and not store.replica:
                self.upkeep = UpkeepPage(store, actor)
                self.tabs.addTab(self.upkeep, "Reservekopie en audittrail")
            self.tabs.addTab(LazyTab(lambda: OpeningsPage(store, actor)),
                             "Openen door teamleiders")
        else:
            self.search = SearchPage(store, actor)
            self.tabs.addTab(self.search, "Zoeken")
            attach_due_list(self.search, store, actor, self.open_household)
            self._add_overview_tabs()
        self._make_home_tab_fixed()
        self.setCentralWidget(self.tabs)
        self._create_actions()
        self._create_menus()
        self._create_status_bar()
        self._connect_signals()
        self._update_actions()
        self.name_current_page()
        self.resize(initial_size(self))
        if lock_after_ms is None:
            minutes = Operation(self, store, actor, lock_minutes).run()
            lock_after_ms = (minutes or 10) * 60_000
        self.screen_lock = ScreenLock(self, store, actor, lock_after_ms)
        self.screen_lock.signed_out.connect(self.sign_out)
        # Queued: the operation that met the replaced key finishes before the window goes.
        change_hub.hub().key_replaced.connect(self.sign_out, Qt.ConnectionType.QueuedConnection)

    def _add_overview_tabs(self) -> None:
        """The team lead's overview and figures; a case worker's own caseload."""
        store, actor = self.store, self.actor
        if actor.role in (Role.TEAMLEIDER, Role.CONSULENT, Role.REGISSEUR):
            title = "Teamoverzicht" if actor.role is Role.TEAMLEIDER else "Mijn caseload"
            self.tabs.addTab(LazyTab(lambda: TeamOverview(store, actor)), title)
        if actor.role is Role.TEAMLEIDER:
            self.tabs.addTab(LazyTab(lambda: FiguresView(store, actor)), "Cijfers")
            self.tabs.addTab(LazyTab(lambda: RetentionPage(store, actor)), "Bewaartermijnen")
            self.tabs.addTab(LazyTab(lambda: OpeningsPage(store, actor)), "Openen met reden")

    @property
    def can_edit(self) -> bool:
        """Only for greying out; the domain refuses anyway."""
        return self.actor.role in CASE_EDITORS

    def _make_home_tab_fixed(self) -> None:
        bar = self.tabs.tabBar()
        for index in range(self.tabs.count()):  # every tab present before households open
            for side in (bar.ButtonPosition.RightSide, bar.ButtonPosition.LeftSide):
                button = bar.tabButton(index, side)
                if button is not None:
                    button.resize(0, 0)
                    button.hide()

    def _action(self, text: str,
                shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.find_action = self._action("&Zoeken", QKeySequence.StandardKey.Find)
        self.new_action = self._action("&Nieuw huishouden…", QKeySequence.StandardKey.New)
        self.edit_action = self._action("&Wijzigen…", "Ctrl+E")
        self.history_action = self._action("Wie heeft dit dossier &ingezien?", "Ctrl+I")
        self.close_tab_action = self._action("Tabblad &sluiten", QKeySequence.StandardKey.Close)
        self.sign_out_action = self._action("A&fmelden", "Ctrl+Shift+L")
        self.quit_action = self._action("&Afsluiten", QKeySequence.StandardKey.Quit)
        self.add_account_action = self._action("Account &toevoegen…", "Ctrl+N")
        self.about_action = self._action("&Over deze applicatie")
        self.quick_action = self._action("&Melding registreren…", "Ctrl+M")

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&Bestand")
        if self.accounts is not None:
            file_menu.addAction(self.add_account_action)
            file_menu.addSeparator()
        file_menu.addAction(self.close_tab_action)
        file_menu.addSeparator()
        file_menu.addAction(self.sign_out_action)
        file_menu.addAction(self.quit_action)
        if self.search is not None:
            household = bar.addMenu("&Huishouden")
            for action in (self.find_action, self.new_action, self.quick_action, None,
                           self.edit_action, self.history_action):
                if action is None:
                    household.addSeparator()
                else:
                    household.addAction(action)
        bar.addMenu("H&elp").addAction(self.about_action)

    def _create_status_bar(self) -> None:
        # Elided where a small or 200 % screen has no room; the whole text is the tooltip.
        person = ElidedLabel(f"Aangemeld: {self.actor.display_name} ({self.actor.role.label})")
        store = ElidedLabel(f"Gegevensopslag: {self.store.location.describe()}")
        self.statusBar().addWidget(person, 1)
        self.statusBar().addPermanentWidget(store, 1)
        if self.upkeep is not None and self.upkeep.reminders:
            # The beheerder's reminder of an old backup or seal, visible from any tab.
            self.reminder = ElidedLabel(self.upkeep.reminders[0])
            self.reminder.setStyleSheet("QLabel { background: #FFF4CE; padding: 0 6px; }")
            self.statusBar().addWidget(self.reminder, 2)
        self.sync_panel = attach_sync(self, self.store, self.actor)

    def _connect_signals(self) -> None:
        self.find_action.triggered.connect(self.focus_search)
        self.new_action.triggered.connect(self.new_household)
        self.edit_action.triggered.connect(self._edit_current)
        self.history_action.triggered.connect(self._history_current)
        self.close_tab_action.triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self.about)
        self.quick_action.triggered.connect(self.register_quickly)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(lambda _index: self._tab_changed())
        self.tabs.currentChanged.connect(lambda _index: self.name_current_page())
        if self.search is not None:
            self.search.open_requested.connect(self.open_household)
        if self.accounts is not None:
            self.add_account_action.triggered.connect(self.accounts.add_account)

    def register_quickly(self) -> None:
        """Ctrl+M: from an open household, for that household."""
        page = self.current_page()
        register_quickly(self.store, self.actor, self, page.view if page is not None else None)

    def _update_actions(self) -> None:
        page = self.current_page()
        is_reader = self.search is not None
        self.find_action.setEnabled(is_reader)
        self.new_action.setEnabled(is_reader and self.can_edit)
        self.quick_action.setEnabled(is_reader and self.can_edit)
        self.edit_action.setEnabled(page is not None and page.can_edit)
        self.history_action.setEnabled(page is not None)
        self.close_tab_action.setEnabled(page is not None)
        self.add_account_action.setEnabled(self.accounts is not None)

    def _tab_changed(self) -> None:
        self._update_actions()
        if self.search is not None and self.tabs.currentWidget() is self.search \
                and not self.search.field.text().strip():
            self.search.refresh(background=True)  # the window stays responsive meanwhile

    def name_current_page(self) -> None:
        """Accessible names for the page shown, unique within it (ui.kit.dialogs); again
        whenever one of its own tabs is shown, so what it builds later is named too."""
        index = self.tabs.currentIndex()
        widget = self.tabs.widget(index)
        if widget is not None:
            name_controls(widget, plain(self.tabs.tabText(index)))

    def current_page(self) -> HouseholdPage | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, HouseholdPage) else None

    def focus_search(self) -> None:
        if self.search is not None:
            self.tabs.setCurrentWidget(self.search)
            self.search.focus_search()

    def open_household(self, household_id: uuid.UUID) -> HouseholdPage | None:
        if household_id in self.pages:
            self.tabs.setCurrentWidget(self.pages[household_id])
            return self.pages[household_id]
        view = open_with_reason(self, self.store, self.actor, household_id)
        return None if view is None else self._show_page(view)

    def _show_page(self, view: HouseholdView) -> HouseholdPage:
        page = HouseholdPage(self.store, self.actor, view, HOUSEHOLD_TABS)
        page.changed.connect(lambda saved, page=page: self._page_changed(page, saved))
        self.pages[view.id] = page
        index = self.tabs.addTab(page, view.dossiernummer)
        self.tabs.setTabToolTip(index, view.title)
        page.tabs.currentChanged.connect(lambda _index: self.name_current_page())
        self.tabs.setCurrentIndex(index)
        self.name_current_page()
        page.edit_button.setFocus()
        return page

    def _page_changed(self, page: HouseholdPage, saved: HouseholdView) -> None:
        index = self.tabs.indexOf(page)
        if index >= 0:
            self.tabs.setTabToolTip(index, saved.title)

    def new_household(self) -> None:
        created = HouseholdDialog.ask(self.store, self.actor, None, self)
        if created is not None:
            self._show_page(created)

    def _edit_current(self) -> None:
        page = self.current_page()
        if page is not None:
            page.edit()

    def _history_current(self) -> None:
        page = self.current_page()
        if page is not None:
            page.show_history()

    def close_tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if not isinstance(page, HouseholdPage):
            return
        self.tabs.removeTab(index)
        self.pages.pop(page.household_id, None)
        page.deleteLater()

    def about_text(self) -> str:
        return (f"<h3>{APP_TITLE}</h3>"
                f"<p>Brede uitvraag, hulpvragen en plan van aanpak voor het sociaal domein.</p>"
                f"<p>Versie {app_version()}</p>"
                f"<p>Gegevensopslag: {self.store.location.describe()}</p>")

    def about(self) -> None:
        QMessageBox.about(self, "Over deze applicatie", self.about_text())

    def sign_out(self) -> None:
        """Afmelden: back to the login without quitting. Dialogs still open (a lock over a
        form) close without saving: the person chose to leave."""
        if self.has_signed_out:
            return
        self.has_signed_out = True
        self.screen_lock.stop()
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QDialog) and window.isVisible():
                window.done(QDialog.DialogCode.Rejected)
        self.close()
        sign_out(self.store, self.actor)
        # After the dialogs' own event loops have ended.
        QTimer.singleShot(0, self.signed_out.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Hidden first, so closing the household tabs shows (and builds) no other tab, then
        # background work is stopped before the store closes.
        self.screen_lock.stop()
        self.hide()
        self.tabs.blockSignals(True)
        for index in reversed(range(self.tabs.count())):
            self.close_tab(index)
        stop_background_work()
        super().closeEvent(event)
