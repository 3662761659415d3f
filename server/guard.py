"""Who is signed in, and how fast wrong passwords may be tried.

Tokens are opaque random strings; the server keeps only their SHA-256, with an expiry that
each use of ``renew`` moves forward. Both tables live in this process's memory: a restart signs
everyone out, which is acceptable for a server that people sign in to every working day (a
second server process would need them in the database; that comes with the replicas).
Wrong passwords slow down per account (kept on the account in the users table, as on a
laptop) and per client address (here): 1, 2, 4 … seconds, at most five minutes.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from intake.store.keyring import locked_for, lockout_seconds

TOKEN_TTL = timedelta(minutes=15)
# Colleagues behind one municipal NAT share an address: a few mistakes cost nothing there.
FREE_FAILURES_PER_ADDRESS = 3
ADDRESS_MEMORY = timedelta(minutes=15)
MAX_ADDRESSES = 10_000


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


@dataclass
class _Session:
    user_id: uuid.UUID
    expires: datetime


class Tokens:
    def __init__(self, ttl: timedelta = TOKEN_TTL) -> None:
        self.ttl = ttl
        self._sessions: dict[str, _Session] = {}
        self._lock = threading.Lock()

    def issue(self, user_id: uuid.UUID, now: datetime) -> tuple[str, datetime]:
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._drop_expired(now)
            self._sessions[_digest(token)] = _Session(user_id, now + self.ttl)
        return token, now + self.ttl

    def user_for(self, token: str, now: datetime) -> uuid.UUID | None:
        with self._lock:
            found = self._sessions.get(_digest(token))
            if found is None or found.expires <= now:
                return None
            return found.user_id

    def renew(self, token: str, now: datetime) -> datetime | None:
        with self._lock:
            found = self._sessions.get(_digest(token))
            if found is None or found.expires <= now:
                return None
            found.expires = now + self.ttl
            return found.expires

    def revoke(self, token: str) -> None:
        with self._lock:
            self._sessions.pop(_digest(token), None)

    def revoke_user(self, user_id: uuid.UUID) -> None:
        """A blocked account is signed out everywhere at once."""
        with self._lock:
            for key in [k for k, s in self._sessions.items() if s.user_id == user_id]:
                del self._sessions[key]

    def _drop_expired(self, now: datetime) -> None:
        for key in [k for k, s in self._sessions.items() if s.expires <= now]:
            del self._sessions[key]


@dataclass
class _Failures:
    count: int
    last: datetime
    locked_until: datetime | None


class AddressThrottle:
    def __init__(self) -> None:
        self._failures: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    def wait(self, address: str, now: datetime) -> int:
        """Seconds this address must wait before its next attempt (0: go ahead)."""
        with self._lock:
            found = self._failures.get(address)
            return locked_for(found.locked_until, now) if found else 0

    def failed(self, address: str, now: datetime) -> None:
        with self._lock:
            found = self._failures.get(address)
            if found is None or now - found.last > ADDRESS_MEMORY:
                found = _Failures(0, now, None)
            found.count += 1
            found.last = now
            over = found.count - FREE_FAILURES_PER_ADDRESS
            found.locked_until = now + timedelta(seconds=lockout_seconds(over)) if over > 0 \
                else None
            self._failures[address] = found
            if len(self._failures) > MAX_ADDRESSES:
                for key in [k for k, f in self._failures.items()
                            if now - f.last > ADDRESS_MEMORY]:
                    del self._failures[key]

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()
