"""Leaving the laptop: the lock time as a store setting, the password that unlocks, and
Afmelden closing the store."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from intake.core.errors import (
    AccountLockedError,
    AuthenticationError,
    PermissionDenied,
    ValidationError,
)
from intake.core.session import unit_of_work
from intake.store.screen_lock import (
    DEFAULT_LOCK_MINUTES,
    WRONG_PASSWORD,
    confirm_password,
    lock_minutes,
    set_lock_minutes,
    sign_out,
)
from tests.conftest import PASSWORD, Team


def _actions(team: Team) -> list[str]:
    with team.store.sessions() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def test_ten_minutes_until_the_beheerder_changes_it(team: Team) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        assert lock_minutes(uow) == DEFAULT_LOCK_MINUTES == 10
    with unit_of_work(team.store, team.beheerder) as uow:
        assert set_lock_minutes(uow, 5) == 5
    with unit_of_work(team.store, team.vindplaats) as uow:
        assert lock_minutes(uow) == 5
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.teamleider) as uow:
        set_lock_minutes(uow, 60)
    with pytest.raises(ValidationError) as refused, \
            unit_of_work(team.store, team.beheerder) as uow:
        set_lock_minutes(uow, 0)
    assert "minuten" in refused.value.fields["lock_minutes"]
    assert _actions(team)[-1] == "instelling"


def test_the_own_password_unlocks_and_a_wrong_one_counts(team: Team) -> None:
    with pytest.raises(AuthenticationError, match=WRONG_PASSWORD):
        confirm_password(team.store, team.consulent, "niet mijn wachtwoord")
    with pytest.raises(AuthenticationError):
        confirm_password(team.store, team.consulent, PASSWORD + "x")
    with pytest.raises(AccountLockedError):  # the same growing delay as signing in
        confirm_password(team.store, team.consulent, PASSWORD)
    assert "ontgrendelen" not in _actions(team)


def test_unlocking_is_in_the_audit_trail(team: Team) -> None:
    confirm_password(team.store, team.regisseur, PASSWORD)
    assert _actions(team)[-1] == "ontgrendelen"
    with pytest.raises(AuthenticationError):  # another person's password does not open it
        confirm_password(team.store, team.regisseur, "iets anders")


def test_signing_out_closes_the_store_and_drops_its_key(team: Team) -> None:
    assert team.store.key is not None
    sign_out(team.store, team.consulent)
    assert team.store.key is None
    assert team.store.engine.pool.checkedout() == 0
    assert _actions(team)[-1] == "afmelden"
