"""Who the dossier was shared with by consent: the hook the consent records fill.

HOOK FOR THE CONSENT RECORDS (issue 14, built on another branch): at merge, make
``consents_for`` return the member's consent records (partner, purpose, given and withdrawn
dates) from the consent feature. Everything else of the resident's answer already shows them:
the section 'Toestemmingen' and, for each consent given, a line under 'Met wie is het gedeeld'.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from intake.core.context import UnitOfWork


@dataclass(frozen=True)
class ConsentLine:
    partner: str  # the named partner organisation
    purpose: str
    given_on: date
    withdrawn_on: date | None = None


def consents_for(uow: UnitOfWork, household_id: uuid.UUID,
                 member_id: uuid.UUID) -> list[ConsentLine]:
    """The consents for sharing recorded for this member (none on this branch: see above)."""
    del uow, household_id, member_id
    return []
