"""The brede uitvraag against a real store: start, answer, resume, signals, finish."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from intake.core.errors import KnownError, PermissionDenied, StaleEditError, ValidationError
from intake.core.session import unit_of_work
from intake.help_questions.registration import (
    HelpQuestionInput,
    list_help_questions,
    register_help_question,
)
from intake.questionnaire.definition import AnswerType
from intake.questionnaire.engine import Step
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    create_household,
)
from intake.uitvraag.flow import (
    attach_help_question,
    finish_intake,
    list_intakes,
    open_intake,
    save_answer,
    set_position,
    start_intake,
    steps,
    summary,
)
from intake.uitvraag.handover import latest_intake_summary
from intake.uitvraag.signals import handle_signal_step, list_signals
from tests.conftest import Team


def family_input() -> HouseholdInput:
    return HouseholdInput(
        street="Deldenerstraat", house_number="8", postcode="7551 AC", city="Hengelo",
        members=[
            MemberInput("Samira", "Bakker", MemberRole.OUDER, date(1990, 2, 3)),
            MemberInput("Noah", "Bakker", MemberRole.KIND, date(2015, 6, 1)),
            MemberInput("Lina", "Bakker", MemberRole.KIND, date(2019, 9, 12)),
        ])


@pytest.fixture
def family(team: Team) -> HouseholdView:
    with unit_of_work(team.store, team.consulent) as uow:
        return create_household(uow, family_input())


def start(team: Team, household: HouseholdView) -> uuid.UUID:
    with unit_of_work(team.store, team.consulent) as uow:
        return start_intake(uow, household.id, "telefoon", "zorgloket").id


def plain_answer(step: Step) -> Any:
    """A harmless valid answer for any question."""
    kind = step.question.type
    if step.key == "cl_vervolg":
        return "plan"
    if kind is AnswerType.SCORE:
        return 4
    if kind is AnswerType.YES_NO:
        return "nee"
    if kind in (AnswerType.CHOICE, AnswerType.MEMBER):
        return step.choices[0].value
    if kind is AnswerType.MULTI_CHOICE:
        return [step.choices[0].value]
    if kind is AnswerType.DATE:
        return "01-12-2026"
    if kind is AnswerType.HELP_QUESTIONS:
        return [{"type": "begeleiding", "member": None}]
    return "Gaat redelijk."


def answer(team: Team, intake_id: uuid.UUID, key: str, value: Any, repeat: str = "") -> Any:
    with unit_of_work(team.store, team.consulent) as uow:
        return save_answer(uow, intake_id, key, value, repeat)


def walk(team: Team, intake_id: uuid.UUID, overrides: dict[str, Any] | None = None,
         stop_after: int | None = None) -> int:
    """Answer the first unanswered question, one unit of work each, until all are answered."""
    overrides = overrides or {}
    saved = 0
    while stop_after is None or saved < stop_after:
        with unit_of_work(team.store, team.consulent) as uow:
            view = steps(uow, intake_id)
        todo = next((s for s in view.steps if not s.answered), None)
        if todo is None:
            break
        value = overrides.get(todo.key, plain_answer(todo))
        answer(team, intake_id, todo.key, value, todo.repeat_key)
        saved += 1
    return saved


def test_start_prefills_registration_and_refuses_a_second(team: Team,
                                                          family: HouseholdView) -> None:
    intake_id = start(team, family)
    with unit_of_work(team.store, team.consulent) as uow:
        view = steps(uow, intake_id)
        assert open_intake(uow, family.id) is not None
    values = {s.key: s.value for s in view.steps}
    assert values["reg_kanaal"] == "telefoon" and values["reg_vindplaats"] == "zorgloket"
    assert values["reg_datum"] is not None
    assert view.intake.definition_version == 2 and view.intake.channel_label == "Telefoon"
    with pytest.raises(KnownError, match="loopt al een brede uitvraag"):
        start(team, family)


def test_per_child_sections_for_each_child(team: Team, family: HouseholdView) -> None:
    intake_id = start(team, family)
    with unit_of_work(team.store, team.consulent) as uow:
        view = steps(uow, intake_id)
    titles = {s.section_title for s in view.steps if s.section.repeat}
    assert titles == {"Opvoeden en opgroeien: Noah Bakker", "Opvoeden en opgroeien: Lina Bakker",
                      "Onderwijs: Noah Bakker", "Onderwijs: Lina Bakker"}


def test_direct_help_skips_the_domains_unless_asked(team: Team, family: HouseholdView) -> None:
    intake_id = start(team, family)
    answer(team, intake_id, "vr_direct_geholpen", "ja")
    with unit_of_work(team.store, team.consulent) as uow:
        short = steps(uow, intake_id).steps
    assert not [s for s in short if s.section.domain]
    assert {"vh_onveilig", "cl_vervolg"} <= {s.key for s in short}
    answer(team, intake_id, "vr_doorgaan", "ja")
    with unit_of_work(team.store, team.consulent) as uow:
        assert [s for s in steps(uow, intake_id).steps if s.section.domain]


def test_answers_and_position_survive_closing_halfway(team: Team,
                                                      family: HouseholdView) -> None:
    intake_id = start(team, family)
    walk(team, intake_id, stop_after=25)
    with unit_of_work(team.store, team.consulent) as uow:
        before = steps(uow, intake_id)
    team.store.close()  # the window closes, the laptop goes to sleep
    from intake.store import open_store
    from tests.conftest import PASSWORD

    store, actor = open_store(team.location, "consulent", PASSWORD)
    try:
        with unit_of_work(store, actor) as uow:
            resumed = open_intake(uow, family.id)
            assert resumed is not None and resumed.id == intake_id
            after = steps(uow, intake_id)
    finally:
        store.close()
    assert [(s.ref, s.value) for s in after.steps] == [(s.ref, s.value) for s in before.steps]
    assert after.current_index == before.current_index > 0
    answered = [s for s in after.steps if s.answered]
    assert after.current is not None and after.current.ref == answered[-1].ref


def test_position_follows_back_and_skip(team: Team, family: HouseholdView) -> None:
    intake_id = start(team, family)
    with unit_of_work(team.store, team.consulent) as uow:
        set_position(uow, intake_id, "vr_bereiken")
    with unit_of_work(team.store, team.consulent) as uow:
        current = steps(uow, intake_id).current
    assert current is not None and current.key == "vr_bereiken"


def test_wrong_value_gets_inline_message_and_is_not_saved(team: Team,
                                                           family: HouseholdView) -> None:
    intake_id = start(team, family)
    with pytest.raises(ValidationError) as caught:
        answer(team, intake_id, "fi_score", 9)
    assert caught.value.fields == {"fi_score": "Kies een score van 1 tot en met 5."}
    with pytest.raises(ValidationError, match="datum"):
        answer(team, intake_id, "reg_datum", "31-02-2026")
    with pytest.raises(ValidationError, match="hoort nu niet bij"):
        answer(team, intake_id, "vr_direct_wat", "advies")  # hidden: not helped directly
    with unit_of_work(team.store, team.consulent) as uow:
        values = {s.key: s.value for s in steps(uow, intake_id).steps}
    assert values["fi_score"] is None


def test_safety_answer_raises_signal_with_meldcode_steps(team: Team,
                                                          family: HouseholdView) -> None:
    intake_id = start(team, family)
    lina = family.members[2].id.hex
    result = answer(team, intake_id, "oo_veiligheid", "ja", lina)
    assert len(result.new_signals) == 1
    signal = result.new_signals[0]
    assert signal.kind == "veiligheid" and signal.is_open
    assert [s.title for s in signal.steps] == [
        "Signalen in kaart brengen",
        "Collegiale consultatie en zo nodig Veilig Thuis raadplegen",
        "Gesprek met de betrokkene",
        "Wegen aan de hand van het afwegingskader",
        "Beslissen: hulp organiseren en/of melden bij Veilig Thuis",
    ]
    # answering 'nee' later never drops the signal silently
    assert answer(team, intake_id, "oo_veiligheid", "nee", lina).new_signals == ()
    answer(team, intake_id, "oo_veiligheid", "ja", lina)
    with unit_of_work(team.store, team.consulent) as uow:
        assert len(list_signals(uow, family.id, open_only=True)) == 1
    with pytest.raises(ValidationError, match="eerdere stappen"), \
            unit_of_work(team.store, team.consulent) as uow:
        handle_signal_step(uow, signal.id, 2, "Overlegd", signal.version)
    version = signal.version
    for step in range(1, 6):
        with unit_of_work(team.store, team.consulent) as uow:
            handled = handle_signal_step(uow, signal.id, step, f"Besluit stap {step}", version)
            version = handled.version
        assert handled.is_open == (step < 5)
    with pytest.raises(StaleEditError), unit_of_work(team.store, team.consulent) as uow:
        handle_signal_step(uow, signal.id, 5, "Nog eens", signal.version)
    with unit_of_work(team.store, team.consulent) as uow:
        assert list_signals(uow, family.id, open_only=True) == []
        assert list_signals(uow, family.id)[0].steps[4].decided_by == "Carla Consulent"


def test_crisis_signal_says_who_to_call(team: Team, family: HouseholdView) -> None:
    intake_id = start(team, family)
    result = answer(team, intake_id, "vh_crisis", "ja")
    (signal,) = result.new_signals
    assert signal.kind == "crisis" and len(signal.steps) == 1
    numbers = [c.number for c in signal.who_to_call]
    assert "112" in numbers and "0800-2000" in numbers
    assert any("crisisdienst" in c.label.lower() for c in signal.who_to_call)


def test_finishing_checks_required_and_registers_help_questions(
        team: Team, family: HouseholdView) -> None:
    intake_id = start(team, family)
    noah = family.members[1].id.hex
    with pytest.raises(ValidationError) as caught, \
            unit_of_work(team.store, team.consulent) as uow:
        view = open_intake(uow, family.id)
        assert view is not None
        finish_intake(uow, intake_id, view.version)
    assert "vr_eigen_woorden" in caught.value.fields
    walk(team, intake_id, overrides={
        "fi_score": 2, "cl_vervolg": "verwijzing", "cl_verwijzing_naar": "Stadsbank",
        "cl_hulpvragen": [{"type": "schulden_geldzaken", "member": None},
                          {"type": "opvoeden_opgroeien", "member": noah}],
    })
    with unit_of_work(team.store, team.consulent) as uow:
        page = summary(uow, intake_id)
        assert page.can_finish and not page.missing
        assert "Schulden en geldzaken" in page.proposal_labels
        lines = {line.key: line.answer for s in page.sections for line in s.lines}
        assert lines["fi_score"].startswith("2 Niet zelfredzaam")
        assert "Opvoeden en opgroeien (Noah Bakker)" in lines["cl_hulpvragen"]
        view = open_intake(uow, family.id)
        assert view is not None
        done = finish_intake(uow, intake_id, view.version)
    assert done.intake.status == "afgerond" and done.intake.next_step == "verwijzing"
    assert [(h.type_code, h.outcome_text, h.channel_code) for h in done.help_questions] == [
        ("schulden_geldzaken", "Doorverwezen naar Stadsbank", "telefoon"),
        ("opvoeden_opgroeien", "Doorverwezen naar Stadsbank", "telefoon")]
    with unit_of_work(team.store, team.consulent) as uow:
        assert open_intake(uow, family.id) is None
        assert [i.status for i in list_intakes(uow, family.id)] == ["afgerond"]
        summary_for_plan = latest_intake_summary(uow, family.id)
    assert summary_for_plan is not None
    scores = {(s.domain_code, s.member_id): s.score for s in summary_for_plan.scores}
    assert scores[("financien", None)] == 2
    assert scores[("opvoeden_opgroeien", family.members[1].id)] == 4
    assert len(scores) == 17 + 2  # every domain, the child domains twice
    assert {h.type_code for h in summary_for_plan.help_questions} == {
        "schulden_geldzaken", "opvoeden_opgroeien"}
    with pytest.raises(KnownError, match="afgerond"):
        answer(team, intake_id, "vr_bereiken", "Iets anders")


def test_continuing_from_quick_registration_links_it(team: Team,
                                                     family: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        quick = register_help_question(uow, family.id, HelpQuestionInput(
            type_code="begeleiding", outcome_code="direct_geholpen",
            vindplaats_code="wijkteam", channel_code="huisbezoek"))
        intake = start_intake(uow, family.id, "huisbezoek", "wijkteam",
                              help_question_id=quick.id)
        (row,) = list_help_questions(uow, family.id)
    assert row.intake_id == intake.id and row.outcome_code == "brede_uitvraag"
    with unit_of_work(team.store, team.consulent) as uow:
        later = register_help_question(uow, family.id, HelpQuestionInput(
            type_code="mantelzorg", outcome_code="direct_geholpen",
            vindplaats_code="wijkteam", channel_code="telefoon"))
        attach_help_question(uow, intake.id, later.id)
        linked = {r.type_code: r.intake_id for r in list_help_questions(uow, family.id)}
    assert linked == {"begeleiding": intake.id, "mantelzorg": intake.id}


@pytest.mark.parametrize("role", ["teamleider", "beheerder"])
def test_teamleider_and_beheerder_cannot_start_or_answer(team: Team, family: HouseholdView,
                                                          role: str) -> None:
    intake_id = start(team, family)
    actor = getattr(team, role)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, actor) as uow:
        save_answer(uow, intake_id, "vr_bereiken", "Werk vinden")
    with pytest.raises(PermissionDenied), unit_of_work(team.store, actor) as uow:
        start_intake(uow, family.id, "balie", "zorgloket")


def test_vindplaats_works_only_on_own_households(team: Team, family: HouseholdView) -> None:
    intake_id = start(team, family)
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.vindplaats) as uow:
        steps(uow, intake_id)
    with unit_of_work(team.store, team.vindplaats) as uow:
        own = create_household(uow, family_input(), confirm_duplicate=True)
        started = start_intake(uow, own.id, "op_de_vindplaats", "huisarts")
        save_answer(uow, started.id, "vr_eigen_woorden", "Zoon slaapt slecht")
