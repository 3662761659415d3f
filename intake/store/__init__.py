"""The store and its security: finding, creating, unlocking and migrating a store, the key file,
key pairs and sealing, the recovery key, replacing the store key, and the accounts whose
passwords unlock it.

The names below load their module on first use: naming the store (``intake.store.location``)
must not pull in SQLAlchemy and the key handling, so the app paints its login window first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.location import StoreLocation
    from intake.store.handle import Store
    from intake.store.keyring import KeyFileDamaged, KeyReplacedError
    from intake.store.location import ENV_DB, default_location, resolve_location, store_exists
    from intake.store.opening import WRONG_LOGIN, create_store, open_store
    from intake.store.recovery import has_recovery_key, make_recovery_key, recover
    from intake.store.rekey import RekeyReport, rekey_store

_HOMES = {
    "StoreLocation": "db.location",
    "Store": "intake.store.handle",
    "KeyFileDamaged": "intake.store.keyring",
    "KeyReplacedError": "intake.store.keyring",
    "ENV_DB": "intake.store.location",
    "default_location": "intake.store.location",
    "resolve_location": "intake.store.location",
    "store_exists": "intake.store.location",
    "WRONG_LOGIN": "intake.store.opening",
    "create_store": "intake.store.opening",
    "open_store": "intake.store.opening",
    "has_recovery_key": "intake.store.recovery",
    "make_recovery_key": "intake.store.recovery",
    "recover": "intake.store.recovery",
    "RekeyReport": "intake.store.rekey",
    "rekey_store": "intake.store.rekey",
}

__all__ = [
    "ENV_DB",
    "WRONG_LOGIN",
    "KeyFileDamaged",
    "KeyReplacedError",
    "RekeyReport",
    "Store",
    "StoreLocation",
    "create_store",
    "default_location",
    "has_recovery_key",
    "make_recovery_key",
    "open_store",
    "recover",
    "rekey_store",
    "resolve_location",
    "store_exists",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:  # a submodule (``from intake.store import crypto``) is imported instead
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
