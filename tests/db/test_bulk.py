import datetime as dt

import pytest
from sqlalchemy import inspect, select

from desktop.core.db import bulk
from desktop.core.db.models import Family


def plain_indexes(conn, table: str) -> set[str]:
    return {ix["name"] for ix in inspect(conn).get_indexes(table) if not ix["unique"]}


def test_insert_values_stores_what_the_orm_stores(db):
    at = dt.datetime(2026, 11, 22, 8, 30, 15, 250)
    values = {"no_kk": "6402061203150007", "desil": 3, "desil_as_of": dt.date(2026, 10, 1),
              "desil_source": "DTSEN", "created_at": at, "updated_at": at, "desa_code": "64.02.06.1001"}
    with db.transaction() as s:
        bulk.insert_values(s.connection(), Family, list(values), [tuple(values.values())])
        s.add(Family(**(values | {"no_kk": "6402061203150008"})))
    with db.read() as s:
        bulk_row, orm_row = s.scalars(select(Family).order_by(Family.no_kk)).all()
        assert {k: getattr(bulk_row, k) for k in values} == values
        if db.is_sqlite:  # the very same text in the file, so comparisons and sorting agree
            raw = s.connection().exec_driver_sql("SELECT desil_as_of, created_at FROM family ORDER BY no_kk").all()
            assert raw[0] == raw[1]
        assert orm_row.created_at == bulk_row.created_at


def test_indexes_are_deferred_only_for_a_load_that_dominates_its_table(db, monkeypatch):
    monkeypatch.setattr(bulk, "DEFER_INDEXES_MIN_ROWS", 3)
    with db.transaction() as s:
        conn = s.connection()
        everything = plain_indexes(conn, "family")
        assert {"ix_family_desa_code", "ix_family_import_batch_id"} <= everything
        with bulk.indexes_deferred(conn, Family, 2):  # too small to bother
            assert plain_indexes(conn, "family") == everything
        with bulk.indexes_deferred(conn, Family, 5):
            assert plain_indexes(conn, "family") == (set() if db.is_sqlite else everything)
            now = dt.datetime(2026, 11, 22)
            bulk.insert_values(conn, Family, ["no_kk", "created_at", "updated_at"],
                               [(f"640206120315{i:04d}", now, now) for i in range(1, 6)])
        assert plain_indexes(conn, "family") == everything
        with bulk.indexes_deferred(conn, Family, 4):  # fewer than the 5 rows already there
            assert plain_indexes(conn, "family") == everything


def test_constants_written_into_the_statement_read_back_as_bound_values(db):
    if not db.is_sqlite:
        pytest.skip("the statement text is SQLite's path; elsewhere constants are bound")
    at = dt.datetime(2026, 11, 22, 8, 30, 15, 250)
    constants = {"desil_source": "DTSEN 'Agustus'", "created_at": at, "updated_at": at, "desil": 2}
    sql = bulk.insert_sql(Family, ["no_kk"], constants)
    assert sql.count("?") == 1 and "'DTSEN ''Agustus'''" in sql
    with db.transaction() as s:
        s.connection().exec_driver_sql(sql, [("6402061203150007",), ("6402061203150008",)])
    with db.read() as s:
        rows = s.scalars(select(Family).order_by(Family.no_kk)).all()
        assert [(f.desil_source, f.created_at, f.desil) for f in rows] == [("DTSEN 'Agustus'", at, 2)] * 2
