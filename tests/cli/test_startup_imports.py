"""`intake --help` starts without the heavy libraries: each command imports what it uses.

A merge once brought SQLAlchemy back into the start-up through one command module's top-level
import; this test names the libraries that must stay out."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import PASSWORD, Team

HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "httpx", "PySide6", "starlette",
         "psycopg", "sqlcipher3", "argon2")


def test_help_imports_no_heavy_library() -> None:
    script = ("import sys, runpy\n"
              "sys.argv = ['intake', '--help']\n"
              "try:\n    runpy.run_module('intake', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              "import json\n"
              "sys.stderr.write(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "intake" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_the_static_help_names_every_code() -> None:
    """The help of `intake delen` and `intake doelgroep` is written out (the catalogues load
    with the domain); it must still name every code the domain accepts."""
    import argparse

    from intake.cli.sharing import register as sharing_parser
    from intake.cli.target_groups import _codes
    from intake.register.target_groups import target_groups
    from intake.sharing.consent import GROUNDS, PARTS

    parser = argparse.ArgumentParser()
    sharing_parser(parser.add_subparsers())
    helps = " ".join(a.help or "" for sub in parser._subparsers._group_actions  # type: ignore[union-attr]
                     for p in sub.choices.values() for s in p._subparsers._group_actions
                     for c in s.choices.values() for a in c._actions)
    assert all(code in helps for code in (*GROUNDS, *PARTS))
    assert all(g.code in _codes() for g in target_groups())


def test_a_command_on_a_local_store_signs_in_without_the_team_client(team: Team) -> None:
    """Only a laptop replica needs the team client and its HTTP stack."""
    script = ("import sys, json\n"
              "from intake.cli.common import open_signed_in\n"
              f"store, actor = open_signed_in({str(team.location.path)!r}, 'consulent', "
              f"{PASSWORD!r})\n"
              "store.close()\n"
              "sys.stderr.write(json.dumps([actor.username, 'httpx' in sys.modules, "
              "'intake.team.client' in sys.modules]))\n")
    team.store.close()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)
    assert json.loads(done.stderr.strip().splitlines()[-1]) == ["consulent", False, False]


# Before the login window: the store is named and the window painted; the database, key
# handling, printing, export and HTTP libraries load while the person types (or after).
BEFORE_LOGIN_OUT = ("sqlalchemy", "alembic", "reportlab", "pyphen", "openpyxl", "httpx",
                    "starlette", "uvicorn", "psycopg", "sqlcipher3", "argon2", "cryptography",
                    "stdnum", "server")


def test_the_app_shows_its_login_window_before_the_heavy_libraries_load(team: Team) -> None:
    team.store.close()
    script = ("import json, os, sys\n"
              "from ui.app import login\n"
              "def shown(self, event):\n"
              "    names = [type(self).__name__, sorted(sys.modules)]\n"
              "    sys.stderr.write(json.dumps(names) + '\\n')\n"
              "    sys.stderr.flush()\n"
              "    os._exit(0)\n"
              "login.LoginDialog.showEvent = shown\n"
              "from intake.cli import main\n"
              f"main(['--db', {str(team.location.path)!r}])\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    dialog, modules = json.loads(done.stderr.strip().splitlines()[-1])
    assert dialog == "LoginDialog"
    loaded = {name.split(".")[0] for name in modules}
    assert "PySide6" in loaded
    assert loaded.isdisjoint(BEFORE_LOGIN_OUT), sorted(loaded & set(BEFORE_LOGIN_OUT))
    screens = [m for m in modules
               if m.startswith("ui.") and not m.startswith(("ui.kit", "ui.app"))]
    assert screens == [] and "ui.app.main_window" not in modules, screens
