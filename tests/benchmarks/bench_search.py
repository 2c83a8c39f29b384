"""Search as you type on a 200,000-person registry: keystroke to rows shown, beside a floor.

Run on demand:  python tests/benchmarks/bench_search.py [--persons N] [--repeats N] [--before]
                                                          [--insert-cost N]

The registry is seeded once (persons as bench_persons_list seeds them, but with the demo's street
addresses, one per family) and cached under /tmp/simpul-bench-search, keyed by the schema and the
search index's code. `--insert-cost N` times a bulk insert of N persons without the index, with
its row-by-row trigger and with the index filled after the insert (search_index.deferred).

A keystroke is measured as the persons page runs it on the database worker: the first screen
(first_person_ids, then the rows of those ids, in one read session: what the list shows; the page
adds a queued signal and a model reset of 50 rows), then the whole id list (person_ids: the count
and the scroll bar). The floor is the first screen without a search: 50 ids in name order and
their rows, measured between the keystrokes of the same run. Printed: p50/p95 of both, wall and
CPU time (the machine may be shared), over every keystroke of a few typed queries and over typical
final queries (each repeated), and per query with the number of rows found; `--before` adds the
scan the list ran before the index (the old LIKE conditions), once per query.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import or_, select  # noqa: E402

from desktop.core.db import schema, search_index  # noqa: E402
from desktop.core.db.bulk import bulk_insert  # noqa: E402
from desktop.core.db.engine import open_database  # noqa: E402
from desktop.core.db.models import Person  # noqa: E402
from desktop.core.domain.people import name_key  # noqa: E402
from desktop.core.services.first_screen import SCREEN, first_person_ids  # noqa: E402
from desktop.core.services.lists import PersonFilter, person_ids, person_rows  # noqa: E402

CACHE = Path("/tmp/simpul-bench-search")
DESA = "64.02.06.1005"
# (label, text, desa): what an operator types and stops at.
TYPICAL = [
    ("a name", "siti rahayu", None),
    ("a name", "budi santoso", None),
    ("part of a name", "hayu", None),
    ("two-letter word + name", "gg siti", None),
    ("two-letter word", "gg", None),
    ("street", "jl. gunung", None),
    ("street + number", "pesut no 12", None),
    ("desa + word", "gunung", DESA),
    ("desa + name", "slamet", DESA),
]
# Every keystroke of these (text, desa).
TYPED = [("siti rahayu", None), ("jl. gunung", None), ("gg siti", None), ("hayu", None), ("gunung", DESA)]


def db_path(persons: int) -> Path:
    import inspect

    # What the cached file holds: the index's DDL and text (not the search code, which may change).
    code = "".join(search_index._sqlite_ddl()) + search_index.SEPARATORS + inspect.getsource(registry)
    key = hashlib.sha1((code + schema.HEAD_REVISION).encode()).hexdigest()[:10]
    return CACHE / f"persons-{persons}-{key}.db"


def registry(path: Path, persons: int, *, index: str = "deferred"):
    """A fresh registry of `persons`; seconds of the bulk insert, with the search index kept by its
    triggers row by row ("trigger"), filled after the insert ("deferred", as imports do) or "none"."""
    from desktop.core.services.demo import STREETS
    from desktop.core.services.office import desa_list, init_office
    from tests.benchmarks.bench_registry import make_rows

    db = open_database(path)
    schema.upgrade(db)
    init_office(db, "64.02.06")
    if index == "none":
        with db.engine.begin() as conn:
            for trigger in ("ai", "ad", "au"):
                conn.exec_driver_sql(f"DROP TRIGGER {search_index.TABLE}_{trigger}")
    with db.read() as s:
        desa = [(r.code, r.name) for r in desa_list(s)]
    rows = make_rows(persons, desa)
    rng, address = random.Random(7), None
    for row in rows:  # one street address per family, as the demo gives
        if row["relationship_code"] == 1 or address is None:
            address = f"{rng.choice(STREETS)} No. {rng.randint(1, 120)}"
        row["address"] = address
    t = time.perf_counter()
    with db.transaction("bench") as s:
        conn = s.connection()
        with search_index.deferred(conn) if index == "deferred" else contextlib.nullcontext():
            bulk_insert(conn, Person, rows, "bench", audit=False)
    seconds = time.perf_counter() - t
    db.dispose()
    return seconds


def seed(path: Path, persons: int) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"persons-{persons}-*.db*"):
        old.unlink()
    part = path.with_name(path.name + ".part")
    part.unlink(missing_ok=True)
    seconds = registry(part, persons)
    part.rename(path)
    print(f"seeded {persons:,} persons once (cached): bulk insert {seconds:.1f} s, search index filled after it")


def insert_cost(persons: int) -> None:
    """The bulk insert without the index, with its row-by-row trigger, and deferred (median of 3)."""
    import tempfile

    kinds = ("none", "trigger", "deferred")
    with tempfile.TemporaryDirectory() as tmp:
        runs: dict[str, list[float]] = {k: [] for k in kinds}
        for n in range(3):
            for kind in kinds:  # interleaved: a busy moment of the machine hits all three
                runs[kind].append(registry(Path(tmp) / f"{kind}-{n}.db", persons, index=kind))
    base = statistics.median(runs["none"])
    print(f"bulk insert of {persons:,} persons (median of 3):")
    for kind in kinds:
        m = statistics.median(runs[kind])
        print(f"  search index {kind:9} {m:7.2f} s  {m / base:5.2f}x   runs: "
              + ", ".join(f"{x:.2f}" for x in runs[kind]))
    print()


def old_scan(text: str, desa: str | None):
    """The list's query before the index: LIKE on every row (a two-letter word on names only)."""
    stmt = select(Person.id)
    for w in name_key(text).split(" "):
        like = f"%{w}%"
        stmt = stmt.where(or_(Person.name_key.like(like), Person.address.like(like)) if len(w) >= 3
                          else Person.name_key.like(like))
    if desa:
        stmt = stmt.where(Person.desa_code == desa)
    return stmt.order_by(Person.name_key, Person.id)


def keystroke(db, text: str, desa: str | None) -> tuple[float, float, float, float, int]:
    """As the persons page runs a keystroke on the database worker: the first screen (ids and
    rows, one read session: what the list shows), then the whole id list (the count, the scroll
    bar). (first screen wall ms, CPU ms, until the count wall ms, CPU ms, rows found); CPU time is
    what a busy machine does not inflate."""
    f = PersonFilter(text=text, desa_code=desa)
    t, c = time.perf_counter(), time.process_time()
    with db.read() as s:
        screen = first_person_ids(s, f)
        person_rows(s, screen.ids)
    first = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
    found = len(screen.ids)
    if not screen.complete:
        with db.read() as s:
            found = len(person_ids(s, f))
    return (*first, (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000, found)


def floor(db) -> tuple[float, float]:
    """The first screen of the list without a search: 50 ids in name order and their rows."""
    t, c = time.perf_counter(), time.process_time()
    with db.read() as s:
        ids = list(s.scalars(select(Person.id).order_by(Person.name_key, Person.id).limit(SCREEN)))
        person_rows(s, ids)
    return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(round(q * len(ordered))) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--before", action="store_true", help="also time the scan the list ran before the index")
    parser.add_argument("--insert-cost", type=int, metavar="N", help="first time a bulk insert of N persons "
                        "without the index, with its trigger, and deferred")
    args = parser.parse_args()
    if args.insert_cost:
        insert_cost(args.insert_cost)
    path = db_path(args.persons)
    if not path.exists():
        seed(path, args.persons)
    db = open_database(path)
    print(f"{args.persons:,} persons ({path.stat().st_size / 1e6:.0f} MB file); a keystroke = ids in name order "
          f"+ the first {SCREEN} rows, each in its own read session\n")
    for text, desa in [(t, d) for _, t, d in TYPICAL]:  # warm the page cache; not counted
        keystroke(db, text, desa)
    floors, typical, per_query = [], [], []
    for label, text, desa in TYPICAL:
        samples, found = [], 0
        for _ in range(args.repeats):
            floors.append(floor(db))
            *ms, found = keystroke(db, text, desa)
            samples.append(tuple(ms))
        typical += samples
        per_query.append((label, text, desa, found, samples))
    typed, per_typed = [], []
    for word, desa in TYPED:
        samples = []
        for n in range(1, len(word) + 1):
            floors.append(floor(db))
            *ms, found = keystroke(db, word[:n], desa)
            samples.append(tuple(ms))
        typed += samples
        per_typed.append((word, desa, samples))
    fw, fc = statistics.median(w for w, _ in floors), statistics.median(c for _, c in floors)

    def row(name: str, samples: list[tuple[float, ...]], at: int = 0) -> str:
        wall, cpu = [s[at] for s in samples], [s[at + 1] for s in samples]
        return (f"{name:46} {statistics.median(wall):7.1f} {pct(wall, 0.95):7.1f} {statistics.median(cpu):7.1f} "
                f"{pct(cpu, 0.95):7.1f} {pct(wall, 0.95) / fw:7.1f}x {pct(cpu, 0.95) / fc:6.1f}x")

    print(f"{'':46} {'wall ms':>15} {'CPU ms':>15} {'p95 / floor p50':>15}")
    print(f"{'':46} {'p50':>7} {'p95':>7} {'p50':>7} {'p95':>7} {'wall':>8} {'CPU':>7}")
    print(row(f"floor: first screen of {SCREEN}, no search", [(w, c, w, c) for w, c in floors]))
    print("keystroke -> first screen (ids and rows in the model)")
    print(row(f"  every keystroke of {len(TYPED)} typed queries ({len(typed)})", typed))
    for word, desa, samples in per_typed:
        print(row(f"    {word!r}" + (" in one desa" if desa else ""), samples))
    print(row(f"  typical final queries ({len(typical)})", typical))
    print("keystroke -> whole list and count (on the worker, after the first screen)")
    print(row(f"  every keystroke of {len(TYPED)} typed queries ({len(typed)})", typed, 2))
    print(row(f"  typical final queries ({len(typical)})", typical, 2))
    print(f"\n{'query':44} {'rows':>8} {'first p50':>9} {'whole p50':>9} {'CPU':>6}"
          + (f" {'before ms':>10}" if args.before else ""))
    for label, text, desa, found, samples in per_query:
        name = f"{label}: {text!r}" + (" in one desa" if desa else "")
        line = (f"{name:44} {found:8,} {statistics.median(s[0] for s in samples):9.1f} "
                f"{statistics.median(s[2] for s in samples):9.1f} {statistics.median(s[1] for s in samples):6.1f}")
        if args.before:
            t = time.perf_counter()
            with db.read() as s:
                ids = list(s.scalars(old_scan(text, desa)))
                person_rows(s, ids[:SCREEN])
            line += f" {(time.perf_counter() - t) * 1000:10.0f}"
        print(line)
    db.dispose()


if __name__ == "__main__":
    main()
