"""The two front ends the command line starts but does not import up front: the desktop app
and the team server. The only place where ``intake`` reaches up to ``ui`` or ``server`` (the
exception to the layer rule): each import happens inside its function, so ``intake --help``
and the headless jobs load neither Qt nor the HTTP stack."""

from __future__ import annotations

import argparse


def run_app(db: str | None) -> int:
    from ui.app.startup import run

    exit_code: int = run(db)
    return exit_code


def run_server_command(args: argparse.Namespace) -> int:
    from server.commands import dispatch

    return dispatch(args)
