"""Consent and legal basis for sharing: a print for an organisation is refused without one,
allowed with it and shows it; withdrawn and expired consent no longer count; reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from intake import plans
from intake.core.errors import PermissionDenied, ValidationError
from intake.core.session import unit_of_work
from intake.documents import print_plan
from intake.register.households import HouseholdView
from intake.sharing import (
    BasisInput,
    NoSharingBasis,
    expiring_consents,
    household_bases,
    organisations,
    record_basis,
    withdraw_consent,
)
from tests.conftest import Team
from tests.helpers.pdf_text import pdf_pages

TODAY = date(2026, 12, 1)
CONSENT = BasisInput("ggd-twente", "toestemming", "Afstemmen van de jeugdgezondheidszorg",
                     ["plan", "hulpvragen"], "getekend", TODAY, TODAY + timedelta(days=365))


def _at(day: date) -> Callable[[], datetime]:
    return lambda: datetime.combine(day, datetime.min.time()).replace(hour=10)


def _plan(team: Team, household: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent, _at(TODAY)) as uow:
        plans.start_plan(uow, household.id)


def _print(team: Team, household: HouseholdView, organisation: str, day: date = TODAY) -> str:
    with unit_of_work(team.store, team.consulent, _at(day)) as uow:
        return " ".join(pdf_pages(print_plan(uow, household.id, for_organisation=organisation)))


def test_the_organisations_are_those_of_the_sociale_kaart(team: Team) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        known = organisations(uow)
    assert known["ggd-twente"] == "GGD Twente"
    assert known["stadsbank-oost-nederland"] == "Stadsbank Oost Nederland"


def test_a_print_for_an_organisation_needs_a_basis_and_shows_it(
        team: Team, jolanda: HouseholdView) -> None:
    _plan(team, jolanda)
    with pytest.raises(NoSharingBasis, match="niet met GGD Twente gedeeld"):
        _print(team, jolanda, "ggd-twente")
    with team.store.sessions() as session:
        refused = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert refused is not None and refused.result == "geweigerd"
    assert refused.detail == "voor ggd-twente: geen grondslag"
    with unit_of_work(team.store, team.consulent, _at(TODAY)) as uow:
        record_basis(uow, jolanda.id, CONSENT)
    text = _print(team, jolanda, "ggd-twente")
    assert "Gedeeld met GGD Twente. Grondslag: Toestemming van de inwoner, getekend, geldig " \
           "van 01-12-2026 t/m 01-12-2027. Doel: Afstemmen van de jeugdgezondheidszorg" in text
    assert "Gedeeld met GGD Twente (toestemming)" in text  # on every page
    with pytest.raises(NoSharingBasis):  # consent with the GGD is not consent with LOES
        _print(team, jolanda, "loes")
    with pytest.raises(NoSharingBasis, match="geen organisatie"):
        _print(team, jolanda, "onbekend")


def test_a_legal_ground_without_consent(team: Team, jolanda: HouseholdView) -> None:
    _plan(team, jolanda)
    with unit_of_work(team.store, team.consulent, _at(TODAY)) as uow:
        record_basis(uow, jolanda.id, BasisInput(
            "jeugdbescherming-overijssel", "meldcode", "Stap 3 van de meldcode: overleg",
            ["plan"], valid_from=TODAY))
    text = _print(team, jolanda, "jeugdbescherming-overijssel")
    assert "Grondslag: Meldcode huiselijk geweld en kindermishandeling, geldig van " \
           "01-12-2026. Doel: Stap 3 van de meldcode: overleg" in text
    with unit_of_work(team.store, team.consulent) as uow:
        (basis,) = household_bases(uow, jolanda.id)
        with pytest.raises(ValidationError, match="Alleen toestemming"):
            withdraw_consent(uow, basis.id)


def test_withdrawn_consent_no_longer_allows_a_print(team: Team, jolanda: HouseholdView) -> None:
    _plan(team, jolanda)
    with unit_of_work(team.store, team.consulent, _at(TODAY)) as uow:
        basis = record_basis(uow, jolanda.id, CONSENT)
    _print(team, jolanda, "ggd-twente")
    later = TODAY + timedelta(days=10)
    with unit_of_work(team.store, team.consulent, _at(later)) as uow:
        withdrawn = withdraw_consent(uow, basis.id)
    assert withdrawn.withdrawn_on == later and withdrawn.status(later) == "ingetrokken"
    with pytest.raises(NoSharingBasis):
        _print(team, jolanda, "ggd-twente", later)
    with pytest.raises(ValidationError, match="al ingetrokken"), \
            unit_of_work(team.store, team.consulent, _at(later)) as uow:
        withdraw_consent(uow, basis.id)
    with team.store.sessions() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "delen-intrekken")).one()
    assert entry.household_id == jolanda.id and entry.detail == "ggd-twente"
    with pytest.raises(PermissionDenied), \
            unit_of_work(team.store, team.teamleider, _at(later)) as uow:
        withdraw_consent(uow, basis.id)  # a team lead reads, does not change


def test_expired_consent_and_the_reminder_before(team: Team, jolanda: HouseholdView) -> None:
    _plan(team, jolanda)
    short = BasisInput("ggd-twente", "toestemming", "Overleg", ["plan"], "mondeling", TODAY,
                       TODAY + timedelta(days=40))
    with unit_of_work(team.store, team.consulent, _at(TODAY)) as uow:
        record_basis(uow, jolanda.id, short)
        assert expiring_consents(uow) == []  # 40 days left: not yet
    soon = TODAY + timedelta(days=25)
    with unit_of_work(team.store, team.consulent, _at(soon)) as uow:
        (reminder,) = expiring_consents(uow)
    assert (reminder.dossiernummer, reminder.organisation, reminder.days_left) == \
        (jolanda.dossiernummer, "GGD Twente", 15)
    with unit_of_work(team.store, team.regisseur, _at(soon)) as uow:
        assert expiring_consents(uow) == []  # not her household
    with unit_of_work(team.store, team.teamleider, _at(soon)) as uow:
        assert len(expiring_consents(uow)) == 1  # the whole team
    _print(team, jolanda, "ggd-twente", TODAY + timedelta(days=40))  # the last day
    with pytest.raises(NoSharingBasis):
        _print(team, jolanda, "ggd-twente", TODAY + timedelta(days=41))
    with unit_of_work(team.store, team.consulent, _at(TODAY + timedelta(days=41))) as uow:
        (basis,) = household_bases(uow, jolanda.id)
        assert basis.status(uow.now.date()) == "verlopen"
        assert expiring_consents(uow) == []


@pytest.mark.parametrize(("change", "field"), [
    ({"organisation_code": "nergens"}, "organisation_code"),
    ({"ground": "omdat het kan"}, "ground"),
    ({"purpose": "  "}, "purpose"),
    ({"parts": []}, "parts"),
    ({"parts": ["dossier"]}, "parts"),
    ({"given_how": ""}, "given_how"),
    ({"valid_until": None}, "valid_until"),
    ({"valid_until": TODAY - timedelta(days=1)}, "valid_until"),
])
def test_what_a_basis_must_say(team: Team, jolanda: HouseholdView, change: dict[str, object],
                               field: str) -> None:
    data = BasisInput(**{**CONSENT.__dict__, **change})  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as raised, \
            unit_of_work(team.store, team.consulent, _at(TODAY)) as uow:
        record_basis(uow, jolanda.id, data)
    assert field in raised.value.fields
