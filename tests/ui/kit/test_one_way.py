"""Screens run their actions through ui/kit/operation.py only: no hand-made unit of work or
KnownError handling elsewhere in ui/."""

from __future__ import annotations

from pathlib import Path

import ui

HELPER = Path(ui.__file__).parent / "kit" / "operation.py"
FORBIDDEN = ("unit_of_work(", "except KnownError")


def test_only_the_operation_helper_opens_a_unit_of_work() -> None:
    offenders = [
        f"{path.relative_to(HELPER.parents[2])}:{number}: {line.strip()}"
        for path in sorted(Path(ui.__file__).parent.rglob("*.py")) if path != HELPER
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if any(text in line for text in FORBIDDEN)
    ]
    assert offenders == [], "use ui.kit.operation.Operation instead:\n" + "\n".join(offenders)
    assert all(text in HELPER.read_text(encoding="utf-8") for text in FORBIDDEN[:1])
