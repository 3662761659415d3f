"""The store and its security: finding, creating, unlocking and migrating a store, the key file,
password hashing and key wrapping, and the accounts whose passwords unlock it."""

from db.engine import StoreLocation
from intake.store.handle import Store
from intake.store.opening import (
    ENV_DB,
    WRONG_LOGIN,
    create_store,
    default_location,
    open_store,
    resolve_location,
    store_exists,
)

__all__ = [
    "ENV_DB",
    "WRONG_LOGIN",
    "Store",
    "StoreLocation",
    "create_store",
    "default_location",
    "open_store",
    "resolve_location",
    "store_exists",
]
