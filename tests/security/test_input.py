"""Input that cannot break a dossier: limits, control characters and bidi overrides, Unicode
digits, date bounds with an expected child, spreadsheet formulas, terminal escape codes."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from db.models import Household, Member
from intake import plans
from intake.cli import main
from intake.core.clock import today
from intake.core.errors import ValidationError
from intake.core.session import unit_of_work
from intake.core.text import digits, formula_safe
from intake.documents import print_plan
from intake.plans import ActionInput, ResultInput, VersionDetailsInput, WhoKind
from intake.plans.inputs import NAME_MAX, TEXT_MAX
from intake.register.households import (
    HouseholdInput,
    MemberInput,
    MemberRole,
    NetworkInput,
    create_household,
)
from intake.register.members import FAMILY_MAX, GIVEN_MAX, PREFIX_MAX
from intake.register.search import search_households
from tests.conftest import PASSWORD, Team, jolanda_input
from tests.helpers.pdf_text import pdf_pages
from tests.helpers.plan_builders import register_jolanda_questions


def _one(name: str = "Verhoef", **member: object) -> HouseholdInput:
    data = jolanda_input()
    data.members = [MemberInput("Jolanda", name, MemberRole.ALLEENSTAAND, date(1998, 5, 17),
                                **member)]  # type: ignore[arg-type]
    return data


def test_control_characters_and_bidi_overrides_are_removed_from_names(team: Team) -> None:
    data = _one("Ver\u202ehoef\x1b[31m\x07")
    data.members[0].given_name = "Jo\u2066lan\tda\n"
    data.street = "Brink\x00straat"
    data.network = [NetworkInput("Ria\u202d", "buur\nvrouw")]
    with unit_of_work(team.store, team.consulent) as uow:
        view = create_household(uow, data)
    member = view.members[0]
    assert (member.given_name, member.family_name) == ("Jolan da", "Verhoef[31m")
    assert view.street == "Brinkstraat"
    assert (view.network[0].name, view.network[0].relation) == ("Ria", "buur vrouw")
    with unit_of_work(team.store, team.consulent) as uow:
        assert [hit.dossiernummer for hit in search_households(uow, "verhoef[31m")] \
            == [view.dossiernummer]


def test_names_longer_than_allowed_are_refused_with_a_dutch_message(team: Team) -> None:
    for data in (_one("x" * (FAMILY_MAX + 1)), _one("x" * 10_000)):
        with pytest.raises(ValidationError) as refused, \
                unit_of_work(team.store, team.consulent) as uow:
            create_household(uow, data)
        assert refused.value.fields["member1.name"] == (
            f"Gezinslid 1: de achternaam is te lang (ten hoogste {FAMILY_MAX} tekens).")


def test_every_stored_text_has_a_limit_even_without_a_form_check(team: Team) -> None:
    data = jolanda_input()
    data.street = "Brinkstraat " * 1000
    data.network = [NetworkInput("Ria", can_help_with="x" * 10_000)]
    with pytest.raises(ValidationError) as refused, \
            unit_of_work(team.store, team.consulent) as uow:
        create_household(uow, data)
    assert refused.value.fields["street"] == "Dit veld is te lang: ten hoogste 200 tekens."
    assert "can_help_with" in refused.value.fields
    with team.store.sessions() as session:
        assert session.scalar(select(Household.id)) is None


def test_bsn_and_numbers_in_other_digits_are_stored_and_found_as_ascii(team: Team) -> None:
    assert digits("１１１ ２２２ ３３３") == digits("١١١٢٢٢٣٣٣") == "111222333"
    data = _one(bsn="１１１２２２３３３")
    data.house_number = "１４"
    with unit_of_work(team.store, team.consulent) as uow:
        view = create_household(uow, data)
    assert (view.members[0].bsn, view.house_number) == ("111222333", 14)
    with unit_of_work(team.store, team.consulent) as uow:
        assert [h.dossiernummer for h in search_households(uow, "１１１２２２３３３")] \
            == [view.dossiernummer]
        assert [h.dossiernummer for h in search_households(uow, "٣٣٣ ٢٢٢ ١١١"[::-1])] \
            == [view.dossiernummer]


@pytest.mark.parametrize(("born", "message"), [
    (date(1899, 12, 31), "vóór 1900"),
    (today() + timedelta(days=1), "verwacht kind"),
])
def test_birth_dates_before_1900_or_ahead_are_refused(team: Team, born: date,
                                                      message: str) -> None:
    data = _one()
    data.members[0].date_of_birth = born
    with pytest.raises(ValidationError) as refused, \
            unit_of_work(team.store, team.consulent) as uow:
        create_household(uow, data)
    assert message in refused.value.fields["member1.date_of_birth"]


def test_an_expected_child_may_have_a_date_ahead_and_is_marked(team: Team) -> None:
    data = jolanda_input()
    due = today() + timedelta(days=120)
    data.members.append(MemberInput("Baby", "Verhoef", MemberRole.KIND, due, expected=True))
    with unit_of_work(team.store, team.consulent) as uow:
        view = create_household(uow, data)
    child = view.members[1]
    assert (child.expected, child.date_of_birth, child.age_on(today())) == (True, due, None)
    with team.store.sessions() as session:
        assert session.scalar(select(Member.expected).where(Member.id == child.id)) is True
    assert view.to_input().members[1].expected
    too_far = jolanda_input()
    too_far.members.append(MemberInput("Baby", "Verhoef", MemberRole.KIND,
                                       today() + timedelta(days=400), expected=True))
    with_bsn = jolanda_input()
    with_bsn.members.append(MemberInput("Baby", "Verhoef", MemberRole.KIND, due,
                                        bsn="123456782", expected=True))
    for data, field in ((too_far, "member2.date_of_birth"), (with_bsn, "member2.bsn")):
        with pytest.raises(ValidationError) as refused, \
                unit_of_work(team.store, team.consulent) as uow:
            create_household(uow, data, confirm_duplicate=True)
        assert field in refused.value.fields


def test_a_plan_with_every_field_at_its_maximum_still_prints(team: Team) -> None:
    data = HouseholdInput(
        street="S" * 200, house_number="99999", house_number_suffix="X" * 10,
        postcode="7551 CK", city="C" * 100, phone="0" * 40, email="e" * 189 + "@hengelo.nl",
        members=[MemberInput("G" * GIVEN_MAX, "F" * FAMILY_MAX, MemberRole.OUDER,
                             date(1980, 1, 1), prefix="v" * PREFIX_MAX)
                 for _ in range(3)],
        network=[NetworkInput("N" * 200, "R" * 100, "0" * 40, "H" * 500)])
    with unit_of_work(team.store, team.consulent) as uow:
        household = create_household(uow, data)
        register_jolanda_questions(uow, household.id)
        keys = [c.key for c in plans.plan_candidates(uow, household.id)]
        view = plans.start_plan(uow, household.id, keys)
        for result in view.results:
            view = plans.update_result(uow, result.id, result.version, ResultInput(
                domain_code=result.domain_code, text="W" * TEXT_MAX, law_code=result.law_code))
        for result in view.results:
            view = plans.add_action(uow, result.id, result.version, ActionInput(
                what="A" * TEXT_MAX, who_kind=WhoKind.PROFESSIONAL, who_name="P" * NAME_MAX,
                support_level="algemene_voorziening"))
        view = plans.update_details(uow, view.id, view.version, VersionDetailsInput(
            aanspreekpunt="Z" * NAME_MAX, aanspreekpunt_contact="K" * NAME_MAX,
            strengths="sterk " * (4 * TEXT_MAX // 6), worries="Q" * 4 * TEXT_MAX,
            earlier_help="E" * 4 * TEXT_MAX))
    for resident in (False, True):
        with unit_of_work(team.store, team.consulent) as uow:
            pdf = print_plan(uow, household.id, resident=resident)
        pages = pdf_pages(pdf)
        joined = "".join("".join(page.split()) for page in pages)
        assert "F" * FAMILY_MAX in joined  # the whole name, wrapped
        # every result and action whole (split over pages, so counted, not searched)
        assert joined.count("W") >= len(view.results) * TEXT_MAX
        assert joined.count("A") >= len(view.results) * TEXT_MAX
        assert len(pages) >= 2


def test_a_spreadsheet_cell_is_never_a_formula(team: Team) -> None:
    assert [formula_safe(v) for v in ("=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "-", "-5",
                                      "Wijkteam")] \
        == ["'=1+1", "'+31 6 1234", "'-2+3", "'@SUM(A1)", "-", "-5", "Wijkteam"]
    from intake.catalogues.admin import list_entries, relabel
    from intake.catalogues.stored import CatalogueKind
    from intake.reports.export_tables import figures_csv, figures_xlsx
    from intake.reports.figures import build_figures
    from intake.reports.help_question_export import export_csv_text
    from intake.reports.period import Period

    with unit_of_work(team.store, team.beheerder) as uow:
        entry = next(e for e in list_entries(uow, CatalogueKind.VINDPLAATS)
                     if e.code == "werkplein")
        relabel(uow, CatalogueKind.VINDPLAATS, "werkplein", "=HYPERLINK(\"http://x\")",
                entry.version)
    with unit_of_work(team.store, team.consulent) as uow:
        household = create_household(uow, jolanda_input())
        register_jolanda_questions(uow, household.id)
    start, end = today() - timedelta(days=1), today() + timedelta(days=1)
    with unit_of_work(team.store, team.teamleider) as uow:
        exported = export_csv_text(uow, start, end)
        figures = build_figures(uow.session, Period(start, end), today())
    cells = [cell for row in csv.reader(io.StringIO(exported)) for cell in row]
    cells += [cell for row in csv.reader(io.StringIO(figures_csv(figures).decode("utf-8-sig")),
                                         delimiter=";") for cell in row]
    assert "'=HYPERLINK(\"http://x\")" in cells
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "@"}]
    book = load_workbook(io.BytesIO(figures_xlsx(figures)))
    values = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row]
    assert "'=HYPERLINK(\"http://x\")" in values
    assert not [v for v in values if isinstance(v, str) and v[:1] in {"=", "+", "@"}]


def test_users_list_writes_no_escape_codes(team: Team, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    with team.store.engine.begin() as conn:  # as an older version or a team server might hold
        conn.execute(text("UPDATE users SET display_name = :n WHERE username = 'consulent'"),
                     {"n": "Carla \x1b[2J\x1b]0;pwned\x07\u202eConsulent"})
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    assert main(["--db", str(team.location.path), "--user", "beheerder", "users", "list"]) == 0
    out = capsys.readouterr().out
    assert "consulent" in out and "Carla ?[2J?]0;pwned??Consulent" in out
    assert not [ch for ch in out if ch != "\n" and (ord(ch) < 32 or ch == "\u202e")]
