"""The API's operations: each runs one domain function in a unit of work as the signed-in
person, so the access rules and the audit trail of ``intake`` apply unchanged.

Search terms and dossiernummers arrive in request bodies, never in paths: paths end up in logs.
"""

from __future__ import annotations

import base64
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from intake.core import audit
from intake.core.context import Actor, StoreHandle
from intake.core.errors import ValidationError
from intake.core.roles import parse_role
from intake.core.session import unit_of_work
from intake.core.validation import parse_date
from intake.documents import NameReview, print_plan
from intake.inzage import make_inzage
from intake.plans.queries import active_plans
from intake.register import OpeningReason
from intake.register.households import household_id_for, open_household
from intake.register.search import LIMIT, search_households
from intake.register.target_groups import (
    end_target_group,
    household_target_groups,
    member_by_number,
    set_target_group,
)
from intake.reports.caseload import CaseStatus
from intake.reports.export import ReportFormat, export_report
from intake.reports.figures import compute_figures
from intake.reports.help_question_export import write_csv
from intake.reports.overview import OverviewFilter, team_overview
from intake.reports.period import Period
from intake.retention import (
    approve_destruction,
    propose_destruction,
    retention_list,
    withdraw_destruction,
)
from intake.store import accounts
from intake.team.wire import to_json
from server.guard import Tokens


@dataclass(frozen=True)
class Blob:
    """A file the client writes as it is (PDF, CSV, XLSX)."""

    data: bytes
    media_type: str


@dataclass(frozen=True)
class Call:
    store: StoreHandle
    actor: Actor
    body: dict[str, Any]
    clock: Callable[[], datetime]
    tokens: Tokens

    def text(self, name: str, default: str | None = None) -> str:
        value = self.body.get(name, default)
        if not isinstance(value, str):
            raise ValidationError({name: f"Het veld '{name}' ontbreekt of is geen tekst."})
        return value

    def flag(self, name: str) -> bool:
        return bool(self.body.get(name, False))

    def day(self, name: str) -> date:
        found = parse_date(self.text(name))
        if found is None:
            raise ValidationError({name: "Onbekende datum; gebruik dd-mm-jjjj."})
        return found

    def optional_id(self, name: str) -> uuid.UUID | None:
        value = self.body.get(name)
        if value is None:
            return None
        try:
            return uuid.UUID(str(value))
        except ValueError:
            raise ValidationError({name: f"'{name}' is geen geldige id."}) from None


Result = dict[str, Any] | list[Any] | Blob
Operation = Callable[[Call], Result]


def search(call: Call) -> Result:
    limit = int(call.body.get("limit", LIMIT))
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        hits = search_households(uow, call.text("query"), min(max(limit, 1), LIMIT))
    return {"resultaten": to_json(hits)}


def overview(call: Call) -> Result:
    try:
        statuses = frozenset(CaseStatus(s) for s in call.body.get("statuses", []))
    except (ValueError, TypeError):
        raise ValidationError({"statuses": "Onbekende planstatus."}) from None
    wanted = OverviewFilter(
        statuses=statuses,
        worker_id=call.optional_id("worker_id"),
        evaluation=call.text("evaluation", ""), dossier=call.text("dossier", ""))
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        return dict(to_json(team_overview(uow, wanted)))


def _period(call: Call) -> Period:
    return Period(call.day("from"), call.day("to"))


def figures(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        return dict(to_json(compute_figures(uow, _period(call))))


MEDIA = {ReportFormat.PDF: "application/pdf", ReportFormat.CSV: "text/csv; charset=utf-8",
         ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def report(call: Call) -> Result:
    try:
        fmt = ReportFormat(call.text("format"))
    except ValueError:
        raise ValidationError({"format": "Kies pdf, csv of xlsx."}) from None
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        data = export_report(uow, _period(call), fmt, suppress_small=call.flag("suppress_small"))
    return Blob(data, MEDIA[fmt])


def help_questions(call: Call) -> Result:
    out = io.StringIO(newline="")
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        write_csv(uow, call.day("from"), call.day("to"), out)
    return Blob(out.getvalue().encode("utf-8"), MEDIA[ReportFormat.CSV])


def plans_in_force(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        return {"plannen": to_json(active_plans(uow))}


def _review(call: Call) -> NameReview:
    """What the person printing decided about words flagged as possible names."""
    def words(name: str) -> frozenset[str]:
        value = call.body.get(name) or []
        if not isinstance(value, list):
            raise ValidationError({name: "Geef een lijst van woorden."})
        return frozenset(str(word) for word in value)
    return NameReview(not_names=words("not_names"), replace=words("replace"))


def plan_pdf(call: Call) -> Result:
    version = call.body.get("version")
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        household_id = call.optional_id("household_id")
        if household_id is None:
            household_id = household_id_for(uow, call.text("dossiernummer"))
        reason = call.body.get("reason_code")
        if reason:  # outside one's own work: opened with the reason, as on the desktop
            open_household(uow, household_id,
                           OpeningReason(str(reason), str(call.body.get("reason_text") or "")))
        pdf = print_plan(uow, household_id, None if version is None else int(version),
                         resident=call.flag("resident"), redacted=call.flag("redacted"),
                         plan_id=call.optional_id("plan_id"), review=_review(call),
                         for_organisation=str(call.body.get("for_organisation") or "") or None)
    return Blob(pdf, "application/pdf")


def _number(call: Call) -> int | None:
    value = call.body.get("gezinslid")
    return None if value is None else int(value)


def _optional_day(call: Call, name: str) -> date | None:
    return None if call.body.get(name) is None else call.day(name)


def target_groups_list(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        household_id = household_id_for(uow, call.text("dossiernummer"))
        groups = household_target_groups(uow, household_id,
                                         include_removed=call.flag("ook_beeindigd"))
        roles = {m.id: m.role.value for m in open_household(uow, household_id).members}
    return {"doelgroepen": to_json(groups),
            "rollen": {str(k): v for k, v in roles.items()}}


def target_groups_set(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        household_id = household_id_for(uow, call.text("dossiernummer"))
        view = set_target_group(uow, household_id, call.text("code"),
                                member_by_number(uow, household_id, _number(call)),
                                _optional_day(call, "datum"))
    return {"doelgroep": to_json(view)}


def target_groups_end(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        household_id = household_id_for(uow, call.text("dossiernummer"))
        view = end_target_group(uow, household_id, call.text("code"),
                                member_by_number(uow, household_id, _number(call)),
                                _optional_day(call, "datum"))
    return {"doelgroep": to_json(view)}


def users_list(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        return {"accounts": to_json(accounts.list_accounts(uow))}


def users_add(call: Call) -> Result:
    role = parse_role(call.text("role"))
    vindplaats = call.body.get("vindplaats")
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        view = accounts.add_account(uow, call.text("username"), call.text("name"), role,
                                    call.text("password"),
                                    None if vindplaats is None else str(vindplaats))
    return {"account": to_json(view)}


def users_disable(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        accounts.disable_account(uow, call.text("username"))
        target = accounts.account_id(uow, call.text("username"))
    call.tokens.revoke_user(target)
    return {}


def users_password(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        accounts.change_password(uow, call.text("username"), call.text("password"))
    return {}


def audit_verify(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        return dict(to_json(audit.verify_chain(uow)))


def retention_due(call: Call) -> Result:
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        due = retention_list(uow, due_only=not call.flag("all"))
    return {"dossiers": [dict(to_json(d.retention), proposed_by=d.proposed_by) for d in due]}


def retention_step(call: Call) -> Result:
    """propose / approve / withdraw, by the step named in the body."""
    steps = {"propose": propose_destruction, "approve": approve_destruction,
             "withdraw": withdraw_destruction}
    step = steps.get(call.text("step"))
    if step is None:
        raise ValidationError({"step": "Kies propose, approve of withdraw."})
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        done = step(uow, call.text("dossiernummer"))
    return {"uitkomst": to_json(done)}


def inzage(call: Call) -> Result:
    member, born = call.body.get("member"), call.body.get("geboortedatum")
    with unit_of_work(call.store, call.actor, call.clock) as uow:
        files = make_inzage(uow, household_id_for(uow, call.text("dossiernummer")),
                            member_name=None if member is None else str(member),
                            born=None if born is None else str(born))
    return {"pdf": base64.b64encode(files.pdf).decode("ascii"),
            "json": files.json.decode("utf-8"), "withheld": files.withheld,
            "needs_review": files.needs_review}


# (method, path under /api/v1, operation). Paths hold no personal data.
ROUTES: tuple[tuple[str, str, Operation], ...] = (
    ("POST", "/households/search", search),
    ("POST", "/reports/overview", overview),
    ("POST", "/reports/figures", figures),
    ("POST", "/reports/export", report),
    ("POST", "/exports/help-questions", help_questions),
    ("POST", "/plans/active", plans_in_force),
    ("POST", "/plans/print", plan_pdf),
    ("POST", "/households/target-groups", target_groups_list),
    ("POST", "/households/target-groups/set", target_groups_set),
    ("POST", "/households/target-groups/end", target_groups_end),
    ("GET", "/users", users_list),
    ("POST", "/users", users_add),
    ("POST", "/users/disable", users_disable),
    ("POST", "/users/password", users_password),
    ("POST", "/audit/verify", audit_verify),
    ("POST", "/retention/due", retention_due),
    ("POST", "/retention/step", retention_step),
    ("POST", "/inzage", inzage),
)
