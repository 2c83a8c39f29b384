"""The files of a backup: the copy itself, its check, its manifest, its encryption.

A backup is a database file (`.db`) or, when it leaves the computer, the same file encrypted
(`.simpulbak`), with a manifest beside it (`<name>.json`): when and from which schema it was made,
the row count of every table, the SHA-256 of the file and whether the copy passed SQLite's
integrity check. The encrypted file carries its own header, so it can be opened without its manifest.

Encryption: AES-256-GCM, the key derived from the office passphrase with scrypt. Layout: MAGIC,
salt (16), nonce (12), ciphertext, tag (16); MAGIC and salt are authenticated too."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.db import cipher
from desktop.core.errors import StorageError
from desktop.core.progress import NULL_PROGRESS, Cancelled, Progress

MANIFEST_FORMAT = 1
ENCRYPTED_SUFFIX = ".simpulbak"
MAGIC = b"SIMPULB1"
SALT_BYTES, NONCE_BYTES, TAG_BYTES = 16, 12, 16
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1  # about 0.1 s and 32 MB: slows guessing, not the office
CHUNK = 1 << 20
PAGES_PER_STEP = 1024  # the online backup copies this many pages, then lets a writer in
# Shown first when a backup is described (the rest of the counts are in the manifest).
SUMMARY_TABLES = ("family", "person", "ppks_record", "psks_entry")


@dataclass(frozen=True)
class CopyCheck:
    """What the check of a plain database file found."""

    ok: bool
    problems: tuple[str, ...]
    counts: dict[str, int]
    revision: str | None


def read_only(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A read-only connection, to a plain or an encrypted file (with the key this computer knows
    for it); the URI is percent-encoded, so any folder name works (spaces, "#", "?", a Windows
    drive letter)."""
    return cipher.open_file(path, read_only=True, timeout=timeout)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def copy_sqlite(source: Path, target: Path, progress: Progress = NULL_PROGRESS, *,
                key: bytes | None = None) -> None:
    """A consistent copy through SQLite's online backup API: what a running Simpul has committed
    (WAL included) and nothing half-written. The copy is one self-contained file (no WAL), under
    the source's own key (an encrypted registry's backup is encrypted alike) or, given, `key`."""
    done = [-1]  # pages copied so far; -1 until the total is known

    def step(_status: int, remaining: int, total: int) -> None:
        if progress.cancelled:
            raise Cancelled()
        if done[0] < 0:
            progress.start(total, "")
            done[0] = 0
        progress.advance(total - remaining - done[0])
        done[0] = total - remaining

    cipher.copy(source, target, pages=PAGES_PER_STEP, step=step, key=key)


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table of the registry's own data; the search index is left out (its tables are
    derived, and their row counts follow how the index happens to be segmented)."""
    from desktop.core.db.search_index import TABLE

    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE ? ORDER BY name", (f"{TABLE}%",))]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def counts_or_none(path: Path) -> dict[str, int] | None:
    """Row counts of a file that may be damaged; None when they cannot be read."""
    try:
        conn = read_only(path)
        try:
            return table_counts(conn)
        finally:
            conn.close()
    except (*cipher.errors(), StorageError):  # damaged, or encrypted with a key not known here
        return None


def check_copy(path: Path, *, thorough: bool = True) -> CopyCheck:
    """SQLite's integrity check (`quick_check` when not `thorough`: it skips comparing indexes with
    their tables), then the row count of every table. A file that is no database is not ok."""
    try:
        conn = read_only(path)
    except cipher.errors() as exc:
        return CopyCheck(False, (str(exc),), {}, None)
    try:
        pragma = "integrity_check(20)" if thorough else "quick_check(20)"
        result = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
        if result != ["ok"]:
            return CopyCheck(False, tuple(result), {}, None)
        counts = table_counts(conn)
        revision = None
        if "alembic_version" in counts:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return CopyCheck(True, (), counts, revision)
    except cipher.database_errors() as exc:
        return CopyCheck(False, (str(exc),), {}, None)
    finally:
        conn.close()


def key_or_none(file: Path) -> bytes | None:
    """The key of a registry file; None when plain, new, or not readable with a known key."""
    try:
        return cipher.key_for(file)
    except StorageError:
        return None


def rekey(file: Path, key: bytes) -> None:
    """A copy (a restored backup made before `encrypt`, or under another key) put under `key`."""
    other = file.with_name(file.name + ".key")
    try:
        cipher.export(file, other, key)
        commit(other, file)
    finally:
        remove(other)


# -- manifest -------------------------------------------------------------------------------
def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def read_manifest(backup: Path) -> dict | None:
    try:
        data = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == MANIFEST_FORMAT else None


def manifest(*, created: dt.datetime, kind: str, revision: str | None, counts: dict[str, int], size: int,
             sha256: str, checked: str, encrypted: bool, plain_sha256: str | None) -> dict:
    from desktop import __version__

    return {"format": MANIFEST_FORMAT, "app": f"Simpul {__version__}", "created": created.isoformat(timespec="seconds"),
            "kind": kind, "revision": revision, "size": size, "sha256": sha256, "check": checked, "verified": True,
            "encrypted": encrypted, "plain_sha256": plain_sha256, "counts": counts}


def write_manifest(backup: Path, data: dict) -> Path:
    target = manifest_path(backup)
    temp = target.with_name(f".{target.name}.part")
    with private_file(temp) as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    commit(temp, target)
    return target


# -- files ------------------------------------------------------------------------------------
@contextlib.contextmanager
def private_file(path: Path) -> Iterator:
    """A new file readable by its owner only (0600 on POSIX), flushed to disk when closed."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as f:
        yield f
        f.flush()
        os.fsync(f.fileno())


def commit(temp: Path, target: Path) -> Path:
    """Move a complete file into place; the rename survives a power cut once the folder is synced."""
    if os.name == "posix":
        os.chmod(temp, 0o600)
    with open(temp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(temp, target)
    if os.name == "posix":
        with contextlib.suppress(OSError):
            fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    return target


def remove(*files: Path) -> None:
    for file in files:
        with contextlib.suppress(FileNotFoundError):
            file.unlink()


def checkpoint(file: Path) -> None:
    """Fold the WAL into the file and empty it. A damaged file may refuse: then its safety copy
    (taken through the backup API, WAL included) is what keeps its last state."""
    if not file.exists():
        return
    with contextlib.suppress(*cipher.errors(), StorageError):
        conn = cipher.open_file(file, read_only=False, timeout=5)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()


def remove_stale_parts(folder: Path, older_than_s: float = 6 * 3600) -> None:
    """Half-written copies left by a backup that was killed (a power cut, a closed laptop)."""
    now = time.time()
    for part in folder.glob(".*.part"):
        with contextlib.suppress(OSError):
            if now - part.stat().st_mtime > older_than_s:
                part.unlink()


def unique_name(folder: Path, stem: str, label: str, suffix: str, when: dt.datetime) -> Path:
    """`simpul-20261130-021500-manual.db`, the same pattern as the copy before an upgrade."""
    base = f"{stem}-{when:%Y%m%d-%H%M%S}-{label}"
    target, n = folder / f"{base}{suffix}", 1
    while target.exists() or manifest_path(target).exists():
        n += 1
        target = folder / f"{base}-{n}{suffix}"
    return target


def free_space_for(folder: Path, size: int) -> None:
    """Refuse early, in words, when the copy cannot fit (twice: the copy and its encrypted form)."""
    with contextlib.suppress(OSError):
        if shutil.disk_usage(folder).free < size:
            raise StorageError("backup.no_space", folder=str(folder), size=_megabytes(size))


def _megabytes(size: int) -> str:
    from desktop.core.i18n import number

    return number(max(size, 1) / 1e6, 1)


# -- encryption --------------------------------------------------------------------------------
def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase.encode("utf-8"))


def encrypt_file(plain: Path, target: Path, passphrase: str, progress: Progress = NULL_PROGRESS) -> None:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    encryptor = Cipher(algorithms.AES(_key(passphrase, salt)), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(MAGIC + salt)
    with open(plain, "rb") as src, private_file(target) as out:
        out.write(MAGIC + salt + nonce)
        while chunk := src.read(CHUNK):
            if progress.cancelled:
                raise Cancelled()
            out.write(encryptor.update(chunk))
        out.write(encryptor.finalize() + encryptor.tag)


def decrypt_file(source: Path, passphrase: str, sink: Callable[[bytes], object] | None = None) -> str:
    """Decrypt `source`, handing the plain bytes to `sink`; returns their SHA-256. A wrong
    passphrase or a changed byte anywhere raises StorageError (the tag is checked at the end, so
    whatever `sink` received must be thrown away then)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    size = source.stat().st_size
    header = len(MAGIC) + SALT_BYTES + NONCE_BYTES
    if size < header + TAG_BYTES or not is_encrypted(source):
        raise StorageError("backup.not_encrypted", path=str(source))
    digest = hashlib.sha256()
    with open(source, "rb") as f:
        f.seek(len(MAGIC))
        salt, nonce = f.read(SALT_BYTES), f.read(NONCE_BYTES)
        f.seek(size - TAG_BYTES)
        tag = f.read(TAG_BYTES)
        f.seek(header)
        decryptor = Cipher(algorithms.AES(_key(passphrase, salt)), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(MAGIC + salt)
        left = size - header - TAG_BYTES
        while left > 0:
            chunk = decryptor.update(f.read(min(CHUNK, left)))
            left -= CHUNK
            digest.update(chunk)
            if sink is not None:
                sink(chunk)
        try:
            decryptor.finalize()
        except InvalidTag:
            raise StorageError("backup.wrong_passphrase", path=str(source)) from None
    return digest.hexdigest()


def decrypt_to(source: Path, target: Path, passphrase: str) -> str:
    try:
        with private_file(target) as out:
            return decrypt_file(source, passphrase, out.write)
    except BaseException:
        remove(target)
        raise


# -- PostgreSQL ---------------------------------------------------------------------------------
def pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise StorageError("backup.pg_tools_missing", tool=name)
    return path


def pg_run(args: list[str], url=None, timeout: float = 3600) -> None:
    """Run pg_dump/pg_restore against the database of a SQLAlchemy URL; the password goes through
    the environment, never the command line (other users can read that)."""
    import subprocess

    env = dict(os.environ)
    if url is not None:
        if url.password:
            env["PGPASSWORD"] = str(url.password)
        args = [*args, "--dbname", url.set(drivername="postgresql", password=None).render_as_string(
            hide_password=False)]
    started = time.monotonic()
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout,
                          check=False)
    if done.returncode != 0:
        reason = (done.stderr or "").strip().splitlines()
        raise StorageError("backup.pg_failed", tool=Path(args[0]).name,
                           reason=reason[-1] if reason else f"exit {done.returncode}",
                           seconds=round(time.monotonic() - started))
