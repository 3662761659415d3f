"""The HTTPS API as a Starlette app: sign-in, tokens, and every operation run as its person.

Work runs on Starlette's thread pool (the domain and SQLAlchemy are synchronous). A KnownError
becomes a JSON answer in Dutch; anything else is logged without personal data (the exception's
type and code locations, never its message, which may quote SQL parameters) and answered 500.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from db.models import User
from intake.core.clock import utcnow
from intake.core.context import Actor, StoreHandle
from intake.core.errors import AccountLockedError, AuthenticationError, KnownError, ValidationError
from intake.store.opening import actor_for, sign_in
from intake.team.wire import API, UNEXPECTED, error_payload, to_json
from server.endpoints import ROUTES, Blob, Call, Operation
from server.guard import AddressThrottle, Tokens
from server.logs import AccessLog
from server.sync import api as sync_api

log = logging.getLogger("intake.server")

EXPIRED = "Uw aanmelding is verlopen of ongeldig. Meld u opnieuw aan."
API_VERSION = 1


@dataclass
class ServerState:
    store: StoreHandle
    clock: Callable[[], datetime] = utcnow
    tokens: Tokens = field(default_factory=Tokens)
    throttle: AddressThrottle = field(default_factory=AddressThrottle)


Endpoint = Callable[[Request], Awaitable[Response]]


def _error(error: KnownError) -> Response:
    status, body, headers = error_payload(error)
    return JSONResponse(body, status_code=status, headers=headers)


def _unexpected(error: BaseException, where: str) -> Response:
    frames = "".join(traceback.format_tb(error.__traceback__))
    log.error("unexpected %s in %s\n%s", type(error).__name__, where, frames)
    return JSONResponse({"fout": UNEXPECTED, "soort": "fout"}, status_code=500)


async def _body(request: Request) -> dict[str, Any]:
    if request.method == "GET":
        return {}
    raw = await request.body()
    if not raw:
        return {}
    try:
        body = json.loads(raw)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise ValidationError({"body": "Het verzoek is geen JSON-object."})
    return body


def _token(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise AuthenticationError(EXPIRED)
    return token.strip()


def _current_actor(state: ServerState, token: str) -> Actor:
    """The signed-in person, read again on every request: a blocked account stops at once."""
    user_id = state.tokens.user_for(token, state.clock())
    if user_id is None:
        raise AuthenticationError(EXPIRED)
    with state.store.sessions() as session:
        user = session.scalar(select(User).where(User.id == user_id))
        if user is None or user.disabled:
            raise AuthenticationError(EXPIRED)
        return actor_for(user)


def _guarded(state: ServerState, operation: Operation) -> Endpoint:
    where = operation.__name__

    async def endpoint(request: Request) -> Response:
        try:
            body = await _body(request)
            token = _token(request)

            def work() -> Any:
                actor = _current_actor(state, token)
                return operation(Call(state.store, actor, body, state.clock, state.tokens))

            result = await run_in_threadpool(work)
        except KnownError as error:
            return _error(error)
        except Exception as error:
            return _unexpected(error, where)
        if isinstance(result, Blob):
            return Response(result.data, media_type=result.media_type)
        return JSONResponse(result)

    return endpoint


def _session_endpoints(state: ServerState) -> list[Route]:
    async def open_session(request: Request) -> Response:
        address = request.client.host if request.client else "onbekend"
        try:
            body = await _body(request)
            username, password = body.get("username"), body.get("password")
            if not isinstance(username, str) or not isinstance(password, str):
                raise ValidationError({"username": "Vul gebruikersnaam en wachtwoord in."})
            now = state.clock()
            wait = state.throttle.wait(address, now)
            if wait:
                raise AccountLockedError(wait)
            try:
                actor = await run_in_threadpool(sign_in, state.store, username, password, now)
            except AccountLockedError:
                raise
            except AuthenticationError:
                state.throttle.failed(address, now)
                raise
        except KnownError as error:
            return _error(error)
        except Exception as error:
            return _unexpected(error, "open_session")
        token, expires = state.tokens.issue(actor.id, now)
        return JSONResponse({"token": token, "verloopt": expires.isoformat(),
                             "gebruiker": to_json(actor)})

    async def renew(request: Request) -> Response:
        try:
            expires = state.tokens.renew(_token(request), state.clock())
            if expires is None:
                raise AuthenticationError(EXPIRED)
        except KnownError as error:
            return _error(error)
        return JSONResponse({"verloopt": expires.isoformat()})

    async def close_session(request: Request) -> Response:
        try:
            state.tokens.revoke(_token(request))
        except KnownError as error:
            return _error(error)
        return JSONResponse({})

    return [Route(f"{API}/session", open_session, methods=["POST"]),
            Route(f"{API}/session/renew", renew, methods=["POST"]),
            Route(f"{API}/session", close_session, methods=["DELETE"])]


def create_app(state: ServerState) -> Starlette:
    async def status(_request: Request) -> Response:
        return JSONResponse({"api": API_VERSION, "dienst": "intake-teamserver"})

    async def replica_contact(request: Request) -> Response:
        try:
            body = await _body(request)
            answer = await run_in_threadpool(sync_api.contact, state.store, body)
        except KnownError as error:
            return _error(error)
        except Exception as error:
            return _unexpected(error, "replica_contact")
        return JSONResponse(answer)

    routes = [Route(f"{API}/status", status, methods=["GET"]), *_session_endpoints(state),
              Route(f"{API}/sync/contact", replica_contact, methods=["POST"])]
    routes += [Route(f"{API}{path}", _guarded(state, operation), methods=[method])
               for method, path, operation in (*ROUTES, *sync_api.ROUTES)]
    app = Starlette(routes=routes, middleware=[Middleware(AccessLog)])
    app.state.server = state
    return app
