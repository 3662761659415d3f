"""The questionnaire definitions: every shipped one is valid, and the validator catches each
kind of mistake a person editing the JSON could make."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import pytest

from intake.catalogues.fixed import life_domains
from intake.catalogues.shipped import shipped_items
from intake.questionnaire.definition import AnswerType, DefinitionError, parse_definition
from intake.questionnaire.engine import (
    AnswerError,
    Child,
    normalise,
    proposals,
    raised_signals,
    visible_steps,
)
from intake.questionnaire.loading import definition_files, load_definition, load_file
from intake.questionnaire.validate import validate_definition


def _score(key: str) -> dict[str, Any]:
    return {"key": key, "type": "score", "label": "Hoe gaat het?", "required": True,
            "descriptors": {str(i): f"omschrijving {i}" for i in range(1, 6)},
            "proposes": [{"type": "schulden_geldzaken", "when": {"at_most": 3}}]}


def minimal() -> dict[str, Any]:
    """The smallest valid definition: registration, one domain, one per-child domain,
    a safety question and a conclusion."""
    return {
        "key": "proef", "version": 1, "title": "Proef",
        "score_labels": {str(i): f"score {i}" for i in range(1, 6)},
        "roles": {"channel": "kanaal", "vindplaats": "vindplaats", "help_questions": "hulp",
                  "next_step": "vervolg", "referral_target": "naar",
                  "outcomes": {"plan": "brede_uitvraag", "verwijzing": "doorverwezen"}},
        "pages": [
            {"key": "p1", "title": "Start", "sections": [
                {"key": "s1", "title": "Registratie", "questions": [
                    {"key": "kanaal", "type": "choice", "label": "Kanaal",
                     "options_from": "kanaal", "required": True},
                    {"key": "vindplaats", "type": "choice", "label": "Vindplaats",
                     "options_from": "vindplaats", "required": True},
                    {"key": "melder", "type": "choice", "label": "Wie meldt?",
                     "options": [{"value": "zelf", "label": "Zelf"},
                                 {"value": "ander", "label": "Een ander"}]},
                    {"key": "melder_wie", "type": "text", "label": "Wie?", "required": True,
                     "show_if": {"key": "melder", "equals": "ander"}},
                ]},
                {"key": "geld", "title": "Financiën", "domain": "financien", "questions": [
                    _score("geld_score"),
                    {"key": "geld_zorgen", "type": "long_text", "label": "Zorgen?",
                     "role": "worries"},
                ]},
                {"key": "kind", "title": "Opvoeden", "domain": "opvoeden_opgroeien",
                 "repeat": "per_child", "questions": [
                     _score("kind_score"),
                     {"key": "kind_veilig", "type": "yes_no", "label": "Zorgen om veiligheid?",
                      "signal": [{"kind": "veiligheid", "when": {"equals": "ja"}}]},
                     {"key": "kind_toelichting", "type": "long_text", "label": "Toelichting",
                      "show_if": {"key": "kind_veilig", "equals": "ja"}},
                 ]},
            ]},
            {"key": "p2", "title": "Conclusie", "sections": [
                {"key": "s2", "title": "Conclusie", "questions": [
                    {"key": "hulp", "type": "help_questions", "label": "Hulpvragen"},
                    {"key": "vervolg", "type": "choice", "label": "Vervolg", "required": True,
                     "options": [{"value": "plan", "label": "Plan"},
                                 {"value": "verwijzing", "label": "Verwijzing"}]},
                    {"key": "naar", "type": "text", "label": "Naar wie?",
                     "show_if": {"key": "vervolg", "equals": "verwijzing"}},
                ]},
            ]},
        ],
    }


def problems_of(raw: dict[str, Any]) -> str:
    with pytest.raises(DefinitionError) as caught:
        validate_definition(parse_definition(raw))
    return "\n".join(caught.value.problems)


def question(raw: dict[str, Any], key: str) -> dict[str, Any]:
    for page in raw["pages"]:
        for section in page["sections"]:
            for item in section["questions"]:
                if item["key"] == key:
                    found: dict[str, Any] = item
                    return found
    raise KeyError(key)


# ---------------------------------------------------------------- shipped definitions

def test_there_is_a_shipped_definition() -> None:
    assert any(path.name == "brede_uitvraag_v1.json" for path in definition_files())


@pytest.mark.parametrize("path", definition_files(), ids=lambda p: p.name)
def test_every_shipped_definition_loads_and_validates(path: Any) -> None:
    definition = load_file(path)
    assert definition.version >= 1
    assert path.name == f"{definition.key}_v{definition.version}.json"


def test_brede_uitvraag_covers_every_life_domain_with_the_full_frame() -> None:
    definition = load_definition("brede_uitvraag", 1)
    by_domain = {section.domain: section for _, section in definition.sections()
                 if section.domain}
    assert set(by_domain) == {item.code for item in life_domains()}
    for code, section in by_domain.items():
        roles = {q.role for q in section.questions}
        assert {"score", "goes_well", "worries", "self", "network", "help_present"} <= roles, code
        score = next(q for q in section.questions if q.type is AnswerType.SCORE)
        assert set(score.descriptors) == {1, 2, 3, 4, 5}
        per_child = {"opvoeden_opgroeien", "onderwijs"}
        assert (section.repeat == "per_child") == (code in per_child), code


def test_brede_uitvraag_asks_consent_safety_and_conclusion() -> None:
    definition = load_definition("brede_uitvraag")
    keys = {q.key for _, _, q in definition.questions()}
    assert {"reg_toestemming_vastleggen", "reg_toestemming_delen", "reg_delen_met",
            "vr_eigen_woorden", "vr_hoofdprobleem", "vr_bereiken", "vh_onveilig", "vh_kinderen",
            "vh_crisis", "cl_hulpvragen", "cl_vervolg", "cl_clientondersteuning",
            "cl_huisbezoek_datum"} <= keys
    kinds = {rule.kind for _, _, q in definition.questions() for rule in q.signals}
    assert kinds == {"veiligheid", "crisis"}


# ---------------------------------------------------------------- the validator, rule by rule

def test_minimal_definition_is_valid() -> None:
    validate_definition(parse_definition(minimal()))


def test_rejects_unknown_key_in_condition() -> None:
    raw = minimal()
    question(raw, "melder_wie")["show_if"] = {"key": "meldr", "equals": "ander"}
    assert "onbekende vraag 'meldr'" in problems_of(raw)


def test_rejects_duplicate_key() -> None:
    raw = minimal()
    question(raw, "geld_zorgen")["key"] = "melder"
    assert "vraag 'melder' komt 2 keer voor" in problems_of(raw)


def test_rejects_proposed_type_missing_from_catalogue() -> None:
    raw = minimal()
    question(raw, "geld_score")["proposes"] = [{"type": "schuldhulp", "when": {"at_most": 2}}]
    assert "'schuldhulp' voor, maar die staat niet in de catalogus" in problems_of(raw)


def test_a_type_added_by_the_beheerder_is_accepted_when_passed_in() -> None:
    raw = minimal()
    question(raw, "geld_score")["proposes"] = [{"type": "schuldhulp", "when": {"at_most": 2}}]
    shipped = {item["code"] for item in shipped_items("hulpvraagtype")}
    validate_definition(parse_definition(raw),
                        help_question_types=frozenset({*shipped, "schuldhulp"}))


def test_rejects_choice_without_options() -> None:
    raw = minimal()
    question(raw, "melder")["options"] = []
    assert "keuzevraag heeft antwoordmogelijkheden nodig" in problems_of(raw)


def test_rejects_condition_value_that_is_no_option() -> None:
    raw = minimal()
    question(raw, "melder_wie")["show_if"] = {"key": "melder", "equals": "anders"}
    assert "['anders'], maar dat is geen antwoordmogelijkheid" in problems_of(raw)


def test_rejects_score_without_all_descriptors() -> None:
    raw = minimal()
    del question(raw, "geld_score")["descriptors"]["3"]
    assert "beschrijft elke score van 1 tot en met 5" in problems_of(raw)


def test_rejects_unknown_signal_kind_and_unknown_domain() -> None:
    raw = minimal()
    question(raw, "kind_veilig")["signal"][0]["kind"] = "brand"
    raw["pages"][0]["sections"][1]["domain"] = "geldzaken"
    found = problems_of(raw)
    assert "signaal 'brand' bestaat niet" in found
    assert "onbekend leefgebied 'geldzaken'" in found


def test_rejects_condition_on_a_per_child_question_from_elsewhere() -> None:
    raw = minimal()
    question(raw, "naar")["show_if"] = {"key": "kind_veilig", "equals": "ja"}
    assert "per kind wordt gesteld in een ander onderdeel" in problems_of(raw)


def test_rejects_roles_pointing_nowhere_and_unknown_outcome() -> None:
    raw = minimal()
    raw["roles"]["help_questions"] = "hulpvragen"
    raw["roles"]["outcomes"]["verwijzing"] = "verwezen"
    found = problems_of(raw)
    assert "'help_questions' verwijst naar onbekende vraag 'hulpvragen'" in found
    assert "onbekende uitkomst 'verwezen'" in found


def test_rejects_next_step_option_without_outcome() -> None:
    raw = minimal()
    question(raw, "vervolg")["options"].append({"value": "wachten", "label": "Wachten"})
    assert "vervolgstap 'wachten' heeft geen uitkomst" in problems_of(raw)


def test_reports_every_problem_at_once() -> None:
    raw = minimal()
    question(raw, "melder")["options"] = []
    question(raw, "geld_zorgen")["key"] = "melder_wie"
    assert problems_of(raw).count("\n") >= 1


def test_structure_errors_stop_parsing_with_a_message() -> None:
    raw = minimal()
    question(raw, "melder")["type"] = "dropdown"
    with pytest.raises(DefinitionError, match="onbekend antwoordtype 'dropdown'"):
        parse_definition(raw)
    raw = minimal()
    question(raw, "melder_wie")["show_if"] = {"key": "melder", "is": "ander"}
    with pytest.raises(DefinitionError, match="onbekend veld in voorwaarde"):
        parse_definition(raw)


def test_broken_json_file_is_reported(tmp_path: Any) -> None:
    path = tmp_path / "kapot_v1.json"
    path.write_text("{ niet json", encoding="utf-8")
    with pytest.raises(DefinitionError, match="geen geldige JSON"):
        load_file(path)
    path.write_text(json.dumps(minimal()), encoding="utf-8")
    assert load_file(path).key == "proef"


# ---------------------------------------------------------------- the engine

def _definition() -> Any:
    return parse_definition(copy.deepcopy(minimal()))


def _keys(steps: list[Any]) -> list[tuple[str, str]]:
    return [(s.key, s.repeat_key) for s in steps]


def test_show_if_follows_the_answers() -> None:
    definition = _definition()
    keys = [k for k, _ in _keys(visible_steps(definition, {}, []))]
    assert "melder_wie" not in keys and "naar" not in keys
    answers = {("melder", ""): "ander", ("vervolg", ""): "verwijzing"}
    keys = [k for k, _ in _keys(visible_steps(definition, answers, []))]
    assert keys.index("melder_wie") == keys.index("melder") + 1
    assert "naar" in keys


def test_per_child_sections_repeat_for_each_child_with_own_conditions() -> None:
    definition = _definition()
    anna, bram = Child(uuid.uuid4(), "Anna"), Child(uuid.uuid4(), "Bram")
    steps = visible_steps(definition, {("kind_veilig", anna.member_id.hex): "ja"}, [anna, bram])
    per_child = [(s.key, s.repeat_label) for s in steps if s.section.key == "kind"]
    assert per_child == [("kind_score", "Anna"), ("kind_veilig", "Anna"),
                         ("kind_toelichting", "Anna"), ("kind_score", "Bram"),
                         ("kind_veilig", "Bram")]
    assert steps[-1].index == len(steps) - 1 and steps[0].total == len(steps)
    assert next(s for s in steps if s.repeat_label == "Bram").section_title == "Opvoeden: Bram"
    assert not [s for s in visible_steps(definition, {}, []) if s.section.key == "kind"]


def test_signals_and_proposals_come_from_the_answers() -> None:
    definition = _definition()
    anna = Child(uuid.uuid4(), "Anna")
    answers = {("kind_veilig", anna.member_id.hex): "ja", ("geld_score", ""): 2,
               ("kind_score", anna.member_id.hex): 5}
    _, section, veilig = definition.find("kind_veilig")
    assert raised_signals(section, veilig, answers, anna.member_id.hex) == ["veiligheid"]
    assert raised_signals(section, veilig, {}, anna.member_id.hex) == []
    steps = visible_steps(definition, answers, [anna])
    found = proposals(steps, answers)
    assert [(p.type_code, p.member_id) for p in found] == [("schulden_geldzaken", None)]


@pytest.mark.parametrize(("key", "value", "stored"), [
    ("geld_score", "3", 3), ("geld_score", 5, 5), ("kind_veilig", True, "ja"),
    ("melder_wie", "  Jan   Jansen ", "Jan Jansen"), ("melder", "zelf", "zelf"),
    ("geld_zorgen", "", None),
])
def test_values_are_normalised(key: str, value: Any, stored: Any) -> None:
    _, _, item = _definition().find(key)
    assert normalise(item, value, {"zelf", "ander"}) == stored


@pytest.mark.parametrize(("key", "value", "message"), [
    ("geld_score", 7, "score van 1 tot en met 5"), ("geld_score", "drie", "score van 1"),
    ("kind_veilig", "misschien", "ja of nee"), ("melder", "buurman", "Kies een van"),
    ("melder_wie", "x" * 501, "te lang"),
])
def test_wrong_values_get_a_dutch_message(key: str, value: Any, message: str) -> None:
    _, _, item = _definition().find(key)
    with pytest.raises(AnswerError, match=message):
        normalise(item, value, {"zelf", "ander"})
