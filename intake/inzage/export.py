"""The resident's answer as JSON (data portability): the same sections the PDF prints."""

from __future__ import annotations

import json
from typing import Any

from intake.inzage.content import InzageAnswer, Section

FORMAT = "inzage-avg-15"
FORMAT_VERSION = 1


def _section(section: Section) -> dict[str, Any]:
    return {
        "titel": section.title,
        "tekst": list(section.text),
        "tabellen": [{"bijschrift": caption,
                      "rijen": [dict(zip(table.columns, row, strict=True)) for row in table.rows]}
                     for caption, table in section.tables],
    }


def inzage_json(answer: InzageAnswer) -> bytes:
    data = {
        "formaat": FORMAT,
        "versie": FORMAT_VERSION,
        "dossiernummer": answer.dossiernummer,
        "gezinslid": answer.member_name,
        "opgesteld_op": answer.made_at.isoformat(timespec="seconds"),
        "opgesteld_door": answer.made_by,
        "achtergehouden": answer.withheld,
        "beoordeling_nodig": answer.needs_review,
        "onderdelen": {s.key: _section(s) for s in answer.sections},
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
