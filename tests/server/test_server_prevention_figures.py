"""The prevention figures computed by the team server: the same cells as the figures the file
store with the same demo data computes itself, and not empty (the demo carries target groups
and prevention levels)."""

from __future__ import annotations

import ast
from datetime import date

import pytest

from intake.core.session import unit_of_work
from intake.reports.figures import compute_figures
from intake.reports.period import Period
from intake.store import open_store
from intake.store.opening import StoreLocation
from tests.server.conftest import PASSWORD, TeamServer

pytestmark = pytest.mark.postgres

KEYS = ("hulpvragen_doelgroep", "plannen_doelgroep", "acties_preventieniveau",
        "acties_doelgroep_preventieniveau", "acties_organisatie", "resultaten_organisatie",
        "doorlooptijd_organisatie")


def test_prevention_figures_on_the_server(team_server: TeamServer) -> None:
    with team_server.client() as client:
        client.sign_in("teamleider", PASSWORD)
        answer = client.call("/reports/figures", {"from": "01-01-2020", "to": "31-12-2030"})
    on_server = {f["key"]: f for f in answer["figures"]}
    store, actor = open_store(StoreLocation.parse(str(team_server.file_store)), "teamleider",
                              PASSWORD)
    try:
        with unit_of_work(store, actor) as uow:
            on_file = compute_figures(uow, Period(date(2020, 1, 1), date(2030, 12, 31)))
    finally:
        store.close()
    for key in KEYS:
        figure = on_file.get(key)
        current = on_server[key]["current"]
        assert current["n"] == figure.current.n, key
        cells = {tuple(ast.literal_eval(k)): v for k, v in current["cells"].items()}
        assert cells == dict(figure.current.cells), key
    assert on_file.get("hulpvragen_doelgroep").current.n > 0
    assert sum(on_file.get("hulpvragen_doelgroep").current.cells.values()) > 0
    assert on_file.get("acties_preventieniveau").current.value("selectief", "aantal") > 0
