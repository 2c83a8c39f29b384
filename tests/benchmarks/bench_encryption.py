"""The cost of encryption at rest (issue 15 item 7): import a DTKS-shaped file of N rows into an
encrypted registry (SQLCipher 4, raw 256-bit key) and into a plain one, in the same run.

Run on demand:  python tests/benchmarks/bench_encryption.py [--rows 100000] [--runs 3]

Target: the encrypted import within 1.3x the plain one (median of the runs). The plain registry
opens as Simpul opens it (the stdlib sqlite3 module); a third column, the same plain file through
SQLCipher's own SQLite without a key, tells the cost of the cipher from the difference between
the two SQLite builds. The kinds take turns, each on a fresh copy of an initialised registry, so
that a busy machine slows all alike. Keys stay in a temporary folder (never the OS key store).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["SIMPUL_HOME"] = str(folder / "home")
        os.environ["SIMPUL_KEYSTORE_DIR"] = str(folder / "keys")
        bench(folder, args.rows, args.runs)


def bench(folder: Path, rows: int, runs: int) -> None:
    from desktop.core.db import cipher, schema
    from desktop.core.db.engine import open_database
    from desktop.core.services.imports import run_import
    from desktop.core.services.office import init_office
    from tests.benchmarks.dtks_file import write_xlsx

    key = secrets.token_bytes(32)
    templates = {"plain": folder / "plain.db", "encrypted": folder / "encrypted.db"}
    for kind, file in templates.items():
        db = open_database(file, key=key if kind == "encrypted" else None)
        schema.upgrade(db)
        init_office(db, "64.02.06")
        db.dispose()
    assert cipher.kind(templates["encrypted"]) == "encrypted" and cipher.kind(templates["plain"]) == "plain"
    source = folder / "dtks.xlsx"
    t = time.perf_counter()
    write_xlsx(source, rows)
    print(f"{rows:,} DTKS-shaped rows written in {time.perf_counter() - t:.1f} s (not timed below)")
    templates["sqlcipher-nokey"] = templates["plain"]
    times: dict[str, list[float]] = {kind: [] for kind in templates}
    ratios = []
    for run in range(runs):
        order = list(templates) if run % 2 == 0 else list(reversed(templates))
        for kind in order:
            target = folder / f"{kind}{run}.db"
            shutil.copy(templates[kind], target)
            db = (_through_sqlcipher(target) if kind == "sqlcipher-nokey" else
                  open_database(target, key=key if kind == "encrypted" else None))
            t = time.perf_counter()
            result = run_import(db, source, report_path=folder / f"report-{kind}{run}.xlsx")
            times[kind].append(time.perf_counter() - t)
            assert result.inserted == rows and result.rejected == 0, result.to_json()
            db.dispose()
            for leftover in folder.glob(f"{kind}{run}.db*"):
                leftover.unlink()
        ratios.append(times["encrypted"][-1] / times["plain"][-1])
        print(f"run {run + 1}: plain {times['plain'][-1]:.2f} s, encrypted {times['encrypted'][-1]:.2f} s, "
              f"ratio {ratios[-1]:.2f}x; plain through SQLCipher's SQLite {times['sqlcipher-nokey'][-1]:.2f} s")
    plain, sealed = statistics.median(times["plain"]), statistics.median(times["encrypted"])
    print(f"\nimport of {rows:,} rows, median of {runs} runs: plain {plain:.2f} s ({rows / plain:,.0f} rows/s), "
          f"encrypted {sealed:.2f} s ({rows / sealed:,.0f} rows/s)")
    print(f"encrypted / plain: {sealed / plain:.2f}x (median of run-by-run ratios {statistics.median(ratios):.2f}x; "
          f"target <= 1.30x)")
    nokey = statistics.median(times["sqlcipher-nokey"])
    print(f"the cipher alone (encrypted / the same SQLite build without a key): {sealed / nokey:.2f}x")


def _through_sqlcipher(file: Path):
    """A plain file opened with SQLCipher's bundled SQLite and no key, with Simpul's pragmas."""
    import sqlcipher3.dbapi2
    from sqlalchemy import create_engine, event
    from sqlalchemy.orm import sessionmaker
    from sqlalchemy.pool import NullPool

    from desktop.core.db import cipher
    from desktop.core.db.engine import BUSY_TIMEOUT_MS, AuditedSession, Database, _sqlite_pragmas, resolve_url

    url = resolve_url(file)
    engine = create_engine(url, poolclass=NullPool, module=sqlcipher3.dbapi2,
                           creator=lambda: cipher.connect(file, None, timeout=10, sqlcipher=True))
    event.listen(engine, "connect", _sqlite_pragmas(BUSY_TIMEOUT_MS))
    return Database(url, engine, sessionmaker(engine, class_=AuditedSession, expire_on_commit=False))


if __name__ == "__main__":
    main()
