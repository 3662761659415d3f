"""The professional plan van aanpak: the whole plan for the people working with the
household, laid out like 1Gezin1Plan practice (contacts, members, network, professionals,
strengths and worries, earlier help, results with actions, evaluation, agreement)."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from intake.catalogues.fixed import laws
from intake.core.clock import local_date
from intake.documents.layout import CONTENT_WIDTH, Styles, field_table, grid_table, make_styles
from intake.documents.markup import esc, keep, marked, para, short_date
from intake.documents.plan_data import PlanPrint
from intake.plans.views import ResultView
from intake.plans.vocab import PlanKind
from intake.register.members import MemberView

BODY_SIZE = 9.5
ACTION_HEADERS = ("Nr.", "Wat", "Wie", "Niveau / dienst", "Periode", "Status")


def _action_widths() -> list[float]:
    fixed = [11 * mm, 0.0, 28 * mm, 34 * mm, 27 * mm, 17 * mm]
    fixed[1] = CONTENT_WIDTH - sum(fixed)
    return fixed


def _period(start: date | None, due: date | None) -> str:
    """Markup: dates kept whole."""
    if start and due:
        return f"{keep(short_date(start))}<br/>t/m {keep(short_date(due))}"
    if due:
        return f"t/m {keep(short_date(due))}"
    return f"vanaf {keep(short_date(start))}" if start else ""


def _fields(s: Styles, rows: list[tuple[str, str]], width: float = 45 * mm,
            whole: frozenset[str] = frozenset()) -> Flowable:
    """Label/value rows; values whose label is in ``whole`` are never hyphenated."""
    return field_table([(para(label, s.label),
                         marked(keep(value) if label in whole and value else esc(value or "—"),
                                s.body))
                        for label, value in rows], width)


def _person(doc: PlanPrint, key: object, name: str, s: Styles) -> Flowable:
    return marked(keep(doc.redactor.person(key, name)), s.cell)


def _title(doc: PlanPrint, s: Styles) -> list[Flowable]:
    plan = doc.plan
    title = plan.kind.label
    if plan.kind is PlanKind.TOEKOMSTPLAN:
        title += " van " + doc.redactor.person(plan.owner_member_id, plan.owner_name)
    agreed = ""
    if plan.agreed_on:
        how = plan.agreed_how.label.lower() if plan.agreed_how else ""
        agreed = f"{short_date(plan.agreed_on)} ({how})"
    return [
        para(title, s.h1),
        para(doc.household_title, s.h3),
        _fields(s, [
            ("Dossiernummer", plan.dossiernummer),
            ("Versie", f"{plan.number} — {plan.status.label}"),
            ("Opgesteld",
             f"{short_date(local_date(plan.created_at))} door {doc.name(plan.created_by)}"),
            ("Akkoord inwoner", agreed or "nog niet"),
        ], whole=frozenset({"Dossiernummer"})),
    ]


def _household(doc: PlanPrint, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [para("Huishouden en contactgegevens", s.h2)]
    contact = [("Adres" if not doc.redacted else "Woonplaats", doc.address)]
    if doc.phone:
        contact.append(("Telefoon", doc.phone))
    if doc.email:
        contact.append(("E-mail", doc.email))
    out.append(_fields(s, contact, whole=frozenset({"Telefoon", "E-mail"})))
    out.append(Spacer(1, 3 * mm))
    out += _members(doc, s)
    out += _target_groups(doc, s)
    out.append(para("Familie, vrienden en buren (netwerk)", s.h3))
    if not doc.network:
        out.append(para("Geen netwerk vastgelegd.", s.body))
        return out
    rows = [[para(h, s.cell_head) for h in ("Naam", "Relatie", "Kan helpen met")]]
    rows += [[_person(doc, c.id, c.name, s), para(doc.name(c.relation), s.cell),
              marked(doc.text(c.can_help_with), s.cell)] for c in doc.network]
    out.append(grid_table(rows, [CONTENT_WIDTH * 0.3, CONTENT_WIDTH * 0.2,
                                 CONTENT_WIDTH * 0.5]))
    return out


def _born(doc: PlanPrint, member: MemberView) -> str:
    if member.expected:
        return "verwacht" if doc.redacted else f"verwacht {short_date(member.date_of_birth)}"
    if doc.redacted and member.date_of_birth:
        return f"{member.age_on(doc.printed_at.date())} jaar"
    return short_date(member.date_of_birth)


def _members(doc: PlanPrint, s: Styles) -> list[Flowable]:
    """Members at the address, then those who belong to the family but live elsewhere: a
    placed child is never listed at the household's address, and where is in general terms."""
    out: list[Flowable] = []
    rows: list[list[Flowable | str]] = [[para(h, s.cell_head) for h in
                                         ("Gezinslid op dit adres", "Rol", "Geboortedatum")]]
    rows += [[_person(doc, m.id, m.name, s), para(m.role.value, s.cell),
              marked(keep(_born(doc, m)), s.cell)] for m in doc.at_address]
    if len(rows) > 1:
        out.append(grid_table(rows, [CONTENT_WIDTH * 0.5, CONTENT_WIDTH * 0.25,
                                     CONTENT_WIDTH * 0.25]))
    if doc.elsewhere:
        out.append(para("Gezinsleden die elders wonen", s.h3))
        rows = [[para(h, s.cell_head) for h in
                 ("Gezinslid", "Rol", "Geboortedatum", "Woont", "Sinds")]]
        rows += [[_person(doc, m.id, m.name, s), para(m.role.value, s.cell),
                  marked(keep(_born(doc, m)), s.cell),
                  marked(esc(m.residence.label) + (f"<br/>{doc.text(m.residence_note)}"
                                                   if m.residence_note else ""), s.cell),
                  marked(keep(short_date(m.residence_since)), s.cell)] for m in doc.elsewhere]
        out.append(grid_table(rows, [CONTENT_WIDTH * 0.28, CONTENT_WIDTH * 0.14,
                                     CONTENT_WIDTH * 0.16, CONTENT_WIDTH * 0.28,
                                     CONTENT_WIDTH * 0.14]))
    return out


def _target_groups(doc: PlanPrint, s: Styles) -> list[Flowable]:
    if not doc.target_groups:
        return []
    rows: list[list[Flowable | str]] = [[para(h, s.cell_head) for h in
                                         ("Doelgroep (preventie)", "Voor wie", "Sinds")]]
    for group in doc.target_groups:
        who = doc.redactor.person(group.member_id, group.member_name) if group.member_id \
            else "huishouden"
        since = "uit geboortedatum" if group.derived else short_date(group.set_on)
        rows.append([para(group.label, s.cell), marked(keep(who), s.cell),
                     marked(keep(since), s.cell)])
    return [para("Doelgroepen", s.h3),
            grid_table(rows, [CONTENT_WIDTH * 0.5, CONTENT_WIDTH * 0.25, CONTENT_WIDTH * 0.25])]


def _help_questions(doc: PlanPrint, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [para("Hulpvragen", s.h2)]
    if not doc.help_questions:
        return [*out, para("Geen hulpvragen geregistreerd.", s.body)]
    law_labels = {item.code: item.label for item in laws()}
    names = {m.id: doc.redactor.person(m.id, m.name) for m in doc.members}
    rows: list[list[Flowable | str]] = [[para(h, s.cell_head) for h in (
        "Datum", "Soort", "Voor wie", "Wet", "Vindplaats", "Vervolg")]]
    for q in doc.help_questions:
        who = names.get(q.member_id, "huishouden") if q.member_id else "huishouden"
        rows.append([marked(keep(short_date(q.registered_on)), s.cell),
                     para(q.type_label, s.cell), marked(keep(who), s.cell),
                     para(law_labels.get(q.law_code or "", q.law_code or ""), s.cell),
                     para(q.vindplaats_label, s.cell), marked(doc.text(q.outcome_label), s.cell)])
    widths = [21 * mm, 34 * mm, 24 * mm, 27 * mm, 36 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    out.append(grid_table(rows, widths))
    return out


def _with_heading(heading: Flowable, blocks: list[list[Flowable]]) -> list[Flowable]:
    """Each block kept together, the heading with the first one (ReportLab does not keep a
    heading with a KeepTogether that follows it)."""
    if not blocks:
        return [heading]
    return [KeepTogether([heading, *blocks[0]]), *(KeepTogether(b) for b in blocks[1:])]


def _situation(doc: PlanPrint, s: Styles) -> list[Flowable]:
    plan = doc.plan
    return _with_heading(para("Krachten, zorgen en eerdere hulp", s.h2), [
        [para(label, s.label), marked(doc.text(text) or "—", s.body)]
        for label, text in (("Wat gaat goed", plan.strengths), ("Zorgen", plan.worries),
                            ("Eerdere hulp", plan.earlier_help))])


def _result(doc: PlanPrint, s: Styles, index: int, result: ResultView) -> list[Flowable]:
    """Heading, text and action table of one result, to be kept together: a result that does
    not fit in the space left starts on a new page (a table longer than a page then splits,
    repeating its header)."""
    facts = [f"Leefgebied: {esc(result.domain_label)}", f"Wet: {esc(result.law_label)}"]
    if result.theme_label:
        facts.insert(0, f"Thema: {esc(result.theme_label)}")
    if result.member_name:
        facts.append(f"Voor: {keep(doc.redactor.person(result.member_id, result.member_name))}")
    if result.target_on:
        facts.append(f"Streefdatum: {keep(short_date(result.target_on))}")
    outcome = ""
    evaluation = doc.plan.evaluation
    if evaluation is not None:
        found = evaluation.outcome_for(result.lineage_id)
        if found is not None:
            outcome = f"<b>Evaluatie:</b> {esc(found.outcome.label)}"
            if found.note:
                outcome += f" — {esc(doc.name(found.note))}"
    head: list[Flowable] = [
        para(f"Resultaat {index}", s.h3),
        marked(doc.text(result.text) or "(nog in te vullen)", s.body),
        marked(" · ".join(facts), s.small),
    ]
    if outcome:
        head.append(marked(outcome, s.small))
    if not result.actions:
        return [*head, para("Nog geen acties.", s.small)]
    rows: list[list[Flowable | str]] = [[para(h, s.cell_head) for h in ACTION_HEADERS]]
    for number, action in enumerate(result.actions, start=1):
        level = esc(action.support_level_label)
        if action.service_label:
            level += f"<br/><font size={s.small.fontSize:.1f}>{esc(action.service_label)}</font>"
        rows.append([
            para(f"{index}.{number}", s.cell), marked(doc.text(action.what), s.cell),
            marked(doc.text(action.who_label), s.cell), marked(level, s.cell),
            marked(_period(action.start_on, action.due_on), s.cell),
            para(action.status.label, s.cell),
        ])
    return [*head, Spacer(1, 2 * mm), grid_table(rows, _action_widths())]


def _results(doc: PlanPrint, s: Styles) -> list[Flowable]:
    heading = para("Resultaten en acties", s.h2)
    if not doc.plan.results:
        return [heading, para("Nog geen resultaten.", s.body)]
    return _with_heading(heading, [_result(doc, s, index, result)
                                   for index, result in enumerate(doc.plan.results, start=1)])


def _contacts(doc: PlanPrint, s: Styles) -> list[Flowable]:
    plan = doc.plan
    out: list[Flowable] = [para("Regisseur en contacten", s.h2), _fields(s, [
        ("Regisseur", doc.name(plan.regisseur_name) or "niet aangewezen"),
        ("Aanspreekpunt inwoner", doc.name(plan.aanspreekpunt)),
        ("Contact aanspreekpunt", doc.name(plan.aanspreekpunt_contact)),
        ("Onafhankelijke cliëntondersteuning aangeboden",
         "ja" if plan.client_support_offered else "nee"),
    ], 60 * mm)]
    if plan.professionals:
        out.append(para("Betrokken professionals", s.h3))
        rows: list[list[Flowable | str]] = [[para(h, s.cell_head) for h in (
            "Naam", "Organisatie", "Functie", "Contact")]]
        rows += [[marked(keep(doc.name(p.name)), s.cell), para(doc.name(p.organisation), s.cell),
                  para(doc.name(p.role), s.cell), marked(keep(doc.name(p.contact)), s.cell)]
                 for p in plan.professionals]
        out.append(grid_table(rows, [CONTENT_WIDTH / 4] * 4))
    return out


def _evaluation(doc: PlanPrint, s: Styles) -> list[Flowable]:
    plan = doc.plan
    moments = ", ".join(short_date(m.due_on) + (f" ({m.label})" if m.label else "")
                        for m in plan.evaluation_moments)
    out: list[Flowable] = [para("Evaluatie", s.h2), _fields(s, [
        ("Evaluatiemomenten", moments or "drie maanden na akkoord")])]
    evaluation = plan.evaluation
    if evaluation is not None:
        satisfaction = f"{evaluation.satisfaction} van 5" if evaluation.satisfaction else "—"
        rows = [("Geëvalueerd op", short_date(evaluation.evaluated_on) + " door "
                 + doc.name(evaluation.evaluated_by)),
                ("Tevredenheid inwoner", satisfaction),
                ("Besluit", evaluation.decision.label)]
        if evaluation.closing_reason:
            rows.append(("Reden van afsluiten", doc.name(evaluation.closing_reason)))
        if evaluation.note:
            rows.append(("Toelichting", doc.name(evaluation.note)))
        out.append(_fields(s, rows))
    return out


def _agreement(doc: PlanPrint, s: Styles) -> list[Flowable]:
    plan = doc.plan
    if plan.agreed_on:
        how = plan.agreed_how.label.lower() if plan.agreed_how else ""
        text = f"De inwoner ging op {short_date(plan.agreed_on)} akkoord met dit plan ({how})."
    else:
        text = "De inwoner heeft nog geen akkoord gegeven op deze versie."
    owner = "Inwoner"
    if plan.kind is PlanKind.TOEKOMSTPLAN:
        owner = "Jongere (eigenaar van het plan)"
    resident_name = ""
    if plan.kind is PlanKind.TOEKOMSTPLAN:
        resident_name = doc.redactor.person(plan.owner_member_id, plan.owner_name)
    elif doc.members:
        resident_name = doc.redactor.person(doc.members[0].id, doc.members[0].name)
    sign: list[list[Flowable | list[Flowable]]] = [
        [para(owner, s.label), para("Regisseur / consulent", s.label)],
        [para(f"Naam: {resident_name}", s.body),
         para(f"Naam: {doc.name(plan.regisseur_name)}", s.body)],
        [para("Datum:", s.body), para("Datum:", s.body)],
        [[para("Handtekening:", s.body), Spacer(1, 18 * mm)],
         [para("Handtekening:", s.body), Spacer(1, 18 * mm)]],
    ]
    return [KeepTogether([para("Akkoord", s.h2), para(text, s.body), Spacer(1, 2 * mm),
                          grid_table(sign, [CONTENT_WIDTH / 2] * 2, header=False)])]


def plan_story(doc: PlanPrint) -> list[Flowable]:
    s = make_styles(BODY_SIZE)
    story: list[Flowable] = []
    for part in (_title, _household, _help_questions, _situation, _results, _contacts,
                 _evaluation, _agreement):
        story += part(doc, s)
    return story
