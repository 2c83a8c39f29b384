"""The one way Simpul writes a file for the user (exports, papers, reports, backups' companions).

A file is written under a temporary name beside its target and renamed into place when complete,
so a full disk, a crash or a cancelled job never leaves half a file, and a file open in a viewer is
either the old one or the new one. Before anything is written the target is judged: it may not be
the registry itself, its -wal/-shm/-journal, anything inside its backups folder, a symbolic link,
a folder, or an existing file of another kind (a PDF onto a workbook, anything onto a database).
Files are created readable by their owner only (0600 on POSIX; on Windows the user's own folders
already keep them private). A missing folder is refused, not created: the user picked a path and
a typo should not silently grow a new tree.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

from desktop.core.errors import SimpulError

SQLITE_MAGIC = b"SQLite format 3\x00"
# The first bytes of each kind of file Simpul writes; an existing target must start with them.
MAGIC = {"pdf": (b"%PDF",), "xlsx": (b"PK\x03\x04",), "zip": (b"PK\x03\x04",),
         "csv": None, "txt": None, "json": None, "png": (b"\x89PNG",)}
_SIDE_FILES = ("", "-wal", "-shm", "-journal", ".lock", ".lock.json")

_lock = threading.Lock()
_databases: set[Path] = set()  # registry files opened by this process
_backup_dirs: set[Path] = set()


class OutputRefused(SimpulError):
    """The chosen target may not be written; the message says why and what to do."""


def protect(db_file: Path, backups: Path | None = None) -> None:
    """Called when a registry file is opened: from now on no output may land on it, its journal
    files, or its backups folder."""
    db_file = Path(os.path.abspath(db_file))
    with _lock:
        _databases.add(_canonical(db_file))
        if backups is not None:
            _backup_dirs.add(_canonical(Path(os.path.abspath(backups))))


def _canonical(path: Path) -> Path:
    """Folders resolved (a path through a linked folder is the same file), the name kept."""
    try:
        return path.parent.resolve() / path.name
    except OSError:
        return path


def check_target(path: os.PathLike[str] | str, kind: str) -> Path:
    """The target as an absolute path, or OutputRefused. `kind` is a key of MAGIC."""
    target = Path(os.path.abspath(Path(path).expanduser()))
    shown = str(target)
    if target.is_symlink():
        raise OutputRefused("output.symlink", path=shown)
    if not target.parent.is_dir():
        raise OutputRefused("output.no_folder", path=shown, folder=str(target.parent))
    real = _canonical(target)
    with _lock:
        databases, backup_dirs = set(_databases), set(_backup_dirs)
    for db in databases:
        if real in {db.with_name(db.name + suffix) for suffix in _SIDE_FILES}:
            raise OutputRefused("output.database", path=shown)
    if any(d == real or d in real.parents for d in backup_dirs):
        raise OutputRefused("output.backup", path=shown)
    if target.exists():
        if target.is_dir():
            raise OutputRefused("output.folder", path=shown)
        if not target.is_file():
            raise OutputRefused("output.other_kind", path=shown)
        for db in databases:
            with contextlib.suppress(OSError):
                if db.exists() and os.path.samefile(db, target):  # a hard link or another spelling
                    raise OutputRefused("output.database", path=shown)
        head = _head(target)
        if head.startswith(SQLITE_MAGIC) or _encrypted_database(target, head):
            raise OutputRefused("output.database", path=shown)
        expected = MAGIC.get(kind)
        if head and expected and not head.startswith(expected):
            raise OutputRefused("output.other_kind", path=shown)
    return target


def _encrypted_database(path: Path, head: bytes) -> bool:
    """An SQLCipher registry: whole pages of noise, no header to tell it (the rule of
    desktop.core.db.cipher.kind, which io may not import; a text file that happens to be whole
    512-byte blocks is told apart by reading as text)."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    if size < 512 or size % 512:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(16)
    except OSError:
        return b""


class Pending:
    """A file on its way: `temp` is where to write (not created yet), `commit()` moves it into
    place, `discard()` removes what was written. Use `atomic_output` unless a writer needs to
    hold the name across calls (the xlsx workbook, which writes everything at close)."""

    def __init__(self, path: os.PathLike[str] | str, kind: str) -> None:
        self.kind = kind
        self.target = check_target(path, kind)
        suffix = self.target.suffix
        self.temp = self.target.with_name(f".{self.target.stem[:40]}.{uuid.uuid4().hex[:8]}.part{suffix}")

    def commit(self) -> Path:
        try:
            check_target(self.target, self.kind)  # the target may have changed while we wrote
            if os.name == "posix":
                os.chmod(self.temp, 0o600)
            with open(self.temp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(self.temp, self.target)
        except BaseException:
            self.discard()
            raise
        _sync_folder(self.target.parent)
        return self.target

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.temp.unlink()


def _sync_folder(folder: Path) -> None:
    """The rename itself survives a power cut only once the folder is synced (POSIX)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_output(path: os.PathLike[str] | str, kind: str) -> Iterator[Path]:
    """`with atomic_output(target, "xlsx") as tmp: write(tmp)`: the target appears when the block
    ends without an error, and not at all otherwise."""
    pending = Pending(path, kind)
    # Created here, owner-only from the start, so that no other user can open it meanwhile.
    fd = os.open(pending.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)
    try:
        yield pending.temp
    except BaseException:
        pending.discard()
        raise
    pending.commit()


def write_bytes(content: bytes, path: os.PathLike[str] | str, kind: str) -> Path:
    pending = Pending(path, kind)
    try:
        fd = os.open(pending.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(content)
    except BaseException:
        pending.discard()
        raise
    return pending.commit()
