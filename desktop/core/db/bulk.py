"""Bulk writes through SQLAlchemy Core (several times faster than ORM objects), still audited."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select

from desktop.core.db.audit import audit_rows
from desktop.core.db.base import Base


def bulk_insert(conn: Connection, model: type[Base], rows: Sequence[Mapping[str, Any]], actor: str,
                *, audit: bool = True) -> list[int]:
    """Insert rows in one statement batch and return their new ids in the order given."""
    if not rows:
        return []
    table = model.__table__
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids = list(conn.execute(stmt, list(rows)).scalars())
    if audit:
        audit_rows(conn, actor, table.name, ids, rows)
    return ids


def fast_insert(conn: Connection, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many rows without RETURNING, as fast as the driver allows. On SQLite the statement
    goes straight to the driver's executemany with SQLAlchemy's own value conversions (dates,
    enums, booleans), skipping per-row compilation; elsewhere it is a Core executemany."""
    if not rows:
        return
    table = model.__table__
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), list(rows))
        return
    columns = [c for c in table.columns if c.name in rows[0]]
    names = [c.name for c in columns]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    conn.exec_driver_sql(sql, [tuple(_sqlite_value(r[n]) for n in names) for r in rows])


def _sqlite_value(value: Any) -> Any:
    # The forms SQLAlchemy itself stores on SQLite, so rows read back the same either way.
    kind = type(value)
    if kind is dt.date:
        return value.isoformat()
    if kind is dt.datetime:
        return value.isoformat(" ", "microseconds")
    if isinstance(value, enum.Enum):
        return value.value
    return value


def next_ids(conn: Connection, model: type[Base], count: int) -> list[int]:
    """Ids for rows about to be inserted in this transaction. Only for SQLite, and only once the
    transaction has written something: from then on it holds the write lock, so no one else can
    take these ids before it commits."""
    table = model.__table__
    start = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
    return list(range(start, start + count))
