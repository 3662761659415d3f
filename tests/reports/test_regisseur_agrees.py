"""The regisseur the caseload and the team overview list is the one the plan and its print
name: that of the version in force (else the newest), never a stand-in."""

from __future__ import annotations

from datetime import date

from intake import plans
from intake.core.session import unit_of_work
from intake.documents import print_plan
from intake.plans import AgreedHow, VersionDetailsInput
from intake.register.households import HouseholdView
from intake.reports.overview import NO_WORKER, PlanRow, team_overview
from tests.conftest import Team
from tests.helpers.pdf_text import pdf_pages
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions


def _draft(team: Team, jolanda: HouseholdView) -> plans.PlanVersionView:
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, jolanda.id)
        keys = [c.key for c in plans.plan_candidates(uow, jolanda.id)]
        return fill_jolanda_plan(uow, plans.start_plan(uow, jolanda.id, keys))


def _listed(team: Team) -> tuple[PlanRow, PlanRow]:
    """The plan's row in the team overview and in the consulent's own caseload."""
    with unit_of_work(team.store, team.teamleider) as uow:
        [team_row] = team_overview(uow).plans
    with unit_of_work(team.store, team.consulent) as uow:
        [own_row] = team_overview(uow).plans
    return team_row, own_row


def _shown(team: Team, row: PlanRow) -> tuple[str, str]:
    """What the summary the overview opens names, and its print (professional version)."""
    number = row.active_number or row.version_number
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.open_plan_version(uow, row.plan_id, number)
        text = " ".join(pdf_pages(print_plan(uow, row.household_id, number)))
    return view.regisseur_name, text


def test_no_regisseur_is_listed_as_none(team: Team, jolanda: HouseholdView) -> None:
    _draft(team, jolanda)  # drafted by the consulent, no regisseur chosen
    for row in _listed(team):
        assert row.regisseur_name == NO_WORKER and row.regisseur_id is None  # not the drafter
        assert row.responsible_name == "Carla Consulent"  # whose workload it counts in
    name, text = _shown(team, _listed(team)[0])
    assert name == "" and "Regisseur niet aangewezen" in text and "Carla Consulent" not in \
        text.split("Regisseur en contacten")[1].split("Evaluatie")[0]


def test_the_version_in_force_names_the_regisseur(team: Team, jolanda: HouseholdView) -> None:
    draft = _draft(team, jolanda)
    with unit_of_work(team.store, team.consulent) as uow:
        draft = plans.update_details(uow, draft.id, draft.version, VersionDetailsInput(
            regisseur_id=team.regisseur.id))
        agreed = plans.agree(uow, draft.id, draft.version, date(2026, 11, 2), AgreedHow.GETEKEND)
        newer = plans.start_new_version(uow, agreed.plan_id)
        plans.update_details(uow, newer.id, newer.version, VersionDetailsInput(
            regisseur_id=team.consulent.id))  # proposed in the new draft, not agreed yet
    for row in _listed(team):
        assert (row.active_number, row.regisseur_name) == (1, "Ruud Regisseur")
    name, text = _shown(team, _listed(team)[0])
    assert name == "Ruud Regisseur" and "Ruud Regisseur" in text


def test_a_new_draft_does_not_name_the_plan_in_force(team: Team, jolanda: HouseholdView) -> None:
    draft = _draft(team, jolanda)
    with unit_of_work(team.store, team.consulent) as uow:
        agreed = plans.agree(uow, draft.id, draft.version, date(2026, 11, 2), AgreedHow.GETEKEND)
        newer = plans.start_new_version(uow, agreed.plan_id)
        plans.update_details(uow, newer.id, newer.version, VersionDetailsInput(
            regisseur_id=team.regisseur.id))
    for row in _listed(team):
        assert row.regisseur_name == NO_WORKER
    name, text = _shown(team, _listed(team)[0])
    assert name == "" and "Ruud Regisseur" not in text
