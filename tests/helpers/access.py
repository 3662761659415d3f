"""Need to know in tests: a colleague added to a household (own work from then on), or a
household opened with a reason (for the working day)."""

from __future__ import annotations

import uuid

from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.register import OpeningReason, open_household
from intake.register.households import grant_access
from tests.conftest import Team

TEST_REASON = OpeningReason("overleg", "Gevraagd mee te kijken in het casusoverleg.")


def add_colleague(team: Team, household_id: uuid.UUID, colleague: Actor) -> None:
    """The consulent who registered the household adds a colleague to it."""
    with unit_of_work(team.store, team.consulent) as uow:
        grant_access(uow, household_id, colleague.username)


def open_with_reason(team: Team, actor: Actor, household_id: uuid.UUID) -> None:
    with unit_of_work(team.store, actor) as uow:
        open_household(uow, household_id, TEST_REASON)
