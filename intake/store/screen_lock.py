"""Leaving the laptop: after how many minutes without input the window locks, and the
password that opens it again.

The time is a setting of the store (the beheerder changes it, every role reads it). Unlocking
checks the person's own password against the users table with the same growing delay after
wrong attempts as signing in; a laptop replica checks it against its team file instead
(``intake.team.replica.confirm_replica_password``).
"""

from __future__ import annotations

import contextlib
from datetime import datetime

from sqlalchemy.exc import DBAPIError

from db.models import User
from intake.core import audit
from intake.core.access import require_role
from intake.core.clock import utcnow
from intake.core.context import Actor, UnitOfWork
from intake.core.errors import (
    AuditEvent,
    KnownError,
    ValidationError,
)
from intake.core.roles import Role
from intake.core.session import translate_db_error
from intake.store.handle import Store
from intake.store.opening import check_password
from intake.store.settings import number_setting, put_number_setting

LOCK_MINUTES = "vergrendelen_na_minuten"
DEFAULT_LOCK_MINUTES = 10
MAX_LOCK_MINUTES = 240
WRONG_PASSWORD = "Dit wachtwoord is onjuist. Het scherm blijft vergrendeld."


def lock_minutes(uow: UnitOfWork) -> int:
    """Minutes without input before the window locks (every role reads it at sign-in)."""
    return number_setting(uow.session, LOCK_MINUTES, DEFAULT_LOCK_MINUTES)


def set_lock_minutes(uow: UnitOfWork, minutes: int) -> int:
    require_role(uow, frozenset({Role.BEHEERDER}), "instelling", "gegevensopslag",
                 "Alleen een functioneel beheerder stelt in wanneer het scherm vergrendelt.")
    if not 1 <= minutes <= MAX_LOCK_MINUTES:
        raise ValidationError({"lock_minutes": f"Kies 1 tot {MAX_LOCK_MINUTES} minuten."})
    put_number_setting(uow.session, LOCK_MINUTES, minutes, uow.now)
    uow.session.flush()
    audit.record(uow, "instelling", "gegevensopslag",
                 detail=f"vergrendelen na {minutes} minuten zonder invoer")
    return minutes


def confirm_password(store: Store, actor: Actor, password: str,
                     now: datetime | None = None) -> None:
    """The locked window opens again with this person's password; a wrong one counts as a
    failed sign-in (the same delay), and every unlock is in the audit trail."""
    now = now or utcnow()
    session = store.sessions()
    try:
        user = check_password(session, session.get(User, actor.id), password, now,
                              WRONG_PASSWORD)
        audit.append(session, actor, now,
                     event=AuditEvent("ontgrendelen", "account", str(user.id)))
        session.commit()
    except DBAPIError as error:
        known = translate_db_error(error)
        raise (known or error) from error
    finally:
        session.close()


def sign_out(store: Store, actor: Actor, now: datetime | None = None) -> None:
    """Afmelden: recorded, then the store closed and its key dropped from this window; the
    next person signs in from the start. A store already unreadable (its key replaced) is
    closed all the same."""
    try:
        with contextlib.suppress(KnownError, DBAPIError), store.sessions.begin() as session:
            audit.append(session, actor, now or utcnow(),
                         event=AuditEvent("afmelden", "account", str(actor.id)))
    finally:
        store.close()
        store.key = None
