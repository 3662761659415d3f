"""Need-to-know access, per role: a consulent or regisseur finds anyone, but a household
outside their own work shows only names, year of birth and street, and opens only with a
reason; the team lead reviews those openings; the beheerder sees the team lead's own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEntry, NeedToKnowOpening
from intake import plans
from intake.core.access import ReasonRequired, needs_reason
from intake.core.errors import NotFoundError, PermissionDenied, ValidationError
from intake.core.session import unit_of_work
from intake.documents import print_plan
from intake.plans import VersionDetailsInput
from intake.register import OpeningReason, open_household, search_households
from intake.register.households import HouseholdView, grant_access
from intake.sharing import ReviewStatus, review_list, review_opening, team_lead_openings
from tests.conftest import Team

REASON = OpeningReason("vervanging", "Carla is ziek; ik bel de inwoner over de afspraak.")
T0 = datetime(2026, 12, 1, 9, 0)


def _at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def _audit(team: Team, action: str) -> list[AuditEntry]:
    with team.store.sessions() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)
                                    .order_by(AuditEntry.seq)))


def test_a_hit_outside_ones_own_work_shows_names_year_and_street_only(
        team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:  # registered it: her own work
        (own,) = search_households(uow, "verhoef")
    assert not own.limited and own.address.startswith("Brinkstraat 14")
    assert own.dossiernummer == jolanda.dossiernummer
    with unit_of_work(team.store, team.regisseur) as uow:
        (hit,) = search_households(uow, "verhoef")
    assert hit.limited
    assert (hit.names, hit.address, hit.dossiernummer, hit.members) == \
        ("Jolanda Verhoef (1998)", "Brinkstraat", "", 0)
    with unit_of_work(team.store, team.vindplaats) as uow:  # as before: only her own
        assert search_households(uow, "verhoef") == []


def test_opening_outside_the_caseload_is_refused_until_a_reason_is_given(
        team: Team, jolanda: HouseholdView) -> None:
    with pytest.raises(ReasonRequired), unit_of_work(team.store, team.regisseur) as uow:
        open_household(uow, jolanda.id)
    refused = _audit(team, "inzien")[-1]
    assert refused.result == "geweigerd" and refused.household_id == jolanda.id
    with pytest.raises(ReasonRequired), unit_of_work(team.store, team.regisseur) as uow:
        print_plan(uow, jolanda.id)  # every read of the file, not only the screen
    for bad in (OpeningReason("vervanging", "even"), OpeningReason("nieuwsgierig", REASON.text)):
        with pytest.raises(ValidationError), unit_of_work(team.store, team.regisseur) as uow:
            open_household(uow, jolanda.id, bad)
    with unit_of_work(team.store, team.regisseur, _at(T0)) as uow:
        assert open_household(uow, jolanda.id, REASON).id == jolanda.id
    opened = _audit(team, "inzien")[-1]
    assert opened.result == "ok" and opened.detail == "buiten eigen dossiers, reden vervanging"
    assert "Carla" not in opened.detail and "afspraak" not in opened.detail
    with unit_of_work(team.store, team.regisseur, _at(T0 + timedelta(hours=2))) as uow:
        open_household(uow, jolanda.id)  # the same working day: no second reason
        (hit,) = search_households(uow, "verhoef")
        assert not hit.limited
    with unit_of_work(team.store, team.regisseur, _at(T0 + timedelta(days=1))) as uow:
        assert needs_reason(uow, jolanda.id)
    with unit_of_work(team.store, team.teamleider) as uow:
        (row,) = review_list(uow)
    assert (row.opened_by, row.reason_code, row.reason_text, row.dossiernummer) == \
        ("Ruud Regisseur", "vervanging", REASON.text, jolanda.dossiernummer)
    assert row.status is ReviewStatus.OPEN


def test_ones_own_work_opens_without_a_reason(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.regisseur) as uow:
        assert needs_reason(uow, jolanda.id)
    with unit_of_work(team.store, team.consulent) as uow:  # made regisseur on the plan
        view = plans.start_plan(uow, jolanda.id)
        plans.update_details(uow, view.id, view.version,
                             VersionDetailsInput(regisseur_id=team.regisseur.id))
    with unit_of_work(team.store, team.regisseur) as uow:
        assert not needs_reason(uow, jolanda.id)
        open_household(uow, jolanda.id)
    with unit_of_work(team.store, team.teamleider) as uow:
        assert review_list(uow) == []


def test_added_to_the_household_is_own_work(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        grant_access(uow, jolanda.id, "regisseur")
    with unit_of_work(team.store, team.regisseur) as uow:
        assert not needs_reason(uow, jolanda.id)


def test_the_team_lead_reviews_and_asks(team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.regisseur) as uow:
        open_household(uow, jolanda.id, REASON)
    with unit_of_work(team.store, team.teamleider) as uow:
        (row,) = review_list(uow)
        with pytest.raises(ValidationError):
            review_opening(uow, row.id, ReviewStatus.VRAAG)  # a question needs its text
        review_opening(uow, row.id, ReviewStatus.VRAAG, "Was de afspraak niet al verzet?")
    with unit_of_work(team.store, team.teamleider) as uow:
        assert review_list(uow) == []
        (asked,) = review_list(uow, ReviewStatus.VRAAG)
        assert asked.review_note == "Was de afspraak niet al verzet?"
        assert asked.reviewed_by == "Tom Teamleider"
        review_opening(uow, row.id, ReviewStatus.GEZIEN)
        (done,) = review_list(uow, None)
        assert done.status is ReviewStatus.GEZIEN
    assert _audit(team, "nakijken")[-1].detail == "gezien"
    for actor in (team.consulent, team.regisseur, team.beheerder, team.vindplaats):
        with pytest.raises(PermissionDenied), unit_of_work(team.store, actor) as uow:
            review_list(uow)


def test_the_team_leads_own_openings_are_on_the_beheerders_list(
        team: Team, jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.teamleider) as uow:
        assert needs_reason(uow, jolanda.id)  # no caseload: every file needs a reason
    with pytest.raises(ReasonRequired), unit_of_work(team.store, team.teamleider) as uow:
        open_household(uow, jolanda.id)
    reason = OpeningReason("kwaliteit", "Klacht over de afhandeling, dossier nakijken.")
    with unit_of_work(team.store, team.teamleider) as uow:
        open_household(uow, jolanda.id, reason)
    with team.store.sessions() as session:
        opening_id = session.scalars(select(NeedToKnowOpening.id)).one()
    with unit_of_work(team.store, team.teamleider) as uow:
        assert review_list(uow, None) == []  # not on the list a team lead reviews
    with pytest.raises(NotFoundError), unit_of_work(team.store, team.teamleider) as uow:
        review_opening(uow, opening_id, ReviewStatus.GEZIEN)
    with unit_of_work(team.store, team.beheerder) as uow:
        (row,) = team_lead_openings(uow)
    assert (row.opened_by, row.role, row.reason_code, row.reason_text) == \
        ("Tom Teamleider", "Teamleider", "kwaliteit", reason.text)
    assert row.dossiernummer == ""  # who, when and why; nothing of the file
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.beheerder) as uow:
        open_household(uow, jolanda.id, reason)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.teamleider) as uow:
        team_lead_openings(uow)
