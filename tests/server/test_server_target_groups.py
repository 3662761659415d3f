"""`intake doelgroep` through the team server: the same domain functions run there, with its
permission checks; a group set and ended on the same day holds on no day, so the shared demo
store's figures stay as the other server tests expect."""

from __future__ import annotations

import pytest

from tests.server.conftest import PASSWORD, TeamServer

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)


def test_set_list_and_end_through_the_server(team_server: TeamServer,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with team_server.client() as client:
        client.sign_in("teamleider", PASSWORD)
        dossier = client.active_plans()[0]["dossiernummer"]
    assert team_server.cli("doelgroep", "zet", dossier, "laaggeletterdheid_taal",
                           "--gezinslid", "1", "--user", "consulent") == 0
    assert "Doelgroep 'Laaggeletterdheid en taal' gezet vanaf" in capsys.readouterr().out
    assert team_server.cli("doelgroep", "lijst", dossier, "--user", "consulent") == 0
    listed = capsys.readouterr().out
    assert "laaggeletterdheid_taal\tLaaggeletterdheid en taal\tgezinslid 1 (" in listed
    assert team_server.cli("doelgroep", "zet", dossier, "schulden", "--user",
                           "teamleider") == 2
    assert capsys.readouterr().err.startswith("Fout: ")
    assert team_server.cli("doelgroep", "beeindig", dossier, "laaggeletterdheid_taal",
                           "--gezinslid", "1", "--user", "consulent") == 0
    assert "beëindigd op" in capsys.readouterr().out
    assert team_server.cli("doelgroep", "lijst", dossier, "--user", "consulent") == 0
    assert "laaggeletterdheid_taal\tLaaggeletterdheid en taal\tgezinslid 1 (" \
        not in capsys.readouterr().out
