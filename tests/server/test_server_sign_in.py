"""People sign in, not databases: right, wrong, throttled per account and per address."""

from __future__ import annotations

import time

import httpx
import pytest

from intake.core.errors import AccountLockedError, AuthenticationError
from tests.server.conftest import PASSWORD, TeamServer

pytestmark = pytest.mark.postgres


def test_right_password_gives_a_token_that_works_and_renews(team_server: TeamServer) -> None:
    with team_server.client("127.0.0.11") as client:
        user = client.sign_in("teamleider", PASSWORD)
        assert (user.username, user.role) == ("teamleider", "teamleider")
        assert client.renew()
        assert client.overview()["plans"]


def test_wrong_password_then_the_account_waits(team_server: TeamServer) -> None:
    with team_server.client("127.0.0.12") as client:
        with pytest.raises(AuthenticationError, match="onjuist") as wrong:
            client.sign_in("regisseur", "niet-het-wachtwoord")
        assert not isinstance(wrong.value, AccountLockedError)
        # Even the right password waits now: the delay is per account, kept on the server.
        with pytest.raises(AccountLockedError) as locked:
            client.sign_in("regisseur", PASSWORD)
        assert locked.value.seconds >= 1
    answer = httpx.post(f"{team_server.base_url}/api/v1/session",
                        json={"username": "regisseur", "password": PASSWORD},
                        verify=team_server._context())
    assert answer.status_code == 429 and int(answer.headers["Retry-After"]) >= 1
    assert "Probeer het over" in answer.json()["fout"]
    time.sleep(1.2)  # the first delay is one second; let it pass for the other tests
    with team_server.client("127.0.0.12") as client:
        client.sign_in("regisseur", PASSWORD)


def test_an_address_that_keeps_guessing_waits(team_server: TeamServer) -> None:
    with team_server.client("127.0.0.13") as client:
        for name in ("onbekend1", "onbekend2", "onbekend3", "onbekend4"):
            with pytest.raises(AuthenticationError) as error:
                client.sign_in(name, "geraden")
            assert not isinstance(error.value, AccountLockedError)
        with pytest.raises(AccountLockedError):  # a new name does not help
            client.sign_in("onbekend5", "geraden")
    with team_server.client("127.0.0.14") as other:  # another address is not held up
        other.sign_in("consulent", PASSWORD)


def test_requests_without_a_valid_token_are_refused(team_server: TeamServer) -> None:
    context = team_server._context()
    for headers in ({}, {"Authorization": "Bearer verzonnen"}):
        answer = httpx.post(f"{team_server.base_url}/api/v1/households/search",
                            json={"query": "jansen"}, headers=headers, verify=context)
        assert answer.status_code == 401
        assert "Meld u opnieuw aan" in answer.json()["fout"]
