"""Password hashing and store-key wrapping.

The store key is 32 random bytes. Each account holds its own wrapped copy: the key XOR a
32-byte key-encryption key derived from that account's password with scrypt (memory-hard)
and a fresh salt. A fresh salt per wrap makes the XOR pad single-use; a short check value
tells a wrong password from a damaged file without opening the database.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# Tuned for ~0.1 s on a 2-core laptop; tests lower them through set_work_factors().
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}
_hasher = PasswordHasher()

KEY_BYTES = 32


def set_work_factors(*, scrypt_n: int, argon_time: int, argon_memory_kib: int) -> None:
    """Lower the cost for test runs only; stored parameters keep old entries verifiable."""
    global _hasher
    _SCRYPT["n"] = scrypt_n
    _hasher = PasswordHasher(time_cost=argon_time, memory_cost=argon_memory_kib, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_store_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


@dataclass(frozen=True)
class WrappedKey:
    salt: str
    wrapped: str
    check: str
    n: int
    r: int
    p: int

    def to_json(self) -> dict[str, str | int]:
        return {"salt": self.salt, "wrapped": self.wrapped, "check": self.check,
                "n": self.n, "r": self.r, "p": self.p}

    @classmethod
    def from_json(cls, data: dict[str, str | int]) -> WrappedKey:
        return cls(salt=str(data["salt"]), wrapped=str(data["wrapped"]), check=str(data["check"]),
                   n=int(data["n"]), r=int(data["r"]), p=int(data["p"]))


def _kek(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=KEY_BYTES)


def _check_value(key: bytes) -> str:
    return hmac.new(key, b"intake-store-key-check", hashlib.sha256).hexdigest()[:16]


def wrap_key(store_key: bytes, password: str) -> WrappedKey:
    salt = secrets.token_bytes(16)
    n, r, p = _SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"]
    kek = _kek(password, salt, n, r, p)
    wrapped = bytes(a ^ b for a, b in zip(store_key, kek, strict=True))
    return WrappedKey(salt=salt.hex(), wrapped=wrapped.hex(), check=_check_value(store_key),
                      n=n, r=r, p=p)


def unwrap_key(entry: WrappedKey, password: str) -> bytes | None:
    """The store key, or None when the password is wrong."""
    kek = _kek(password, bytes.fromhex(entry.salt), entry.n, entry.r, entry.p)
    key = bytes(a ^ b for a, b in zip(bytes.fromhex(entry.wrapped), kek, strict=True))
    if not hmac.compare_digest(_check_value(key), entry.check):
        return None
    return key


def burn_time(password: str) -> None:
    """Spend what a real unwrap costs, so an unknown user name is not faster to reject."""
    _kek(password, b"\0" * 16, _SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"])
