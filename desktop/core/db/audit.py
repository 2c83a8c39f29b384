"""Audit trail written by the session itself, so no service can forget it.

After each flush, every inserted, updated and deleted row (of any model but the audit log) gets an
audit_log row with the actor, the time and the old and new values of each changed column, written
with the same connection: it commits or rolls back together with the change it describes.
Bulk paths that bypass the ORM (demo data, imports) call `audit_rows` themselves.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select, text
from sqlalchemy.orm import Session

from desktop.core.db.base import utcnow
from desktop.core.db.models.audit import AppSecret, AuditEntry
from desktop.core.domain.enums import AuditAction

# Derived or bookkeeping columns say nothing a reader needs; secrets never reach the trail.
# A signed letter's frozen copy stays on its register line; repeating it here would only
# duplicate personal data in the trail.
_SKIP = frozenset({"created_at", "updated_at", "name_key", "password_hash", "code_hash", "failed_logins",
                   "last_login_at", "snapshot", "letter_key"})


def jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} byte>"
    return value


def from_jsonable(model: Any, column: str, value: Any) -> Any:
    """The inverse of `jsonable` for one column: ISO text back into dates, for restoring old values."""
    if value is None:
        return None
    python_type = model.__table__.c[column].type.python_type
    if python_type is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if python_type is dt.datetime and isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return value


def _record_id(obj: Any) -> str:
    # During after_flush a new object has its key values but not yet its identity.
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return "/".join(str(v) for v in key)


# Identifiers kept masked in the trail: a deleted person's NIK must not live on in it (UU 27/2022),
# and who changed what stays readable. (The trail cannot give such a value back on an undo.)
MASKED = frozenset({"nik", "no_kk", "proxy_nik", "complainant_nik", "new_nik", "new_kk"})


def _value(column: str, value: Any) -> Any:
    value = jsonable(value)
    if column in MASKED and isinstance(value, str):
        from desktop.core.domain.identity import masked_identifier

        return masked_identifier(value)
    return value


def _columns(obj: Any) -> Iterable[tuple[str, str]]:
    mapper = inspect(obj).mapper
    for attr in mapper.column_attrs:
        if attr.key not in _SKIP:
            yield attr.key, attr.columns[0].name


def _entry(actor: str, action: AuditAction, table: str, record_id: str,
           changes: Mapping[str, Any], at: dt.datetime, batch_id: int | None = None) -> dict[str, Any]:
    return {"at": at, "actor": actor[:80], "action": action, "table_name": table,
            "record_id": record_id[:40], "changes": dict(changes), "batch_id": batch_id}  # a hash key is longer


def actor_of(session: Session) -> str:
    """The user recorded for this unit of work (Database.transaction sets it)."""
    return session.info.get("actor", "system")


def _after_flush(session: Session, _ctx: Any) -> None:
    actor = actor_of(session)
    batch = session.info.get("batch_id")  # set while an import (or its undo) works
    at = utcnow()
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, (AuditEntry, AppSecret)):
            continue
        changes = {col: [None, _value(col, getattr(obj, key))] for key, col in _columns(obj)
                   if getattr(obj, key) is not None}
        rows.append(_entry(actor, AuditAction.INSERT, obj.__tablename__, _record_id(obj), changes, at, batch))
    for obj in session.dirty:
        if isinstance(obj, (AuditEntry, AppSecret)) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        changes = {}
        for key, col in _columns(obj):
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                changes[col] = [_value(col, old), _value(col, new)]
        if changes:
            rows.append(_entry(actor, AuditAction.UPDATE, obj.__tablename__, _record_id(obj), changes, at, batch))
    for obj in session.deleted:
        if isinstance(obj, (AuditEntry, AppSecret)):
            continue
        changes = {col: [_value(col, getattr(obj, key)), None] for key, col in _columns(obj)
                   if getattr(obj, key) is not None}
        rows.append(_entry(actor, AuditAction.DELETE, obj.__tablename__, _record_id(obj), changes, at, batch))
    if rows:
        append(session.connection(), rows)


def install_audit_hooks(session_class: type[Session]) -> None:
    event.listen(session_class, "after_flush", _after_flush)


def audit_rows(conn: Connection, actor: str, table: str, ids: Sequence[Any],
               rows: Sequence[Mapping[str, Any]], action: AuditAction = AuditAction.INSERT) -> None:
    """Audit entries for rows written with Core bulk statements (`rows[i]` has id `ids[i]`)."""
    at = utcnow()
    append(conn, [
        _entry(actor, action, table, str(pk),
               {k: [None, _value(k, v)] for k, v in row.items() if v is not None and k not in _SKIP}, at)
        for pk, row in zip(ids, rows, strict=True)
    ])


def record_disclosure(session: Session, action: AuditAction, table: str, record_id: object,
                      details: Mapping[str, Any]) -> None:
    """A print or an export of personal data: who, when, what, and how (full or masked NIK, rows)."""
    session.flush()  # pending changes first: their entries come before this one in the chain
    append(session.connection(), [_entry(actor_of(session), action, table, str(record_id),
                                         {k: jsonable(v) for k, v in details.items()}, utcnow())])


def log_disclosure(db, action: AuditAction, table: str, record_id: object, details: Mapping[str, Any]) -> None:
    """The same, in its own transaction: for work done in a read-only session (an export)."""
    with db.transaction() as s:
        record_disclosure(s, action, table, record_id, details)


def audit_batch(conn: Connection, actor: str, batch_id: int, table: str, summary: Mapping[str, Any]) -> None:
    """One entry standing for the rows a batch inserted: they carry import_batch_id, so the row
    itself holds the new values and the batch says who and when."""
    append(conn, [_entry(actor, AuditAction.INSERT, table, f"batch:{batch_id}",
                         {k: jsonable(v) for k, v in summary.items()}, utcnow(), batch_id)])


# ---- the chain: append-only, each entry tied to the one before ---------------------------------

CHAIN_KEY = "audit_chain"
_PG_AUDIT_LOCK = 0x41756469  # "Audi": one appender at a time on a shared server


def chain_hash(key: bytes, previous: str, entry: Mapping[str, Any]) -> str:
    """HMAC-SHA256 over the previous link and the entry's content (not its id: the link to the
    previous entry already fixes its place)."""
    import hashlib
    import hmac
    import json

    at = entry["at"]
    body = json.dumps([previous, at.isoformat(timespec="microseconds") if at else None, entry["actor"],
                       str(entry["action"].value if isinstance(entry["action"], enum.Enum) else entry["action"]),
                       entry["table_name"], entry["record_id"], entry.get("batch_id"), entry["changes"]],
                      sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def _chain_key(conn: Connection) -> bytes:
    value = conn.execute(select(AppSecret.value).where(AppSecret.name == CHAIN_KEY)).scalar()
    if value is None:
        import secrets

        value = secrets.token_hex(32)
        conn.execute(insert(AppSecret), [{"name": CHAIN_KEY, "value": value}])
    return bytes.fromhex(value)


def append(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert audit entries at the end of the chain. The chain's end is read under the write
    lock, so two writers cannot both link to the same entry."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        # A write statement takes SQLite's write lock now, before the end of the chain is read.
        conn.execute(text("UPDATE app_secret SET value = value WHERE 0"))
    else:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k, hashtext(current_schema()))"), {"k": _PG_AUDIT_LOCK})
    key = _chain_key(conn)
    previous = conn.execute(select(AuditEntry.chain).order_by(AuditEntry.id.desc()).limit(1)).scalar() or ""
    for row in rows:
        previous = row["chain"] = chain_hash(key, previous, row)
    conn.execute(insert(AuditEntry), rows)


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_broken: int | None  # the id of the first entry that does not follow from the one before
    unchained: int  # entries from before chaining began

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def verify_chain(session: Session, block: int = 5000) -> ChainReport:
    """Walk the trail in id order and recompute every link. An edited entry breaks its own link;
    a removed one breaks the link of the entry after it."""
    conn = session.connection()
    key_text = conn.execute(select(AppSecret.value).where(AppSecret.name == CHAIN_KEY)).scalar()
    checked = unchained = 0
    previous: str | None = None
    last_id = 0
    cols = (AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.table_name,
            AuditEntry.record_id, AuditEntry.batch_id, AuditEntry.changes, AuditEntry.chain)
    while True:
        rows = conn.execute(select(*cols).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(block)).all()
        if not rows:
            return ChainReport(checked, None, unchained)
        for r in rows:
            last_id = r.id
            if r.chain is None and previous is None:
                unchained += 1
                continue
            if key_text is None or r.chain is None:
                return ChainReport(checked, r.id, unchained)
            expected = chain_hash(bytes.fromhex(key_text), previous or "", r._mapping)
            if expected != r.chain:
                return ChainReport(checked, r.id, unchained)
            previous = r.chain
            checked += 1
