"""Accounts and roles: who may manage them, disabling, passwords."""

from __future__ import annotations

import pytest

from intake.core.errors import AuthenticationError, PermissionDenied, ValidationError
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.store import accounts, open_store
from tests.conftest import PASSWORD, Team


@pytest.mark.parametrize("who", ["consulent", "regisseur", "vindplaats", "teamleider"])
def test_only_beheerder_manages_accounts(team: Team, who: str) -> None:
    actor = getattr(team, who)
    with pytest.raises(PermissionDenied, match="functioneel beheerder"), \
            unit_of_work(team.store, actor) as uow:
        accounts.add_account(uow, "nieuw", "Nieuw", Role.CONSULENT, PASSWORD)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, actor) as uow:
        accounts.list_accounts(uow)


def test_disabled_account_cannot_sign_in(team: Team) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        accounts.disable_account(uow, "regisseur")
    with pytest.raises(AuthenticationError):
        open_store(team.location, "regisseur", PASSWORD)


def test_beheerder_cannot_disable_self(team: Team) -> None:
    with pytest.raises(ValidationError), unit_of_work(team.store, team.beheerder) as uow:
        accounts.disable_account(uow, "beheerder")


def test_new_account_can_sign_in_and_change_password(team: Team) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        accounts.add_account(uow, "piet", "Piet Poh", Role.VINDPLAATS, PASSWORD, "school")
    store, piet = open_store(team.location, "piet", PASSWORD)
    assert piet.vindplaats_code == "school"
    with unit_of_work(store, piet) as uow:
        accounts.change_password(uow, "piet", "een-nieuw-wachtwoord")
    with pytest.raises(PermissionDenied), unit_of_work(store, piet) as uow:
        accounts.change_password(uow, "consulent", "een-nieuw-wachtwoord")
    store.close()
    store, _ = open_store(team.location, "piet", "een-nieuw-wachtwoord")
    store.close()


def test_rules_for_names_and_passwords(team: Team) -> None:
    with pytest.raises(ValidationError, match="minstens"), \
            unit_of_work(team.store, team.beheerder) as uow:
        accounts.add_account(uow, "kort", "Kort", Role.CONSULENT, "kort")
    with pytest.raises(ValidationError, match="bestaat al"), \
            unit_of_work(team.store, team.beheerder) as uow:
        accounts.add_account(uow, "consulent", "Dubbel", Role.CONSULENT, PASSWORD)
    with pytest.raises(ValidationError, match="gebruikersnaam"), \
            unit_of_work(team.store, team.beheerder) as uow:
        accounts.add_account(uow, "Met Spatie", "X", Role.CONSULENT, PASSWORD)
