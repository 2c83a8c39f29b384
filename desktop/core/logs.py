"""Simpul's log file: in the user's data folder, owner-only, rotated; it records where an
unexpected error happened, never the values it carried (a driver error quotes NIKs and addresses,
UU 27/2022)."""

from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop.core import paths

LOG_NAME = "simpul.log"
log = logging.getLogger("simpul")


def log_path() -> Path:
    return paths.data_dir() / LOG_NAME


def setup() -> Path:
    """Send Simpul's log records to the log file (once per process; again when the data folder
    moved, as SIMPUL_HOME does between tests)."""
    path = log_path()
    for old in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename) != path.absolute():
            log.removeHandler(old)
            old.close()
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def frames(exc: BaseException) -> str:
    """File, line and function of each frame: no message, no value, not even the source line
    (a literal in it could be a person's)."""
    lines = []
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename.replace(os.sep, "/")
        cut = name.rfind("/desktop/")
        lines.append(f"  {name[cut + 1:] if cut >= 0 else os.path.basename(name)}:{frame.lineno} in {frame.name}\n")
    return "".join(lines)


def unexpected(exc: BaseException, where: str) -> Path:
    """Record an unexpected error by type and frames; returns the log file's path."""
    path = setup()
    chain, seen = [], exc
    while seen is not None and len(chain) < 5:  # the cause's type tells a driver error from a bug
        chain.append(type(seen).__name__)
        seen = seen.__cause__ or seen.__context__
    log.error("unexpected %s in %s\n%s", " <- ".join(chain), where, frames(exc))
    return path
