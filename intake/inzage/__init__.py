"""The resident's right of access (inzage, article 15 AVG): everything held about one member,
as PDF and as JSON. Consents for sharing come in through ``consents.consents_for`` (a hook)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from intake.core.context import UnitOfWork
from intake.inzage.consents import ConsentLine, consents_for
from intake.inzage.content import InzageAnswer, Section, Table, build_inzage
from intake.inzage.export import inzage_json
from intake.inzage.pdf import inzage_pdf


@dataclass(frozen=True)
class InzageFiles:
    pdf: bytes
    json: bytes
    withheld: int
    needs_review: bool


def make_inzage(uow: UnitOfWork, household_id: uuid.UUID, *, member_name: str | None = None,
                born: str | None = None, member_id: uuid.UUID | None = None) -> InzageFiles:
    """Both files of one answer, built from one reading of the dossier. The member is named by
    full name or date of birth (command line) or by id (chosen on screen)."""
    answer = build_inzage(uow, household_id, member_name=member_name, born=born,
                          member_id=member_id)
    return InzageFiles(inzage_pdf(answer), inzage_json(answer), answer.withheld,
                       answer.needs_review)


__all__ = [
    "ConsentLine",
    "InzageAnswer",
    "InzageFiles",
    "Section",
    "Table",
    "build_inzage",
    "consents_for",
    "inzage_json",
    "inzage_pdf",
    "make_inzage",
]
