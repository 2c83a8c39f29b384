"""Registry at scale: insert 200,000 persons, then search by name and count with filters.

Run on demand (not part of the test suite):  python tests/benchmarks/bench_registry.py [--persons N]

Prints medians of --runs fresh databases for:
- the baseline: SQLite's own executemany of the same rows into the same table (stdlib sqlite3);
- Simpul's bulk path (SQLAlchemy Core insert + RETURNING ids), without and with the audit rows
  every service write carries;
- a name search as the list runs it (first 100 rows, and the total count), and filtered counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import and_, func, select

from desktop.core.db import schema
from desktop.core.db.bulk import bulk_insert
from desktop.core.db.engine import open_database
from desktop.core.db.models import Person
from desktop.core.services.demo import _Generator, _Ids  # the demo's realistic person rows
from desktop.core.services.office import desa_list, init_office

TODAY = dt.date(2026, 11, 22)


def make_rows(n: int, desa: list[tuple[str, str]]) -> list[dict]:
    rng = random.Random(42)
    gen = _Generator(rng, TODAY, desa, "64.02.06", ["64.02.01"], ["35.07.01"], _Ids(set()), {})
    rows: list[dict] = []
    while len(rows) < n:
        address = {"address": "Jl. Pesut No. 1", "desa_code": rng.choice(desa)[0], "dusun": None,
                   "rt": f"{rng.randint(1, 18):03d}", "rw": f"{rng.randint(1, 6):03d}", "religion": 1}
        for m in gen._members(address):
            m["family_id"] = None
            rows.append(m)
    return rows[:n]


def fresh_db(folder: Path, name: str):
    db = open_database(folder / f"{name}.db")
    schema.upgrade(db)
    init_office(db, "64.02.06")
    return db


def time_baseline(folder: Path, rows: list[dict], run: int) -> float:
    db = fresh_db(folder, f"baseline-{run}")
    db.dispose()
    cols = list(rows[0].keys()) + ["created_at", "updated_at"]
    now = dt.datetime(2026, 11, 22).isoformat(" ")

    def plain(v):
        return v.isoformat() if isinstance(v, dt.date) else v

    tuples = [tuple(plain(r[c]) for c in cols[:-2]) + (now, now) for r in rows]
    con = sqlite3.connect(folder / f"baseline-{run}.db")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    sql = f"INSERT INTO person ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    start = time.perf_counter()
    with con:
        con.executemany(sql, tuples)
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def time_simpul(folder: Path, rows: list[dict], run: int, audit: bool):
    db = fresh_db(folder, f"simpul-{'audit' if audit else 'plain'}-{run}")
    start = time.perf_counter()
    with db.transaction("bench") as s:
        bulk_insert(s.connection(), Person, rows, "bench", audit=audit)
    elapsed = time.perf_counter() - start
    return elapsed, db


def time_queries(db, repeats: int = 20) -> dict[str, float]:
    def median_ms(stmt) -> float:
        with db.read() as s:
            s.execute(stmt).all()  # warm-up
            samples = []
            for _ in range(repeats):
                t = time.perf_counter()
                s.execute(stmt).all()
                samples.append((time.perf_counter() - t) * 1000)
        return statistics.median(samples)

    born_before = TODAY.replace(year=TODAY.year - 60)
    return {
        "name search, first 100 rows ('slamet')": median_ms(
            select(Person.id).where(Person.name_key.like("%SLAMET%")).order_by(Person.name_key).limit(100)),
        "name search, count ('slamet')": median_ms(
            select(func.count()).where(Person.name_key.like("%SLAMET%"))),
        "name search, count ('siti rahayu')": median_ms(
            select(func.count()).where(Person.name_key.like("%SITI RAHAYU%"))),
        "filtered count (desa + sex + 60 or older)": median_ms(
            select(func.count()).select_from(Person).where(and_(
                Person.desa_code == "64.02.06.1005", Person.sex == "P", Person.birth_date <= born_before))),
        "filtered count (desa + RT/RW)": median_ms(
            select(func.count()).select_from(Person).where(and_(
                Person.desa_code == "64.02.06.1005", Person.rt == "003", Person.rw == "002"))),
        "lookup by NIK": median_ms(select(Person.id).where(Person.nik == "6402061505850003")),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        probe = fresh_db(folder, "probe")
        with probe.read() as s:
            desa = [(r.code, r.name) for r in desa_list(s)]
        probe.dispose()
        t = time.perf_counter()
        rows = make_rows(args.persons, desa)
        print(f"{len(rows):,} person rows generated in {time.perf_counter() - t:.1f} s "
              f"(not timed below); {args.runs} runs each, fresh database per run\n")
        base, plain, audited, queries = [], [], [], None
        for run in range(args.runs):
            base.append(time_baseline(folder, rows, run))
            seconds, db = time_simpul(folder, rows, run, audit=False)
            plain.append(seconds)
            db.dispose()
            seconds, db = time_simpul(folder, rows, run, audit=True)
            audited.append(seconds)
            if queries is None:
                queries = time_queries(db)
            db.dispose()
        n = len(rows)
        b = statistics.median(base)
        print(f"{'insert':48} {'median s':>9} {'persons/s':>11} {'vs baseline':>12}")
        for label, samples in (("baseline: sqlite3 executemany", base),
                               ("Simpul bulk insert (Core + RETURNING)", plain),
                               ("Simpul bulk insert + audit rows", audited)):
            m = statistics.median(samples)
            runs = ", ".join(f"{x:.2f}" for x in samples)
            print(f"{label:48} {m:9.2f} {n / m:11,.0f} {m / b:11.1f}x   runs: {runs}")
        print(f"\n{'query on ' + format(n, ',') + ' persons':48} {'median ms':>9}  (20 executions)")
        for label, ms in (queries or {}).items():
            print(f"{label:48} {ms:9.2f}")


if __name__ == "__main__":
    main()
