"""Cross-reference checks on a parsed definition; every problem is collected and reported."""

from __future__ import annotations

from collections import Counter

from intake.catalogues.fixed import life_domains
from intake.catalogues.shipped import shipped_items
from intake.questionnaire.conditions import MEMBER_FACTS, Condition
from intake.questionnaire.definition import (
    KEY_PATTERN,
    OPTION_CATALOGUES,
    REPEAT_PER_CHILD,
    SIGNAL_KINDS,
    AnswerType,
    Definition,
    DefinitionError,
    Question,
    Section,
)

CHOICES = (AnswerType.CHOICE, AnswerType.MULTI_CHOICE)


def _shipped(catalogue: str) -> frozenset[str]:
    return frozenset(item["code"] for item in shipped_items(catalogue))


def validate_definition(
    definition: Definition, *, help_question_types: frozenset[str] | None = None,
    outcomes: frozenset[str] | None = None,
) -> None:
    """Raise DefinitionError listing every problem. The catalogues default to the shipped ones;
    pass the store's codes to check a definition against a catalogue a beheerder extended."""
    types = help_question_types if help_question_types is not None else \
        _shipped("hulpvraagtype")
    outcome_codes = outcomes if outcomes is not None else _shipped("uitkomst")
    problems: list[str] = []
    _check_keys(definition, problems)
    known = {q.key: (s, q) for _, s, q in definition.questions()}
    domains = {item.code for item in life_domains()}
    if set(definition.score_labels) != {1, 2, 3, 4, 5}:
        problems.append("vragenlijst: 'score_labels' noemt de scores 1 tot en met 5.")
    for _, section in definition.sections():
        if section.repeat not in ("", REPEAT_PER_CHILD):
            problems.append(f"onderdeel '{section.key}': 'repeat' is leeg of '{REPEAT_PER_CHILD}'.")
        if section.domain is not None and section.domain not in domains:
            problems.append(f"onderdeel '{section.key}': onbekend leefgebied '{section.domain}'.")
        if section.show_if is not None:
            _check_condition(section.show_if, f"onderdeel '{section.key}'", section, None, known,
                             problems)
        for question in section.questions:
            _check_question(question, section, known, types, problems)
    _check_roles(definition, known, outcome_codes, problems)
    if problems:
        raise DefinitionError(problems)


def _check_keys(definition: Definition, problems: list[str]) -> None:
    for what, keys in (
        ("pagina", [p.key for p in definition.pages]),
        ("onderdeel", [s.key for _, s in definition.sections()]),
        ("vraag", [q.key for _, _, q in definition.questions()]),
    ):
        for key, count in Counter(keys).items():
            if count > 1:
                problems.append(f"{what} '{key}' komt {count} keer voor; een sleutel is uniek.")
        for key in keys:
            if not KEY_PATTERN.match(key):
                problems.append(f"{what} '{key}': een sleutel bestaat uit kleine letters, cijfers "
                                "en liggend streepje en begint met een letter.")


def _check_question(question: Question, section: Section,
                    known: dict[str, tuple[Section, Question]], types: frozenset[str],
                    problems: list[str]) -> None:
    where = f"vraag '{question.key}'"
    if question.type in CHOICES:
        if question.options_from is not None:
            if question.options_from not in OPTION_CATALOGUES:
                problems.append(f"{where}: 'options_from' is een van {OPTION_CATALOGUES}.")
        elif not question.options:
            problems.append(f"{where}: een keuzevraag heeft antwoordmogelijkheden nodig "
                            "('options' of 'options_from').")
        values = [o.value for o in question.options]
        if len(values) != len(set(values)):
            problems.append(f"{where}: een antwoordmogelijkheid komt dubbel voor.")
    elif question.options or question.options_from:
        problems.append(f"{where}: alleen een keuzevraag heeft antwoordmogelijkheden.")
    if question.type is AnswerType.SCORE:
        if set(question.descriptors) != {1, 2, 3, 4, 5}:
            problems.append(f"{where}: een score beschrijft elke score van 1 tot en met 5 "
                            "('descriptors').")
        if section.domain is None:
            problems.append(f"{where}: een score staat in een onderdeel met een leefgebied.")
    elif question.descriptors:
        problems.append(f"{where}: alleen een score heeft 'descriptors'.")
    if question.show_if is not None:
        _check_condition(question.show_if, where, section, question, known, problems)
    for rule in question.signals:
        if rule.kind not in SIGNAL_KINDS:
            problems.append(f"{where}: signaal '{rule.kind}' bestaat niet "
                            f"(kies uit {', '.join(SIGNAL_KINDS)}).")
        if any(leaf.key and leaf.key.startswith("@") for leaf in rule.when.leaves()):
            # A signal must never be hidden by who the child lives with.
            problems.append(f"{where}: een signaal hangt niet af van een gegeven over het kind.")
        _check_condition(rule.when, where, section, question, known, problems, trigger=True)
    for proposal in question.proposals:
        if proposal.type_code not in types:
            problems.append(f"{where}: stelt hulpvraagsoort '{proposal.type_code}' voor, maar "
                            "die staat niet in de catalogus hulpvraagtypen.")
        _check_condition(proposal.when, where, section, question, known, problems, trigger=True)


def _check_condition(condition: Condition, where: str, section: Section,
                     question: Question | None, known: dict[str, tuple[Section, Question]],
                     problems: list[str], *, trigger: bool = False) -> None:
    for leaf in condition.leaves():
        if leaf.key is None:
            target = question if trigger else None
            if target is None:
                problems.append(f"{where}: de voorwaarde noemt geen vraag ('key').")
                continue
        elif leaf.key.startswith("@"):
            _check_fact(leaf, where, section, problems)
            continue
        else:
            if leaf.key not in known:
                problems.append(f"{where}: de voorwaarde verwijst naar onbekende vraag "
                                f"'{leaf.key}'.")
                continue
            if question is not None and leaf.key == question.key and not trigger:
                problems.append(f"{where}: een vraag kan niet van haar eigen antwoord afhangen.")
                continue
            target_section, target = known[leaf.key]
            if target_section.repeat and target_section is not section:
                problems.append(f"{where}: de voorwaarde verwijst naar '{leaf.key}', die per kind "
                                "wordt gesteld in een ander onderdeel.")
                continue
        _check_value(leaf, target, where, problems)


def _check_fact(leaf: Condition, where: str, section: Section, problems: list[str]) -> None:
    """'@...' keys are facts about the child, known only in a per-child section."""
    assert leaf.key is not None
    values = MEMBER_FACTS.get(leaf.key)
    if values is None:
        problems.append(f"{where}: onbekend gegeven over het kind '{leaf.key}' "
                        f"(kies uit {', '.join(MEMBER_FACTS)}).")
        return
    if section.repeat != REPEAT_PER_CHILD:
        problems.append(f"{where}: '{leaf.key}' kan alleen in een onderdeel dat per kind "
                        "wordt gesteld.")
    given = leaf.value if isinstance(leaf.value, list) else [leaf.value]
    if leaf.op not in ("equals", "not_equals", "in") or any(v not in values for v in given):
        problems.append(f"{where}: '{leaf.key}' is {' of '.join(sorted(values))}.")


def _check_value(leaf: Condition, target: Question, where: str, problems: list[str]) -> None:
    """A condition value that can never match is a typo: report it."""
    allowed: set[str] | None = None
    if target.type in CHOICES and target.options_from is None:
        allowed = {o.value for o in target.options}
    elif target.type is AnswerType.YES_NO:
        allowed = {"ja", "nee"}
    if leaf.op in ("at_most", "at_least") and target.type is not AnswerType.SCORE:
        problems.append(f"{where}: '{leaf.op}' past alleen bij een score.")
    if allowed is None or leaf.op not in ("equals", "not_equals", "in", "any_of", "none_of"):
        return
    values = leaf.value if isinstance(leaf.value, list) else [leaf.value]
    wrong = [v for v in values if v not in allowed]
    if wrong:
        problems.append(f"{where}: de voorwaarde op '{target.key}' gebruikt {wrong}, maar dat is "
                        "geen antwoordmogelijkheid.")


def _check_roles(definition: Definition, known: dict[str, tuple[Section, Question]],
                 outcome_codes: frozenset[str], problems: list[str]) -> None:
    roles = definition.roles
    expected = (
        ("channel", roles.channel, AnswerType.CHOICE),
        ("vindplaats", roles.vindplaats, AnswerType.CHOICE),
        ("help_questions", roles.help_questions, AnswerType.HELP_QUESTIONS),
        ("next_step", roles.next_step, AnswerType.CHOICE),
        ("referral_target", roles.referral_target, AnswerType.TEXT),
    )
    for name, key, answer_type in expected:
        found = known.get(key)
        if found is None:
            problems.append(f"roles: '{name}' verwijst naar onbekende vraag '{key}'.")
        elif found[1].type is not answer_type or found[0].repeat:
            problems.append(f"roles: '{name}' ('{key}') is een vraag van type "
                            f"{answer_type.value}, niet per kind.")
    if roles.date:
        expected_date = known.get(roles.date)
        if expected_date is None or expected_date[1].type is not AnswerType.DATE:
            problems.append(f"roles: 'date' ('{roles.date}') is geen datumvraag.")
    next_step = known.get(roles.next_step)
    if next_step is not None:
        for option in next_step[1].options:
            if option.value not in roles.outcomes:
                problems.append(f"roles: vervolgstap '{option.value}' heeft geen uitkomst in "
                                "'outcomes'.")
    for step, outcome in roles.outcomes.items():
        if outcome not in outcome_codes:
            problems.append(f"roles: vervolgstap '{step}' leidt tot onbekende uitkomst "
                            f"'{outcome}'.")
