"""Demo data: a fictitious town of households, one demo account per role, then the steps.

``run_demo`` first writes the households (see ``households``), then runs every callable in
``STEPS`` in order, all in one transaction with one audit entry. Later work adds its own demo
content (help questions, intakes, plans) by writing a module here with a function
``step(ctx: DemoContext, progress: ProgressFactory) -> None`` and appending it to ``STEPS``.
``ctx.households`` lists what was made (ids, dossiernummers, composition, members with
dates of birth); ``ctx.actors`` holds the demo account per role; see ``context`` for the rules
a step follows.
"""

from __future__ import annotations

from intake.demo.context import (
    Composition,
    DemoContext,
    DemoHousehold,
    DemoMember,
    ProgressFactory,
    Step,
    seeded_uuid,
)
from intake.demo.intakes import add_intakes
from intake.demo.plans import add_plans
from intake.demo.run import DEMO_ACCOUNTS, DemoAccount, DemoResult, run_demo
from intake.demo.target_groups import add_target_groups

# Run after the households, in this order. One line per step module.
STEPS: list[Step] = [
    add_plans,
    add_intakes,
    add_target_groups,
]

__all__ = [
    "DEMO_ACCOUNTS",
    "STEPS",
    "Composition",
    "DemoAccount",
    "DemoContext",
    "DemoHousehold",
    "DemoMember",
    "DemoResult",
    "ProgressFactory",
    "Step",
    "run_demo",
    "seeded_uuid",
]
