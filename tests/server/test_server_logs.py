"""The server's log after a search holds no name and no search term."""

from __future__ import annotations

import time

import pytest

from intake.core.errors import ValidationError
from tests.server.conftest import PASSWORD, TeamServer

pytestmark = pytest.mark.postgres


def test_a_search_leaves_no_name_in_the_log(team_server: TeamServer) -> None:
    with team_server.client() as client:
        client.sign_in("consulent", PASSWORD)
        hits = client.search("Verhoef Jolanda")
        assert hits
        client.search("111222333")
        with pytest.raises(ValidationError):  # a bad request is logged too
            client.call("/households/search", {"query": 12})
    names = {hits[0]["names"], hits[0]["dossiernummer"], "Verhoef", "Jolanda", "verhoef",
             "111222333", PASSWORD}
    for _ in range(50):  # the access line is written after the answer: give it a moment
        log = team_server.log.read_text(encoding="utf-8")
        if log.count("POST /api/v1/households/search") >= 3:
            break
        time.sleep(0.1)
    assert log.count("POST /api/v1/households/search 200") >= 2
    assert "POST /api/v1/households/search 422" in log
    for secret in names:
        assert secret not in log
