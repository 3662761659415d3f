"""Start-up: the Qt application, the first start or the login, the main window.

``run`` is what ``intake`` (no subcommand) calls; ``sign_in`` is separate so tests can drive the
start-up without entering the event loop.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from intake.core.errors import KnownError
from intake.store.location import resolve_location, store_exists
from ui.app import APP_TITLE
from ui.app.login import FirstStartDialog, LoginDialog, SignedIn
from ui.kit.crash import install_excepthook
from ui.kit.focus import install_focus_ring
from ui.kit.gc_guard import MainThreadGarbageCollector
from ui.kit.notice import Notice
from ui.kit.operation import Attempt, reraise

if TYPE_CHECKING:
    from intake.store import StoreLocation

log = logging.getLogger(__name__)


def configure_application(app: QApplication) -> None:
    app.setApplicationName("intake")
    app.setApplicationDisplayName(APP_TITLE)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", folder):
        app.installTranslator(translator)
    install_focus_ring(app)


def sign_in(location: StoreLocation) -> SignedIn | None:
    """The first start creates the store and its beheerder; afterwards one logs in."""
    if not store_exists(location):
        return FirstStartDialog.ask(location)
    return LoginDialog.ask(location)


def run(db_arg: str | None) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)
    MainThreadGarbageCollector(app)
    install_excepthook()
    return sessions(resolve_location(db_arg), app.exec)


def sessions(location: StoreLocation, exec_loop: Callable[[], int]) -> int:
    """Sign in, work, and after Afmelden sign in again, until the login is cancelled or the
    window is closed. ``exec_loop`` runs the event loop (tests drive it themselves)."""
    app = QApplication.instance()
    while True:
        # A bug before the main window exists goes on to the exception hook as it always did.
        opening = Attempt(None, lambda: sign_in(location)) \
            .on(KnownError, lambda error: Notice.warn(
                None, error.message, "De gegevensopslag kan niet worden geopend")) \
            .on(Exception, reraise)
        signed_in = opening.run()
        if not opening.ok:
            return 2
        if signed_in is None:
            return 0
        # Every screen is imported after the login window has been painted and answered.
        from ui.app.main_window import MainWindow

        store, actor = signed_in
        log.info("signed in with role %s", actor.role.value)
        window = MainWindow(store, actor)
        if app is not None:
            window.signed_out.connect(app.quit)
        window.show()
        try:
            code = exec_loop()
        finally:
            store.close()
        if not window.has_signed_out:
            return code
        window.deleteLater()
        log.info("signed out; back to the login")
