"""One table row of the benchmark, and what every row function receives."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.store import BenchStore


@dataclass
class Line:
    figure: str
    goal: str
    measured: str = ""
    peer: str = ""
    stall: str = ""  # GUI rows only: the largest gap of the 10 ms UI-thread timer
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Context:
    store: BenchStore
    repeat: int
    budget_s: float  # per measured figure: repeats stop once it is spent
    workdir: Path  # scratch space for PDFs and copies
    extra: dict[str, Any] = field(default_factory=dict)


def failed(figure: str, goal: str, error: BaseException | str) -> Line:
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return Line(figure, goal, measured=f"**error**: {text}"[:400].replace("|", "/"))
