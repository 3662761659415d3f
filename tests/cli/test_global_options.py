"""`--db` and `--user` count before or after the subcommand, for every command now and later."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from intake.cli import build_parser, main
from tests.conftest import PASSWORD, Team


def _leaf_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    found = False
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found = True
            for child in action.choices.values():
                yield from _leaf_parsers(child)
    if not found:
        yield parser


def test_no_subcommand_overwrites_an_option_given_before_it() -> None:
    leaves = list(_leaf_parsers(build_parser()))
    assert len(leaves) >= 8
    for leaf in leaves:
        for action in leaf._actions:
            if action.dest in ("db", "user"):
                assert action.default is argparse.SUPPRESS, (leaf.prog, action.dest)


@pytest.mark.parametrize("argv", [
    ["--db", "X", "--user", "ann", "users", "list"],
    ["users", "list", "--db", "X", "--user", "ann"],
    ["--db", "X", "users", "list", "--user", "ann"],
    ["--user", "ann", "audit", "verify", "--db", "X"],
])
def test_either_position_is_read(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert (args.db, args.user) == ("X", "ann")


def test_a_command_that_needs_a_user_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--db", "X", "users", "list"])
    assert raised.value.code == 2
    assert "--user" in capsys.readouterr().err


def test_the_store_named_before_the_subcommand_is_the_one_used(
        team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    monkeypatch.delenv("INTAKE_DB", raising=False)
    db = str(team.location.path)
    team.store.close()
    assert main(["--db", db, "--user", team.beheerder.username, "users", "list"]) == 0
    listed = capsys.readouterr().out
    assert team.consulent.username in listed and team.vindplaats.username in listed
