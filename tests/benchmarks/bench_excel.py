"""Excel exchange at regency scale: import a 100,000-row, 30-column DTKS-shaped file and export
100,000 persons; and the same on a messy regency-style file (family cards recorded over 18
years, about one row in seven flagged, category names in both spellings; tests/benchmarks/dtks_file.py).

Run on demand:  python tests/benchmarks/bench_excel.py [--rows N] [--runs 5] [--file clean|messy|both]

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
    parser.add_argument("--file", choices=("clean", "messy", "both"), default="both")
    parser.add_argument("--no-export", action="store_true", help="time the import only (a shorter run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = folder / "template.db"
        db = open_database(template)
        schema.upgrade(db)
        init_office(db, "64.02.06")
        db.dispose()
        for kind in ("clean", "messy") if args.file == "both" else (args.file,):
            bench(folder, template, args.rows, args.runs, kind == "messy", not args.no_export)


def bench(folder: Path, template: Path, count: int, runs: int, messy: bool, exporting: bool = True) -> None:
    name = "messy" if messy else "clean"
    source = folder / f"dtks-{name}.xlsx"
    t = time.perf_counter()
    write_xlsx(source, count, messy=messy)
    print(f"\n== {name} file: {count:,} x 30 DTKS-shaped rows written in {time.perf_counter() - t:.1f} s "
          f"({source.stat().st_size / 1e6:.1f} MB; not timed below)")
    floors, imports, exports, ratios, cpu_ratios = [], [], [], [], []
    CalamineWorkbook.from_path(str(source)).get_sheet_by_name("DTKS").to_python()  # warm the cache
    for run in range(runs):
        c, t = time.process_time(), time.perf_counter()
        rows = CalamineWorkbook.from_path(str(source)).get_sheet_by_name("DTKS").to_python()
        floors.append(time.perf_counter() - t)
        floor_cpu = time.process_time() - c
        del rows
        target = folder / f"{name}{run}.db"
        shutil.copy(template, target)
        db = open_database(target)
        c, t = time.process_time(), time.perf_counter()
        result = run_import(db, source, report_path=folder / f"report-{name}{run}.xlsx")
        imports.append(time.perf_counter() - t)
        # Each import beside the floor read just before it: on a shared machine either varies by 2x
        # from run to run; the CPU time of this process (both its threads) varies far less.
        ratios.append(imports[-1] / floors[-1])
        cpu_ratios.append((time.process_time() - c) / floor_cpu)
        assert result.balanced and result.rejected == 0, result.to_json()
        assert result.warnings >= count // 10 if messy else result.inserted == count, result.to_json()
        if exporting:
            t = time.perf_counter()
            exported = export_persons(db, folder / f"export{run}.xlsx")
            exports.append(time.perf_counter() - t)
            assert exported.rows == result.inserted
        db.dispose()
        for leftover in folder.glob(f"{name}{run}.db*"):
            leftover.unlink()
    f, i = statistics.median(floors), statistics.median(imports)

    def listed(xs):
        return ", ".join(f"{x:.2f}" for x in xs)

    if messy:
        print(f"flagged rows: {result.warnings:,} of {result.rows:,} ({result.warnings / result.rows:.1%})")
    print(f"\n{'':44} {'median s':>9} {'rows/s':>10} {'vs floor':>9}")
    print(f"{'floor: python-calamine reads the sheet':44} {f:9.2f} {count / f:10,.0f} {1:8.1f}x   runs: {listed(floors)}")
    print(f"{'import (read + check + compare + write)':44} {i:9.2f} {count / i:10,.0f} {i / f:8.1f}x   runs: {listed(imports)}")
    if exports:
        e = statistics.median(exports)
        print(f"{'export persons (xlsxwriter, constant memory)':44} {e:9.2f} {count / e:10,.0f} {'':>9}   "
              f"runs: {listed(exports)}")
    r, rc = statistics.median(ratios), statistics.median(cpu_ratios)
    print(f"import / floor, run by run: median {r:.2f}x (runs: {listed(ratios)}); CPU time: median {rc:.2f}x "
          f"(runs: {listed(cpu_ratios)})")
    print(f"\ntarget ({name}): import within 2x the floor -> {'met' if i <= 2 * f else 'NOT met'} ({i / f:.2f}x "
          f"of the medians)")


if __name__ == "__main__":
    main()
