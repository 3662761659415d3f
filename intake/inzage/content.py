"""What the resident's answer holds (article 15 AVG), as plain sections the PDF prints and the
JSON carries, so both say the same.

Left out: other members' dates of birth, BSN and special-category data (their help questions,
their per-child answers, their plan results, and for a child the household's own answers).
Withheld, with the legal ground stated: answers that raise a safety or crisis signal and the
recorded steps of the Meldcode; the answer then says a professional reviews it before it
leaves.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from db.models import AuditEntry, Intake, Signal, SignalStep, User
from intake.core import audit
from intake.core.access import require_read
from intake.core.clock import format_local, local_date
from intake.core.context import UnitOfWork
from intake.core.errors import ValidationError
from intake.core.text import fold
from intake.core.validation import format_date, format_postcode, parse_date
from intake.help_questions.registration import list_help_questions
from intake.inzage.consents import consents_for
from intake.inzage.texts import LEGAL_GROUND, PURPOSES, REVIEW_NOTE, RIGHTS, SOURCES_INTRO
from intake.plans import household_plans, open_plan_version
from intake.plans.views import PlanVersionView
from intake.register.access_history import household_history
from intake.register.households import HouseholdView, open_household
from intake.register.members import MemberRole, MemberView
from intake.retention import load_terms, retention_of, term_label
from intake.retention.dossiers import laws_of
from intake.uitvraag.flow import summary

SHARING_ACTIONS = {"afdrukken": "Afgedrukt", "pdf-opslaan": "Opgeslagen als PDF",
                   "exporteren": "Geëxporteerd"}


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    text: tuple[str, ...] = ()
    tables: tuple[tuple[str, Table], ...] = ()  # (caption, table)


@dataclass(frozen=True)
class InzageAnswer:
    dossiernummer: str
    member_name: str
    made_at: datetime
    made_by: str
    sections: tuple[Section, ...]
    withheld: int
    needs_review: bool = field(default=False)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


def _pick(household: HouseholdView, name: str | None, born: str | None,
          member_id: uuid.UUID | None) -> MemberView:
    if member_id is not None:  # chosen from the list on screen
        matches = [m for m in household.members if m.id == member_id]
        if not matches:
            raise ValidationError({"member": "Dit gezinslid hoort niet (meer) bij dit dossier."})
        return matches[0]
    if bool(name) == bool(born):
        raise ValidationError({"member": "Geef de volledige naam of de geboortedatum van het "
                                         "gezinslid."})
    if name:
        wanted = fold(name)
        matches = [m for m in household.members if fold(m.name) == wanted]
    else:
        day = parse_date(born or "")
        if day is None:
            raise ValidationError({"member": "Geef de geboortedatum als DD-MM-JJJJ."})
        matches = [m for m in household.members if m.date_of_birth == day]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ValidationError({"member": "Geen gezinslid in dit dossier past bij wat u opgaf."})
    listed = "; ".join(f"{m.name} ({format_date(m.date_of_birth)})" for m in matches)
    raise ValidationError({"member": f"Meer gezinsleden passen: {listed}. Geef de volledige "
                                     "naam of de geboortedatum erbij."})


def _personal(household: HouseholdView, member: MemberView) -> Section:
    rows = [("Naam", member.name), ("Geboortedatum", format_date(member.date_of_birth)),
            ("Rol in het huishouden", member.role.value), ("BSN", member.bsn or ""),
            ("Adres", f"{household.street} {household.house_number}"
                      f"{household.house_number_suffix}, {format_postcode(household.postcode)} "
                      f"{household.city}"),
            ("Telefoon", household.phone), ("E-mail", household.email),
            ("Dossiernummer", household.dossiernummer)]
    if member.lives_elsewhere:
        rows.append(("Woont elders", f"{member.residence.value} {member.residence_note}".strip()))
    others = tuple((m.name, m.role.value) for m in household.members if m.id != member.id)
    network = tuple((n.name, n.relation) for n in household.network)
    return Section("gegevens", "Uw gegevens", tables=(
        ("", Table(("Gegeven", "Waarde"), tuple((k, v) for k, v in rows if v))),
        ("Gezinsleden (zonder hun bijzondere gegevens)", Table(("Naam", "Rol"), others)),
        ("Netwerk", Table(("Naam", "Relatie"), network))))


class _Builder:
    def __init__(self, uow: UnitOfWork, household: HouseholdView, member: MemberView) -> None:
        self.uow = uow
        self.household = household
        self.member = member
        self.withheld: list[tuple[str, str]] = []  # (what, when)
        self.adult = member.role is not MemberRole.KIND

    def mine(self, member_id: uuid.UUID | None) -> bool:
        """About this member, or about the household as a whole (not for a child)."""
        return member_id == self.member.id or (member_id is None and self.adult)

    def help_questions(self) -> Section:
        rows = tuple(
            (format_date(q.registered_on), q.type_label, q.vindplaats_label, q.channel_label,
             q.question, q.outcome_text, q.registered_by)
            for q in list_help_questions(self.uow, self.household.id) if self.mine(q.member_id))
        return Section("hulpvragen", "Uw hulpvragen", tables=(("", Table(
            ("Datum", "Soort", "Vindplaats", "Kanaal", "Vraag", "Uitkomst", "Vastgelegd door"),
            rows)),))

    def intakes(self) -> Section:
        session = self.uow.session
        tables = []
        for intake in session.scalars(select(Intake).where(
                Intake.household_id == self.household.id).order_by(Intake.started_at)):
            raised = {(row.question_key, row.repeat_key) for row in session.scalars(
                select(Signal).where(Signal.intake_id == intake.id))}
            page = summary(self.uow, intake.id)
            rows = []
            for section in page.sections:
                for line in section.lines:
                    if not line.answer:
                        continue
                    if line.repeat_key and line.repeat_key != self.member.id.hex:
                        continue  # another member's section
                    if not line.repeat_key and not self.adult:
                        continue  # the household's answers belong to the adults
                    if (line.key, line.repeat_key) in raised:
                        self.withheld.append(("Een antwoord dat een signaal gaf",
                                              format_date(local_date(intake.started_at))))
                        continue
                    rows.append((section.title, line.label, line.answer))
            caption = (f"Brede uitvraag van {format_date(local_date(intake.started_at))}"
                       f" ({intake.status})")
            tables.append((caption, Table(("Onderdeel", "Vraag", "Antwoord"), tuple(rows))))
        for signal in session.scalars(select(Signal).where(
                Signal.household_id == self.household.id)):
            steps = session.scalars(select(SignalStep).where(SignalStep.signal_id == signal.id))
            self.withheld.append((f"Signaal ({signal.kind}) en {len(list(steps))} vastgelegde "
                                  "stappen van de Meldcode",
                                  format_date(local_date(signal.raised_at))))
        return Section("uitvraag", "Wat u vertelde in de brede uitvraag", tables=tuple(tables))

    def plans(self) -> Section:
        tables = []
        for plan in household_plans(self.uow, self.household.id):
            if plan.owner_member_id is not None and plan.owner_member_id != self.member.id:
                continue  # another young person's toekomstplan
            for info in plan.versions:
                version = open_plan_version(self.uow, plan.id, info.number)
                tables.extend(self._version(version))
        return Section("plannen", "Uw plan en de versies ervan", tables=tuple(tables))

    def _version(self, view: PlanVersionView) -> list[tuple[str, Table]]:
        agreed = (f", afgesproken op {format_date(view.agreed_on)}"
                  f" ({view.agreed_how.value if view.agreed_how else ''})"
                  if view.agreed_on else "")
        caption = (f"{view.kind.label} versie {view.number}: {view.status.label}{agreed}; "
                   f"regisseur {view.regisseur_name or '-'}")
        rows = []
        for result in view.results:
            if not self.mine(result.member_id):
                continue
            actions = "; ".join(f"{a.what} ({a.who_label}, {a.support_level_label}"
                                f"{', voor ' + format_date(a.due_on) if a.due_on else ''})"
                                for a in result.actions)
            outcome = view.evaluation.outcome_for(result.lineage_id) if view.evaluation else None
            rows.append((result.domain_label, result.law_label, result.text, actions,
                         outcome.outcome.label + (f": {outcome.note}" if outcome.note else "")
                         if outcome else ""))
        found = [(caption, Table(("Leefgebied", "Wet", "Resultaat", "Acties", "Evaluatie"),
                                 tuple(rows)))]
        if view.evaluation is not None:
            evaluation = view.evaluation
            found.append((f"Evaluatie van versie {view.number}", Table(
                ("Datum", "Tevredenheid", "Besluit", "Toelichting"),
                ((format_date(evaluation.evaluated_on),
                  f"{evaluation.satisfaction} van 5" if evaluation.satisfaction else "",
                  evaluation.decision.label,
                  " ".join(t for t in (evaluation.note, evaluation.closing_reason) if t)),))))
        return found

    def access_log(self) -> tuple[Section, Section]:
        history = household_history(self.uow, self.household.id)
        looked = Section("inzage_log", "Wie uw dossier heeft ingezien of gewijzigd", tables=((
            "", Table(("Wanneer", "Wie", "Functie", "Wat"), tuple(
                (format_local(row.at), row.display_name, row.role, row.action)
                for row in history if row.result == "ok"))),))
        shared = self.uow.session.execute(
            select(AuditEntry.at, AuditEntry.action, AuditEntry.object_type, AuditEntry.detail,
                   User.display_name)
            .outerjoin(User, User.id == AuditEntry.actor_id)
            .where(AuditEntry.household_id == self.household.id, AuditEntry.result == "ok",
                   AuditEntry.action.in_([*SHARING_ACTIONS, "inzien"]))
            .order_by(AuditEntry.seq))
        rows = []
        for at, action, object_type, detail, name in shared:
            if action == "inzien" and object_type != "replica":
                continue
            what = ("Kopie op de laptop van een teamlid" if object_type == "replica"
                    else f"{SHARING_ACTIONS[action]} ({object_type}, {detail})")
            rows.append((format_local(at), name or "", what))
        consents = consents_for(self.uow, self.household.id, self.member.id)
        rows += [(format_date(c.given_on), c.partner, f"Met toestemming: {c.purpose}")
                 for c in consents if c.withdrawn_on is None]
        return looked, Section(
            "gedeeld", "Met wie uw gegevens zijn gedeeld",
            text=("Afgedrukte plannen gaan mee naar u of naar wie in het plan staat; een kopie op "
                  "de laptop van een teamlid is versleuteld en verdwijnt als het dossier daar "
                  "niet meer nodig is.",),
            tables=(("", Table(("Wanneer", "Door of aan", "Wat"), tuple(rows))),))

    def consents(self) -> Section:
        consents = consents_for(self.uow, self.household.id, self.member.id)
        if not consents:
            return Section("toestemmingen", "Uw toestemmingen", text=(
                "Er is geen toestemming vastgelegd om uw gegevens met een partner te delen.",))
        return Section("toestemmingen", "Uw toestemmingen", tables=(("", Table(
            ("Partner", "Doel", "Gegeven op", "Ingetrokken op"),
            tuple((c.partner, c.purpose, format_date(c.given_on), format_date(c.withdrawn_on))
                  for c in consents))),))

    def retention(self) -> Section:
        terms = load_terms(self.uow)
        found = retention_of(self.uow.session, terms, self.household.id)
        if found is not None:
            text = (f"Uw dossier is afgesloten op {format_date(found.closed_on)}. Het wordt "
                    f"bewaard tot {format_date(found.ends_on)} ({term_label(found.term_code)}: "
                    f"{found.years} jaar) en daarna vernietigd.",)
        else:
            laws = laws_of(self.uow.session, self.household.id) or {"geen"}
            term = max((terms[law] for law in laws if law in terms), key=lambda t: t.years)
            text = (f"Uw dossier is nog open. Na afsluiting bewaren wij het {term.years} jaar "
                    f"({term.label}) en vernietigen het daarna.",)
        sources = tuple(f"{terms[code].label}: {terms[code].years} jaar. {terms[code].source}"
                        for code in sorted(terms))
        return Section("bewaartermijn", "Hoe lang wij uw gegevens bewaren", text=text + sources)

    def sources(self) -> Section:
        places = sorted({q.vindplaats_label for q in
                         list_help_questions(self.uow, self.household.id)
                         if self.mine(q.member_id)})
        return Section("herkomst", "Waar uw gegevens vandaan komen", text=(
            SOURCES_INTRO, *(f"Uw hulpvraag kwam binnen via: {place}." for place in places)))

    def withheld_section(self) -> Section:
        if not self.withheld:
            return Section("achtergehouden", "Niet in dit overzicht", text=(
                "Er is niets achtergehouden.",))
        return Section("achtergehouden", "Niet in dit overzicht", text=(
            LEGAL_GROUND, REVIEW_NOTE), tables=(("", Table(("Wat", "Datum"),
                                                            tuple(self.withheld))),))


def build_inzage(uow: UnitOfWork, household_id: uuid.UUID, *, member_name: str | None = None,
                 born: str | None = None, member_id: uuid.UUID | None = None) -> InzageAnswer:
    """The answer to one member's request for access, for whoever may open the household."""
    require_read(uow, household_id, "inzage")
    household = open_household(uow, household_id)
    member = _pick(household, member_name, born, member_id)
    builder = _Builder(uow, household, member)
    looked, shared = builder.access_log()
    sections = (
        _personal(household, member),
        Section("doelen", "Waarvoor wij uw gegevens gebruiken", text=PURPOSES),
        builder.help_questions(),
        builder.intakes(),
        builder.plans(),
        builder.consents(),
        looked,
        shared,
        builder.retention(),
        builder.sources(),
        Section("rechten", "Uw rechten", text=RIGHTS),
        builder.withheld_section(),
    )
    audit.record(uow, "inzage", "gezinslid", member.id, household_id,
                 detail=f"{len(builder.withheld)} onderdelen achtergehouden")
    return InzageAnswer(household.dossiernummer, member.name, uow.now, uow.actor.display_name,
                        sections, len(builder.withheld), needs_review=bool(builder.withheld))


