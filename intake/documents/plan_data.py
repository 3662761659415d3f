"""Everything a printed plan shows, gathered in one read so the layout code never touches
the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from db.models import Household, SocialService
from intake.catalogues.fixed import laws, life_domains, support_levels
from intake.core.context import UnitOfWork
from intake.core.validation import format_postcode
from intake.documents.redaction import NameReview, Redactor
from intake.help_questions.registration import FoundHelpQuestion
from intake.plans.views import PlanVersionView
from intake.register.members import MemberView, NetworkView, member_view
from intake.register.target_groups import (
    TargetGroupView,
    read_target_groups,
    without_health_data,
)


@dataclass(frozen=True)
class PlanPrint:
    plan: PlanVersionView
    household_title: str
    address: str
    phone: str
    email: str
    members: tuple[MemberView, ...]
    network: tuple[NetworkView, ...]
    help_questions: tuple[FoundHelpQuestion, ...]
    printed_at: datetime  # local time
    printed_by: str
    redactor: Redactor
    # The prevention target groups holding on the print day; a redacted print leaves out
    # those that are health data.
    target_groups: tuple[TargetGroupView, ...] = ()

    @property
    def redacted(self) -> bool:
        return self.redactor.active

    def name(self, text: str) -> str:
        """Any text that may hold a resident's name, as it may be printed."""
        return self.redactor.apply(text)

    def text(self, text: str) -> str:
        """Free text as markup, names redacted or kept whole."""
        return self.redactor.markup(text)

    @property
    def at_address(self) -> tuple[MemberView, ...]:
        return tuple(m for m in self.members if not m.lives_elsewhere)

    @property
    def elsewhere(self) -> tuple[MemberView, ...]:
        """Members who belong to the family but live elsewhere: never listed at the address."""
        return tuple(m for m in self.members if m.lives_elsewhere)


def _staff(plan: PlanVersionView, printed_by: str) -> list[tuple[str, str]]:
    """The workers a print names, by their part in the plan (the regisseur first)."""
    staff = [(plan.regisseur_name, "Regisseur")]
    staff += [(name, "Medewerker") for name in (
        plan.created_by, plan.agreed_recorded_by, printed_by,
        plan.evaluation.evaluated_by if plan.evaluation else "") if name]
    return [(name, label) for name, label in staff if name]


def _known_words(uow: UnitOfWork, plan: PlanVersionView,
                 help_questions: list[FoundHelpQuestion], city: str) -> list[str]:
    """Texts whose words are no person's name: what the catalogues and the sociale kaart
    call things, and the organisations of the professionals."""
    texts = [city, *(item.label for item in (*laws(), *life_domains(), *support_levels()))]
    texts += [f"{s.name} {s.organisation}" for s in uow.session.scalars(select(SocialService))]
    texts += [f"{q.type_label} {q.vindplaats_label} {q.outcome_label}" for q in help_questions]
    texts += [f"{p.organisation} {p.role}" for p in plan.professionals]
    for result in plan.results:
        texts += [result.domain_label, result.law_label, result.theme_label]
        texts += [f"{a.support_level_label} {a.service_label}" for a in result.actions]
    return texts


def gather(uow: UnitOfWork, plan: PlanVersionView, help_questions: list[FoundHelpQuestion],
           printed_at: datetime, redacted: bool,
           review: NameReview | None = None) -> PlanPrint:
    household = uow.session.get(Household, plan.household_id)
    assert household is not None
    members = tuple(member_view(m, with_bsn=False) for m in household.members)
    network = tuple(NetworkView(c.id, c.name, c.relation, c.phone, c.can_help_with)
                    for c in household.network)
    redactor = Redactor.build(
        members, network, redacted, professionals=plan.professionals,
        staff=_staff(plan, uow.actor.display_name), aanspreekpunt=plan.aanspreekpunt,
        street=household.street,
        known=_known_words(uow, plan, help_questions, household.city) if redacted else (),
        review=review)
    number = f"{household.house_number}{household.house_number_suffix}"
    if redacted:
        title, address, phone, email = f"Huishouden {household.dossiernummer}", \
            household.city, "", ""
    else:
        # The household goes by a member who lives at the address.
        home = [m for m in members if not m.lives_elsewhere] or list(members)
        first = home[0] if home else None
        family = " ".join(p for p in (first.prefix, first.family_name) if p) if first else ""
        title = f"Huishouden {family}".strip()
        address = f"{household.street} {number}, {format_postcode(household.postcode)} " \
                  f"{household.city}"
        phone, email = household.phone, household.email
    groups = read_target_groups(uow, household.id, printed_at.date())
    if redacted:
        groups = without_health_data(groups)
    return PlanPrint(plan=plan, household_title=title, address=address, phone=phone,
                     email=email, members=members, network=network,
                     help_questions=tuple(help_questions), printed_at=printed_at,
                     printed_by=uow.actor.role.label.lower() if redacted
                     else uow.actor.display_name, redactor=redactor,
                     target_groups=tuple(groups))
