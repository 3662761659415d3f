"""The plan in plain Dutch for the resident (B1: short sentences, 'wat gaan we doen, wie doet
het, wanneer'), in larger type. Same agreements as the professional version, fewer words."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from intake.documents.layout import CONTENT_WIDTH, Styles, grid_table, make_styles
from intake.documents.markup import esc, long_date, marked, para
from intake.documents.plan_data import PlanPrint
from intake.plans.views import ActionView, ResultView
from intake.plans.vocab import PLAIN_THEME_LABELS, PlanKind, WhoKind

BODY_SIZE = 12.5


class Voice:
    """'u' for the household plan, 'je' for a young person's toekomstplan."""

    def __init__(self, young: bool) -> None:
        self.young = young
        self.you = "je" if young else "u"
        self.You = "Je" if young else "U"
        self.your = "je" if young else "uw"
        self.Your = "Jouw" if young else "Uw"
        self.yourself = "Jij zelf" if young else "U zelf"


def _when(action: ActionView) -> str:
    if action.start_on and action.due_on:
        return f"Van {long_date(action.start_on)} tot {long_date(action.due_on)}"
    if action.due_on:
        return f"Voor {long_date(action.due_on)}"
    if action.start_on:
        return f"Vanaf {long_date(action.start_on)}"
    return "Spreken we nog af"


def _who(doc: PlanPrint, action: ActionView, voice: Voice) -> str:
    if action.who_kind is WhoKind.INWONER and not action.who_name:
        return voice.yourself
    who = doc.name(action.who_label)
    if action.service_label and action.who_kind is WhoKind.ORGANISATIE and not action.who_name:
        who = action.service_label
    return who


def _intro(doc: PlanPrint, s: Styles, v: Voice) -> list[Flowable]:
    plan = doc.plan
    if plan.kind is PlanKind.TOEKOMSTPLAN:
        owner = doc.redactor.person(plan.owner_member_id, plan.owner_name)
        title = f"Toekomstplan van {owner}"
        lines = ["Dit is jouw plan. Jij bent de baas over dit plan.",
                 "Hier staat wat je wilt bereiken. Over wonen, je dag, geld en de mensen om je "
                 "heen.",
                 "En wat we daarvoor gaan doen."]
    else:
        title = f"{v.Your} plan"
        lines = [f"Dit is {v.your} plan. Het plan is van {v.you}.",
                 f"Hier staat wat {v.you} wilt bereiken.",
                 "En wat we daarvoor gaan doen: wat, wie en wanneer."]
    maker = plan.regisseur_name or plan.created_by
    if maker:
        lines.append(f"{v.You} {'hebt' if v.young else 'heeft'} dit plan gemaakt samen met "
                     f"{esc(maker)}.")
    return [para(title, s.h1), para(doc.household_title, s.body),
            para(f"Versie {plan.number}. Dossiernummer {plan.dossiernummer}.", s.small),
            Spacer(1, 3 * mm), marked("<br/>".join(lines), s.body)]


def _result(doc: PlanPrint, s: Styles, v: Voice, index: int,
            result: ResultView) -> list[Flowable]:
    topic = PLAIN_THEME_LABELS.get(result.theme or "", result.domain_plain_label)
    head: list[Flowable] = [
        para(f"{index}. {topic}", s.h2),
        para(f"Wat {v.you} wilt bereiken:", s.label),
        para(doc.name(result.text) or "Vullen we samen in.", s.body),
    ]
    if result.target_on:
        head.append(para(f"Wanneer: {long_date(result.target_on)}", s.body))
    if not result.actions:
        return [KeepTogether([*head, para("We spreken nog af wat we gaan doen.", s.body)])]
    rows: list[list[Flowable | str]] = [[para(h, s.cell_head) for h in (
        "Wat gaan we doen?", "Wie doet het?", "Wanneer?")]]
    rows += [[para(doc.name(action.what), s.cell), para(_who(doc, action, v), s.cell),
              para(_when(action), s.cell)] for action in result.actions]
    return [KeepTogether([*head, grid_table(rows, [CONTENT_WIDTH * 0.48, CONTENT_WIDTH * 0.24,
                                                   CONTENT_WIDTH * 0.28])])]


def _contact(doc: PlanPrint, s: Styles, v: Voice) -> list[Flowable]:
    plan = doc.plan
    out: list[Flowable] = [para(f"Wie is {v.your} contactpersoon?", s.h2)]
    if plan.aanspreekpunt:
        text = f"{v.Your} contactpersoon is {esc(doc.name(plan.aanspreekpunt))}."
        if plan.aanspreekpunt_contact:
            text += f"<br/>Bereikbaar via: {esc(doc.name(plan.aanspreekpunt_contact))}"
        out.append(marked(text, s.body))
    if plan.regisseur_name:
        out.append(marked(f"{esc(plan.regisseur_name)} houdt het overzicht over het hele plan.",
                          s.body))
    if not plan.aanspreekpunt and not plan.regisseur_name:
        out.append(para("Dit spreken we nog af.", s.body))
    if plan.client_support_offered:
        out.append(para(f"{v.You} kunt gratis hulp krijgen van een cliëntondersteuner. Die "
                        f"helpt {v.you} en is niet van de gemeente.", s.body))
    return out


def _evaluation(doc: PlanPrint, s: Styles, v: Voice) -> list[Flowable]:
    plan = doc.plan
    out: list[Flowable] = [para("Wanneer kijken we hoe het gaat?", s.h2)]
    if plan.evaluation_moments:
        dates = " en ".join(long_date(m.due_on) for m in plan.evaluation_moments)
        out.append(para(f"Op {dates} kijken we samen: gaat het goed? Moet er iets anders?",
                        s.body))
    else:
        out.append(para("Drie maanden nadat het plan klaar is, kijken we samen hoe het gaat.",
                        s.body))
    return out


def _agreement(doc: PlanPrint, s: Styles, v: Voice) -> list[Flowable]:
    plan = doc.plan
    head = para(f"{'Ben je' if v.young else 'Bent u'} het eens met dit plan?", s.h2)
    if plan.agreed_on:
        signed = plan.agreed_how is not None and plan.agreed_how.value == "getekend"
        how = "met een handtekening" if signed else "mondeling"
        text = f"Ja. Op {long_date(plan.agreed_on)} {'heb je' if v.young else 'heeft u'} " \
               f"{how} ja gezegd tegen dit plan."
    else:
        text = f"Zet hieronder {v.your} naam en handtekening als {v.you} het eens bent."
    sign: list[list[Flowable | list[Flowable]]] = [
        [para("Naam:", s.body)], [para("Datum:", s.body)],
        [[para("Handtekening:", s.body), Spacer(1, 16 * mm)]]]
    return [KeepTogether([head, para(text, s.body), Spacer(1, 2 * mm),
                          grid_table(sign, [CONTENT_WIDTH * 0.6], header=False)])]


def resident_story(doc: PlanPrint) -> list[Flowable]:
    s = make_styles(BODY_SIZE)
    voice = Voice(doc.plan.kind is PlanKind.TOEKOMSTPLAN)
    story = _intro(doc, s, voice)
    for index, result in enumerate(doc.plan.results, start=1):
        story += _result(doc, s, voice, index, result)
    story += _contact(doc, s, voice)
    story += _evaluation(doc, s, voice)
    story += _agreement(doc, s, voice)
    return story
