"""Excel exchange at regency scale: import a 100,000-row, 30-column DTKS-shaped file and export
100,000 persons.

Run on demand:  python tests/benchmarks/bench_excel.py [--rows N] [--runs 5]

The floor is the time python-calamine alone takes to read the same sheet into Python values,
measured in the same run; the target is a whole import (read, check, compare, write, one
transaction) within 2x that floor. Each import runs on a fresh database, each run in this process
after one warm-up of the file cache. Five runs by default: on a shared machine single runs of
either side vary by a tenth.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from python_calamine import CalamineWorkbook  # noqa: E402

from desktop.core.db import schema  # noqa: E402
from desktop.core.db.engine import open_database  # noqa: E402
from desktop.core.services.exports import export_persons  # noqa: E402
from desktop.core.services.imports import run_import  # noqa: E402
from desktop.core.services.office import init_office  # noqa: E402
from tests.benchmarks.dtks_file import write_xlsx  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "dtks.xlsx"
        t = time.perf_counter()
        write_xlsx(source, args.rows)
        print(f"{args.rows:,} x 30 DTKS-shaped rows written in {time.perf_counter() - t:.1f} s "
              f"({source.stat().st_size / 1e6:.1f} MB; not timed below)")
        template = folder / "template.db"
        db = open_database(template)
        schema.upgrade(db)
        init_office(db, "64.02.06")
        db.dispose()

        floors, imports, exports = [], [], []
        CalamineWorkbook.from_path(str(source)).get_sheet_by_name("DTKS").to_python()  # warm the cache
        for run in range(args.runs):
            t = time.perf_counter()
            rows = CalamineWorkbook.from_path(str(source)).get_sheet_by_name("DTKS").to_python()
            floors.append(time.perf_counter() - t)
            del rows
            target = folder / f"run{run}.db"
            shutil.copy(template, target)
            db = open_database(target)
            t = time.perf_counter()
            result = run_import(db, source, report_path=folder / f"report{run}.xlsx")
            imports.append(time.perf_counter() - t)
            assert result.inserted == args.rows and result.balanced, result.to_json()
            t = time.perf_counter()
            exported = export_persons(db, folder / f"export{run}.xlsx")
            exports.append(time.perf_counter() - t)
            assert exported.rows == args.rows
            db.dispose()
        f, i, e = (statistics.median(x) for x in (floors, imports, exports))

        def runs(xs):
            return ", ".join(f"{x:.2f}" for x in xs)

        print(f"\n{'':44} {'median s':>9} {'rows/s':>10} {'vs floor':>9}")
        print(f"{'floor: python-calamine reads the sheet':44} {f:9.2f} {args.rows / f:10,.0f} {1:8.1f}x   runs: {runs(floors)}")
        print(f"{'import (read + check + compare + write)':44} {i:9.2f} {args.rows / i:10,.0f} {i / f:8.1f}x   runs: {runs(imports)}")
        print(f"{'export persons (xlsxwriter, constant memory)':44} {e:9.2f} {args.rows / e:10,.0f} {'':>9}   runs: {runs(exports)}")
        print(f"\ntarget: import within 2x the floor -> {'met' if i <= 2 * f else 'NOT met'} ({i / f:.2f}x)")


if __name__ == "__main__":
    main()
