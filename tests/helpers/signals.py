"""Open signals on a household for tests of where they show."""

from __future__ import annotations

import uuid

from intake.core.context import Actor
from intake.core.session import unit_of_work
from intake.store import Store
from intake.uitvraag.flow import open_intake, start_intake
from intake.uitvraag.signals import raise_signal


def raise_open_signal(store: Store, actor: Actor, household_id: uuid.UUID,
                      kind: str = "veiligheid") -> uuid.UUID:
    """A signal of ``kind`` from the household's open intake (started if none); its id."""
    with unit_of_work(store, actor) as uow:
        started = open_intake(uow, household_id) \
            or start_intake(uow, household_id, "huisbezoek", "wijkteam")
        signal = raise_signal(uow, started.id, household_id, kind,
                              "oo_veiligheid" if kind == "veiligheid" else "gg_zelfdoding", "")
        assert signal is not None
        return signal.id
