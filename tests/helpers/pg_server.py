"""A throwaway PostgreSQL server on a Unix socket, for the portability tests.

No TCP port is opened. As root, the server runs as ``nobody`` (PostgreSQL refuses root).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PORT = 55432


def find_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def available() -> bool:
    return find_binary("initdb") is not None and find_binary("pg_ctl") is not None


@contextmanager
def running_server(port: int = PORT) -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh, empty database; stop and remove it afterwards.

    The user in the URL is the cluster's superuser: as the owner of the tables it stands in
    for the owner role of a team database (``intake server init``). Other roles may connect
    too (trust authentication over the socket); their privileges still apply."""
    initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
    assert initdb and pg_ctl
    folder = Path(tempfile.mkdtemp(prefix="intake-pg-", dir="/tmp"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        folder.chmod(0o755)
        shutil.chown(folder, "nobody")
        prefix = ["runuser", "-u", "nobody", "--"]
    data = folder / "data"
    try:
        subprocess.run([*prefix, initdb, "-D", str(data), "-U", "intake", "--auth=trust",
                        "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w",
                        "-o", f"-p {port} -k {folder} -c listen_addresses=''", "start"],
                       check=True, capture_output=True)
        yield f"postgresql+psycopg://intake@/postgres?host={folder}&port={port}"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
