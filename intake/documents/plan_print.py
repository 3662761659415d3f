"""Printing a plan: permission, audit, then the professional or the resident document,
optionally with names replaced. Returns the PDF as bytes.

The audit tells what became of the document: a print preview ('afdrukvoorbeeld') made on
screen only, then each time it was printed ('afdrukken') or saved as a PDF ('pdf-opslaan');
a print from the command line or in bulk is 'afdrukken'."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from db.models import (
    Evaluation,
    Household,
    Plan,
    PlanResult,
    PlanVersion,
    SocialService,
    User,
)
from intake.catalogues.stored import LabelBook
from intake.core import audit
from intake.core.access import household_filter, require_read, require_role
from intake.core.clock import format_local, to_local
from intake.core.context import (
    AHEAD_EVALUATION,
    AHEAD_LABELS,
    AHEAD_MEMBERS,
    AHEAD_SERVICES,
    AHEAD_USER_NAMES,
    UnitOfWork,
)
from intake.core.errors import KnownError, NotFoundError, PermissionDenied
from intake.core.roles import CASE_READERS
from intake.documents.layout import PageInfo, build_pdf, make_styles
from intake.documents.markup import long_date, para
from intake.documents.plan_data import gather
from intake.documents.plan_professional import plan_story
from intake.documents.plan_resident import resident_story
from intake.documents.redaction import NameReview
from intake.help_questions.registration import household_help_questions
from intake.plans.common import get_plan, version_view
from intake.plans.queries import find_plan, version_row
from intake.plans.vocab import PlanKind
from intake.sharing.consent import BasisView, basis_for

REDACTED_MARK = "Namen vervangen — alleen voor overleg"
PREVIEW, PRINTED, SAVED = "afdrukvoorbeeld", "afdrukken", "pdf-opslaan"
OUTPUTS = (PRINTED, SAVED)  # what a preview's document can become


class NamesToReview(KnownError):
    """A redacted print holds words that look like a name nobody registered: the person
    printing decides per word (``NameReview``) before the print leaves."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(
            "In de tekst staan woorden die op een naam lijken maar bij niemand in dit dossier "
            f"horen: {', '.join(names)}. Geef per woord aan of het geen naam is of vervangen "
            "moet worden; dan pas wordt het plan afgedrukt.")
        self.names = tuple(names)


def _marking(redacted: bool, basis: BasisView | None) -> str:
    """The line above every page: names replaced, and with whom it is shared on what."""
    marks = [REDACTED_MARK] if redacted else []
    if basis is not None:
        marks.append(f"Gedeeld met {basis.organisation} ({basis.ground})")
    return " · ".join(marks)


@dataclass(frozen=True)
class PreparedPrint:
    """A plan document read, checked and audited, its story made but not laid out yet."""

    story: list[Any]  # ReportLab flowables
    info: PageInfo


def print_plan(uow: UnitOfWork, household_id: uuid.UUID, version: int | None = None,
               resident: bool = False, redacted: bool = False,
               plan_id: uuid.UUID | None = None, review: NameReview | None = None,
               for_organisation: str | None = None, action: str = PRINTED) -> bytes:
    """The household plan (see ``prepare_print``) as a PDF."""
    return render_print(prepare_print(uow, household_id, version, resident, redacted, plan_id,
                                      review, for_organisation, action))


def render_print(prepared: PreparedPrint) -> bytes:
    """The layout, outside any unit of work: it holds a core for a while, and a unit of work
    holds the store's write lock (bulk printing lays out plans in parallel)."""
    return build_pdf(prepared.story, prepared.info)


def prepare_print(uow: UnitOfWork, household_id: uuid.UUID, version: int | None = None,
                  resident: bool = False, redacted: bool = False,
                  plan_id: uuid.UUID | None = None, review: NameReview | None = None,
                  for_organisation: str | None = None, action: str = PRINTED) -> PreparedPrint:
    """The household plan (or the plan ``plan_id``, e.g. a toekomstplan) as a PDF.

    ``version``: a version number (default: the newest). ``resident``: the plain-language
    version. ``redacted``: every person's name replaced by a role label, contact details and
    address left out; a word that looks like an unregistered name raises ``NamesToReview``
    until ``review`` says what it is. ``for_organisation``: a code of the sociale kaart; the
    print is refused unless a consent or legal ground covers sharing the plan with it, and
    says so on every page and states the basis in full on the first. ``action``: the audit
    action, ``PREVIEW`` for a document only shown on screen (see ``record_output``).
    Allowed for whoever may read the household (the team lead included)."""
    if action not in (PREVIEW, *OUTPUTS):
        raise ValueError(action)
    require_read(uow, household_id, action)
    basis = basis_for(uow, household_id, for_organisation) if for_organisation else None
    if plan_id is not None:
        plan = get_plan(uow, plan_id)
        if plan.household_id != household_id:
            raise NotFoundError("Dit plan hoort niet bij dit huishouden.")
    else:
        found = find_plan(uow, household_id)
        if found is None:
            raise NotFoundError("Dit huishouden heeft nog geen plan.")
        plan = found
    row = version_row(uow, plan, version)
    view = version_view(uow, row)
    questions = household_help_questions(uow, household_id)
    printed_at = to_local(uow.now)
    doc = gather(uow, view, questions, printed_at, redacted, review)
    marking = _marking(redacted, basis)
    if resident:
        # What she reads first is her plan, not an office reference; the number is at the end.
        young = view.kind is PlanKind.TOEKOMSTPLAN
        info = PageInfo(
            title="Jouw toekomstplan" if young else "Uw plan",
            header_right=f"Versie {view.number}",
            footer_left=f"Geprint op {long_date(printed_at.date())}",
            document_title="Jouw toekomstplan" if young else "Uw plan",
            marking=marking, confidential="Persoonlijk")
    else:
        info = PageInfo(
            title=view.kind.label,
            header_right=f"{view.dossiernummer} · versie {view.number} · {view.status.label}",
            footer_left=f"Afgedrukt op {format_local(uow.now)} door {doc.printed_by}",
            document_title=f"{view.kind.label} {view.dossiernummer} versie {view.number}",
            marking=marking)
    story = resident_story(doc) if resident else plan_story(doc)
    if basis is not None:
        story.insert(0, para(doc.name(f"Gedeeld met {basis.organisation}. Grondslag: "
                                      f"{basis.printed}"),
                             make_styles(9).small))
    # The story is made here, not at layout: making it is what finds the unregistered names.
    if doc.redactor.flagged:
        raise NamesToReview(doc.redactor.flagged)
    audit.record(uow, action, "plan", row.id, household_id,
                 detail=_detail(view.number, resident, redacted)
                 + (f", voor {basis.organisation_code} op grond van {basis.ground}"
                    if basis else ""))
    return PreparedPrint(story, info)


@dataclass(frozen=True)
class PrintRequest:
    """One plan of a bulk print: its household, the plan and the version in force."""

    household_id: uuid.UUID
    plan_id: uuid.UUID
    version: int | None = None


def prepare_prints(uow: UnitOfWork, requests: Sequence[PrintRequest], *, resident: bool = False,
                   redacted: bool = False, review: NameReview | None = None,
                   for_organisation: str | None = None) -> list[PreparedPrint | KnownError]:
    """Several plans read in one unit of work (bulk printing), in the order asked: their
    households, versions, results, actions and professionals loaded in a handful of
    statements first, then each prepared exactly as ``prepare_print`` does it (checked and
    audited per household), in a savepoint of its own. A plan that cannot be printed gives
    its Dutch message in its place and leaves no entry but a refusal, as the single print."""
    require_role(uow, CASE_READERS, PRINTED, "plan",
                 "Een functioneel beheerder heeft geen toegang tot dossiers van inwoners.")
    loaded = _load_plans(uow, requests)  # held to the end: the identity map is weak
    prepared: list[PreparedPrint | KnownError] = []
    try:
        _prepare_each(uow, requests, prepared, resident, redacted, review, for_organisation)
    finally:
        uow.read_ahead.clear()
    del loaded
    return prepared


def _prepare_each(uow: UnitOfWork, requests: Sequence[PrintRequest],
                  prepared: list[PreparedPrint | KnownError], resident: bool, redacted: bool,
                  review: NameReview | None, for_organisation: str | None) -> None:
    with audit.keep_head(uow.session):
        for request in requests:
            savepoint = uow.session.begin_nested()
            try:
                prepared.append(prepare_print(uow, request.household_id, request.version,
                                              resident, redacted, request.plan_id, review,
                                              for_organisation))
            except PermissionDenied as error:
                savepoint.rollback()
                audit.forget_head(uow.session)
                # As the unit of work records a refusal, in this transaction: it goes on.
                if error.audit is not None:
                    audit.append(uow.session, uow.actor, uow.now, result="geweigerd",
                                 event=error.audit)
                prepared.append(error)
            except KnownError as error:
                savepoint.rollback()
                audit.forget_head(uow.session)
                prepared.append(error)
            else:
                savepoint.commit()


def _load_plans(uow: UnitOfWork, requests: Sequence[PrintRequest]) -> list[object]:
    """The rows ``prepare_print`` reads, for all requests at once: through the session's
    identity map and relationships (households with members and network; plans with every
    version, their results, actions, professionals and evaluation moments) and, for what it
    reads by statement, in ``uow.read_ahead`` (members, evaluations, services, names,
    labels and whether each household was read recently). Nothing leaves here:
    each plan is still checked before it is read."""
    household_ids = {r.household_id for r in requests}
    plan_ids = {r.plan_id for r in requests}
    households = uow.session.scalars(
        select(Household).where(Household.id.in_(household_ids), household_filter(uow))
        .options(selectinload(Household.members), selectinload(Household.network))).all()
    plans = uow.session.scalars(select(Plan).where(
        Plan.id.in_(plan_ids), Plan.household_id.in_([h.id for h in households]))
        .options(selectinload(Plan.versions).options(
            selectinload(PlanVersion.results).selectinload(PlanResult.actions),
            selectinload(PlanVersion.professionals),
            selectinload(PlanVersion.evaluation_moments)))).all()
    seen = [h.id for h in households]
    ahead = uow.read_ahead
    # Help questions and target groups are still read per household: they are sorted on a
    # time or a day that several share, and the order of those equals is the store's.
    for household in households:
        ahead[(AHEAD_MEMBERS, household.id)] = household.members
    versions = [v for plan in plans for v in plan.versions]
    for version in versions:
        ahead[(AHEAD_EVALUATION, version.id)] = None
    evaluations = uow.session.scalars(select(Evaluation).where(
        Evaluation.plan_version_id.in_([v.id for v in versions]))
        .options(selectinload(Evaluation.outcomes))).all()
    for evaluation in evaluations:
        ahead[(AHEAD_EVALUATION, evaluation.plan_version_id)] = evaluation
    service_ids = {a.service_id for v in versions for r in v.results for a in r.actions
                   if a.service_id}
    ahead[(AHEAD_SERVICES,)] = {s.id: s for s in uow.session.scalars(
        select(SocialService).where(SocialService.id.in_(service_ids)))}
    ahead[(AHEAD_USER_NAMES,)] = {user_id: name for user_id, name in uow.session.execute(
        select(User.id, User.display_name))}
    ahead[(AHEAD_LABELS,)] = LabelBook.load(uow.session)
    audit.read_recent_ahead(uow, seen)
    return [*households, *plans, *evaluations]


def _detail(number: int, resident: bool, redacted: bool) -> str:
    return (f"versie {number}, " + ("inwonerversie" if resident else "professionele versie")
            + (", namen vervangen" if redacted else ""))


def record_output(uow: UnitOfWork, household_id: uuid.UUID, plan_id: uuid.UUID, version: int,
                  action: str, resident: bool = False, redacted: bool = False,
                  for_organisation: str | None = None) -> None:
    """A previewed plan printed on paper (``PRINTED``) or saved as a PDF (``SAVED``): its own
    line in "Wie heeft dit dossier ingezien?", next to the preview's."""
    require_read(uow, household_id, PRINTED if action not in OUTPUTS else action)
    if action not in OUTPUTS:
        raise ValueError(action)
    plan = get_plan(uow, plan_id)
    if plan.household_id != household_id:
        raise NotFoundError("Dit plan hoort niet bij dit huishouden.")
    row = version_row(uow, plan, version)
    audit.record(uow, action, "plan", row.id, household_id,
                 detail=_detail(version, resident, redacted)
                 + (f", voor {for_organisation}" if for_organisation else ""))
