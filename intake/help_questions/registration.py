"""Help questions (meldingen/hulpvragen): registered by type and by where they were found.

Used by the quick registration of a vindplaatsmedewerker and by the conclusion of a brede
uitvraag. Labels shown are the ones the catalogue codes carried when the question was
registered, so renaming a type later does not rewrite history.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from db.models import HelpQuestion, Intake, Member, User
from intake.catalogues.stored import (
    OUTCOME_REFERRED,
    CatalogueKind,
    LabelBook,
    require_active,
)
from intake.core import audit
from intake.core.access import require_edit, require_read
from intake.core.clock import local_date
from intake.core.context import (
    AHEAD_LABELS,
    AHEAD_MEMBERS,
    AHEAD_USER_NAMES,
    UnitOfWork,
)
from intake.core.errors import NotFoundError, StaleEditError, ValidationError
from intake.core.roles import Role
from intake.core.text import full_name

QUESTION_MAX = 300
REFERRAL_MAX = 200
# A help question may be written down later than the contact, but not years later.
BACKDATE_LIMIT = timedelta(days=366)
CHANNEL_AT_VINDPLAATS = "op_de_vindplaats"


@dataclass(frozen=True)
class FoundHelpQuestion:
    id: uuid.UUID
    registered_on: date
    type_code: str
    type_label: str
    law_code: str | None  # a code from resources/catalogues/wetten.json
    member_id: uuid.UUID | None
    vindplaats_label: str
    outcome_label: str


@dataclass
class HelpQuestionInput:
    """What a form hands in. Empty vindplaats/channel: the defaults for the person registering
    (a vindplaatsmedewerker's own vindplaats, reached 'op de vindplaats')."""

    type_code: str
    outcome_code: str
    question: str = ""
    vindplaats_code: str = ""
    channel_code: str = ""
    member_id: uuid.UUID | None = None
    registered_on: date | None = None  # default: today
    referral_target: str = ""
    intake_id: uuid.UUID | None = None


@dataclass(frozen=True)
class HelpQuestionView:
    id: uuid.UUID
    version: int
    household_id: uuid.UUID
    member_id: uuid.UUID | None
    member_name: str  # '' when it concerns the household as a whole
    registered_on: date
    registered_at: datetime
    registered_by: str
    type_code: str
    type_label: str  # as labelled when registered
    law_code: str | None
    vindplaats_code: str
    vindplaats_label: str
    channel_code: str
    channel_label: str
    question: str
    outcome_code: str
    outcome_label: str
    referral_target: str
    intake_id: uuid.UUID | None

    @property
    def outcome_text(self) -> str:
        """'Doorverwezen naar Stadsbank' rather than just 'Doorverwezen'."""
        if self.outcome_code == OUTCOME_REFERRED and self.referral_target:
            return f"{self.outcome_label} naar {self.referral_target}"
        return self.outcome_label


def local_today(uow: UnitOfWork) -> date:
    """The day of the contact as the person at the desk sees it (the store keeps UTC)."""
    return local_date(uow.now)


def default_vindplaats(uow: UnitOfWork) -> str:
    return uow.actor.vindplaats_code or ""


def default_channel(uow: UnitOfWork) -> str:
    return CHANNEL_AT_VINDPLAATS if uow.actor.role is Role.VINDPLAATS else ""


def most_used_types(uow: UnitOfWork, limit: int = 5) -> list[str]:
    """The help-question types this person registered most, most used first (ties by code):
    the quick registration lists them first and preselects the first. Counts of one's own
    registrations only, from an index, so no household is read and nothing is audited."""
    count = func.count()
    return list(uow.session.scalars(
        select(HelpQuestion.type_code).where(HelpQuestion.registered_by_id == uow.actor.id)
        .group_by(HelpQuestion.type_code).order_by(count.desc(), HelpQuestion.type_code)
        .limit(limit)))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _validate(uow: UnitOfWork, household_id: uuid.UUID, data: HelpQuestionInput) -> \
        tuple[str, str, date]:
    """All problems at once, under field names a form can mark."""
    errors: dict[str, str] = {}
    vindplaats = data.vindplaats_code or default_vindplaats(uow)
    channel = data.channel_code or default_channel(uow)
    checks = ((CatalogueKind.HULPVRAAGTYPE, data.type_code, "type_code"),
              (CatalogueKind.VINDPLAATS, vindplaats, "vindplaats_code"),
              (CatalogueKind.KANAAL, channel, "channel_code"),
              (CatalogueKind.UITKOMST, data.outcome_code, "outcome_code"))
    for kind, code, name in checks:
        try:
            require_active(uow.session, kind, code, name)
        except ValidationError as error:
            errors.update(error.fields)
    if len(_one_line(data.question)) > QUESTION_MAX:
        errors["question"] = f"Vat de vraag samen in hoogstens {QUESTION_MAX} tekens."
    if data.outcome_code == OUTCOME_REFERRED and not data.referral_target.strip():
        errors["referral_target"] = "Vul in naar wie of welke organisatie is doorverwezen."
    if len(data.referral_target.strip()) > REFERRAL_MAX:
        errors["referral_target"] = f"Hoogstens {REFERRAL_MAX} tekens."
    today = local_today(uow)
    day = data.registered_on or today
    if day > today:
        errors["registered_on"] = "De datum van de hulpvraag ligt in de toekomst."
    elif today - day > BACKDATE_LIMIT:
        errors["registered_on"] = "De datum ligt meer dan een jaar terug."
    if data.member_id is not None:
        member = uow.session.get(Member, data.member_id)
        if member is None or member.household_id != household_id:
            errors["member_id"] = "Dit gezinslid hoort niet bij dit huishouden."
    if data.intake_id is not None:
        intake = uow.session.get(Intake, data.intake_id)
        if intake is None or intake.household_id != household_id:
            errors["intake_id"] = "Deze brede uitvraag hoort niet bij dit huishouden."
    if errors:
        raise ValidationError(errors)
    return vindplaats, channel, day


def register_help_question(
    uow: UnitOfWork, household_id: uuid.UUID, data: HelpQuestionInput
) -> HelpQuestionView:
    """Register one help question for a household the actor may edit."""
    require_edit(uow, household_id, "aanmaken")
    vindplaats, channel, day = _validate(uow, household_id, data)
    row = HelpQuestion(
        household_id=household_id, member_id=data.member_id, registered_on=day,
        registered_at=uow.now, registered_by_id=uow.actor.id, type_code=data.type_code,
        vindplaats_code=vindplaats, channel_code=channel, question=_one_line(data.question),
        outcome_code=data.outcome_code, referral_target=data.referral_target.strip(),
        intake_id=data.intake_id,
    )
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, "aanmaken", "hulpvraag", row.id, household_id,
                 detail=f"soort {row.type_code}, vindplaats {row.vindplaats_code}")
    return _views(uow, [row])[0]


def set_outcome(
    uow: UnitOfWork, help_question_id: uuid.UUID, outcome_code: str, referral_target: str,
    expected_version: int,
) -> HelpQuestionView:
    """Record what happened next (e.g. referred after all), with optimistic locking."""
    row = uow.session.get(HelpQuestion, help_question_id)
    if row is None:
        raise NotFoundError("Deze hulpvraag bestaat niet (meer).")
    require_edit(uow, row.household_id)
    if row.version != expected_version:
        raise StaleEditError("Deze hulpvraag")
    errors: dict[str, str] = {}
    try:
        require_active(uow.session, CatalogueKind.UITKOMST, outcome_code, "outcome_code")
    except ValidationError as error:
        errors.update(error.fields)
    if outcome_code == OUTCOME_REFERRED and not referral_target.strip():
        errors["referral_target"] = "Vul in naar wie of welke organisatie is doorverwezen."
    if errors:
        raise ValidationError(errors)
    row.outcome_code = outcome_code
    row.referral_target = referral_target.strip()[:REFERRAL_MAX]
    row.updated_at = uow.now
    uow.session.flush()
    audit.record(uow, "wijzigen", "hulpvraag", row.id, row.household_id,
                 detail=f"uitkomst {outcome_code}")
    return _views(uow, [row])[0]


def _rows(uow: UnitOfWork, household_id: uuid.UUID) -> list[HelpQuestion]:
    return list(uow.session.scalars(
        select(HelpQuestion).where(HelpQuestion.household_id == household_id)
        .order_by(HelpQuestion.registered_on.desc(), HelpQuestion.registered_at.desc())))


def list_help_questions(uow: UnitOfWork, household_id: uuid.UUID) -> list[HelpQuestionView]:
    """A household's help questions, newest first (for its timeline)."""
    require_read(uow, household_id)
    views = _views(uow, _rows(uow, household_id))
    audit.record(uow, "inzien", "hulpvragen", household_id, household_id,
                 detail=f"{len(views)} hulpvragen")
    return views


def household_help_questions(uow: UnitOfWork, household_id: uuid.UUID) -> \
        list[FoundHelpQuestion]:
    """Every help question of the household in the shape the plan van aanpak reads."""
    require_read(uow, household_id)
    views = _views(uow, _rows(uow, household_id))
    audit.record(uow, "inzien", "hulpvragen", household_id, household_id,
                 detail=f"{len(views)} hulpvragen voor plan")
    return [found(v) for v in views]


def found(v: HelpQuestionView) -> FoundHelpQuestion:
    return FoundHelpQuestion(
        id=v.id, registered_on=v.registered_on, type_code=v.type_code, type_label=v.type_label,
        law_code=v.law_code, member_id=v.member_id, vindplaats_label=v.vindplaats_label,
        outcome_label=v.outcome_text)


def _views(uow: UnitOfWork, rows: list[HelpQuestion]) -> list[HelpQuestionView]:
    book = uow.read_ahead.get((AHEAD_LABELS,)) or LabelBook.load(uow.session)
    user_ids = {row.registered_by_id for row in rows}
    member_ids = {row.member_id for row in rows if row.member_id is not None}
    known: dict[uuid.UUID, str] | None = uow.read_ahead.get((AHEAD_USER_NAMES,))
    if known is not None:
        users = {i: known[i] for i in user_ids if i in known}
    else:
        users = {u.id: u.display_name for u in uow.session.scalars(
            select(User).where(User.id.in_(user_ids)))} if user_ids else {}
    # A help question names a member of its own household: read ahead with the household.
    ahead = [m for h in {row.household_id for row in rows}
             for m in uow.read_ahead.get((AHEAD_MEMBERS, h), ())]
    found = [m for m in ahead if m.id in member_ids]
    if len(found) < len(member_ids):
        found = list(uow.session.scalars(select(Member).where(Member.id.in_(member_ids)))) \
            if member_ids else []
    members = {m.id: full_name(m.given_name, m.prefix, m.family_name) for m in found}
    result = []
    for row in rows:
        at = row.registered_at
        result.append(HelpQuestionView(
            id=row.id, version=row.version, household_id=row.household_id,
            member_id=row.member_id, member_name=members.get(row.member_id, "")
            if row.member_id else "",
            registered_on=row.registered_on, registered_at=at,
            registered_by=users.get(row.registered_by_id, ""),
            type_code=row.type_code, type_label=book.at(CatalogueKind.HULPVRAAGTYPE,
                                                        row.type_code, at),
            law_code=book.law_code(row.type_code),
            vindplaats_code=row.vindplaats_code,
            vindplaats_label=book.at(CatalogueKind.VINDPLAATS, row.vindplaats_code, at),
            channel_code=row.channel_code,
            channel_label=book.at(CatalogueKind.KANAAL, row.channel_code, at),
            question=row.question, outcome_code=row.outcome_code,
            outcome_label=book.at(CatalogueKind.UITKOMST, row.outcome_code, at),
            referral_target=row.referral_target, intake_id=row.intake_id,
        ))
    return result


def intake_help_questions(uow: UnitOfWork, intake_id: uuid.UUID) -> list[FoundHelpQuestion]:
    """The help questions found in one brede uitvraag; the caller audits."""
    intake = uow.session.get(Intake, intake_id)
    if intake is None:
        raise NotFoundError("Deze uitvraag bestaat niet (meer).")
    require_read(uow, intake.household_id)
    rows = list(uow.session.scalars(
        select(HelpQuestion).where(HelpQuestion.intake_id == intake_id)
        .order_by(HelpQuestion.registered_at)))
    return [found(v) for v in _views(uow, rows)]
