"""Backups of the registry: made while Simpul runs, verified, listed, rotated, restored.

Backups live in `backups/` beside the SQLite file (where the copy before a schema upgrade goes
too). One that leaves the computer (`to=` another folder, e.g. a USB drive) is encrypted with the
office passphrase. Every backup is checked after it is written (SQLite's integrity check of the
copy, the row counts, the SHA-256 in its manifest), so "verified" in the list means: this file,
byte for byte, was a sound database. A restore checks the backup again, keeps the current file as
a safety copy, swaps the files, and writes an audit entry into the restored registry.

Automatic backups (`auto`) are made when the window closes, at most once a day, and rotated:
7 daily, 4 weekly, 12 monthly. Manual backups are never deleted by Simpul.

PostgreSQL: `pg_dump`/`pg_restore` when they are installed (custom format), else a clear message."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core import paths
from desktop.core.db import cipher, schema
from desktop.core.db.audit import log_disclosure
from desktop.core.db.engine import Database, job_lock, reopen
from desktop.core.domain.enums import AuditAction
from desktop.core.errors import SimpulError, StorageError
from desktop.core.i18n import number, t
from desktop.core.progress import NULL_PROGRESS, Progress
from desktop.core.services import backup_files as files
from desktop.core.services.backup_files import ENCRYPTED_SUFFIX, SUMMARY_TABLES

# Kind of backup -> the label in its file name.
LABELS = {"manual": "manual", "auto": "otomatis", "safety": "sebelum-pulih", "upgrade": "sebelum"}
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_SAFETY = KEEP_UPGRADE = 3  # copies taken before a restore / an upgrade
MIN_PASSPHRASE = 8
_STAMP = re.compile(r"-(\d{8}-\d{6})-([a-z]+)")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # aware, local time
    size: int
    kind: str  # a key of LABELS, or "other"
    verified: bool  # written and checked by Simpul, and still the same size
    encrypted: bool
    revision: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    sha256: str | None = None
    plain_sha256: str | None = None

    @property
    def summary(self) -> str:
        """"12 Mei 2026 21.05: 1.234 keluarga, 4.321 penduduk, …" for lists and confirmations."""
        if not self.counts:
            return t("backup.summary_unknown", date=self.created.strftime("%d-%m-%Y %H:%M"))
        return t("backup.summary", date=self.created.strftime("%d-%m-%Y %H:%M"),
                 **{k: number(self.counts.get(k, 0)) for k in SUMMARY_TABLES})

    def intact(self) -> bool:
        """Verified when written and unchanged since (its SHA-256 read again)."""
        try:
            return self.verified and self.sha256 == files.sha256_of(self.path)
        except OSError:
            return False


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    safety_copy: Path | None
    counts: dict[str, int]
    upgraded: bool


def backup_folder(db: Database) -> Path:
    """`backups/` beside the SQLite file; for PostgreSQL, in the user's data folder."""
    return paths.backups_dir(db.file) if db.file else paths.data_dir() / "backups"


# -- making -------------------------------------------------------------------------------------
def make_backup(db: Database, *, to: Path | str | None = None, passphrase: str | None = None,
                kind: str = "manual", thorough: bool = True, progress: Progress = NULL_PROGRESS) -> BackupInfo:
    """A verified backup in the backups folder, or (encrypted) in `to`."""
    home = backup_folder(db)
    folder = Path(to).expanduser().resolve() if to else home
    external = to is not None and folder != home.resolve()
    if external and not passphrase:
        raise SimpulError("backup.passphrase_needed", folder=str(folder))
    if passphrase is not None and len(passphrase) < MIN_PASSPHRASE:
        raise SimpulError("backup.passphrase_short", n=MIN_PASSPHRASE)
    if external and not folder.is_dir():
        raise StorageError("backup.no_folder", folder=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    made = (_backup_sqlite if db.is_sqlite else _backup_pg)(db, folder, kind, passphrase, thorough, progress)
    if external:  # personal data leaving the computer: recorded like an export
        log_disclosure(db, AuditAction.EXPORT, "database", made.path.name[:40], {
            "path": str(made.path), "encrypted": made.encrypted, "persons": made.counts.get("person")})
    return made


def _backup_sqlite(db: Database, folder: Path, kind: str, passphrase: str | None, thorough: bool,
                   progress: Progress) -> BackupInfo:
    source = db.file
    assert source is not None
    if not source.exists():
        raise StorageError("backup.no_database", path=str(source))
    now = dt.datetime.now().astimezone()
    files.free_space_for(folder, source.stat().st_size * (2 if passphrase else 1))
    suffix = ENCRYPTED_SUFFIX if passphrase else ".db"
    target = files.unique_name(folder, source.stem, LABELS.get(kind, kind), suffix, now)
    plain = folder / f".{target.stem}.db.part"
    sealed = folder / f".{target.name}.part"
    try:
        try:
            files.copy_sqlite(source, plain, progress)
        except cipher.database_errors() as exc:  # the source is locked, or too damaged to be read
            raise _unreadable(exc, "backup.source_damaged", source) from None
        checked = files.check_copy(plain, thorough=thorough)
        if not checked.ok:
            raise StorageError("backup.source_damaged", path=str(source), problems="; ".join(checked.problems[:3]))
        plain_sha, sha, size = _seal(plain, sealed, target, passphrase, progress)
    except BaseException:
        files.remove(plain, sealed)
        raise
    files.write_manifest(target, files.manifest(
        created=now, kind=kind, revision=checked.revision, counts=checked.counts, size=size, sha256=sha,
        checked="integrity_check" if thorough else "quick_check", encrypted=bool(passphrase),
        plain_sha256=plain_sha if passphrase else None))
    return info_of(target)


def _seal(plain: Path, sealed: Path, target: Path, passphrase: str | None,
          progress: Progress) -> tuple[str, str, int]:
    """The finished copy into place, encrypted first when a passphrase is given (and read back,
    so that a flashdisk that garbles writes is caught now). Returns (plain SHA-256, SHA-256 of
    what was written, its size)."""
    plain_sha = files.sha256_of(plain)
    written = plain
    if passphrase:
        files.encrypt_file(plain, sealed, passphrase, progress)
        files.remove(plain)
        if files.decrypt_file(sealed, passphrase) != plain_sha:
            raise StorageError("backup.verify_failed", path=str(target))
        written = sealed
    sha, size = files.sha256_of(written), written.stat().st_size
    files.commit(written, target)
    return plain_sha, sha, size


def _unreadable(exc: Exception, code: str, path: Path) -> StorageError:
    if "locked" in str(exc):
        return StorageError("db.locked", path=str(path), backups="-")
    return StorageError(code, path=str(path), problems=str(exc))


def _backup_pg(db: Database, folder: Path, kind: str, passphrase: str | None, _thorough: bool,
               progress: Progress) -> BackupInfo:
    dump, restore_tool = files.pg_tool("pg_dump"), files.pg_tool("pg_restore")
    now = dt.datetime.now().astimezone()
    target = files.unique_name(folder, "simpul-pg", LABELS.get(kind, kind),
                               ENCRYPTED_SUFFIX if passphrase else ".dump", now)
    plain, sealed = folder / f".{target.stem}.dump.part", folder / f".{target.name}.part"
    with db.read() as s:  # counted just before the dump; a busy office may differ by a few rows
        counts = _pg_counts(s)
        revision = s.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    try:
        files.pg_run([dump, "--format=custom", "--no-owner", "--file", str(plain)], db.url)
        files.pg_run([restore_tool, "--list", str(plain)])  # the archive reads back whole
        plain_sha, sha, size = _seal(plain, sealed, target, passphrase, progress)
    except BaseException:
        files.remove(plain, sealed)
        raise
    files.write_manifest(target, files.manifest(
        created=now, kind=kind, revision=revision, counts=counts, size=size, sha256=sha, checked="pg_restore --list",
        encrypted=bool(passphrase), plain_sha256=plain_sha if passphrase else None))
    return info_of(target)


def _pg_counts(session) -> dict[str, int]:
    from sqlalchemy import inspect

    conn = session.connection()
    return {name: conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar()
            for name in sorted(inspect(conn).get_table_names())}


# -- listing --------------------------------------------------------------------------------------
def info_of(path: Path) -> BackupInfo:
    """What is known of a backup file: from its manifest, else from its name (not verified)."""
    path = Path(path)
    size = path.stat().st_size
    data = files.read_manifest(path)
    encrypted = files.is_encrypted(path)
    if data is not None:
        created = dt.datetime.fromisoformat(data["created"])
        return BackupInfo(path, created if created.tzinfo else created.astimezone(), size, data.get("kind", "other"),
                          bool(data.get("verified")) and data.get("size") == size, encrypted, data.get("revision"),
                          dict(data.get("counts") or {}), data.get("sha256"), data.get("plain_sha256"))
    match = _STAMP.search(path.stem)
    if match:
        created = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").astimezone()
    else:
        created = dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    label = match.group(2) if match else ""
    kind = next((k for k, v in LABELS.items() if v == label), "other")
    if kind == "upgrade" and f"-{LABELS['safety']}" in path.stem:
        kind = "safety"
    return BackupInfo(path, created, size, kind, False, encrypted)


def list_backups(folder: Path, of: Path | None = None) -> list[BackupInfo]:
    """Every backup in `folder` (with `of`, only those of that database file), newest first;
    copies still being written are left out."""
    found = []
    try:
        entries = list(Path(folder).iterdir())
    except FileNotFoundError:
        return []
    for path in entries:
        if path.name.startswith(".") or path.suffix == ".json" or not path.is_file():
            continue
        if path.name.endswith(("-wal", "-shm", "-journal")) or (of is not None and not path.name.startswith(
                f"{of.stem}-")):
            continue
        if files.read_manifest(path) is None and not files.is_encrypted(path) and cipher.kind(path) != "encrypted" \
                and not _is_sqlite(path):
            continue
        found.append(info_of(path))
    return sorted(found, key=lambda b: b.created, reverse=True)


def backups_of(db: Database) -> list[BackupInfo]:
    """The backups of this registry in its backups folder, newest first."""
    return list_backups(backup_folder(db), db.file)


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def newest_good(folder: Path, of: Path | None = None) -> BackupInfo | None:
    """The newest backup (of the database file `of`) that was verified and is unchanged since."""
    return next((b for b in list_backups(folder, of) if b.intact()), None)


# -- rotation and automatic backups ----------------------------------------------------------
def rotate(folder: Path, of: Path | None = None) -> list[Path]:
    """Keep the newest automatic backup of each of the last 7 days, 4 weeks and 12 months, and the
    last 3 copies taken before a restore or an upgrade; manual backups stay. Returns what went."""
    backups = list_backups(folder, of)
    keep: set[Path] = set()
    auto = [b for b in backups if b.kind == "auto"]
    for period, count in ((lambda d: d.date(), KEEP_DAILY), (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda d: (d.year, d.month), KEEP_MONTHLY)):
        seen: set = set()
        for b in auto:
            key = period(b.created)
            if key not in seen and len(seen) < count:
                seen.add(key)
                keep.add(b.path)
    for kind, count in (("safety", KEEP_SAFETY), ("upgrade", KEEP_UPGRADE)):
        keep.update(b.path for b in [b for b in backups if b.kind == kind][:count])
    removed = [b.path for b in backups if b.kind in ("auto", "safety", "upgrade") and b.path not in keep]
    for path in removed:
        files.remove(path, files.manifest_path(path), Path(f"{path}-wal"))
    files.remove_stale_parts(folder)
    return removed


def auto(db: Database, *, progress: Progress = NULL_PROGRESS, now: dt.datetime | None = None) -> BackupInfo | None:
    """The daily automatic backup, then rotation. Does nothing when today's exists, on PostgreSQL
    (its server has its own backups), on an empty database, and on a damaged one (a damaged copy
    must never push a good one out of the rotation)."""
    from desktop.core.services.check import quick_check

    if not db.is_sqlite or db.file is None or not db.file.exists():
        return None
    folder = backup_folder(db)
    today = (now or dt.datetime.now().astimezone()).date()
    if any(b.kind == "auto" and b.created.date() == today for b in list_backups(folder, db.file)):
        return None
    if quick_check(db.file).damaged or schema.state(db).is_empty:
        return None
    made = make_backup(db, kind="auto", thorough=False, progress=progress)
    rotate(folder, db.file)
    return made


# -- restoring -----------------------------------------------------------------------------------
def restore(db: Database, backup: Path | str, *, passphrase: str | None = None,
            progress: Progress = NULL_PROGRESS) -> RestoreResult:
    """Put a backup in place of the registry. The backup is checked first (a damaged or altered
    one is refused and nothing changes); the current file is kept as a safety copy."""
    from desktop.core.services.check import allow_writes

    info = info_of(Path(backup))
    if info.encrypted and not passphrase:
        raise SimpulError("backup.passphrase_needed_restore", path=str(info.path))
    if not db.is_sqlite:
        return _restore_pg(db, info, passphrase)
    file = db.file
    assert file is not None
    temp = file.with_name(f".{file.name}.restore.part")
    key = files.key_or_none(file)  # an encrypted registry stays encrypted, whatever the backup was
    try:
        if info.encrypted:
            plain_sha = files.decrypt_to(info.path, temp, passphrase or "")
            if info.plain_sha256 and plain_sha != info.plain_sha256:
                raise StorageError("backup.changed", path=str(info.path))
            if key is not None and cipher.key_for(temp) != key:
                files.rekey(temp, key)
        else:
            if info.sha256 and files.sha256_of(info.path) != info.sha256:
                raise StorageError("backup.changed", path=str(info.path))
            try:
                files.copy_sqlite(info.path, temp, progress, key=key)
            except cipher.database_errors() as exc:
                raise _unreadable(exc, "backup.damaged", info.path) from None
        checked = files.check_copy(temp)
        if not checked.ok:
            raise StorageError("backup.damaged", path=str(info.path), problems="; ".join(checked.problems[:3]))
        if info.counts and checked.counts != info.counts:
            raise StorageError("backup.changed", path=str(info.path))
        if checked.revision is None:
            raise StorageError("backup.not_simpul", path=str(info.path))
        if checked.revision > schema.head_revision():  # revisions are zero-padded numbers
            raise StorageError("db.newer", current=checked.revision)
        with job_lock(db, "restore"):  # no import or demo may write while the files change places
            before = files.counts_or_none(file)
            safety = safety_copy(db)
            db.dispose()
            files.checkpoint(file)  # killed after this point, the old file still holds all it had
            for extra in (Path(f"{file}-wal"), Path(f"{file}-shm"), Path(f"{file}-journal")):
                files.remove(extra)  # frames of the old file must never be replayed onto the new one
            files.commit(temp, file)
    except BaseException:
        files.remove(temp)
        raise
    allow_writes(db)  # a sound file is in place: read-only mode (if the old one was damaged) ends
    reopen(db)  # the restored file may carry another key than the one the engine was opened with
    _audit_restore(db, info, safety, before, checked.counts)
    upgraded = checked.revision != schema.head_revision()
    if upgraded:  # an older backup: brought up to date as on opening (after its own safety copy)
        schema.upgrade(db)
    return RestoreResult(info, safety, checked.counts, upgraded)


def _restore_pg(db: Database, info: BackupInfo, passphrase: str | None) -> RestoreResult:
    tool = files.pg_tool("pg_restore")
    archive = info.path
    if info.encrypted:
        archive = paths.data_dir() / f".{info.path.stem}.dump.part"
        files.decrypt_to(info.path, archive, passphrase or "")
    try:
        files.pg_run([tool, "--list", str(archive)])
        files.pg_run([tool, "--clean", "--if-exists", "--no-owner", "--single-transaction", str(archive)], db.url)
    finally:
        if archive != info.path:
            files.remove(archive)
    with db.read() as s:
        counts = _pg_counts(s)
    _audit_restore(db, info, None, None, counts)
    return RestoreResult(info, None, counts, False)


def safety_copy(db: Database) -> Path | None:
    """The current file, kept before it is replaced. Through the backup API when SQLite can still
    read it; byte for byte (with its WAL) when it cannot, since that is all there is."""
    file = db.file
    if file is None or not file.exists():
        return None
    folder = backup_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    target = files.unique_name(folder, file.stem, LABELS["safety"], file.suffix or ".db",
                               dt.datetime.now().astimezone())
    temp = folder / f".{target.name}.part"
    try:
        try:
            files.copy_sqlite(file, temp)
        except (*cipher.database_errors(), StorageError):
            files.remove(temp)
            import shutil

            shutil.copyfile(file, temp)
            if Path(f"{file}-wal").exists():
                shutil.copyfile(f"{file}-wal", f"{target}-wal")
        files.commit(temp, target)
    except BaseException:
        files.remove(temp)
        raise
    return target


def _audit_restore(db: Database, info: BackupInfo, safety: Path | None, before: dict[str, int] | None,
                   after: dict[str, int]) -> None:
    from desktop.core.db import audit_anchor

    with db.read() as s:  # the restored trail is the one to follow from here (a shorter one, on purpose)
        audit_anchor.reset(s.connection(), db.place)
    details: dict[str, object] = {"backup": [None, str(info.path)],
                                  "backup_made": [None, info.created.isoformat(timespec="seconds")]}
    for table in SUMMARY_TABLES:
        details[table] = [before.get(table) if before else None, after.get(table)]
    if safety is not None:
        details["safety_copy"] = [None, str(safety)]
    log_disclosure(db, AuditAction.UPDATE, "database", info.path.name[:40], details)
