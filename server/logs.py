"""The server's access log: method, path, status and duration, nothing else.

Uvicorn's own access log is switched off: it writes the query string and the client address.
Paths of this API carry ids at most (search terms and dossiernummers travel in bodies), and
the query string is never logged, so the log holds no name, BSN or search term.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("intake.server.access")


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: dict[str, Any] = {"code": 500}

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            log.info("%s %s %s %.1f ms", scope["method"], scope["path"], status["code"],
                     (time.perf_counter() - started) * 1000)


def log_config(level: str = "INFO") -> dict[str, Any]:
    """Uvicorn's logging, with its access log muted and ours on stderr."""
    handler = {"class": "logging.StreamHandler", "formatter": "plain",
               "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
        "handlers": {"stderr": handler},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "intake": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }
