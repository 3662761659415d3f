"""Every role's refusal on the server: the same rules as on a laptop, and audited there."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from intake.core.errors import PermissionDenied
from intake.team.client import TeamClient
from tests.server.conftest import PASSWORD, TeamServer

pytestmark = pytest.mark.postgres

REFUSED: list[tuple[str, str, Any]] = [
    ("beheerder", "zoeken", lambda c: c.search("jansen")),
    ("beheerder", "afdrukken", lambda c: c.active_plans()),
    ("consulent", "exporteren", lambda c: c.report("2026-01-01", "2026-01-31", "csv")),
    ("consulent", "account-lijst", lambda c: c.accounts()),
    ("regisseur", "audit-controle", lambda c: c.verify_audit()),
    ("vindplaats", "inzien", lambda c: c.overview()),
    ("vindplaats", "exporteren", lambda c: c.help_questions_csv("2026-01-01", "2026-01-31")),
    ("teamleider", "account-aanmaken",
     lambda c: c.add_account("nieuw", "Nieuw", "consulent", PASSWORD)),
]


@pytest.mark.parametrize(("who", "action", "attempt"), REFUSED,
                         ids=[f"{w}-{a}" for w, a, _ in REFUSED])
def test_refused_and_audited(team_server: TeamServer, who: str, action: str,
                             attempt: Any) -> None:
    engine = team_server.owner_engine()
    try:
        with engine.connect() as connection:
            before = connection.scalar(select(AuditEntry.seq).order_by(
                AuditEntry.seq.desc()).limit(1))
        with team_server.client("127.0.0.21") as client:
            client.sign_in(who, PASSWORD)
            with pytest.raises(PermissionDenied):
                attempt(client)
        with engine.connect() as connection:
            refused = connection.execute(select(AuditEntry.actor_name, AuditEntry.action).where(
                AuditEntry.seq > before, AuditEntry.result == "geweigerd")).all()
    finally:
        engine.dispose()
    assert (who, action) in [tuple(row) for row in refused]


def test_a_vindplaats_finds_only_their_own_households(team_server: TeamServer) -> None:
    with team_server.client("127.0.0.21") as lead, team_server.client("127.0.0.21") as poh:
        lead.sign_in("consulent", PASSWORD)
        poh.sign_in("vindplaats", PASSWORD)
        everyone = {hit["dossiernummer"] for hit in lead.search("jan")}
        own = {hit["dossiernummer"] for hit in poh.search("jan")}
    assert own < everyone


def test_a_client_can_be_used_as_a_plain_object(team_server: TeamServer) -> None:
    client = TeamClient(team_server.base_url, team_server.ca)
    try:
        assert client.sign_in("consulent", PASSWORD).display_name
    finally:
        client.close()
