"""Password hashing, key pairs and sealing the store key.

The store key is 32 random bytes. Each account has an X25519 key pair: its private key is
encrypted (ChaCha20-Poly1305) with a key derived from the account's password by Argon2id
(memory-hard, fresh salt per wrap; wraps made earlier with scrypt still open and are made
again with Argon2id at the account's next sign-in, see ``outdated``); the store key is
sealed to its public key (an ephemeral X25519 exchange, HKDF, ChaCha20-Poly1305). Sealing
needs only public keys, so a new store key can be given to every remaining account and to the
recovery key without knowing a password; and holding the store key and a key file reveals
nothing about anyone's password or private key.

Format 1 key files held the store key XOR a scrypt key (``WrappedKey``); they are read once,
at the next sign-in of each account, and replaced (``intake.store.keyring``). Laptop replicas
still keep their key that way in their team file.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

# Tests lower these through set_work_factors(). scrypt: format 1 wraps (laptop replicas' team
# files) and private-key wraps made before Argon2id; they stay readable with their own stored
# parameters. Argon2id for new private-key wraps at OWASP's recommendation (m = 19 MiB, t = 2,
# p = 1): on a 2-core laptop about a quarter of what scrypt N=2^15 cost, which was itself below
# OWASP's scrypt advice (N=2^17).
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}
_WRAP_ARGON = {"m": 19 * 1024, "t": 2, "p": 1}
SCRYPT, ARGON2ID = "scrypt", "argon2id"
_hasher = PasswordHasher()

KEY_BYTES = 32
_SEAL_INFO = b"intake-store-key-seal-v2"
_PRIVATE_AD = b"intake-account-private-key-v2"


def set_work_factors(*, scrypt_n: int, argon_time: int, argon_memory_kib: int) -> None:
    """Lower the cost for test runs only; stored parameters keep old entries verifiable."""
    global _hasher
    _SCRYPT["n"] = scrypt_n
    _WRAP_ARGON.update(m=argon_memory_kib, t=argon_time)
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


def _kek(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=KEY_BYTES)


def _argon_kek(password: str, salt: bytes, memory_kib: int, time_cost: int, lanes: int) -> bytes:
    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=time_cost,
                           memory_cost=memory_kib, parallelism=lanes, hash_len=KEY_BYTES,
                           type=Type.ID)


def burn_time(password: str, kdf: str = ARGON2ID) -> None:
    """Spend what a real unwrap costs, so an unknown user name is not faster to reject."""
    if kdf == SCRYPT:  # a format 1 wrap: laptop replicas' team files
        _kek(password, b"\0" * 16, _SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"])
        return
    _argon_kek(password, b"\0" * 16, _WRAP_ARGON["m"], _WRAP_ARGON["t"], _WRAP_ARGON["p"])


# ---- key pairs --------------------------------------------------------------------------


@dataclass(frozen=True)
class PrivateWrap:
    """An account's private key, encrypted with a key derived from its password.

    ``kdf`` 'scrypt': n, r, p are scrypt's; 'argon2id': n is the memory in KiB, r the time
    cost, p the lanes (stored as m, t, p)."""

    salt: str
    nonce: str
    ciphertext: str
    n: int
    r: int
    p: int
    kdf: str = SCRYPT

    def to_json(self) -> dict[str, str | int]:
        head: dict[str, str | int] = {"salt": self.salt, "nonce": self.nonce,
                                      "ciphertext": self.ciphertext}
        if self.kdf == ARGON2ID:
            return {**head, "kdf": ARGON2ID, "m": self.n, "t": self.r, "p": self.p}
        return {**head, "n": self.n, "r": self.r, "p": self.p}

    @classmethod
    def from_json(cls, data: dict[str, str | int]) -> PrivateWrap:
        salt, nonce, ciphertext = str(data["salt"]), str(data["nonce"]), str(data["ciphertext"])
        if data.get("kdf") == ARGON2ID:
            return cls(salt=salt, nonce=nonce, ciphertext=ciphertext, n=int(data["m"]),
                       r=int(data["t"]), p=int(data["p"]), kdf=ARGON2ID)
        return cls(salt=salt, nonce=nonce, ciphertext=ciphertext, n=int(data["n"]),
                   r=int(data["r"]), p=int(data["p"]))

    def derive(self, password: str) -> bytes:
        salt = bytes.fromhex(self.salt)
        if self.kdf == ARGON2ID:
            return _argon_kek(password, salt, self.n, self.r, self.p)
        return _kek(password, salt, self.n, self.r, self.p)


def outdated(wrap: PrivateWrap) -> bool:
    """True for a wrap made with scrypt or with weaker Argon2id parameters than today's: it is
    made again at the account's next sign-in (the password is known then)."""
    return wrap.kdf != ARGON2ID or (wrap.n, wrap.r) < (_WRAP_ARGON["m"], _WRAP_ARGON["t"])


@dataclass(frozen=True)
class Sealed:
    """The store key sealed to one public key: only its private key opens it."""

    ephemeral: str
    nonce: str
    ciphertext: str

    def to_json(self) -> dict[str, str]:
        return {"ephemeral": self.ephemeral, "nonce": self.nonce, "ciphertext": self.ciphertext}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Sealed:
        return cls(ephemeral=str(data["ephemeral"]), nonce=str(data["nonce"]),
                   ciphertext=str(data["ciphertext"]))


def public_hex(private: X25519PrivateKey) -> str:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def new_private_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def wrap_private(private: X25519PrivateKey, password: str) -> PrivateWrap:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    m, t, p = _WRAP_ARGON["m"], _WRAP_ARGON["t"], _WRAP_ARGON["p"]
    raw = private.private_bytes_raw()
    kek = _argon_kek(password, salt, m, t, p)
    ciphertext = ChaCha20Poly1305(kek).encrypt(nonce, raw, _PRIVATE_AD)
    return PrivateWrap(salt=salt.hex(), nonce=nonce.hex(), ciphertext=ciphertext.hex(),
                       n=m, r=t, p=p, kdf=ARGON2ID)


def unwrap_private(wrap: PrivateWrap, password: str) -> X25519PrivateKey | None:
    """The private key, or None when the password is wrong."""
    kek = wrap.derive(password)
    try:
        raw = ChaCha20Poly1305(kek).decrypt(bytes.fromhex(wrap.nonce),
                                            bytes.fromhex(wrap.ciphertext), _PRIVATE_AD)
    except InvalidTag:
        return None
    return X25519PrivateKey.from_private_bytes(raw)


def _seal_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral + recipient,
                info=_SEAL_INFO).derive(shared)


def seal(store_key: bytes, public: str) -> Sealed:
    recipient = bytes.fromhex(public)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    nonce = secrets.token_bytes(12)
    ciphertext = ChaCha20Poly1305(_seal_key(shared, ephemeral_raw, recipient)).encrypt(
        nonce, store_key, _SEAL_INFO)
    return Sealed(ephemeral=ephemeral_raw.hex(), nonce=nonce.hex(), ciphertext=ciphertext.hex())


def unseal(sealed: Sealed, private: X25519PrivateKey) -> bytes | None:
    """The store key, or None when this seal was made for another key."""
    ephemeral = bytes.fromhex(sealed.ephemeral)
    recipient = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    try:
        return ChaCha20Poly1305(_seal_key(shared, ephemeral, recipient)).decrypt(
            bytes.fromhex(sealed.nonce), bytes.fromhex(sealed.ciphertext), _SEAL_INFO)
    except InvalidTag:
        return None


def private_from_secret(secret: bytes) -> X25519PrivateKey:
    """The recovery key's private key: derived from its random secret, never stored."""
    raw = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
               info=b"intake-recovery-key-v2").derive(secret)
    return X25519PrivateKey.from_private_bytes(raw)


# ---- format 1 (and laptop replicas' team files) ---------------------------------------------


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
