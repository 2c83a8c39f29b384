"""Schema state and upgrades: backup, upgrade to head, restore the backup if anything fails.

Alembic is imported only when a migration is due (it costs more than half a second): a database
already at `HEAD_REVISION` is recognised by one query of its `alembic_version` table."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from desktop.core import paths
from desktop.core.db import cipher
from desktop.core.db.engine import Database, translate_errors
from desktop.core.errors import StorageError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions; a test holds it equal to Alembic's own head.
HEAD_REVISION = "0013"


def __getattr__(name: str):
    if name == "command":  # `schema.command` for tests that stand in for an upgrade
        from alembic import command

        return command
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return HEAD_REVISION


def alembic_head() -> str:
    """The head as Alembic reads it from the revision files (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The revision recorded in the database; None for an empty one."""
    with translate_errors(db), db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(versions) > 1:  # Simpul has one line of revisions; several heads are not ours
        raise StorageError("db.newer", current=", ".join(versions))
    return versions[0] if versions else None


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def is_empty(self) -> bool:
        return self.current is None

    @property
    def is_current(self) -> bool:
        return self.current == self.head


def state(db: Database) -> SchemaState:
    current = current_revision(db)
    return SchemaState(current, head_revision())


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises ResolutionError/CommandError for unknown ids
        return False


def require_current(db: Database) -> None:
    """Refuse to work on a database that is empty, old or from a newer Simpul."""
    st = state(db)
    if st.is_empty:
        raise StorageError("db.not_initialised")
    if not st.is_current:
        if st.current and not _known(st.current):
            raise StorageError("db.newer", current=st.current)
        raise StorageError("db.outdated", current=st.current)


@dataclass(frozen=True)
class UpgradeResult:
    old: str | None
    new: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.old != self.new


def backup_sqlite(file: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (it includes what is still in the WAL); the
    copy of an encrypted file is encrypted with the same key."""
    folder = paths.backups_dir(file)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{file.stem}-{stamp}-{label}{file.suffix or '.db'}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{file.stem}-{stamp}-{label}-{n}{file.suffix or '.db'}"
    cipher.copy(file, target)  # an encrypted registry's copy keeps its key
    return target


def _restore(file: Path, backup: Path) -> None:
    for extra in (Path(f"{file}-wal"), Path(f"{file}-shm")):
        extra.unlink(missing_ok=True)
    shutil.copyfile(backup, file)


def upgrade(db: Database, target: str = "head") -> UpgradeResult:
    """Bring the schema to head (tests may name an older `target`). An SQLite file that already
    holds data is backed up first and restored if the upgrade fails; PostgreSQL runs the whole
    upgrade in one transaction."""
    st = state(db)
    if target != "head":
        st = SchemaState(st.current, target)
    if st.is_current:
        return UpgradeResult(st.current, st.head, None)
    if st.current and not _known(st.current):
        raise StorageError("db.newer", current=st.current)
    from alembic import command

    backup = None
    if db.file and st.current is not None:
        backup = backup_sqlite(db.file, f"sebelum-{st.current}")
    try:
        with translate_errors(db), db.engine.begin() as conn:
            command.upgrade(alembic_config(conn), target)
    except Exception as exc:
        if backup is not None:
            db.dispose()
            _restore(db.file, backup)  # type: ignore[arg-type]
            raise StorageError("db.upgrade_failed", reason=str(exc).splitlines()[0], backup=str(backup)) from exc
        raise
    return UpgradeResult(st.current, st.head, backup)


def _autogenerate(message: str) -> None:  # pragma: no cover - a developer tool
    """Write a new revision by comparing the models with a scratch database at head."""
    import tempfile

    from alembic import command

    from desktop.core.db.engine import open_database

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "scratch.db")
        upgrade(db)
        with db.engine.begin() as conn:
            command.revision(alembic_config(conn), message=message, autogenerate=True)
        db.dispose()


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) == 3 and sys.argv[1] == "revision":
        _autogenerate(sys.argv[2])
    else:
        print("usage: python -m desktop.core.db.schema revision MESSAGE")
