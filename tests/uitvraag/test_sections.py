"""The brede uitvraag as one page per section, without a window: which pages there are for
the answers so far (show_if, per child), what is done, and where the next open answer is."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from intake.core.session import unit_of_work
from intake.questionnaire.engine import Child, Step, visible_steps
from intake.questionnaire.loading import load_definition
from intake.register.households import HouseholdView, create_household
from intake.uitvraag.flow import set_position, steps
from intake.uitvraag.sections import Completion, completion, next_open, section_pages
from tests.conftest import Team
from tests.uitvraag.test_intakes import answer, family_input, start

NOAH, LINA = uuid.UUID(int=1), uuid.UUID(int=2)


@pytest.fixture
def family(team: Team) -> HouseholdView:
    with unit_of_work(team.store, team.consulent) as uow:
        return create_household(uow, family_input())


def _steps(answers: dict[tuple[str, str], Any] | None = None,
           children: list[Child] | None = None) -> list[Step]:
    definition = load_definition("brede_uitvraag")
    return visible_steps(definition, answers or {}, children or [])


def test_one_page_per_section_with_a_domain_in_the_order_of_the_conversation() -> None:
    pages = section_pages(_steps())
    assert [p.ref[0] for p in pages] == [
        "registratie", "vraag", "financien", "werk_opleiding", "tijdsbesteding", "huisvesting",
        "huiselijke_relaties", "geestelijke_gezondheid", "lichamelijke_gezondheid",
        "middelengebruik", "basale_adl", "instrumentele_adl", "sociaal_netwerk",
        "maatschappelijke_participatie", "justitie", "mantelzorg", "taal", "veiligheid",
        "conclusie"]
    finances = pages[2]
    assert finances.title == "Financiën" and finances.domain is not None
    roles = {s.question.role for s in finances.steps}
    assert {"score", "goes_well", "worries", "self", "network", "help_present"} <= roles
    assert finances.steps[0].question.required and finances.steps[0].key == "fi_score"


def test_per_child_sections_are_a_page_per_child() -> None:
    children = [Child(NOAH, "Noah Bakker"), Child(LINA, "Lina Bakker", lives_elsewhere=True)]
    pages = section_pages(_steps(children=children))
    per_child = [(p.ref, p.title) for p in pages if p.ref[1]]
    assert per_child == [
        (("opvoeden_opgroeien", NOAH.hex), "Opvoeden en opgroeien: Noah Bakker"),
        (("opvoeden_opgroeien", LINA.hex), "Opvoeden en opgroeien: Lina Bakker"),
        (("onderwijs", NOAH.hex), "Onderwijs: Noah Bakker")]  # Lina is placed elsewhere
    lina = next(p for p in pages if p.ref == ("opvoeden_opgroeien", LINA.hex))
    assert "oo_contact" in [s.key for s in lina.steps]


def test_show_if_adds_and_removes_questions_and_whole_pages() -> None:
    plain = section_pages(_steps())
    helped = section_pages(_steps({("vr_direct_geholpen", ""): "ja"}))
    assert [p.ref[0] for p in helped] == ["registratie", "vraag", "veiligheid", "conclusie"]
    assert "vr_doorgaan" in [s.key for s in helped[1].steps]
    going_on = section_pages(_steps({("vr_direct_geholpen", ""): "ja",
                                     ("vr_doorgaan", ""): "ja"}))
    assert len(going_on) == len(plain)
    registration = section_pages(_steps({("reg_melder", ""): "professional"}))[0]
    assert [s.key for s in registration.steps][4] == "reg_melder_wie"


def test_completion_counts_required_answers_and_sections_done() -> None:
    empty = completion(section_pages(_steps()))
    assert empty.required_done == 0 and empty.sections_done == 0
    assert empty.sections_total == 19
    total = empty.required_open
    answers: dict[tuple[str, str], Any] = {("fi_score", ""): 3, ("wo_score", ""): 4,
                                           ("fi_zorgen", ""): "Schulden"}
    some = completion(section_pages(_steps(answers)))
    assert (some.required_done, some.required_open) == (2, total - 2)
    assert some.sections_done == 2
    assert some.text == (f"2 van {total} verplichte antwoorden gegeven ({total - 2} open) · "
                         "2 van 19 onderdelen klaar")
    assert Completion(1, 0, 1, 1).text == \
        "1 van 1 verplicht antwoord gegeven (0 open) · 1 van 1 onderdeel klaar"
    only_optional = completion(section_pages(_steps({("fi_zorgen", ""): "Schulden"})))
    assert only_optional.sections_done == 0, "a section is done when its required answers are"


def test_a_page_starts_at_its_first_open_required_answer() -> None:
    answers = {("reg_datum", ""): "2026-12-01", ("reg_kanaal", ""): "telefoon",
               ("reg_vindplaats", ""): "zorgloket"}
    registration = section_pages(_steps(answers))[0]
    assert registration.first_open.key == "reg_melder"
    finances = section_pages(_steps({("fi_score", ""): 4}))[2]
    assert finances.first_open.key == "fi_onderwerpen", "then the first question not answered"


def test_next_open_goes_on_after_the_cursor_and_wraps_round() -> None:
    answers: dict[tuple[str, str], Any] = {("vr_eigen_woorden", ""): "Werk"}
    visible = _steps(answers)
    assert next_open(visible, None) is not None
    assert next_open(visible, None).key == "reg_datum"  # type: ignore[union-attr]
    after = next_open(visible, ("vr_eigen_woorden", ""))
    assert after is not None and after.key == "vr_hoofdprobleem"
    assert next_open(visible, ("fi_zorgen", "")).key == "wo_score"  # type: ignore[union-attr]
    last = next_open(visible, ("cl_huisbezoek", ""))
    assert last is not None and last.key == "reg_datum", "round to the first still open"
    done = [s for s in visible if not s.question.required]
    assert next_open(done, None) is None


def test_the_store_gives_pages_completion_and_the_field_to_resume_at(
        team: Team, family: HouseholdView) -> None:
    intake_id = start(team, family)
    with unit_of_work(team.store, team.consulent) as uow:
        first = steps(uow, intake_id)
    assert first.completion.required_done == 3  # date, channel and vindplaats at start
    assert ("onderwijs", family.members[1].id.hex) in [p.ref for p in first.pages]
    answer(team, intake_id, "fi_score", 2)
    answer(team, intake_id, "fi_zorgen", "Huurachterstand")
    with unit_of_work(team.store, team.consulent) as uow:
        set_position(uow, intake_id, "fi_zelf")  # the cursor went on, nothing typed
    with unit_of_work(team.store, team.consulent) as uow:
        view = steps(uow, intake_id)
    assert view.completion.required_done == 4
    assert view.current is not None and view.current.ref == ("fi_zelf", "")
    finances = next(p for p in view.pages if p.ref == ("financien", ""))
    assert finances.done and finances.holds(("fi_zelf", ""))
