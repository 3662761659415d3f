"""Public entry for scripts: open a unit of work around one action.

The implementation lives in ``intake.core``; this module keeps the name that scripts and the
benchmarks have used since the first release.
"""

from intake.core.context import Actor, UnitOfWork
from intake.core.session import unit_of_work

__all__ = ["Actor", "UnitOfWork", "unit_of_work"]
