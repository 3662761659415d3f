"""Help questions for the municipal dashboard: one CSV row per help question in a period.

No names, no BSN, no free text: codes, labels, dates and a household pseudonym. The pseudonym
is an HMAC of the household id under a secret kept in the store, so it is stable across
exports (a dashboard can count households with more than one question) but cannot be turned
back into a household without the store. Each label appears twice: as it was when the
question was registered and as it is now, so a renamed type lines up in both views.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import astuple, dataclass, fields
from datetime import date
from typing import TextIO

from sqlalchemy import select

from db.models import HelpQuestion, StoreSecret
from intake.catalogues.stored import CatalogueKind, LabelBook
from intake.core import audit
from intake.core.access import require_role
from intake.core.context import UnitOfWork
from intake.core.errors import ValidationError
from intake.core.roles import Role
from intake.core.text import formula_safe_row

PSEUDONYM_SECRET = "export_pseudoniem"
# Figures about the whole team are the teamleider's; the beheerder has no case data and a
# vindplaatsmedewerker sees only their own households.
EXPORTERS = frozenset({Role.TEAMLEIDER})


@dataclass(frozen=True)
class ExportRow:
    date: str  # ISO date of the contact
    type_code: str
    type_label: str  # as labelled when registered
    type_label_current: str
    law_code: str
    vindplaats_code: str
    vindplaats_label: str
    vindplaats_label_current: str
    ijw_referrer_code: str  # COD327, '' when the vindplaats is no legal referrer
    channel_code: str
    channel_label: str
    outcome_code: str
    outcome_label: str
    household_pseudonym: str


COLUMNS = tuple(f.name for f in fields(ExportRow))


def _secret(uow: UnitOfWork) -> bytes:
    row = uow.session.get(StoreSecret, PSEUDONYM_SECRET)
    if row is None:
        row = StoreSecret(name=PSEUDONYM_SECRET, value=secrets.token_hex(32), created_at=uow.now)
        uow.session.add(row)
        uow.session.flush()
    return bytes.fromhex(row.value)


def pseudonym(secret: bytes, household_id: uuid.UUID) -> str:
    return hmac.new(secret, household_id.bytes, hashlib.sha256).hexdigest()[:20]


def export_rows(uow: UnitOfWork, start: date, end: date) -> Iterator[ExportRow]:
    """Rows for help questions registered from ``start`` to ``end`` (both included), in date
    order. Audited once per export."""
    require_role(uow, EXPORTERS, "exporteren", "hulpvragen",
                 "Alleen een teamleider exporteert hulpvragen voor het dashboard.")
    if start > end:
        raise ValidationError({"to": "De einddatum ligt voor de begindatum."})
    secret = _secret(uow)
    audit.record(uow, "exporteren", "hulpvragen",
                 detail=f"periode {start.isoformat()} t/m {end.isoformat()}")
    # Checked and audited above, before the first row is asked for.
    return _rows(uow, start, end, secret)


def _rows(uow: UnitOfWork, start: date, end: date, secret: bytes) -> Iterator[ExportRow]:
    book = LabelBook.load(uow.session)
    query = (select(HelpQuestion.registered_on, HelpQuestion.registered_at,
                    HelpQuestion.type_code, HelpQuestion.vindplaats_code,
                    HelpQuestion.channel_code, HelpQuestion.outcome_code,
                    HelpQuestion.household_id)
             .where(HelpQuestion.registered_on.between(start, end))
             .order_by(HelpQuestion.registered_on, HelpQuestion.registered_at)
             .execution_options(yield_per=5000))
    for day, at, type_code, vindplaats, channel, outcome, household_id in \
            uow.session.execute(query):
        yield ExportRow(
            date=day.isoformat(), type_code=type_code,
            type_label=book.at(CatalogueKind.HULPVRAAGTYPE, type_code, at),
            type_label_current=book.current(CatalogueKind.HULPVRAAGTYPE, type_code),
            law_code=book.law_code(type_code) or "",
            vindplaats_code=vindplaats,
            vindplaats_label=book.at(CatalogueKind.VINDPLAATS, vindplaats, at),
            vindplaats_label_current=book.current(CatalogueKind.VINDPLAATS, vindplaats),
            ijw_referrer_code=book.ijw_code(vindplaats) or "",
            channel_code=channel, channel_label=book.at(CatalogueKind.KANAAL, channel, at),
            outcome_code=outcome, outcome_label=book.at(CatalogueKind.UITKOMST, outcome, at),
            household_pseudonym=pseudonym(secret, household_id))


def write_csv(uow: UnitOfWork, start: date, end: date, out: TextIO) -> int:
    """Write the CSV (comma separated, header first) to ``out``; returns the number of rows."""
    rows = export_rows(uow, start, end)  # checked before the first byte is written
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(formula_safe_row(astuple(row)))
        count += 1
    return count


def export_csv_text(uow: UnitOfWork, start: date, end: date) -> str:
    out = io.StringIO()
    write_csv(uow, start, end, out)
    return out.getvalue()
