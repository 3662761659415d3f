"""The unit of work: one per user action, opened by the UI or the CLI, never by domain code.

Shape after mlflow's ``make_managed_session``: commit at the end, roll back on any error,
translate database trouble into Dutch messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from intake.core import audit, limits  # noqa: F401  (limits: the check at every flush)
from intake.core.clock import utcnow
from intake.core.context import Actor, StoreHandle, UnitOfWork
from intake.core.errors import KnownError, PermissionDenied, StaleEditError, StoreError


def translate_db_error(error: BaseException) -> KnownError | None:
    """Expected database trouble as a Dutch message; None for everything else."""
    text = str(getattr(error, "orig", error)).lower()
    if "database is locked" in text or "database is busy" in text:
        return StoreError(
            "De gegevensopslag is even bezet door een ander programma of venster. "
            "Probeer het over enkele seconden opnieuw."
        )
    if "disk is full" in text or "no space" in text:
        return StoreError(
            "De schijf is vol: er is niets opgeslagen. Maak ruimte vrij en probeer het opnieuw."
        )
    if "file is not a database" in text or "malformed" in text:
        return StoreError(
            "Dit bestand is geen gegevensopslag van deze applicatie, of het is beschadigd."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(
            "De gegevensopslag kan niet worden geschreven. Controleer de map en de rechten."
        )
    return None


@contextmanager
def unit_of_work(
    store: StoreHandle, actor: Actor, clock: Callable[[], datetime] = utcnow
) -> Iterator[UnitOfWork]:
    session = store.sessions()
    session.info["actor"] = actor.username  # the team server's change log names who wrote
    uow = UnitOfWork(session=session, actor=actor, now=clock(), store=store)
    try:
        yield uow
        session.commit()
    except StaleDataError as error:
        session.rollback()
        raise StaleEditError() from error
    except PermissionDenied as error:
        session.rollback()
        _record_refusal(store, actor, uow.now, error)
        raise
    except (OperationalError, DBAPIError) as error:
        session.rollback()
        known = translate_db_error(error)
        if known is not None:
            raise known from error
        raise
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _record_refusal(
    store: StoreHandle, actor: Actor, now: datetime, error: PermissionDenied
) -> None:
    """A refusal is recorded even though the action's own transaction was rolled back."""
    if error.audit is None:
        return
    session = store.sessions()
    try:
        audit.append(session, actor, now, result="geweigerd", event=error.audit)
        session.commit()
    finally:
        session.close()
