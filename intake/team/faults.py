"""Named points where a sync can be cut off, for the tests that prove it resumes.

``INTAKE_SYNC_FAULT=POINT`` (or ``POINT:N``, the N-th time the point is reached) makes the
process exit at once at that point, as a crash or a pulled plug would: on the laptop
(``intake team sync``: all four points; after-server-commit there means "the server committed,
the laptop dies before reading the answer") and on the team server (``intake server run``:
before-push, after-server-commit, mid-pull; the server neither applies pulled rows nor keeps a
cursor, so the fourth point is the laptop's alone). Tests in one process pass a ``Faults``
object that raises instead.
"""

from __future__ import annotations

import os

ENV_FAULT = "INTAKE_SYNC_FAULT"
BEFORE_PUSH = "before-push"
AFTER_SERVER_COMMIT = "after-server-commit"
MID_PULL = "mid-pull"
AFTER_APPLY_BEFORE_CURSOR = "after-apply-before-cursor"
POINTS = (BEFORE_PUSH, AFTER_SERVER_COMMIT, MID_PULL, AFTER_APPLY_BEFORE_CURSOR)
EXIT_CODE = 75


class FaultInjected(RuntimeError):
    """Raised at a fault point by a ``Faults`` object made with ``exit=False``."""


class Faults:
    def __init__(self, point: str | None = None, nth: int = 1, exit: bool = True) -> None:
        self.point = point
        self.nth = nth
        self.exit = exit
        self.seen = 0

    @classmethod
    def from_env(cls) -> Faults:
        value = os.environ.get(ENV_FAULT, "")
        point, _, nth = value.partition(":")
        return cls(point or None, int(nth) if nth.isdigit() else 1)

    def hit(self, point: str) -> None:
        if point != self.point:
            return
        self.seen += 1
        if self.seen != self.nth:
            return
        if self.exit:
            os._exit(EXIT_CODE)
        raise FaultInjected(point)


NONE = Faults()
