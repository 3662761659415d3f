"""A destruction on the team server reaches a laptop that still holds the household at its
next sync: the household goes at once (not after the days a closed one stays), and nothing of
it remains in the replica or in the server's change log."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from db.models import HelpQuestion, Household, Member, SyncChange
from intake.help_questions.registration import set_outcome
from intake.retention import approve_destruction, propose_destruction
from tests.team.conftest import Laptop, SyncServer
from tests.team.helpers import on_server, register_family, replica_rows

pytestmark = pytest.mark.postgres

LATER = datetime(2040, 1, 6, 10)  # the Wgs term (10 years) of a question closed in 2026 is over


def test_a_destruction_reaches_the_replica_at_its_next_sync(server: SyncServer,
                                                            laptops: object) -> None:
    carla: Laptop = laptops("consulent").join()  # type: ignore[operator]
    view, question_id = register_family(carla, family="Vernietigtest", postcode="7552AB")
    carla.sync()
    assert str(view.id) in replica_rows(carla, "households")
    with on_server(server, "consulent") as uow:
        row = uow.session.get(HelpQuestion, question_id)
        assert row is not None
        set_outcome(uow, question_id, "afgesloten", "", row.version)  # the dossier is closed
        number = uow.session.get(Household, view.id).dossiernummer  # type: ignore[union-attr]
    with on_server(server, "beheerder", lambda: LATER) as uow:
        propose_destruction(uow, number)
    with on_server(server, "teamleider", lambda: LATER) as uow:
        approve_destruction(uow, number)

    report = carla.sync()
    assert report.households_removed == 1
    assert str(view.id) not in replica_rows(carla, "households")
    assert all("Vernietigtest" not in str(r) for r in replica_rows(carla, "members").values())
    engine = server.owner_engine()
    try:
        with engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(Member).where(
                Member.family_name == "Vernietigtest")) == 0
            assert connection.scalar(select(func.count()).select_from(SyncChange).where(
                SyncChange.household_id == view.id)) == 0
            assert connection.scalar(select(func.count()).select_from(SyncChange).where(
                SyncChange.row_id.like("%vernietigtest%"))) == 0
    finally:
        engine.dispose()
