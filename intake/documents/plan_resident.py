"""The plan in plain Dutch for the resident (B1: short sentences, 'wat gaan we doen, wie doet
het, wanneer'), in larger type. Same agreements as the professional version, fewer words.
The rules every fixed sentence here follows are in plain_words.py."""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from intake.catalogues.shipped import plain_service_names
from intake.documents.layout import CONTENT_WIDTH, Styles, grid_table, make_styles
from intake.documents.markup import esc, keep, long_date, marked, para
from intake.documents.plan_data import PlanPrint
from intake.plans.views import ActionView, ResultView
from intake.plans.vocab import PLAIN_THEME_LABELS, PlanKind, WhoKind

BODY_SIZE = 12.5
# Life domains asked per child: the heading names the child ('Uw kind: Daan').
CHILD_DOMAINS = frozenset({"opvoeden_opgroeien", "onderwijs"})


class Voice:
    """'u' for the household plan, 'je' for a young person's toekomstplan."""

    def __init__(self, young: bool) -> None:
        self.young = young
        self.you = "je" if young else "u"
        self.You = "Je" if young else "U"
        self.your = "je" if young else "uw"
        self.Your = "Jouw" if young else "Uw"
        self.yourself = "Jij zelf" if young else "U zelf"

    def adapt(self, text: str) -> str:
        """Plain wording written for 'u' ('iemand die u helpt'), in this plan's voice."""
        if not self.young:
            return text
        words = {"u": "je", "uw": "je", "U": "Je", "Uw": "Jouw"}
        return re.sub(r"\b(?:Uw|uw|U|u)\b", lambda m: words[m.group(0)], text)


def _when(action: ActionView) -> str:
    """Markup: dates kept whole."""
    start, due = keep(long_date(action.start_on)), keep(long_date(action.due_on))
    if action.start_on and action.due_on:
        return f"Van {start} tot {due}"
    if action.due_on:
        return f"Voor {due}"
    if action.start_on:
        return f"Vanaf {start}"
    return "Spreken we nog af"


def _service(action: ActionView, voice: Voice) -> str:
    """A service by its plain name ('de werkcoach'), never its catalogue label."""
    plain = plain_service_names().get(action.service_code, "")
    return voice.adapt(plain) if plain else action.service_name


def _who(doc: PlanPrint, action: ActionView, voice: Voice) -> str:
    """Markup: a person's name is kept whole."""
    if action.who_kind is WhoKind.INWONER and not action.who_name:
        return esc(voice.yourself)
    if action.service_id and not action.who_name:
        text = _service(action, voice)
        return esc(text[:1].upper() + text[1:])
    if action.who_kind in (WhoKind.INWONER, WhoKind.NETWERK, WhoKind.ORGANISATIE):
        return doc.text(action.who_label)
    who = keep(doc.name(action.who_label))
    if action.service_id:
        who += f"<br/>{esc(_service(action, voice))}"
    return who


def _topic(doc: PlanPrint, result: ResultView, voice: Voice) -> str:
    """Markup for the heading: plain, non-judging words; a child's domain names the child."""
    topic = esc(voice.adapt(PLAIN_THEME_LABELS.get(result.theme or "",
                                                  result.domain_plain_label)))
    if result.member_id and result.domain_code in CHILD_DOMAINS:
        member = next((m for m in doc.members if m.id == result.member_id), None)
        if member is not None:
            given = member.given_name if not doc.redacted else \
                doc.redactor.person(member.id, member.name)
            topic += f": {keep(given)}"
    return topic


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
    # The person who drew this version up with the resident, not the coordinator.
    maker = doc.name(plan.created_by or plan.regisseur_name)
    if maker:
        lines.append(f"{v.You} {'hebt' if v.young else 'heeft'} dit plan gemaakt samen met "
                     f"{keep(maker)}.")
    return [para(title, s.h1), marked(keep(doc.household_title), s.body),
            Spacer(1, 3 * mm), marked("<br/>".join(lines), s.body)]


def _result(doc: PlanPrint, s: Styles, v: Voice, index: int,
            result: ResultView) -> list[Flowable]:
    head: list[Flowable] = [
        marked(f"{index}. {_topic(doc, result, v)}", s.h2),
        para(f"Wat {v.you} wilt bereiken:", s.label),
        marked(doc.text(result.text) or "Vullen we samen in.", s.body),
    ]
    if result.target_on:
        head.append(marked(f"Wanneer: {keep(long_date(result.target_on))}", s.body))
    if not result.actions:
        return [KeepTogether([*head, para("We spreken nog af wat we gaan doen.", s.body)])]
    rows: list[list[Flowable | str]] = [[para(h, s.cell_head) for h in (
        "Wat gaan we doen?", "Wie doet het?", "Wanneer?")]]
    rows += [[marked(doc.text(action.what), s.cell), marked(_who(doc, action, v), s.cell),
              marked(_when(action), s.cell)] for action in result.actions]
    return [KeepTogether([*head, grid_table(rows, [CONTENT_WIDTH * 0.48, CONTENT_WIDTH * 0.24,
                                                   CONTENT_WIDTH * 0.28])])]


def _contact(doc: PlanPrint, s: Styles, v: Voice) -> list[Flowable]:
    plan = doc.plan
    out: list[Flowable] = [para(f"Wie is {v.your} contactpersoon?", s.h2)]
    if plan.aanspreekpunt:
        text = f"{v.Your} contactpersoon is {doc.text(plan.aanspreekpunt)}."
        if plan.aanspreekpunt_contact:
            text += f"<br/>Bel of mail: {keep(doc.name(plan.aanspreekpunt_contact))}"
        out.append(marked(text, s.body))
    if plan.regisseur_name:
        out.append(marked(f"{keep(doc.name(plan.regisseur_name))} houdt het overzicht over "
                          "het hele plan.", s.body))
    if not plan.aanspreekpunt and not plan.regisseur_name:
        out.append(para("Dit spreken we nog af.", s.body))
    if plan.client_support_offered:
        out.append(para(f"{v.You} kunt gratis hulp krijgen van iemand die met {v.you} meedenkt. "
                        "Die persoon werkt niet voor de gemeente.", s.body))
    out.append(marked(f"{'Heb je' if v.young else 'Heeft u'} een vraag? Bel dan "
                      f"{v.your} contactpersoon. Noem dit nummer: "
                      f"{keep(plan.dossiernummer)}.", s.body))
    return out


def _evaluation(doc: PlanPrint, s: Styles, v: Voice) -> list[Flowable]:
    plan = doc.plan
    out: list[Flowable] = [para("Wanneer kijken we hoe het gaat?", s.h2)]
    if plan.evaluation_moments:
        dates = " en ".join(keep(long_date(m.due_on)) for m in plan.evaluation_moments)
        out.append(marked(f"Op {dates} kijken we samen: gaat het goed? Moet er iets anders?",
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
        text = f"Ja. Op {keep(long_date(plan.agreed_on))} " \
               f"{'heb je' if v.young else 'heeft u'} {how} ja gezegd tegen dit plan."
        # Signed already: an empty signature block would ask her to sign again.
        return [KeepTogether([head, marked(text, s.body)])]
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
