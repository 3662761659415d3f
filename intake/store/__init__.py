"""The store and its security: finding, creating, unlocking and migrating a store, the key file,
key pairs and sealing, the recovery key, replacing the store key, and the accounts whose
passwords unlock it."""

from db.engine import StoreLocation
from intake.store.handle import Store
from intake.store.keyring import KeyFileDamaged, KeyReplacedError
from intake.store.opening import (
    ENV_DB,
    WRONG_LOGIN,
    create_store,
    default_location,
    open_store,
    resolve_location,
    store_exists,
)
from intake.store.recovery import has_recovery_key, make_recovery_key, recover
from intake.store.rekey import RekeyReport, rekey_store

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
