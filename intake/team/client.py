"""The client of a team server (``--db https://…``): sign in, call the API, sign out.

The server computes; the client hands back what it receives (JSON, or a file's bytes). Errors
come back as the Dutch KnownError the server raised. A test CA can be trusted with ``ca`` (the
``--ca`` option or ``INTAKE_CA``); otherwise the system's trust store applies.
"""

from __future__ import annotations

import contextlib
import os
import ssl
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from intake.core.errors import KnownError, StoreError
from intake.team.wire import API, UNEXPECTED, error_from_payload

ENV_CA = "INTAKE_CA"
TIMEOUT = httpx.Timeout(30.0, read=600.0)  # a report of every active plan takes a while


def unreachable(base: str) -> StoreError:
    return StoreError(f"De teamserver {base} is niet bereikbaar. Controleer het adres en uw "
                      "netwerkverbinding.")


@dataclass(frozen=True)
class SignedInUser:
    username: str
    display_name: str
    role: str


class TeamClient:
    def __init__(self, base_url: str, ca: str | Path | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base = base_url.rstrip("/")
        ca = ca or os.environ.get(ENV_CA) or None
        verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=str(ca)) if ca \
            else True
        self._http = httpx.Client(base_url=self.base, verify=verify, timeout=TIMEOUT,
                                  transport=transport)
        self._token: str | None = None
        self.user: SignedInUser | None = None

    def __enter__(self) -> TeamClient:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._token is not None:
            with contextlib.suppress(httpx.HTTPError):  # the token expires on its own
                self._http.delete(f"{API}/session", headers=self._headers())
            self._token = None
        self._http.close()

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"} if self._token else {}

    def _send(self, method: str, path: str, body: dict[str, Any] | None) -> httpx.Response:
        try:
            response = self._http.request(method, f"{API}{path}", json=body,
                                          headers=self._headers())
        except httpx.HTTPError as error:
            raise unreachable(self.base) from error
        if response.status_code >= 400:
            try:
                payload = response.json()
            except ValueError:
                payload = {"fout": UNEXPECTED}
            raise error_from_payload(response.status_code,
                                     payload if isinstance(payload, dict) else {})
        return response

    def call(self, path: str, body: dict[str, Any] | None = None,
             method: str = "POST") -> Any:
        return self._send(method, path, body if method != "GET" else None).json()

    def download(self, path: str, body: dict[str, Any]) -> bytes:
        return self._send("POST", path, body).content

    # Sessions.
    def sign_in(self, username: str, password: str) -> SignedInUser:
        data = self.call("/session", {"username": username, "password": password})
        self._token = str(data["token"])
        who = data["gebruiker"]
        self.user = SignedInUser(who["username"], who["display_name"], who["role"])
        return self.user

    def renew(self) -> str:
        return str(self.call("/session/renew")["verloopt"])

    # What the command line needs; the rest of the API is reached with call().
    def search(self, query: str, limit: int | None = None) -> list[dict[str, Any]]:
        body: dict[str, Any] = {"query": query}
        if limit is not None:
            body["limit"] = limit
        return list(self.call("/households/search", body)["resultaten"])

    def overview(self, **wanted: Any) -> dict[str, Any]:
        return dict(self.call("/reports/overview", wanted))

    def report(self, start: str, end: str, fmt: str, suppress_small: bool = False) -> bytes:
        return self.download("/reports/export", {"from": start, "to": end, "format": fmt,
                                                 "suppress_small": suppress_small})

    def help_questions_csv(self, start: str, end: str) -> bytes:
        return self.download("/exports/help-questions", {"from": start, "to": end})

    def active_plans(self) -> list[dict[str, Any]]:
        return list(self.call("/plans/active")["plannen"])

    def print_plan(self, **what: Any) -> bytes:
        return self.download("/plans/print", what)

    def accounts(self) -> list[dict[str, Any]]:
        return list(self.call("/users", method="GET")["accounts"])

    def add_account(self, username: str, name: str, role: str, password: str,
                    vindplaats: str | None = None) -> dict[str, Any]:
        return dict(self.call("/users", {"username": username, "name": name, "role": role,
                                         "password": password, "vindplaats": vindplaats}
                              )["account"])

    def disable_account(self, username: str) -> None:
        self.call("/users/disable", {"username": username})

    def change_password(self, username: str, password: str) -> None:
        self.call("/users/password", {"username": username, "password": password})

    def verify_audit(self) -> dict[str, Any]:
        return dict(self.call("/audit/verify"))


def require_user(client: TeamClient) -> SignedInUser:
    if client.user is None:
        raise KnownError("Niet aangemeld bij de teamserver.")
    return client.user
