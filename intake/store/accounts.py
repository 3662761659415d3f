"""Accounts: added, listed, disabled and re-passworded by the functioneel beheerder."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from db.models import User
from intake.core import audit
from intake.core.access import require_role
from intake.core.context import UnitOfWork
from intake.core.errors import NotFoundError, PermissionDenied, ValidationError
from intake.core.roles import Role
from intake.store import crypto, keys
from intake.store.handle import Store
from intake.store.keyring import KeyFile

MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
ADMIN_ONLY = frozenset({Role.BEHEERDER})


def check_username(username: str) -> None:
    if not _USERNAME.match(username):
        raise ValidationError({"username": (
            "Een gebruikersnaam heeft 2 tot 32 tekens: kleine letters, cijfers, punt, streepje of "
            "liggend streepje, en begint met een letter."
        )})


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError({"password": f"Een wachtwoord heeft minstens {MIN_PASSWORD} tekens."})


@dataclass(frozen=True)
class AccountView:
    username: str
    display_name: str
    role: Role
    disabled: bool
    vindplaats_code: str | None
    created_at: datetime


def _require_admin(uow: UnitOfWork, action: str) -> None:
    require_role(uow, ADMIN_ONLY, action, "account",
                 "Alleen een functioneel beheerder beheert accounts.")


def _get(uow: UnitOfWork, username: str) -> User:
    user = uow.session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(f"Er is geen account met gebruikersnaam '{username}'.")
    return user


def add_account(
    uow: UnitOfWork, username: str, display_name: str, role: Role, password: str,
    vindplaats_code: str | None = None, *, is_demo: bool = False,
) -> AccountView:
    _require_admin(uow, "account-aanmaken")
    check_username(username)
    check_password_policy(password)
    if not display_name.strip():
        raise ValidationError({"display_name": "Vul de naam van de medewerker in."})
    if uow.session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ValidationError({"username": f"De gebruikersnaam '{username}' bestaat al."})
    user = User(username=username, display_name=display_name.strip(), role=role.value,
                password_hash=crypto.hash_password(password), vindplaats_code=vindplaats_code,
                created_at=uow.now, is_demo=is_demo)
    uow.session.add(user)
    uow.session.flush()
    _wrap_for(uow, username, password)
    audit.record(uow, "account-aanmaken", "account", user.id, detail=f"rol {role.value}")
    return _view(user)


def _wrap_for(uow: UnitOfWork, username: str, password: str) -> None:
    """A key pair for this password in the key file; the old one goes only if the transaction
    commits (``keys.stage_unlock``)."""
    if isinstance(uow.store, Store):
        keys.stage_unlock(uow.session, uow.store, username, password)


def list_accounts(uow: UnitOfWork) -> list[AccountView]:
    _require_admin(uow, "account-lijst")
    users = uow.session.scalars(select(User).order_by(User.username))
    return [_view(user) for user in users]


def disable_account(uow: UnitOfWork, username: str) -> None:
    _require_admin(uow, "account-blokkeren")
    if username == uow.actor.username:
        raise ValidationError({"username": "U kunt uw eigen account niet blokkeren."})
    user = _get(uow, username)
    user.disabled = True
    user.updated_at = uow.now
    uow.session.flush()
    store = uow.store
    if isinstance(store, Store) and store.keyring is not None:
        # Gone from the key file once blocked; the new store key (``intake.store.rekey``)
        # makes the person's own old copy of the key file useless too.
        def forget(found: KeyFile) -> None:
            found.entries.pop(username, None)

        keys.after_transaction(uow.session, forget, lambda _found: None, store)
    audit.record(uow, "account-blokkeren", "account", user.id)


def change_password(uow: UnitOfWork, username: str, new_password: str) -> None:
    """Your own password, or anyone's when you are the beheerder."""
    if username != uow.actor.username and uow.actor.role is not Role.BEHEERDER:
        raise PermissionDenied("U kunt alleen uw eigen wachtwoord wijzigen.")
    check_password_policy(new_password)
    user = _get(uow, username)
    if user.disabled:
        raise ValidationError({"username": "Dit account is geblokkeerd."})
    user.password_hash = crypto.hash_password(new_password)
    user.updated_at = uow.now
    uow.session.flush()
    _wrap_for(uow, username, new_password)
    audit.record(uow, "wachtwoord", "account", user.id)


def _view(user: User) -> AccountView:
    return AccountView(username=user.username, display_name=user.display_name,
                       role=Role(user.role), disabled=user.disabled,
                       vindplaats_code=user.vindplaats_code, created_at=user.created_at)


def account_id(uow: UnitOfWork, username: str) -> uuid.UUID:
    return _get(uow, username).id
