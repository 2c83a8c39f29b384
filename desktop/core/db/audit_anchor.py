"""The newest audit entry, remembered outside the registry, so that removing the newest entries is
caught too: the chain of what is left still links, and only something kept elsewhere knows the
trail was longer.

After each transaction that added entries, the newest entry's id and link go to the key store
(desktop.core.keystore: the Windows Credential Manager, or the keys folder), under a name made from
the registry's chain key and its place (a practice copy of the file has its own). `check` compares:
an anchored entry that is missing, or whose link differs, names the first entry that was removed.
A restore moves the anchor back to the restored trail on purpose. What this does not catch: a copy
of the file on another PC, which has no anchor there.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging

from sqlalchemy import Connection, select

from desktop.core import keystore
from desktop.core.db.models.audit import AppSecret, AuditEntry

log = logging.getLogger(__name__)
_anchored: dict[str, int] = {}  # name -> the id last written by this process (saves a key store read)


def _name(conn: Connection, place: str) -> str | None:
    from desktop.core.db.audit import CHAIN_KEY

    key = conn.execute(select(AppSecret.value).where(AppSecret.name == CHAIN_KEY)).scalar()
    if key is None:
        return None
    return "audit-head/" + hashlib.sha256(f"{key}|{place}".encode()).hexdigest()[:24]


def head(conn: Connection) -> tuple[int, str] | None:
    row = conn.execute(select(AuditEntry.id, AuditEntry.chain).order_by(AuditEntry.id.desc()).limit(1)).first()
    return (row.id, row.chain) if row is not None and row.chain else None


def pending(conn: Connection, place: str) -> tuple[str, int, str] | None:
    """Inside a transaction that is about to commit: what to anchor once it has (None: nothing new,
    or a registry from before the chain, which the next upgrade brings)."""
    from sqlalchemy.exc import DBAPIError

    # A failed read must not spoil the transaction: PostgreSQL needs a savepoint for that, SQLite
    # does not (and one there costs a millisecond per write).
    guard = contextlib.nullcontext() if conn.dialect.name == "sqlite" else conn.begin_nested()
    try:
        with guard:
            newest = head(conn)
            name = _name(conn, place) if newest is not None else None
    except DBAPIError:
        return None
    if newest is None:
        return None
    if name is None or _anchored.get(name) == newest[0]:
        return None
    return name, newest[0], newest[1]


def remember(anchor: tuple[str, int, str] | None, *, force: bool = False) -> None:
    """After the commit: the newest entry, unless the store already holds a newer one."""
    if anchor is None:
        return
    name, entry_id, chain = anchor
    try:
        if not force:
            stored = _parse(keystore.get(name))
            if stored is not None and stored[0] >= entry_id:
                _anchored[name] = stored[0]
                return
        keystore.put(name, f"{entry_id}:{chain}", durable=False)
        _anchored[name] = entry_id
    except Exception as exc:  # noqa: BLE001 - a key store that refuses must not undo a committed write
        log.warning("audit anchor not kept (%s)", type(exc).__name__)


def reset(conn: Connection, place: str) -> None:
    """After a restore: the restored trail's newest entry is the anchor now."""
    newest, name = head(conn), _name(conn, place)
    if name is None:
        return
    if newest is None:
        keystore.delete(name)
        _anchored.pop(name, None)
        return
    remember((name, newest[0], newest[1]), force=True)


def first_missing(conn: Connection, place: str) -> int | None:
    """The id of the first entry removed from the end of the trail, or None when the trail holds
    the anchored entry as it was."""
    name = _name(conn, place)
    stored = _parse(keystore.get(name)) if name else None
    if stored is None:
        return None
    entry_id, chain = stored
    found = conn.execute(select(AuditEntry.chain).where(AuditEntry.id == entry_id)).first()
    if found is not None and found.chain == chain:
        return None
    if found is not None:
        return entry_id  # there, but not the entry that was written: the end was rewritten
    last = conn.execute(select(AuditEntry.id).where(AuditEntry.id < entry_id)
                        .order_by(AuditEntry.id.desc()).limit(1)).scalar()
    return (last or 0) + 1


def _parse(text: str | None) -> tuple[int, str] | None:
    with contextlib.suppress(ValueError, AttributeError):
        entry_id, chain = (text or "").split(":", 1)
        return int(entry_id), chain
    return None
