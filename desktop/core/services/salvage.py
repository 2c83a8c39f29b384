"""Salvage: copy what can still be read from a damaged registry into a new file.

What sqlite3's `.recover` does, in Python, because an office PC has no sqlite3 program: the schema
is read from the damaged file, then each table row-range by row-range in rowid order, reading the
table itself (never an index, which may be what is damaged). Where a read fails the scan steps over
the damaged stretch (doubling its stride, then narrowing back to the first readable row), so one
bad page costs the rows on it and nothing more. Indexes are built afresh in the new file. The
report says, table by table, how many rows were saved and which rowid ranges could not be read."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.db import cipher
from desktop.core.errors import StorageError
from desktop.core.i18n import number, t
from desktop.core.io.outputs import Pending
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled
from desktop.core.services.backup_files import read_only

BLOCK = 2000
MIN_ROWID, MAX_ROWID = -(2**63), 2**63 - 1


@dataclass
class TableSalvage:
    name: str
    rows: int = 0
    lost: list[tuple[int, int | None]] = field(default_factory=list)  # rowid ranges; None: to the end
    rejected: int = 0  # read, but not storable (garbage that broke a NOT NULL or CHECK rule)


@dataclass
class SalvageReport:
    target: Path
    tables: list[TableSalvage]
    indexes_failed: list[str]
    orphans: int  # rows whose parent row was lost
    seconds: float

    @property
    def complete(self) -> bool:
        return not any(tb.lost or tb.rejected for tb in self.tables) and not self.indexes_failed

    def lines(self) -> list[str]:
        """The report in the user's words: first what was lost, then the totals."""
        out = []
        for tb in self.tables:
            if tb.lost:
                ranges = ", ".join(f"{a}-{b if b is not None else '…'}" for a, b in tb.lost[:5])
                out.append(t("salvage.lost", table=tb.name, ranges=ranges, rows=number(tb.rows)))
            if tb.rejected:
                out.append(t("salvage.rejected", table=tb.name, count=number(tb.rejected)))
        out.extend(t("salvage.index_failed", index=name) for name in self.indexes_failed)
        if self.orphans:
            out.append(t("salvage.orphans", count=number(self.orphans)))
        out.append(t("salvage.total", rows=number(sum(tb.rows for tb in self.tables)), path=str(self.target),
                     tables=len(self.tables)))
        return out


def salvage(source: Path, target: Path | str, progress: Progress = NULL_PROGRESS) -> SalvageReport:
    """Read what can be read from `source` into the new file `target` (which must not exist as a
    database, nor be the registry: the usual output rules apply)."""
    started = time.monotonic()
    pending = Pending(target, "db")
    try:
        key = cipher.key_for(source)  # what is saved from an encrypted registry stays encrypted
        src = _Reader(source)
    except cipher.errors() as exc:
        raise StorageError("salvage.unreadable", path=str(source), reason=str(exc)) from None
    try:
        try:
            objects = src.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                  "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
        except cipher.database_errors() as exc:
            raise StorageError("salvage.unreadable", path=str(source), reason=str(exc)) from None
        virtual = [o[1] for o in objects if o[0] == "table" and _is_virtual(o[3])]
        # A virtual table (the search index) keeps its data in shadow tables of its own: it is
        # created empty and refilled by its triggers as the rows come in, never copied.
        tables = [o for o in objects if o[0] == "table" and not _is_virtual(o[3])
                  and not any(o[1].startswith(f"{v}_") for v in virtual)]
        progress.start(len(tables) + 1, t("salvage.progress"))
        dst = cipher.connect(pending.temp, key)
        try:
            dst.execute("PRAGMA journal_mode = OFF")  # a new file: on failure it is thrown away whole
            dst.execute("PRAGMA foreign_keys = OFF")
            for _type, _name, _tbl, sql in tables:
                dst.execute(sql)
            for kind, _name, _tbl, sql in objects:
                if kind == "trigger" or (kind == "table" and _is_virtual(sql)):
                    dst.execute(sql)
            results = []
            for _type, name, _tbl, sql in tables:
                check_cancelled(progress)
                results.append(_copy_table(src, dst, name, without_rowid="WITHOUT ROWID" in sql.upper()))
                dst.commit()
                progress.advance()
            failed = []
            for kind, name, _tbl, sql in objects:
                if kind in ("table", "trigger"):
                    continue
                try:
                    dst.execute(sql)
                except cipher.errors():  # a unique index over rows the damage garbled
                    failed.append(name)
            dst.commit()
            orphans = len(dst.execute("PRAGMA foreign_key_check").fetchall())
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        progress.advance()
        pending.commit()
    except BaseException:
        pending.discard()
        raise
    finally:
        src.close()
    return SalvageReport(pending.target, results, failed, orphans, time.monotonic() - started)


class _Reader:
    """The damaged file, read through a fresh connection after each failed read: SQLCipher
    refuses every later read on a connection that met a page whose HMAC did not match."""

    def __init__(self, path: Path) -> None:
        self.path, self.conn = path, read_only(path)

    def execute(self, sql: str, params: tuple = ()) -> _Rows:
        try:
            return _Rows(self, self.conn.execute(sql, params))
        except cipher.database_errors():
            self.renew()
            raise

    def renew(self) -> None:
        self.conn.close()
        self.conn = read_only(self.path)

    def close(self) -> None:
        self.conn.close()


class _Rows:
    def __init__(self, reader: _Reader, cursor) -> None:
        self.reader, self.cursor = reader, cursor

    def __iter__(self):
        try:
            yield from self.cursor
        except cipher.database_errors():
            self.reader.renew()
            raise

    def fetchone(self):
        return next(iter(self), None)

    def fetchall(self) -> list:
        return list(self)


def _is_virtual(sql: str) -> bool:
    return sql.lstrip().upper().startswith("CREATE VIRTUAL")


def salvage_registry(db, target: Path | str, progress: Progress = NULL_PROGRESS) -> SalvageReport:
    """Salvage the registry `db` is opened on (SQLite only)."""
    if db.file is None:
        raise StorageError("salvage.sqlite_only")
    return salvage(db.file, target, progress)


def _copy_table(src: _Reader, dst: sqlite3.Connection, table: str, *,
                without_rowid: bool = False) -> TableSalvage:
    result = TableSalvage(table)
    width = len(src.execute(f'PRAGMA table_info("{table}")').fetchall())
    insert = f'INSERT INTO "{table}" VALUES ({", ".join("?" * width)})'
    if without_rowid:  # no rowid to step by: all or what came before the damage
        rows: list = []
        try:
            for row in src.execute(f'SELECT * FROM "{table}"'):
                rows.append(row)
        except cipher.database_errors():
            result.lost.append((len(rows), None))
        _store(dst, insert, rows, result)
        return result
    select = f'SELECT rowid, * FROM "{table}" NOT INDEXED WHERE rowid >= ? ORDER BY rowid LIMIT {BLOCK}'
    pos = MIN_ROWID
    while True:
        rows: list = []
        failed = False
        try:
            for row in src.execute(select, (pos,)):
                rows.append(row)
        except cipher.database_errors():
            failed = True  # the rows read before the damage are kept
        if rows:
            _store(dst, insert, [r[1:] for r in rows], result)
            pos = rows[-1][0] + 1
        if not failed:
            if len(rows) < BLOCK:
                return result
            continue
        resume = _next_readable(src, table, pos)
        result.lost.append((pos, None if resume is None else resume - 1))
        if resume is None:
            return result
        pos = resume


def _store(dst: sqlite3.Connection, insert: str, rows: list, result: TableSalvage) -> None:
    try:
        dst.executemany(insert, rows)
        result.rows += len(rows)
    except cipher.errors():
        for row in rows:  # one garbled row must not cost its neighbours
            try:
                dst.execute(insert, row)
                result.rows += 1
            except cipher.errors():
                result.rejected += 1


def _first_from(src: _Reader, table: str, pos: int) -> tuple[bool, int | None]:
    """(readable, first rowid at or after `pos`)."""
    try:
        row = src.execute(f'SELECT rowid FROM "{table}" NOT INDEXED WHERE rowid >= ? ORDER BY rowid LIMIT 1',
                          (pos,)).fetchone()
    except cipher.database_errors():
        return False, None
    return True, row[0] if row else None


def _next_readable(src: _Reader, table: str, pos: int) -> int | None:
    """The first rowid after the damaged stretch that starts at `pos`; None when nothing after
    it can be read. Strides double until a seek succeeds, then bisection finds the edge."""
    bad, step = pos, 1
    while True:
        probe = min(pos + step, MAX_ROWID)
        readable, first = _first_from(src, table, probe)
        if readable:
            break
        if probe == MAX_ROWID:
            return None
        bad, step = probe, step * 2
    low, high = bad, probe  # unreadable at low, readable at high
    while high - low > 1:
        mid = (low + high) // 2
        if _first_from(src, table, mid)[0]:
            high = mid
        else:
            low = mid
    return _first_from(src, table, high)[1]
