"""Application log: a rotating file in the user's log folder.

Domain code logs ids, counts and codes only: never a BSN, a resident's name or an address.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from platformdirs import user_log_dir

from intake.core.files import PrivateRotatingFileHandler, private_folder

ENV_LOG_DIR = "INTAKE_LOG_DIR"


def log_dir() -> Path:
    return Path(os.environ.get(ENV_LOG_DIR) or user_log_dir("intake", appauthor=False))


def configure(verbose: bool = False) -> Path:
    folder = log_dir()
    private_folder(folder)
    path = folder / "intake.log"
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                         encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
