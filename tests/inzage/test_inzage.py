"""The resident's right of access: the PDF and the JSON hold her data, the purposes, who looked
and who it was shared with, the retention and her rights; not her son's answers, not the
notes of a safety signal."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from reportlab import rl_config
from sqlalchemy import update

from db.models import Intake
from intake.cli import main
from intake.core.errors import PermissionDenied, ValidationError
from intake.core.session import unit_of_work
from intake.documents import print_plan
from intake.inzage import make_inzage
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    create_household,
)
from intake.uitvraag.signals import handle_signal_step, list_signals
from tests.conftest import PASSWORD, Team
from tests.helpers.access import add_colleague, open_with_reason
from tests.helpers.dossiers import SAMIRA_ANSWER, closed_family
from tests.helpers.pdf_text import pdf_pages

NOAH_ANSWER = "Noah slaapt slecht sinds de scheiding"
MELDCODE_NOTE = "Besproken met Veilig Thuis over de ruzies"


@pytest.fixture(autouse=True)
def _reproducible_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)


@pytest.fixture
def family(team: Team) -> HouseholdView:
    """The Bakker family with a safety signal handled by the Meldcode, a printed plan and a
    teamleider who looked."""
    family = closed_family(team, {"vh_onveilig": "ja", "oo_zorgen": NOAH_ANSWER})
    with unit_of_work(team.store, team.consulent) as uow:
        (signal,) = [s for s in list_signals(uow, family.id) if s.kind == "veiligheid"]
        handle_signal_step(uow, signal.id, 1, MELDCODE_NOTE, signal.version)
        print_plan(uow, family.id, None, resident=True)
    return family


def _json(raw: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(raw)
    return data


def test_the_answer_holds_what_article_15_asks(team: Team, family: HouseholdView) -> None:
    add_colleague(team, family.id, team.regisseur)
    with unit_of_work(team.store, team.regisseur) as uow:
        files = make_inzage(uow, family.id, member_name="samira bakker")
    text = " ".join(pdf_pages(files.pdf))
    data = _json(files.json)
    parts = data["onderdelen"]
    for needle in ("Samira Bakker", "123456782", "Deldenerstraat 8", SAMIRA_ANSWER,
                   "Schulden en geldzaken", "Samira is tevreden", "Autoriteit Persoonsgegevens",
                   "artikel 6 lid 1 onder e AVG", "bewaard tot 27-11-2046", "Jeugdwet art. 7.3.8",
                   "Carla Consulent", "Afgedrukt (plan", "artikel 41 lid 1 onder i"):
        assert needle in text, needle
        assert needle in files.json.decode(), needle
    assert {"gegevens", "doelen", "hulpvragen", "uitvraag", "plannen", "toestemmingen",
            "inzage_log", "gedeeld", "bewaartermijn", "herkomst", "rechten",
            "achtergehouden"} <= set(parts)
    shared = parts["gedeeld"]["tabellen"][0]["rijen"]
    assert any(row["Door of aan"] == "Carla Consulent" and "Afgedrukt" in row["Wat"]
               for row in shared)
    for secret in (NOAH_ANSWER, MELDCODE_NOTE, "01-06-2015"):
        assert secret not in text and secret not in files.json.decode(), secret
    assert files.needs_review and data["beoordeling_nodig"] is True
    assert data["achtergehouden"] == files.withheld == 2  # the answer and the Meldcode steps


def test_a_child_gets_their_own_answers_not_the_households(team: Team,
                                                           family: HouseholdView) -> None:
    open_with_reason(team, team.teamleider, family.id)
    with unit_of_work(team.store, team.teamleider) as uow:
        files = make_inzage(uow, family.id, born="01-06-2015")
    text = " ".join(pdf_pages(files.pdf))
    assert "Noah Bakker" in text and NOAH_ANSWER in text
    assert SAMIRA_ANSWER not in text and "123456782" not in text


def test_an_ambiguous_member_is_refused_with_the_matches(team: Team) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        twins = create_household(uow, HouseholdInput(
            street="Lansinkweg", house_number="2", postcode="7553 AL", city="Hengelo",
            members=[MemberInput("Ayla", "Demir", MemberRole.KIND, date(2014, 3, 3)),
                     MemberInput("Deniz", "Demir", MemberRole.KIND, date(2014, 3, 3))]))
        with pytest.raises(ValidationError) as caught:
            make_inzage(uow, twins.id, born="03-03-2014")
    message = caught.value.fields["member"]
    assert "Ayla Demir (03-03-2014)" in message and "Deniz Demir (03-03-2014)" in message


def test_only_who_may_open_the_household(team: Team, family: HouseholdView) -> None:
    for actor in (team.beheerder, team.vindplaats):
        with pytest.raises(PermissionDenied), unit_of_work(team.store, actor) as uow:
            make_inzage(uow, family.id, member_name="Samira Bakker")


def test_inzage_on_the_command_line(team: Team, family: HouseholdView, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    db = str(team.location.path)
    team.store.close()
    pdf, raw = tmp_path / "inzage.pdf", tmp_path / "inzage.json"
    assert main(["inzage", family.dossiernummer, "--member", "Samira Bakker", "--out", str(pdf),
                 "--json", str(raw), "--db", db, "--user", "consulent"]) == 0
    assert "Samira Bakker" in " ".join(pdf_pages(pdf.read_bytes()))
    assert _json(raw.read_bytes())["gezinslid"] == "Samira Bakker"
    assert "2 onderdelen achtergehouden" in capsys.readouterr().err
    assert main(["inzage", family.dossiernummer, "--member", "Niemand", "--out", str(pdf),
                 "--db", db, "--user", "consulent"]) == 2


def test_dates_in_the_answer_are_dutch_days(team: Team, family: HouseholdView) -> None:
    """An intake started at 23:30 UTC began the next day in the Netherlands: the resident
    reads that day, not the day the store's clock was on."""
    late = datetime(2026, 1, 14, 23, 30)
    with team.store.sessions() as session, session.begin():
        session.execute(update(Intake).where(Intake.household_id == family.id)
                        .values(started_at=late))
    add_colleague(team, family.id, team.regisseur)
    with unit_of_work(team.store, team.regisseur) as uow:
        files = make_inzage(uow, family.id, member_name="samira bakker")
    text = " ".join(pdf_pages(files.pdf))
    assert "Brede uitvraag van 15-01-2026" in text
    assert "14-01-2026" not in text
