"""Demo help questions with the spread the policy describes.

About 60% Wmo types; youth types mostly found by the POH-jeugd, school and the JGZ; desk
contacts (Zorgloket) mostly by phone and often helped on the spot; about half of the
households with more than one help question.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from intake.core.roles import Role
from intake.demo.context import DemoHousehold
from intake.register.households import MemberRole

ADULT_TYPES = {  # weight per type for an adult's question; Wmo types are two thirds
    "huishoudelijke_ondersteuning": 16, "begeleiding": 14,
    "hulpmiddelen_woningaanpassing_vervoer": 12, "dagbesteding_ontmoeting": 7,
    "eenzaamheid_meedoen": 6, "mantelzorg": 5, "wonen_huisvesting": 4, "veiligheid_thuis": 2,
    "schulden_geldzaken": 9, "inkomen_uitkering": 7, "werk_reintegratie": 6,
    "taal_inburgering": 3, "informatie_advies": 7, "overig": 2,
}
YOUTH_TYPES = {"opvoeden_opgroeien": 55, "psychische_klachten_jeugd": 25,
               "onderwijs_schoolverzuim": 20}
YOUTH_PLACES = {"huisarts": 30, "school": 25, "jgz": 20, "wijkteam": 10, "zorgloket": 10,
                "gecertificeerde_instelling": 3, "inwoner_zelf": 2}
ADULT_PLACES = {"zorgloket": 58, "wijkteam": 17, "huisarts": 5, "woningcorporatie": 4,
                "bibliotheek": 2, "straat_jongerenwerk": 2, "verloskundige": 1, "overig": 3}
WORK_PLACES = {"werkplein": 60, "zorgloket": 30, "sociale_werkvoorziening": 10}
CHANNELS_DESK = {"telefoon": 80, "balie": 12, "digitaal": 8}
CHANNELS_WIJKTEAM = {"huisbezoek": 50, "op_de_vindplaats": 30, "telefoon": 20}
CHANNELS_FIELD = {"op_de_vindplaats": 75, "huisbezoek": 10, "telefoon": 15}
OUTCOMES_DESK = {"direct_geholpen": 60, "brede_uitvraag": 15, "doorverwezen": 20, "afgesloten": 5}
OUTCOMES_FIELD = {"direct_geholpen": 35, "brede_uitvraag": 25, "doorverwezen": 32,
                  "afgesloten": 8}
# How many help questions a household has had: about half more than one.
PER_HOUSEHOLD = {"1": 50, "2": 26, "3": 13, "4": 7, "5": 4}
REFERRALS = {
    "schulden_geldzaken": ["Stadsbank", "BudgetAlert", "Humanitas thuisadministratie"],
    "inkomen_uitkering": ["Werkplein"], "werk_reintegratie": ["Werkplein", "SWB"],
    "opvoeden_opgroeien": ["LOES opvoedadvies", "GGD jeugdgezondheidszorg", "Jeugdteam"],
    "psychische_klachten_jeugd": ["Jeugdteam", "Huisarts"],
    "onderwijs_schoolverzuim": ["Leerplichtambtenaar", "Jeugdteam"],
    "veiligheid_thuis": ["Veilig Thuis"], "taal_inburgering": ["Bibliotheek Taalhuis"],
}
DEFAULT_REFERRALS = ["Wijkracht", "CarintReggeland", "Trivium", "Humanitas"]
QUESTIONS = {
    "huishoudelijke_ondersteuning": "Schoonmaken lukt niet meer na een operatie",
    "begeleiding": "Zoekt hulp om dagelijkse dingen te plannen",
    "hulpmiddelen_woningaanpassing_vervoer": "Vraagt naar een traplift of vervoer",
    "dagbesteding_ontmoeting": "Wil overdag ergens naartoe",
    "eenzaamheid_meedoen": "Voelt zich alleen sinds de verhuizing",
    "mantelzorg": "Zorg voor partner wordt te zwaar",
    "wonen_huisvesting": "Woning past niet meer",
    "veiligheid_thuis": "Zorgen over spanningen thuis",
    "schulden_geldzaken": "Achterstand met huur en energie",
    "inkomen_uitkering": "Vraag over toeslagen en uitkering",
    "werk_reintegratie": "Wil graag betaald werk",
    "taal_inburgering": "Begrijpt brieven van instanties niet",
    "informatie_advies": "Vraag over mogelijkheden van ondersteuning",
    "overig": "Algemene vraag",
    "opvoeden_opgroeien": "Vragen over slapen en eten",
    "psychische_klachten_jeugd": "Kind is somber en angstig",
    "onderwijs_schoolverzuim": "Kind gaat vaak niet naar school",
}


@dataclass(frozen=True)
class PlannedQuestion:
    registered_on: date
    registered_at: datetime
    creator: Role
    type_code: str
    vindplaats: str
    channel: str
    outcome: str
    referral: str
    member_index: int | None  # position in DemoHousehold.members


_CUMULATIVE: dict[int, tuple[list[str], list[int]]] = {}


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    """A weighted draw; the cumulative weights of each table are worked out once."""
    table = _CUMULATIVE.get(id(weights))
    if table is None:
        running, cumulative = 0, []
        for weight in weights.values():
            running += weight
            cumulative.append(running)
        table = _CUMULATIVE[id(weights)] = (list(weights), cumulative)
    keys, cumulative = table
    return keys[bisect.bisect_right(cumulative, rng.random() * cumulative[-1])]


def children_on(household: DemoHousehold, on: date) -> list[int]:
    return [i for i, m in enumerate(household.members)
            if m.role == MemberRole.KIND.value or (on - m.date_of_birth).days < 18 * 365]


def plan_questions(rng: random.Random, household: DemoHousehold, now: datetime) -> \
        list[PlannedQuestion]:
    count = int(_pick(rng, PER_HOUSEHOLD))
    first = household.created_at
    span = max((now - first).total_seconds(), 3600.0)
    moments = sorted([first] + [first + timedelta(seconds=rng.uniform(0, span))
                                for _ in range(count - 1)])
    return [_question(rng, household, moment) for moment in moments]


def _question(rng: random.Random, household: DemoHousehold, moment: datetime) -> \
        PlannedQuestion:
    day = moment.date()
    children = children_on(household, day)
    member: int | None = None
    if household.created_by is Role.VINDPLAATS and children:
        # registered at the GP's practice: the POH-jeugd's questions are about a child
        type_code, place, channel = _pick(rng, YOUTH_TYPES), "huisarts", "op_de_vindplaats"
        member = rng.choice(children)
    elif children and rng.random() < 0.25:
        type_code, place = _pick(rng, YOUTH_TYPES), _pick(rng, YOUTH_PLACES)
        member = rng.choice(children)
        channel = _channel(rng, place)
    else:
        type_code = _pick(rng, ADULT_TYPES)
        place = _pick(rng, WORK_PLACES) if type_code in ("werk_reintegratie",
                                                         "inkomen_uitkering") \
            else _pick(rng, ADULT_PLACES)
        channel = _channel(rng, place)
        if rng.random() < 0.5:
            member = 0
    outcome = _pick(rng, OUTCOMES_DESK if place == "zorgloket" else OUTCOMES_FIELD)
    referral = rng.choice(REFERRALS.get(type_code, DEFAULT_REFERRALS)) \
        if outcome == "doorverwezen" else ""
    at = datetime.combine(day, time(9)) + timedelta(minutes=rng.randrange(0, 8 * 60))
    return PlannedQuestion(day, at, household.created_by, type_code, place, channel, outcome,
                           referral, member)


def _channel(rng: random.Random, place: str) -> str:
    if place == "zorgloket":
        return _pick(rng, CHANNELS_DESK)
    if place == "wijkteam":
        return _pick(rng, CHANNELS_WIJKTEAM)
    return _pick(rng, CHANNELS_FIELD)
