"""The reference household of the domain reference, end to end through the domain API: the
intake, the help questions under four laws, one agreed plan, and both PDFs read back."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from typing import Any

import pyphen
import pytest
from reportlab import rl_config

from intake import plans
from intake.catalogues.social_map import search_services
from intake.core.session import unit_of_work
from intake.documents import print_plan
from intake.documents.plain_words import problems
from intake.help_questions.registration import list_help_questions
from intake.plans import ActionInput, AgreedHow, ResultInput, VersionDetailsInput, WhoKind
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    NetworkInput,
    Residence,
    create_household,
)
from intake.uitvraag.flow import finish_intake, open_intake, save_answer, steps, summary
from tests.conftest import Team
from tests.helpers.pdf_text import pdf_lines, pdf_pages
from tests.uitvraag.test_intakes import start, walk

HYPHENATOR = pyphen.Pyphen(lang="nl_NL")
# Her answers (domain reference): debts and a bewindvoerder, a Wajong benefit and unpaid day
# activity while she wants paid work, appointments and post that slip, a son placed out of
# home whose appointments she keeps poorly.
ANSWERS: dict[str, Any] = {
    "fi_score": 3, "fi_onderwerpen": ["schulden", "administratie"],
    "fi_hulp_aanwezig": ["bewindvoering"], "fi_dreiging": "nee",
    "wo_score": 3, "wo_uitkering": "wajong", "wo_situatie": "vrijwilligerswerk",
    "wo_wil_betaald_werk": "ja",
    "iadl_score": 3, "iadl_onderwerpen": ["afspraken", "post", "plannen"],
    "oo_score": 3, "oo_afspraken": "nee", "oo_veiligheid": "nee",
    "lg_vervoer": "ja", "ta_brieven": "ja", "hv_aanpassing": "nee",
    "cl_vervolg": "plan", "cl_hulpvragen": [{"type": "informatie_advies", "member": None}],
}
RESULTS = {
    "werk_reintegratie_uwv": ("Ik wil betaald werk bij de groothandel.", "uwv_werkcoach_wajong",
                              "Samen met de werkcoach een proefplaats zoeken."),
    "begeleiding": ("Ik wil mijn afspraken en post zelf bijhouden.", "individuele_begeleiding",
                    "Elke week samen de post en de agenda doornemen."),
    "opvoeden_opgroeien": ("Ik wil mijn zoon elke twee weken zien.", "trivium_pleegzorg",
                           "Een vaste bezoekdag afspreken met de pleegouders."),
    "schulden_geldzaken": ("Ik wil geen nieuwe schulden en rust over geld.",
                           "stadsbank_schuldhulp", "Een schuldregeling aanvragen."),
}


@pytest.fixture(autouse=True)
def _reproducible_pdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(rl_config, "invariant", 1)
    yield


def reference_household(team: Team) -> HouseholdView:
    with unit_of_work(team.store, team.consulent) as uow:
        return create_household(uow, HouseholdInput(
            street="Brinkstraat", house_number="14", postcode="7551 CK", city="Hengelo",
            phone="074-2550100",
            members=[
                MemberInput("Jolanda", "Verhoef", MemberRole.OUDER, date(1998, 5, 17),
                            bsn="111222333"),
                MemberInput("Daan", "Verhoef", MemberRole.KIND, date(2024, 3, 1),
                            residence=Residence.UIT_HUIS_GEPLAATST,
                            residence_since=date(2024, 3, 10),
                            residence_note="pleeggezin in Twente"),
            ],
            network=[NetworkInput("Mark Jansen", "vriend",
                                  can_help_with="Meegaan naar afspraken")]))


def take_intake(team: Team, household: HouseholdView) -> list[Any]:
    intake_id = start(team, household)
    walk(team, intake_id, ANSWERS)
    with unit_of_work(team.store, team.consulent) as uow:
        view = steps(uow, intake_id)
        page = summary(uow, intake_id)
        daan = household.members[1].id.hex
        per_daan = {s.key for s in view.steps if s.repeat_key == daan}
        assert "oo_contact" in per_daan and "oo_afspraken" in per_daan
        assert "ow_verzuim" not in per_daan  # school is asked of whoever cares for him
        chosen = [{"type": p.type_code, "member": p.member_id.hex if p.member_id else None}
                  for p in page.proposals]
        save_answer(uow, intake_id, "cl_hulpvragen", chosen)
    with unit_of_work(team.store, team.consulent) as uow:
        current = open_intake(uow, household.id)
        assert current is not None
        done = finish_intake(uow, intake_id, current.version)
    return list(done.help_questions)


def test_intake_proposals_fit_the_reference_household(team: Team) -> None:
    household = reference_household(team)
    questions = take_intake(team, household)
    found = {(q.type_code, q.member_id) for q in questions}
    assert found == {("werk_reintegratie_uwv", None), ("begeleiding", None),
                     ("schulden_geldzaken", None),
                     ("opvoeden_opgroeien", household.members[1].id)}
    with unit_of_work(team.store, team.consulent) as uow:
        laws = {q.law_code for q in questions_of(uow, household.id)}
    assert laws == {"wajong", "wmo", "jeugdwet", "wgs"}  # four laws, not the Participatiewet


def _service(team: Team, code: str) -> uuid.UUID:
    with unit_of_work(team.store, team.consulent) as uow:
        return next(s.id for s in search_services(uow, limit=200) if s.code == code)


def _plan(team: Team, household: HouseholdView) -> plans.PlanVersionView:
    with unit_of_work(team.store, team.consulent) as uow:
        keys = [c.key for c in plans.plan_candidates(uow, household.id)
                if c.key.startswith("hulpvraag:")]
        view = plans.start_plan(uow, household.id, keys)
        assert "Bewindvoering" in view.earlier_help  # help already there, not a new question
        types = {q.id.hex: q.type_code for q in questions_of(uow, household.id)}
        for result in view.results:
            text, _code, _what = RESULTS[types[result.source_ref]]
            view = plans.update_result(uow, result.id, result.version, ResultInput(
                domain_code=result.domain_code, text=text, law_code=result.law_code,
                member_id=result.member_id, target_on=date(2027, 6, 1)))
    for result in view.results:
        _text, code, what = RESULTS[types[result.source_ref]]
        service = _service(team, code)
        with unit_of_work(team.store, team.consulent) as uow:
            view = plans.add_action(uow, result.id, result.version, ActionInput(
                what=what, who_kind=WhoKind.ORGANISATIE, support_level="maatwerkvoorziening",
                service_id=service, start_on=date(2026, 12, 1), due_on=date(2027, 3, 1)))
    with unit_of_work(team.store, team.consulent) as uow:
        return plans.update_details(uow, view.id, view.version, VersionDetailsInput(
            regisseur_id=team.regisseur.id, aanspreekpunt="Mark Jansen",
            earlier_help=view.earlier_help, client_support_offered=True))


def questions_of(uow: Any, household_id: uuid.UUID) -> list[Any]:
    return list(list_help_questions(uow, household_id))


def _broken_words(pdf: bytes, names: list[str]) -> list[str]:
    """Every line break inside a word that is not a syllable boundary with a hyphen, and
    every hyphenated name, date or number."""
    wrong = []
    for lines in pdf_lines(pdf):
        for line, following in pairwise(lines):
            if not line.strip() or not following.strip():
                continue
            last, first = line.split()[-1], following.split()[0]
            match = re.search(r"([^\W\d_]+)-$", last)
            if match and re.match(r"[a-zà-ÿ]", first):
                head = match.group(1)
                word = head + re.match(r"[^\W\d_]+", first).group(0)  # type: ignore[union-attr]
                if len(head) not in HYPHENATOR.positions(word) or any(
                        word.startswith(n) or n.startswith(word) for n in names):
                    wrong.append(f"{last} / {first}")
            elif re.search(r"\d-?$", last) and re.match(r"\d+(?![.\d])", first):
                wrong.append(f"{last} / {first}")
    return wrong


def test_reference_household_plan_prints_for_the_people_it_is_for(team: Team) -> None:
    household = reference_household(team)
    take_intake(team, household)
    view = _plan(team, household)
    with unit_of_work(team.store, team.consulent) as uow:
        before = " ".join(pdf_pages(print_plan(uow, household.id, resident=True)))
    assert "Handtekening" in before  # waiting for agreement: a place to sign
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.agree(uow, view.id, view.version, date(2026, 11, 20), AgreedHow.GETEKEND)
        professional = print_plan(uow, household.id)
        resident = print_plan(uow, household.id, resident=True)
    pro_text = " ".join(pdf_pages(professional))
    for law in ("Wet: Wajong (UWV)", "Wet: Wmo 2015", "Wet: Jeugdwet",
                "Wet: Wgs (schuldhulpverlening)"):
        assert law in pro_text
    at_address = pro_text[pro_text.index("Gezinslid op dit adres"):
                          pro_text.index("Gezinsleden die elders wonen")]
    assert "Jolanda Verhoef" in at_address and "Daan" not in at_address
    assert "Daan Verhoef" in pro_text and "Uit huis geplaatst" in pro_text
    assert "pleeggezin in Twente" in pro_text and "10-03-2024" in pro_text

    pages = pdf_pages(resident)
    text = " ".join(pages)
    assert "Handtekening" not in text  # signed: no empty block asking her to sign again
    assert "Ja. Op 20 november 2026 heeft u met een handtekening ja gezegd" in text
    assert "U heeft dit plan gemaakt samen met Carla Consulent." in text
    assert "Uw kind: Daan" in text and "Opvoeden en opgroeien" not in text
    assert "De werkcoach" in text and "Iemand die u helpt met schulden" in text
    assert household.dossiernummer not in pages[0][:400]
    assert text.index(household.dossiernummer) > text.index("Wie is uw contactpersoon?")
    for action in view.actions:
        assert action.service_label not in text
    fixed = text
    own = [r.text for r in view.results] + [a.what for a in view.actions] + [
        "Carla Consulent", "Ruud Regisseur", "Mark Jansen", "Jolanda Verhoef", "Verhoef",
        "Daan", household.dossiernummer]
    for words in sorted(own, key=len, reverse=True):
        fixed = fixed.replace(words, " ")
    assert problems(fixed) == []

    names = ["Jolanda", "Verhoef", "Daan", "Carla", "Consulent", "Ruud", "Regisseur", "Mark",
             "Jansen"]
    assert _broken_words(professional, names) == []
    assert _broken_words(resident, names) == []
    # The narrow 'Niveau / dienst' column now breaks long words at a syllable, with a hyphen.
    assert any(line.rstrip().endswith("-") for page in pdf_lines(professional) for line in page)
