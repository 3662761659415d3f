from __future__ import annotations

from tests.server.conftest import PASSWORD, TeamServer


def test_status_and_sign_in(team_server: TeamServer) -> None:
    with team_server.client() as client:
        user = client.sign_in("consulent", PASSWORD)
        assert user.role == "consulent"
        assert client.search("jolanda")
