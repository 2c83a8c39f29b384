"""The persons list on a 200,000-person registry: time to first rows, time per search keystroke
(median and p95), scrolling, and peak memory.

Run on demand:  python tests/benchmarks/bench_persons_list.py [--persons N]
It opens the real PersonsPage offscreen; a keystroke is measured as the list sees it: the id
query in the database plus the fetch of the first screen of rows.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.core.db import schema  # noqa: E402
from desktop.core.db.bulk import bulk_insert  # noqa: E402
from desktop.core.db.engine import open_database  # noqa: E402
from desktop.core.db.models import Person  # noqa: E402
from desktop.core.services.lists import PersonFilter, person_ids, person_rows  # noqa: E402
from desktop.core.services.office import desa_list, init_office  # noqa: E402
from tests.benchmarks.bench_registry import make_rows  # noqa: E402

TYPED = ["s", "si", "sit", "siti", "siti ", "siti r", "siti ra", "siti rah", "siti rahm", "siti rahma",
         "b", "bu", "bud", "budi", "6402", "640206", "64020615", "j", "jl", "jl. pesut"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_db(path: Path, persons: int) -> None:
    db = open_database(path)
    schema.upgrade(db)
    init_office(db, "64.02.06")
    with db.read() as s:
        desa = [(r.code, r.name) for r in desa_list(s)]
    rows = make_rows(persons, desa)
    with db.transaction("bench") as s:
        bulk_insert(s.connection(), Person, rows, "bench", audit=False)
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--make", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_db(Path(args.make), args.persons)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "besar.db"
        # Built in another process, so that this one's peak memory is the window's own.
        subprocess.run([sys.executable, __file__, "--persons", str(args.persons), "--make", str(path)], check=True)
        db = open_database(path)
        base = peak_mb()
        print(f"{args.persons:,} persons in the registry; memory before the window opens: {base:.0f} MB\n")

        from PySide6.QtWidgets import QApplication

        from desktop.gui.ops import Operations
        from desktop.gui.registry.persons import PersonsPage

        app = QApplication.instance() or QApplication([])
        t = time.perf_counter()
        page = PersonsPage(Operations(db))
        page.resize(1366, 700)
        page.show()
        app.processEvents()
        first = time.perf_counter() - t
        assert page.model.rowCount() == args.persons

        samples = []
        for text in TYPED:
            t = time.perf_counter()
            with db.read() as s:
                ids = person_ids(s, PersonFilter(text=text))
                person_rows(s, ids[:40])
            samples.append((time.perf_counter() - t) * 1000)
        samples.sort()
        p95 = samples[max(0, int(round(0.95 * len(samples))) - 1)]

        scroll = []
        for row in range(0, args.persons, args.persons // 20):
            t = time.perf_counter()
            page.model.row_data(row)
            scroll.append((time.perf_counter() - t) * 1000)

        print(f"{'open the list (ids of all persons + first screen)':52} {first * 1000:8.0f} ms")
        print(f"{'search keystroke, median of ' + str(len(TYPED)):52} {statistics.median(samples):8.1f} ms")
        print(f"{'search keystroke, p95':52} {p95:8.1f} ms")
        print(f"{'jump to a far row (fetch a block of 120), median':52} {statistics.median(scroll):8.1f} ms")
        print(f"{'peak memory (whole process)':52} {peak_mb():8.0f} MB")
        db.dispose()


if __name__ == "__main__":
    main()
