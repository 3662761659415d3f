"""The command line's way into the front-ends above the domain layer.

The domain never imports them; the command line starts them, and only here, lazily, so a
headless job neither pays for nor needs them. This module is the one exception the layer
contract (``[tool.importlinter]`` in pyproject.toml) allows.
"""

from __future__ import annotations


def run_app(db: str | None) -> int:
    """The desktop app: Qt is imported only now."""
    from ui.app.startup import run

    exit_code: int = run(db)
    return exit_code
