"""Files only for their owner: the store, its key file, backups, logs and printed documents.

On Linux and macOS every file the application creates gets mode 0600 and every folder 0700,
whatever the umask. On Windows the mode bits mean little: there the files inherit the access
list of the folder they are in (the user profile, readable by that user and administrators).
"""

from __future__ import annotations

import io
import logging.handlers
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> None:
    """Create a folder (and parents) for the owner only; an existing folder is left as it is,
    since it may be a shared place the user chose (the desktop, a USB stick)."""
    if not path.exists():
        path.mkdir(parents=True, mode=FOLDER_MODE, exist_ok=True)


def tighten(path: Path) -> None:
    """Take group and other rights off an existing file (a store made by an older version)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)
    except FileNotFoundError:
        pass


def _opener(path: str, flags: int) -> int:
    return os.open(path, flags, FILE_MODE)


def open_private(path: Path, mode: str = "w", **kwargs: Any) -> io.TextIOWrapper:
    """``open`` in text mode that creates the file owner-only; an existing file is tightened
    first. The caller closes it."""
    tighten(path)
    handle = open(path, mode, opener=_opener, **kwargs)  # noqa: SIM115
    assert isinstance(handle, io.TextIOWrapper)
    return handle


def create_empty(path: Path) -> None:
    """An empty owner-only file, so what SQLite then writes (and its -wal and -shm files, which
    take the main file's mode) is never readable by others."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE))
    tighten(path)


def write_private(path: Path, data: bytes) -> None:
    """Write a whole file owner-only and atomically: a crash never leaves half a PDF or backup
    under the real name."""
    private_folder(path.parent)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + "-", dir=path.parent)  # 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The application log and its rotated copies, owner-only."""

    def _open(self) -> io.TextIOWrapper:
        return open_private(Path(self.baseFilename), self.mode, encoding=self.encoding,
                            errors=self.errors)
