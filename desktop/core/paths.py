"""Where Simpul keeps its files: the user's data folder, never the install folder.

On Windows that is %LOCALAPPDATA%\\Simpul; elsewhere the platform's equivalent. SIMPUL_HOME moves
it (tests, portable use).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Simpul"
DEFAULT_DB_NAME = "simpul.db"
DEMO_DB_NAME = "simpul-demo.db"


def data_dir() -> Path:
    override = os.environ.get("SIMPUL_HOME")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False, roaming=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_NAME


def backups_dir(db_file: Path) -> Path:
    """Backups sit beside the database, so that moving the folder moves them too."""
    return db_file.parent / "backups"
