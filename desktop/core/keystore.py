"""Secrets that must never sit in the registry or its backups: the registry's encryption key and
the office's letter-signing key.

They are held by the operating system's key store through `keyring`: the Windows Credential
Manager (protected by DPAPI with the user's Windows login), the macOS Keychain, or the Secret
Service on a Linux desktop. Where no key store is usable (a headless server, CI) or
SIMPUL_KEYSTORE_DIR names a folder, each secret is a file of its own in that folder (default: the
user's data folder's "keys"), readable by its owner only; the README says so plainly.

Nothing here logs a secret or puts one in an exception message.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from pathlib import Path

from desktop.core import paths

SERVICE = "Simpul"
log = logging.getLogger(__name__)
_backend: object | None = None  # the keyring in use, or None for the folder


def _folder() -> Path | None:
    override = os.environ.get("SIMPUL_KEYSTORE_DIR")
    return Path(override) if override else None


def _keyring():
    """The OS key store, or None when keyring finds none that works here."""
    global _backend
    if _folder() is not None:
        return None
    if _backend is None:
        try:
            import keyring
            from keyring.backends import fail, null

            chosen = keyring.get_keyring()
            usable = not isinstance(chosen, (fail.Keyring, null.Keyring)) and chosen.priority > 0
            _backend = chosen if usable else False
        except Exception:  # noqa: BLE001 - a broken key store means "use the folder", not a crash
            _backend = False
    return _backend or None


def _file(name: str) -> Path:
    folder = _folder() or paths.data_dir() / "keys"
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    # The name may hold a path; the file is named by its digest.
    return folder / (hashlib.sha256(name.encode()).hexdigest()[:32] + ".key")


def where() -> str:
    """For messages and the README's promise: which store holds the keys on this computer."""
    ring = _keyring()
    if ring is not None:
        return f"{type(ring).__module__}.{type(ring).__name__}"
    return str(_file("where").parent)


def get(name: str) -> str | None:
    ring = _keyring()
    if ring is not None:
        try:
            return ring.get_password(SERVICE, name)
        except Exception as exc:  # noqa: BLE001
            log.warning("key store unreadable (%s); trying the keys folder", type(exc).__name__)
    file = _file(name)
    try:
        return file.read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def put(name: str, secret: str, *, durable: bool = True) -> None:
    """`durable=False` skips the flush to disk in the keys folder: for a note rewritten after every
    write (the audit anchor), where losing the last one to a power cut costs nothing."""
    ring = _keyring()
    if ring is not None:
        try:
            ring.set_password(SERVICE, name, secret)
            return
        except Exception as exc:  # noqa: BLE001
            log.warning("key store refused the key (%s); keeping it in the keys folder", type(exc).__name__)
    file = _file(name)
    temp = file.with_suffix(".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(secret)
        if durable:
            out.flush()
            os.fsync(out.fileno())
    os.replace(temp, file)


def delete(name: str) -> None:
    ring = _keyring()
    if ring is not None:
        with contextlib.suppress(Exception):
            ring.delete_password(SERVICE, name)
    with contextlib.suppress(FileNotFoundError):
        _file(name).unlink()


def reset() -> None:
    """Tests: choose the store again (after SIMPUL_KEYSTORE_DIR changed)."""
    global _backend
    _backend = None
