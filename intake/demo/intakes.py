"""Demo step: help questions for every demo household, a brede uitvraag where the outcome
says one was started (some still open, a few with a safety signal), and Jolanda's story:
one intake that finds help questions under four laws.

Rows go in as Core INSERTs in batches inside the run's one transaction, like the households.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from db.models import HelpQuestion, Intake, IntakeAnswer, Signal, SignalStep
from intake.core.roles import Role
from intake.demo.context import DemoContext, DemoHousehold, ProgressFactory, seeded_uuid
from intake.demo.help_questions import QUESTIONS, PlannedQuestion, children_on, plan_questions
from intake.questionnaire.definition import Definition
from intake.questionnaire.loading import load_definition
from intake.uitvraag.signals import route_steps

BATCH = 2000
OPEN_WITHIN = timedelta(days=45)  # intakes started this recently may still be open
SAFETY_SHARE = 0.012
CRISIS_SHARE = 0.003
# Recent intakes get signals more often, so a demo always shows some still being handled.
RECENT = timedelta(days=120)
RECENT_SAFETY_SHARE = 0.1
# The life domain whose score a help question of this type pulls down.
TYPE_DOMAIN = {
    "schulden_geldzaken": "financien", "inkomen_uitkering": "financien",
    "werk_reintegratie": "werk_opleiding", "dagbesteding_ontmoeting": "tijdsbesteding",
    "wonen_huisvesting": "huisvesting", "hulpmiddelen_woningaanpassing_vervoer":
    "lichamelijke_gezondheid", "veiligheid_thuis": "huiselijke_relaties",
    "begeleiding": "geestelijke_gezondheid", "huishoudelijke_ondersteuning": "instrumentele_adl",
    "eenzaamheid_meedoen": "sociaal_netwerk", "mantelzorg": "mantelzorg",
    "taal_inburgering": "taal", "opvoeden_opgroeien": "opvoeden_opgroeien",
    "psychische_klachten_jeugd": "opvoeden_opgroeien", "onderwijs_schoolverzuim": "onderwijs",
}
LOW_SCORES = (2, 3, 3)
USUAL_SCORES = (3, 4, 4, 5, 5)
NEXT_STEP = {"brede_uitvraag": "plan", "doorverwezen": "verwijzing"}


class _Batch:
    def __init__(self) -> None:
        # parents before the rows that point at them
        self.tables: dict[type[Any], list[dict[str, Any]]] = {
            Intake: [], IntakeAnswer: [], Signal: [], SignalStep: [], HelpQuestion: []}

    def add(self, model: type[Any], row: dict[str, Any]) -> None:
        self.tables[model].append(row)

    def flush(self, ctx: DemoContext) -> None:
        for model, rows in self.tables.items():
            if rows:
                ctx.insert(model, rows)
                rows.clear()


class _Writer:
    def __init__(self, ctx: DemoContext, definition: Definition) -> None:
        self.ctx = ctx
        self.rng = ctx.rng_for("hulpvragen-en-uitvragen")
        self.definition = definition
        self.batch = _Batch()
        self.counts = {"hulpvragen": 0, "uitvragen": 0, "signalen": 0}
        # (domain, score key, per child) in questionnaire order; only the required answers
        # are written, the open questions around each score stay empty as if skipped
        self.domains = [
            (s.domain, next(q.key for q in s.questions if q.role == "score"), bool(s.repeat))
            for _, s in definition.sections() if s.domain]
        self._encoded: dict[Any, str] = {}

    def household(self, household: DemoHousehold, planned: list[PlannedQuestion]) -> None:
        actor = self.ctx.actors[household.created_by]
        rows = []
        for question in planned:
            member = household.members[question.member_index].id \
                if question.member_index is not None else None
            row = {"id": seeded_uuid(self.rng), "household_id": household.id,
                   "member_id": member, "registered_on": question.registered_on,
                   "registered_at": question.registered_at, "registered_by_id": actor.id,
                   "type_code": question.type_code, "vindplaats_code": question.vindplaats,
                   "channel_code": question.channel, "question": QUESTIONS[question.type_code],
                   "outcome_code": question.outcome, "referral_target": question.referral,
                   "intake_id": None, "version": 1}
            rows.append(row)
        started = [r for r in rows if r["outcome_code"] == "brede_uitvraag"]
        if started:
            self.add_intake(household, started[-1], rows)
        for row in rows:
            self.batch.add(HelpQuestion, row)
        self.counts["hulpvragen"] += len(rows)

    def add_intake(self, household: DemoHousehold, trigger: dict[str, Any],
                rows: list[dict[str, Any]], *, scores: dict[str, int] | None = None,
                force_finished: bool = False) -> None:
        rng, ctx = self.rng, self.ctx
        actor = ctx.actors[household.created_by]
        started_at: datetime = trigger["registered_at"] + timedelta(days=rng.randrange(0, 10))
        started_at = min(started_at, ctx.now - timedelta(hours=1))
        is_open = not force_finished and ctx.now - started_at < OPEN_WITHIN \
            and rng.random() < 0.6
        intake_id = seeded_uuid(rng)
        related = [r for r in rows if r["registered_at"] <= started_at] or [trigger]
        answers = self._answers(household, trigger, related, started_at, scores or {})
        if is_open:
            answers = answers[:rng.randrange(8, len(answers) // 2)]
        for row in related:
            if row["outcome_code"] == "brede_uitvraag":
                row["intake_id"] = intake_id
        finished = None if is_open else started_at + timedelta(days=rng.randrange(0, 14))
        next_step = NEXT_STEP.get(trigger["outcome_code"], "plan") if finished else None
        self.batch.add(Intake, {
            "id": intake_id, "household_id": household.id, "definition_key": self.definition.key,
            "definition_version": self.definition.version,
            "channel_code": trigger["channel_code"], "vindplaats_code": trigger["vindplaats_code"],
            "status": "open" if is_open else "afgerond", "started_at": started_at,
            "started_by_id": actor.id, "finished_at": finished,
            "finished_by_id": actor.id if finished else None, "current_key": answers[-1][0],
            "current_repeat": answers[-1][1], "next_step": next_step, "version": 1,
            "updated_at": finished or started_at})
        for key, repeat, value in answers:
            self.batch.add(IntakeAnswer, {
                "id": seeded_uuid(rng), "intake_id": intake_id, "question_key": key,
                "repeat_key": repeat, "value_json": self._encode(value),
                "definition_version": self.definition.version, "answered_by_id": actor.id,
                "answered_at": started_at})
        self.counts["uitvragen"] += 1
        for kind, key in (("veiligheid", "vh_onveilig"), ("crisis", "vh_crisis")):
            if any(k == key and v == "ja" for k, _, v in answers):
                self._signal(household, intake_id, kind, key, started_at, actor.id)

    def _encode(self, value: Any) -> str:
        if isinstance(value, str | int) and not isinstance(value, bool):
            cached = self._encoded.get(value)
            if cached is None:
                cached = self._encoded[value] = json.dumps(value, ensure_ascii=False)
            return cached
        return json.dumps(value, ensure_ascii=False)

    def _answers(self, household: DemoHousehold, trigger: dict[str, Any],
                 related: list[dict[str, Any]], started_at: datetime,
                 fixed_scores: dict[str, int]) -> list[tuple[str, str, Any]]:
        rng = self.rng
        low = {TYPE_DOMAIN.get(r["type_code"]) for r in related}
        day = started_at.date()
        children = [household.members[i].id.hex for i in children_on(household, day)]
        answers: list[tuple[str, str, Any]] = [
            ("reg_datum", "", day.isoformat()), ("reg_kanaal", "", trigger["channel_code"]),
            ("reg_vindplaats", "", trigger["vindplaats_code"]), ("reg_melder", "", "inwoner"),
            ("reg_toestemming_vastleggen", "", "ja"), ("reg_toestemming_delen", "", "nee"),
            ("vr_eigen_woorden", "", trigger["question"]),
            ("vr_hoofdprobleem", "", trigger["question"]), ("vr_direct_geholpen", "", "nee")]
        for domain, score_key, per_child in self.domains:
            for repeat in (children if per_child else [""]):
                pool = LOW_SCORES if domain in low else USUAL_SCORES
                score = fixed_scores.get(domain) or pool[int(rng.random() * len(pool))]
                answers.append((score_key, repeat, score))
        roll = rng.random()
        safety = RECENT_SAFETY_SHARE if self.ctx.now - started_at < RECENT else SAFETY_SHARE
        answers += [("vh_onveilig", "", "ja" if roll < safety else "nee"),
                    ("vh_kinderen", "", "nee"),
                    ("vh_crisis", "", "ja" if roll > 1 - CRISIS_SHARE else "nee")]
        found = [{"type": r["type_code"],
                  "member": r["member_id"].hex if r["member_id"] else None} for r in related]
        next_step = NEXT_STEP.get(trigger["outcome_code"], "plan")
        answers += [("cl_hulpvragen", "", found), ("cl_vervolg", "", next_step)]
        if next_step == "verwijzing":
            answers.append(("cl_verwijzing_naar", "", trigger["referral_target"] or "Wijkracht"))
        answers += [("cl_clientondersteuning", "", "ja"), ("cl_huisbezoek", "", "nee")]
        return answers

    def _signal(self, household: DemoHousehold, intake_id: uuid.UUID, kind: str, key: str,
                raised_at: datetime, actor_id: uuid.UUID) -> None:
        signal_id = seeded_uuid(self.rng)
        steps = route_steps(kind)
        # older signals were followed through; recent ones are still on someone's desk
        done = len(steps) if self.ctx.now - raised_at > RECENT / 2 \
            else self.rng.randrange(0, len(steps))
        handled = raised_at + timedelta(days=2 * done) if done == len(steps) else None
        self.batch.add(Signal, {
            "id": signal_id, "intake_id": intake_id, "household_id": household.id,
            "kind": kind, "question_key": key, "repeat_key": "", "raised_at": raised_at,
            "raised_by_id": actor_id, "handled_at": handled, "version": 1 + done,
            "updated_at": handled})
        for number in range(1, done + 1):
            self.batch.add(SignalStep, {
                "id": seeded_uuid(self.rng), "signal_id": signal_id, "step": number,
                "decision": "Besproken en vastgelegd.",
                "decided_at": raised_at + timedelta(days=2 * number), "decided_by_id": actor_id})
        self.counts["signalen"] += 1


def _jolanda_questions(household: DemoHousehold, now: datetime) -> list[PlannedQuestion]:
    """Her story: work (Participatiewet), support (Wmo), her son (Jeugdwet), debts (Wgs)."""
    base = max(household.created_at, now - timedelta(days=30))
    day = base.date()
    items = [("werk_reintegratie", "werkplein", "balie", "brede_uitvraag", ""),
             ("begeleiding", "wijkteam", "huisbezoek", "brede_uitvraag", ""),
             ("opvoeden_opgroeien", "huisarts", "op_de_vindplaats", "brede_uitvraag", ""),
             ("schulden_geldzaken", "zorgloket", "telefoon", "brede_uitvraag", "")]
    return [PlannedQuestion(day, base + timedelta(minutes=index), Role.CONSULENT, code, place,
                            channel, outcome, referral, 0)
            for index, (code, place, channel, outcome, referral) in enumerate(items)]


def add_intakes(ctx: DemoContext, progress: ProgressFactory) -> None:
    writer = _Writer(ctx, load_definition("brede_uitvraag"))
    report = progress("Hulpvragen en uitvragen", len(ctx.households))
    for index, household in enumerate(ctx.households):
        if household.id == ctx.jolanda_id:
            _jolanda(writer, household)
        else:
            writer.household(household, plan_questions(writer.rng, household, ctx.now))
        if (index + 1) % BATCH == 0:
            writer.batch.flush(ctx)
            report(index + 1)
    writer.batch.flush(ctx)
    report(len(ctx.households))
    for what, value in writer.counts.items():
        ctx.counts[what] = ctx.counts.get(what, 0) + value


def _jolanda(writer: _Writer, household: DemoHousehold) -> None:
    planned = _jolanda_questions(household, writer.ctx.now)
    rows = []
    for question in planned:
        rows.append({"id": seeded_uuid(writer.rng), "household_id": household.id,
                     "member_id": household.members[0].id,
                     "registered_on": question.registered_on,
                     "registered_at": question.registered_at,
                     "registered_by_id": writer.ctx.actors[Role.CONSULENT].id,
                     "type_code": question.type_code, "vindplaats_code": question.vindplaats,
                     "channel_code": question.channel, "question": QUESTIONS[question.type_code],
                     "outcome_code": question.outcome, "referral_target": "", "intake_id": None,
                     "version": 1})
    scores = {"financien": 3, "werk_opleiding": 3, "geestelijke_gezondheid": 3,
              "huiselijke_relaties": 3, "sociaal_netwerk": 2, "instrumentele_adl": 3}
    writer.add_intake(household, rows[-1], rows, scores=scores, force_finished=True)
    for row in rows:
        writer.batch.add(HelpQuestion, row)
    writer.counts["hulpvragen"] += len(rows)
