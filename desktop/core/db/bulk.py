"""Bulk writes through SQLAlchemy Core (several times faster than ORM objects), still audited."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Enum, func, insert, select

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
    """Insert many rows (dicts with the same keys) without RETURNING, as fast as the driver allows."""
    if not rows:
        return
    names = list(rows[0])
    insert_values(conn, model, names, [tuple(r[n] for n in names) for r in rows])


def insert_values(conn: Connection, model: type[Base], names: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert many rows given as tuples of Python values in `names` order, without RETURNING.

    On SQLite the statement goes straight to the driver's executemany, with the forms SQLAlchemy
    itself stores (ISO text for dates, an enum's value), so rows read back the same either way.
    Elsewhere it is a Core executemany."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(model.__table__), [dict(zip(names, r)) for r in rows])
        return
    conn.exec_driver_sql(insert_sql(model, names), sqlite_rows(model, names, list(zip(*rows))))


def insert_sql(model: type[Base], names: Sequence[str], constants: Mapping[str, Any] | None = None) -> str:
    """The plain INSERT for the driver's executemany (SQLite). One row per statement: SQLite then
    needs no statement journal, which makes it faster than several rows per INSERT. `constants`
    (the same for every row: a batch's stamp) are written into the statement, not bound per row."""
    constants = constants or {}
    values = ["?"] * len(names) + [_sqlite_literal(_sqlite_form(v)) for v in constants.values()]
    return f"INSERT INTO {model.__table__.name} ({', '.join([*names, *constants])}) VALUES ({', '.join(values)})"


def _sqlite_literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (bool, int)):
        return str(int(value))
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {type(value).__name__}")


def sqlite_rows(model: type[Base], names: Sequence[str], columns: Sequence[Sequence[Any]]) -> list[tuple]:
    """Rows for SQLite's driver from columns of Python values (one per name, all of one length).
    Dates, timestamps and enums take the forms SQLAlchemy itself stores, converted once per
    distinct value (a batch shares one timestamp; birth dates repeat), not once per cell."""
    table = model.__table__
    columns = list(columns)
    for i, name in enumerate(names):
        if _needs_sqlite_form(table.c[name]):
            forms = {v: _sqlite_form(v) for v in set(columns[i])}
            columns[i] = list(map(forms.__getitem__, columns[i]))
    return list(zip(*columns))


def _needs_sqlite_form(column) -> bool:
    """Dates, timestamps and enums: the column types whose values the driver cannot take as they are."""
    if isinstance(column.type, Enum):
        return True
    try:
        return column.type.python_type in (dt.date, dt.datetime)
    except NotImplementedError:
        return False


@functools.lru_cache(maxsize=1 << 16)  # birth dates repeat across chunks; a batch has one timestamp
def _sqlite_form(value: Any) -> Any:
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


DEFER_INDEXES_MIN_ROWS = 5000


@contextlib.contextmanager
def indexes_deferred(conn: Connection, model: type[Base], incoming: int) -> Iterator[None]:
    """Around a load that at least doubles a table on SQLite: drop the table's plain secondary
    indexes, and build them again once the rows are in. Sorting once is cheaper than keeping
    each index in order row by row (about 0.4 s of 1 s for 100,000 persons).

    Safe because SQLite DDL is transactional: the drop and the rebuild belong to the caller's
    transaction, so a cancel or an error rolls them back with the rows, other connections never
    see the table without its indexes (WAL readers keep their snapshot), and a crash leaves the
    file as it was. The caller must roll back on an error, as Database.transaction() does.
    UNIQUE constraints and the primary key stay in place and are checked row by row as always."""
    if conn.dialect.name != "sqlite" or incoming < DEFER_INDEXES_MIN_ROWS:
        yield
        return
    table = model.__table__.name
    if conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() > incoming:
        yield
        return
    plain = {name for _seq, name, unique, origin, _partial in conn.exec_driver_sql(f'PRAGMA index_list("{table}")')
             if not unique and origin == "c"}
    definitions = [(name, sql) for name, sql in conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table,)) if name in plain]
    for name, _sql in definitions:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in definitions:
        conn.exec_driver_sql(sql)
