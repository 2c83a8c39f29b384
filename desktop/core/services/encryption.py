"""Encryption at rest, as the user meets it: the recovery key of a registry, unlocking a registry
on another computer, and `simpul encrypt` for a registry made before encryption came.

Converting a plain file never risks it: a verified backup is made first; the encrypted copy is
written beside the file (sqlcipher_export), checked (SQLite's integrity check and every table's
row count against the original) and only then renamed over it. Anything that fails before the
rename leaves the old file as it was. Afterwards the plain backups in the backups folder are
encrypted with the same key, so no readable copy stays beside the registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.core import keystore
from desktop.core.db import cipher
from desktop.core.db.engine import Database, job_lock, reopen
from desktop.core.errors import SimpulError, StorageError
from desktop.core.i18n import t
from desktop.core.progress import NULL_PROGRESS, Progress
from desktop.core.services import backup_files as files


@dataclass
class EncryptResult:
    path: Path
    recovery_key: str
    backup: Path
    counts: dict[str, int]
    backups_encrypted: list[Path] = field(default_factory=list)
    backups_left: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        """What happened, for the console (the recovery key is printed apart, once)."""
        out = [t("cipher.encrypted", path=str(self.path), tables=len(self.counts),
                 rows=sum(self.counts.values()), backup=str(self.backup))]
        if self.backups_encrypted:
            out.append(t("cipher.backups_encrypted", n=len(self.backups_encrypted), folder=str(self.backup.parent)))
        if self.backups_left:
            out.append(t("cipher.backups_left", files=", ".join(str(p) for p in self.backups_left)))
        out.append(t("cipher.old_sectors"))
        return out


def recovery_key(db: Database) -> str | None:
    """The recovery key of an encrypted registry (for the set-up wizard's page); None when the
    registry is not an encrypted file."""
    if db.file is None or not cipher.is_encrypted(db.file):
        return None
    key = cipher.key_for(db.file)
    return cipher.recovery_text(key) if key else None


def state(db: Database) -> str:
    """"encrypted", "plain" (an SQLite file that `encrypt_registry` can convert) or "server"
    (PostgreSQL: the server's disk and TLS protect it, see the README)."""
    if db.file is None:
        return "server"
    return "encrypted" if cipher.is_encrypted(db.file) else "plain"


def _require_backup_right(db: Database) -> None:
    from desktop.core import access

    who = db.principal if isinstance(db.principal, access.Actor) else access.EVERYTHING
    who.require(access.Right.BACKUP)


def reveal_recovery_key(db: Database) -> str:
    """The recovery key shown again (to an Admin, for the paper that went missing): recorded in the
    audit trail as a disclosure, the key itself never."""
    from desktop.core.db.audit import log_disclosure
    from desktop.core.domain.enums import AuditAction

    _require_backup_right(db)
    text = recovery_key(db)
    if text is None:
        raise SimpulError("cipher.not_encrypted", path=db.display_name)
    log_disclosure(db, AuditAction.EXPORT, "database", "recovery-key", {"shown": "recovery key"})
    return text


def unlock(path: Path | str, text: str) -> str:
    """Register a registry's key on this computer from its recovery key (checked against the
    file first). Returns the message to show."""
    cipher.unlock(path, text)
    return t("cipher.unlocked", path=str(path), store=keystore.where())


def new_registry_key() -> bytes:
    """The key of a registry about to be made (already in this computer's key ring)."""
    return cipher.new_key()


def encrypt_registry(db: Database, progress: Progress = NULL_PROGRESS) -> EncryptResult:
    """Convert the plain registry `db` is opened on, in place (see the module's notes)."""
    from desktop.core.services import backup
    from desktop.core.services.check import quick_check

    _require_backup_right(db)
    file = db.file
    if file is None:
        raise SimpulError("cipher.sqlite_only")
    if cipher.kind(file) != "plain":
        raise SimpulError("cipher.already" if cipher.is_encrypted(file) else "backup.no_database", path=str(file))
    health = quick_check(file)
    if health.damaged:
        raise StorageError("backup.source_damaged", path=str(file), problems="; ".join(health.problems[:3]))
    with job_lock(db, "encrypt"):  # no import, demo or restore writes meanwhile
        made = backup.make_backup(db, kind="manual", progress=progress)
        key = cipher.new_key()  # in the key ring before any file depends on it
        temp = file.with_name(f".{file.name}.encrypt.part")
        try:
            counts = _convert(db, file, temp, key)
        except BaseException as exc:
            files.remove(temp)
            if isinstance(exc, SimpulError):
                raise
            raise StorageError("cipher.failed", path=str(file), reason=str(exc).splitlines()[0] if str(exc)
                               else type(exc).__name__, backup=str(made.path)) from exc
    reopen(db)
    result = EncryptResult(file, cipher.recovery_text(key), made.path, counts)
    _encrypt_backups(backup.backups_of(db), key, result)
    return result


def _convert(db: Database, file: Path, temp: Path, key: bytes) -> dict[str, int]:
    """The encrypted copy, checked, renamed over the plain file; returns the row counts."""
    db.dispose()
    files.checkpoint(file)  # the WAL folded in and emptied: any later write shows in it
    before = _state(file)
    conn = files.read_only(file)
    try:
        counts = files.table_counts(conn)
    finally:
        conn.close()
    files.remove(temp)
    cipher.export(file, temp, key)
    checked = files.check_copy(temp)
    if not checked.ok:
        raise RuntimeError("; ".join(checked.problems[:3]))
    if checked.counts != counts:
        table = next(n for n in sorted(set(counts) | set(checked.counts))
                     if counts.get(n) != checked.counts.get(n))
        raise RuntimeError(t("cipher.counts_differ", table=table))
    if _state(file) != before:
        raise RuntimeError(t("cipher.changed"))
    for extra in (Path(f"{file}-wal"), Path(f"{file}-shm")):
        files.remove(extra)  # empty after the checkpoint; they belong to the plain file
    files.commit(temp, file)
    return counts


def _state(file: Path) -> tuple:
    """What changes when anyone writes: the file's size and time, and its WAL's size."""
    stat = file.stat()
    wal = Path(f"{file}-wal")
    return stat.st_size, stat.st_mtime_ns, wal.stat().st_size if wal.exists() else 0


def _encrypt_backups(backups: list, key: bytes, result: EncryptResult) -> None:
    """Each plain backup of the registry under `key`, its manifest brought up to date; one that
    cannot be converted is left as it was, and named."""
    for info in backups:
        if info.encrypted or cipher.kind(info.path) != "plain":
            continue
        temp = info.path.with_name(f".{info.path.name}.encrypt.part")
        try:
            files.remove(temp)
            cipher.export(info.path, temp, key)
            checked = files.check_copy(temp)
            if not checked.ok or (info.counts and checked.counts != info.counts):
                raise StorageError("backup.damaged", path=str(info.path), problems="-")
            data = files.read_manifest(info.path)
            sha, size = files.sha256_of(temp), temp.stat().st_size
            files.commit(temp, info.path)
            if data is not None:
                data.update(sha256=sha, size=size, counts=checked.counts)
                files.write_manifest(info.path, data)
            files.remove(Path(f"{info.path}-wal"), Path(f"{info.path}-shm"))
            result.backups_encrypted.append(info.path)
        except (OSError, SimpulError, *cipher.errors()):
            files.remove(temp)
            result.backups_left.append(info.path)
