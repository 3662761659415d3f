"""Child process for the cold-start row: the real `intake` start-up up to the login window.

Runs ``intake.cli.main`` as the console script does; the first paint of the login window's
button prints a line and ends the process at once (tear-down is not part of a cold start).
Only the login dialog's class gets a hook; nothing else of the start-up is replaced.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QShowEvent

from ui.app import login


class _Painted(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            os._exit(0)
        return False


_original_show = login.LoginDialog.showEvent


def _show(self: login.LoginDialog, event: QShowEvent) -> None:
    self.ok_button.installEventFilter(_Painted(self))
    _original_show(self, event)


login.LoginDialog.showEvent = _show

if __name__ == "__main__":
    from intake.cli import main

    sys.exit(main(sys.argv[1:]))
