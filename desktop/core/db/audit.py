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
from typing import Any

from sqlalchemy import Connection, event, inspect, insert
from sqlalchemy.orm import Session

from desktop.core.db.base import utcnow
from desktop.core.db.models.audit import AuditEntry
from desktop.core.domain.enums import AuditAction

# Derived or bookkeeping columns: their change says nothing a reader needs.
_SKIP = frozenset({"created_at", "updated_at", "name_key"})


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


def _columns(obj: Any) -> Iterable[tuple[str, str]]:
    mapper = inspect(obj).mapper
    for attr in mapper.column_attrs:
        if attr.key not in _SKIP:
            yield attr.key, attr.columns[0].name


def _entry(actor: str, action: AuditAction, table: str, record_id: str,
           changes: Mapping[str, Any], at: dt.datetime, batch_id: int | None = None) -> dict[str, Any]:
    return {"at": at, "actor": actor, "action": action, "table_name": table,
            "record_id": record_id, "changes": dict(changes), "batch_id": batch_id}


def actor_of(session: Session) -> str:
    """The user recorded for this unit of work (Database.transaction sets it)."""
    return session.info.get("actor", "system")


def _after_flush(session: Session, _ctx: Any) -> None:
    actor = actor_of(session)
    batch = session.info.get("batch_id")  # set while an import (or its undo) works
    at = utcnow()
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, AuditEntry):
            continue
        changes = {col: [None, jsonable(getattr(obj, key))] for key, col in _columns(obj)
                   if getattr(obj, key) is not None}
        rows.append(_entry(actor, AuditAction.INSERT, obj.__tablename__, _record_id(obj), changes, at, batch))
    for obj in session.dirty:
        if isinstance(obj, AuditEntry) or not session.is_modified(obj, include_collections=False):
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
                changes[col] = [jsonable(old), jsonable(new)]
        if changes:
            rows.append(_entry(actor, AuditAction.UPDATE, obj.__tablename__, _record_id(obj), changes, at, batch))
    for obj in session.deleted:
        if isinstance(obj, AuditEntry):
            continue
        changes = {col: [jsonable(getattr(obj, key)), None] for key, col in _columns(obj)
                   if getattr(obj, key) is not None}
        rows.append(_entry(actor, AuditAction.DELETE, obj.__tablename__, _record_id(obj), changes, at, batch))
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def install_audit_hooks(session_class: type[Session]) -> None:
    event.listen(session_class, "after_flush", _after_flush)


def audit_rows(conn: Connection, actor: str, table: str, ids: Sequence[Any],
               rows: Sequence[Mapping[str, Any]], action: AuditAction = AuditAction.INSERT) -> None:
    """Audit entries for rows written with Core bulk statements (`rows[i]` has id `ids[i]`)."""
    at = utcnow()
    conn.execute(insert(AuditEntry), [
        _entry(actor, action, table, str(pk),
               {k: [None, jsonable(v)] for k, v in row.items() if v is not None and k not in _SKIP}, at)
        for pk, row in zip(ids, rows, strict=True)
    ])


def record_disclosure(session: Session, action: AuditAction, table: str, record_id: object,
                      details: Mapping[str, Any]) -> None:
    """A print or an export of personal data: who, when, what, and how (full or masked NIK, rows)."""
    session.add(AuditEntry(actor=actor_of(session), action=action, table_name=table,
                           record_id=str(record_id), changes={k: jsonable(v) for k, v in details.items()}))
    session.flush()


def log_disclosure(db, action: AuditAction, table: str, record_id: object, details: Mapping[str, Any]) -> None:
    """The same, in its own transaction: for work done in a read-only session (an export)."""
    with db.transaction() as s:
        record_disclosure(s, action, table, record_id, details)


def audit_batch(conn: Connection, actor: str, batch_id: int, table: str, summary: Mapping[str, Any]) -> None:
    """One entry standing for the rows a batch inserted: they carry import_batch_id, so the row
    itself holds the new values and the batch says who and when."""
    conn.execute(insert(AuditEntry), [_entry(actor, AuditAction.INSERT, table, f"batch:{batch_id}",
                                             {k: jsonable(v) for k, v in summary.items()}, utcnow(), batch_id)])
