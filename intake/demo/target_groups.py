"""Demo prevention target groups: some households and members carry a typed group, set on a
day after the household was registered and sometimes ended since. Young children need none:
'jonge kind' follows from their date of birth."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from db.models import TargetGroupTag
from intake.core.roles import Role
from intake.demo.context import DemoContext, DemoHousehold, ProgressFactory, seeded_uuid
from intake.register.target_groups import age_on

CHUNK = 5000
HOUSEHOLD_SHARES = (("schulden", 0.15), ("complexe_gezinssituatie", 0.08))
POVERTY_WITH_CHILDREN = 0.10
ENDED = 0.2  # share of groups no longer holding today


def _person_groups(age: int, role: str) -> tuple[tuple[str, float], ...]:
    if age < 18:
        return (("jeugd_lvb_ggz", 0.04),) + ((("kwetsbare_jongeren", 0.15),) if age >= 16
                                             else ())
    adult = [("werkzoekenden", 0.10), ("laaggeletterdheid_taal", 0.05)]
    if age < 28:
        adult.append(("kwetsbare_jongeren", 0.10))
    if role == "ouder/verzorger":
        adult.append(("bijzondere_ouders", 0.03))
    return tuple(adult)


def _row(rng: random.Random, household: DemoHousehold, member_id: Any, code: str,
         set_by: Any, today: date) -> dict[str, Any]:
    first = household.created_at.date()
    set_on = first + timedelta(days=rng.randint(0, max((today - first).days, 0)))
    removed = set_on + timedelta(days=rng.randint(30, 720)) if rng.random() < ENDED else None
    return {"id": seeded_uuid(rng), "household_id": household.id, "member_id": member_id,
            "code": code, "set_on": set_on, "set_by_id": set_by,
            "removed_on": removed if removed and removed <= today else None,
            "removed_by_id": set_by if removed and removed <= today else None,
            "version": 1, "updated_at": None}


def add_target_groups(ctx: DemoContext, progress: ProgressFactory) -> None:
    rng = ctx.rng_for("doelgroepen")
    today = ctx.now.date()
    set_by = ctx.actors[Role.CONSULENT].id
    rows: list[dict[str, Any]] = []
    report = progress("Doelgroepen", len(ctx.households))
    total = 0
    for done, household in enumerate(ctx.households, start=1):
        shares = list(HOUSEHOLD_SHARES)
        if any(age_on(m.date_of_birth, today) < 18 for m in household.members):
            shares.append(("kinderen_in_armoede", POVERTY_WITH_CHILDREN))
        rows += [_row(rng, household, None, code, set_by, today)
                 for code, share in shares if rng.random() < share]
        for member in household.members:
            for code, share in _person_groups(age_on(member.date_of_birth, today), member.role):
                if rng.random() < share:
                    rows.append(_row(rng, household, member.id, code, set_by, today))
        if len(rows) >= CHUNK or done == len(ctx.households):
            if rows:
                ctx.insert(TargetGroupTag, rows)
            total += len(rows)
            rows = []
        if done % 500 == 0 or done == len(ctx.households):
            report(done)
    ctx.counts["doelgroepen"] = ctx.counts.get("doelgroepen", 0) + total
