"""The figures and the overview on PostgreSQL: the same hand-counted store, the same answers."""

from __future__ import annotations

import importlib

import pytest
from sqlalchemy import select, text

from db.engine import StoreLocation
from db.models import User
from intake.core.context import Actor
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.reports.export import ReportFormat, export_report
from intake.reports.figures import compute_figures
from intake.reports.overview import team_overview
from intake.store import create_store
from intake.store.accounts import add_account
from tests.conftest import PASSWORD, Team
from tests.helpers import pg_server
from tests.reports.test_overview_facts import _derived, _kept
from tests.reports.test_reports_store import PERIOD, TODAY, at, build

pytestmark = pytest.mark.postgres


def _team(url: str) -> Team:
    location = StoreLocation.parse(url)
    store, admin = create_store(location, "beheerder", "Bea Beheer", PASSWORD)
    with unit_of_work(store, admin) as uow:
        for username, name, role in (
                ("consulent", "Carla Consulent", Role.CONSULENT),
                ("regisseur", "Ruud Regisseur", Role.REGISSEUR),
                ("vindplaats", "Vera POH-jeugd", Role.VINDPLAATS),
                ("teamleider", "Tom Teamleider", Role.TEAMLEIDER)):
            add_account(uow, username, name, role, PASSWORD,
                        "huisarts" if role is Role.VINDPLAATS else None)
    with store.sessions() as session:
        users = {u.username: Actor(u.id, u.username, u.display_name, Role(u.role),
                                   u.vindplaats_code) for u in session.scalars(select(User))}
    return Team(store, location, users["beheerder"], users["consulent"], users["regisseur"],
                users["vindplaats"], users["teamleider"])


def test_figures_and_overview_on_postgresql() -> None:
    with pg_server.running_server() as url:
        team = _team(url)
        try:
            build(team)
            with unit_of_work(team.store, team.teamleider, at(TODAY)) as uow:
                figures = compute_figures(uow, PERIOD)
                overview = team_overview(uow)
                export_report(uow, PERIOD, ReportFormat.CSV)
        finally:
            team.store.close()
    assert figures.get("hulpvragen_vindplaats").current.value("zorgloket", "aantal") == 4
    assert figures.get("huishoudens_meervoudig").current.value("meer_wetten", "aantal") == 1
    assert figures.get("ondersteuningsniveau").current.n == 6
    assert figures.get("doorlooptijd_plan").current.value("mediaan_dagen", "aantal") == 20
    assert figures.get("brede_uitvragen").current.n == 3
    assert figures.get("plannen_regisseur").current.n == 6
    assert len(overview.plans) == 6 and len(overview.waiting) == 2


def test_the_overview_rows_and_their_migration_fill_on_postgresql() -> None:
    """The summary rows kept per household and the migration's frozen fill agree on
    PostgreSQL too (the fill's SQL is written for both databases)."""
    migration = importlib.import_module("db.migrations.versions.0020_overview_plans")
    with pg_server.running_server() as url:
        team = _team(url)
        try:
            build(team)
            kept = _kept(team)
            with team.store.sessions() as session, session.begin():
                session.execute(text("DELETE FROM overview_plans"))
                session.execute(text(migration.FILL_OVERVIEW))
            refilled = _kept(team)
            derived = _derived(team)
        finally:
            team.store.close()
    assert len(kept) == 6 and refilled == kept == derived
