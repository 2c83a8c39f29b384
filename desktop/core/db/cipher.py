"""Encryption at rest: SQLCipher 4 registry files, the keys that open them, the recovery key.

A registry made by `init` or the window's first start is a SQLCipher 4 file (AES-256, an HMAC on
every page). Its key is 32 random bytes given to SQLCipher raw (`PRAGMA key = "x'…'"`): no
passphrase is stretched, so opening a connection costs a fraction of a millisecond (the engine
opens one per unit of work). A plain file (the tests' fixtures, a registry from before) keeps
opening through the stdlib sqlite3 module exactly as before.

Keys live in the OS key store (desktop.core.keystore) as one key ring: every registry key this
computer has met, by id. An encrypted file is opened by trying the ring (a wrong raw key fails
at page 1, at once), so a moved or renamed file, and every backup (made with the registry's own
key), opens without asking. When none fits, the user gives the recovery key: the raw key written
in groups of four (Crockford's base32, with a checksum that catches a typo).

Nothing here logs a key or puts one in an exception message."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop.core import keystore
from desktop.core.errors import SimpulError, StorageError

SQLITE_MAGIC = b"SQLite format 3\x00"
RING = "registry-keys"  # the keystore entry listing the key ids; each key is "registry-keys/<id>"
KEY_BYTES, CHECK_BYTES = 32, 3
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: nothing to misread
_TO_CROCKFORD = str.maketrans(_B32, _CROCKFORD)
_FROM_CROCKFORD = str.maketrans(_CROCKFORD + "ILO", _B32 + "BBA")  # I, L read as 1; O as 0
_known: dict[str, bytes] = {}  # file -> the key that opened it, for this process


def _dbapi():
    import sqlcipher3.dbapi2 as dbapi

    return dbapi


def errors() -> tuple[type[Exception], ...]:
    """sqlite3.Error of either driver (what `except` clauses around direct file work catch)."""
    return (sqlite3.Error, _dbapi().Error)


def database_errors() -> tuple[type[Exception], ...]:
    return (sqlite3.DatabaseError, _dbapi().DatabaseError)


def operational_errors() -> tuple[type[Exception], ...]:
    return (sqlite3.OperationalError, _dbapi().OperationalError)


# -- files ------------------------------------------------------------------------------------------
def kind(path: Path | str) -> str:
    """"new" (missing or empty), "plain" (an SQLite header, or bytes too odd to be SQLCipher's:
    damage is for the checks to name) or "encrypted" (whole pages of what reads as noise)."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
        size = os.path.getsize(path)
    except OSError:
        return "new"
    if not head:
        return "new"
    if head == SQLITE_MAGIC or size < 512 or size % 512:
        return "plain"
    return "encrypted"


def is_encrypted(path: Path | str) -> bool:
    return kind(path) == "encrypted"


def connect(path: Path | str, key: bytes | None, *, read_only: bool = False, timeout: float = 5.0,
            sqlcipher: bool = False):
    """A DBAPI connection: stdlib sqlite3 without a key (unless `sqlcipher`), SQLCipher with one
    (the key is the first statement, as SQLCipher requires). The URI is percent-encoded, so any
    folder name works."""
    target = Path(path).resolve().as_uri() + ("?mode=ro" if read_only else "")
    if key is None and not sqlcipher:
        return sqlite3.connect(target, uri=True, timeout=timeout, check_same_thread=False)
    conn = _dbapi().connect(target, uri=True, timeout=timeout, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is tried quietly
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    except BaseException:
        conn.close()
        raise
    return conn


def _opens(path: Path | str, key: bytes) -> bool:
    try:
        conn = connect(path, key, read_only=True, timeout=1.0)
    except errors():
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except errors():
        return False
    finally:
        conn.close()


def key_for(path: Path | str, given: bytes | None = None) -> bytes | None:
    """The key that opens `path`: None for a plain or new file (a new one takes `given`);
    for an encrypted one, `given` if it fits, else the one that opened it before, else the first
    of the key ring that fits. StorageError `cipher.no_key` when none does."""
    state = kind(path)
    if state == "new":
        return given
    if state == "plain":
        return None
    name = str(Path(path).resolve())
    tried = [given] if given is not None else []
    tried += [_known[name]] if name in _known else []
    for key in [*tried, *ring().values()]:
        if _opens(path, key):
            _known[name] = key
            return key
    raise StorageError("cipher.no_key", path=str(path))


def open_file(path: Path | str, *, read_only: bool = True, timeout: float = 5.0):
    """A connection to any registry file, plain or encrypted (its key found as `key_for` does)."""
    return connect(path, key_for(path), read_only=read_only, timeout=timeout)


def create(path: Path | str, key: bytes) -> None:
    """Start an encrypted registry in an empty file: WAL mode writes the first (encrypted) page,
    so from now on the file reads as encrypted to every process."""
    conn = connect(path, key)
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
    finally:
        conn.close()
    _known[str(Path(path).resolve())] = key


def copy(source: Path, target: Path, *, pages: int = -1,
         step: Callable[[int, int, int], object] | None = None, key: bytes | None = None) -> None:
    """A consistent copy through SQLite's online backup API (WAL included). The copy keeps the
    source's key (a backup of an encrypted registry is encrypted alike); with `key` given and
    different, the copy is exported under that key instead (no progress then)."""
    own = key_for(source)
    if key is not None and key != own:
        export(source, target, key)
        return
    src = connect(source, own, read_only=True)
    try:
        dst = connect(target, own)
        try:
            src.backup(dst, pages=pages, progress=step)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def export(source: Path, target: Path, key: bytes | None) -> None:
    """Copy `source` (plain or encrypted) into the new file `target` under `key` (None: plain)
    with sqlcipher_export: every table, index, trigger and the user_version."""
    own = key_for(source)
    conn = connect(source, own, sqlcipher=True)  # read-write: an ATTACHed file inherits "ro"
    try:
        secret = f"x'{key.hex()}'" if key else ""
        conn.execute(f"ATTACH DATABASE ? AS export KEY \"{secret}\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('export')").fetchall()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA export.user_version = {int(version)}")
        conn.execute("DETACH DATABASE export")
    finally:
        conn.close()
    if key is not None:
        _known[str(Path(target).resolve())] = key


# -- the key ring ----------------------------------------------------------------------------------
def key_id(key: bytes) -> str:
    """A name for a key that tells nothing of it (for the ring and for messages)."""
    return hashlib.sha256(b"simpul-registry-key" + key).hexdigest()[:12]


def ring() -> dict[str, bytes]:
    """Every registry key this computer keeps, by id."""
    keys = {}
    for ident in _ids():
        with contextlib.suppress(ValueError, TypeError):
            secret = keystore.get(f"{RING}/{ident}")
            if secret:
                keys[ident] = bytes.fromhex(secret)
    return keys


def _ids() -> list[str]:
    try:
        ids = json.loads(keystore.get(RING) or "[]")
    except ValueError:
        return []
    return [str(i) for i in ids] if isinstance(ids, list) else []


def remember(key: bytes) -> str:
    """Add a key to this computer's ring (again is harmless); returns its id. Each key is an
    entry of its own (a Windows credential holds 2.5 KB at most), the ring's entry lists the ids."""
    ident = key_id(key)
    if keystore.get(f"{RING}/{ident}") != key.hex():
        keystore.put(f"{RING}/{ident}", key.hex())
    ids = _ids()
    if ident not in ids:
        keystore.put(RING, json.dumps([*ids, ident]))
    return ident


def new_key() -> bytes:
    """A new registry key, remembered in the ring before any file depends on it."""
    key = secrets.token_bytes(KEY_BYTES)
    remember(key)
    return key


def forget_cache() -> None:
    """Tests: forget which key opened which file in this process."""
    _known.clear()


# -- the recovery key --------------------------------------------------------------------------
def recovery_text(key: bytes) -> str:
    """The key as people write it down: 14 groups of 4 letters and digits, the last carrying a
    checksum, e.g. "7QKD-M2XA-…"."""
    data = key + hashlib.sha256(key).digest()[:CHECK_BYTES]
    text = base64.b32encode(data).decode("ascii").rstrip("=").translate(_TO_CROCKFORD)
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery(text: str) -> bytes:
    """The key from a recovery key as typed (case, spaces and dashes do not matter; O is read as
    0, I and L as 1). SimpulError `cipher.recovery_typo` when the checksum does not fit."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(cleaned) != 56 or any(ch not in _CROCKFORD + "ILO" for ch in cleaned):
        raise SimpulError("cipher.recovery_typo")
    data = base64.b32decode(cleaned.translate(_FROM_CROCKFORD) + "=" * (-len(cleaned) % 8))
    key, check = data[:KEY_BYTES], data[KEY_BYTES:]
    if hashlib.sha256(key).digest()[:CHECK_BYTES] != check:
        raise SimpulError("cipher.recovery_typo")
    return key


def unlock(path: Path | str, text: str) -> str:
    """Register the key given as a recovery key after checking that it opens `path`; returns its
    id. SimpulError `cipher.recovery_wrong` when it is a sound key of another registry."""
    key = parse_recovery(text)
    if kind(path) == "encrypted" and not _opens(path, key):
        raise SimpulError("cipher.recovery_wrong", path=str(path))
    with contextlib.suppress(KeyError):
        del _known[str(Path(path).resolve())]
    return remember(key)
