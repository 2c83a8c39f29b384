"""Opening the main window: Simpul's path beside a bare Qt window on the same SQLite file.

Run on demand:  python tests/benchmarks/bench_window.py [--persons N] [--families N] [--runs N]

Two registries are seeded once per invocation (in a temp folder, reused by every run):
- `--persons` persons (200,000) without families, as the persons-list benchmark seeds them;
- `--families` demo families (2,000), as `simpul --demo` fills its file.
Every run is a fresh `python -c` process, so each figure is a cold start:
- app:   import the app, `create_application()`, `open_for_app(path)`, `MainWindow(db)`, `show()`,
         process events until the window has been painted;
- floor: QApplication + a QTableView over a minimal model that loads the same person ids (in name
         order) and the first 40 rows with the stdlib sqlite3 module, shown until painted.
- floor+ORM (for reference): the floor, but loading through Simpul's database layer (SQLAlchemy
         session on the models); its ratio is the part of the app's cost that the ORM alone sets.
Printed per case: medians of wall and CPU time from the process start to the first paint, the
part after the imports ("open"), the peak RSS, and ratios to the floor. `--profile` runs the app
once under cProfile and prints where its time went.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# What both children share: a clock, a watcher for the first paint, and the report.
_COMMON = """
import os, resource, sys, time
T0 = time.monotonic(); C0 = time.process_time()
sys.path.insert(0, {root!r})
PATH = {path!r}

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

def until_painted(app, window):
    from PySide6.QtCore import QEvent, QObject

    class Watch(QObject):
        painted = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                Watch.painted = True
            return False

    watch = Watch()
    app.installEventFilter(watch)
    window.show()
    deadline = time.monotonic() + 120
    while not Watch.painted and time.monotonic() < deadline:
        app.processEvents()
    app.processEvents()  # the rest of the first frame
    app.removeEventFilter(watch)
    return Watch.painted

def report(imported_wall, imported_cpu, **extra):
    import json
    r = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps(dict(painted_at=time.monotonic(), imports=imported_wall - T0,
                          imports_cpu=imported_cpu, open=time.monotonic() - imported_wall,
                          open_cpu=cpu() - imported_cpu, cpu=cpu(), rss_mb=r.ru_maxrss / 1024, **extra)))
    sys.stdout.flush()
    os._exit(0)  # the teardown is not part of opening
"""

_APP = """
from desktop.gui.app import create_application
from desktop.core.services.startup import open_for_app
from desktop.gui.main_window import MainWindow
t_imp, c_imp = time.monotonic(), cpu()
app = create_application()
startup = open_for_app(PATH)
assert not startup.needs_setup
window = MainWindow(startup.db)
painted = until_painted(app, window)
heavy = sorted(m for m in ("alembic", "openpyxl", "reportlab", "xlsxwriter", "python_calamine", "babel",
                           "lokal.samaran", "desktop.core.services.demo") if m in sys.modules)
report(t_imp, c_imp, painted=painted, heavy=heavy, section=type(window.pages.currentWidget()).__name__)
"""

_FLOOR = """
import sqlite3
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QApplication, QTableView
{orm_imports}
t_imp, c_imp = time.monotonic(), cpu()

COLUMNS = ["NIK", "Nama", "L/P", "Tgl lahir", "Alamat", "RT", "RW"]

class Model(QAbstractTableModel):
    def __init__(self, ids, rows):
        super().__init__()
        self.ids, self.rows = ids, rows

    def rowCount(self, parent=None):
        return len(self.ids)

    def columnCount(self, parent=None):
        return len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.rows.get(self.ids[index.row()])
            return None if row is None else row[index.column()]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

app = QApplication([])
{orm_load}
view = QTableView()
view.setModel(Model(ids, rows))
view.resize(1280, 720)
painted = until_painted(app, view)
report(t_imp, c_imp, painted=painted, rows=len(ids))
"""
_SQLITE_LOAD = """
con = sqlite3.connect(PATH)
ids = [i for (i,) in con.execute("SELECT id FROM person ORDER BY name_key, id")]
first = ids[:40]
rows = {r[0]: r[1:] for r in con.execute(
    f"SELECT id, nik, name, sex, birth_date, address, rt, rw FROM person WHERE id IN ({','.join('?' * len(first))})",
    first)}
"""
# The same floor through Simpul's database layer: what SQLAlchemy and the models cost by themselves.
_ORM_IMPORTS = """
from sqlalchemy import select
from desktop.core.db.engine import open_database
from desktop.core.db.models import Person
"""
_ORM_LOAD = """
db = open_database(PATH)
with db.read() as s:
    ids = s.scalars(select(Person.id).order_by(Person.name_key, Person.id)).all()
    rows = {p.id: (p.nik, p.name, p.sex, p.birth_date, p.address, p.rt, p.rw)
            for p in s.scalars(select(Person).where(Person.id.in_(ids[:40])))}
"""
KINDS = ("floor", "orm", "app")


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["SIMPUL_HOME"] = str(home)  # no real user folder, no saved geometry or language
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["SIMPUL_LANG"] = "id"
    env.pop("SIMPUL_DB", None)
    return env


def run_child(kind: str, path: Path, home: Path) -> dict:
    code = textwrap.dedent(_COMMON.format(root=str(ROOT), path=str(path)))
    if kind == "app":
        code += _APP
    else:
        orm = kind == "orm"
        code += _FLOOR.replace("{orm_imports}", _ORM_IMPORTS if orm else "").replace(
            "{orm_load}", _ORM_LOAD if orm else _SQLITE_LOAD)
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], env=child_env(home), capture_output=True, text=True,
                          cwd=str(home))
    if done.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{done.stderr[-3000:]}")
    out = json.loads(done.stdout.strip().splitlines()[-1])
    out["wall"] = out["painted_at"] - start  # from the spawn to the first paint
    if not out["painted"]:
        raise SystemExit(f"{kind} window was never painted")
    return out


def seed_persons(folder: Path, persons: int) -> Path:
    path = folder / f"persons-{persons}.db"
    if not path.exists():
        # In a child process, like bench_persons_list (its seeding code, reused as is).
        subprocess.run([sys.executable, str(ROOT / "tests/benchmarks/bench_persons_list.py"), "--persons",
                        str(persons), "--make", str(path)], check=True, cwd=str(ROOT))
    return path


def seed_families(folder: Path, families: int) -> Path:
    path = folder / f"families-{families}.db"
    if not path.exists():
        code = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
                "from desktop.core.db import schema\n"
                "from desktop.core.db.engine import open_database\n"
                "from desktop.core.services import demo\n"
                "from desktop.core.services.office import init_office\n"
                f"db = open_database({str(path)!r}); schema.upgrade(db); init_office(db, '64.02.06', actor='demo')\n"
                f"demo.generate(db, {families}, seed={families}); db.dispose()\n")
        subprocess.run([sys.executable, "-c", code], check=True, env=child_env(folder))
    return path


def measure(label: str, path: Path, home: Path, runs: int) -> tuple[dict, dict]:
    for kind in KINDS:  # warm the page cache and the .pyc files; not counted
        run_child(kind, path, home)
    samples: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for _ in range(runs):
        for kind in KINDS:  # interleaved, so that a busy moment of the machine hits all three
            samples[kind].append(run_child(kind, path, home))

    def med(kind: str, key: str) -> float:
        return statistics.median(s[key] for s in samples[kind])

    print(f"\n{label}  ({runs} runs, medians; wall from spawn, CPU of the whole process)")
    print(f"  {'':34} {'floor':>9} {'app':>9} {'ratio':>7}   {'floor+ORM':>9} {'ratio':>6}")
    rows = [("cold start to first paint, wall s", "wall"), ("cold start to first paint, CPU s", "cpu"),
            ("  of which imports, wall s", "imports"), ("  of which imports, CPU s", "imports_cpu"),
            ("open after imports, wall s", "open"), ("open after imports, CPU s", "open_cpu"),
            ("peak RSS, MB", "rss_mb")]
    for name, key in rows:
        f, a, o = med("floor", key), med("app", key), med("orm", key)
        print(f"  {name:34} {f:9.3f} {a:9.3f} {a / f:6.1f}x   {o:9.3f} {o / f:5.1f}x")
    app = samples["app"][-1]
    print(f"  app first screen: {app['section']}; heavy modules loaded: {', '.join(app['heavy']) or 'none'}")
    for kind in KINDS:
        print(f"  {kind} wall runs: " + ", ".join(f"{s['wall']:.2f}" for s in samples[kind]))
    return ({k: med("floor", k) for _, k in rows}, {k: med("app", k) for _, k in rows})


def profile(path: Path, home: Path) -> None:
    code = textwrap.dedent(f"""
        import cProfile, pstats, sys
        sys.path.insert(0, {str(ROOT)!r})
        prof = cProfile.Profile()
        prof.enable()
        from desktop.gui.app import create_application
        from desktop.core.services.startup import open_for_app
        from desktop.gui.main_window import MainWindow
        app = create_application()
        window = MainWindow(open_for_app({str(path)!r}).db)
        window.show()
        for _ in range(5):
            app.processEvents()
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
    """)
    subprocess.run([sys.executable, "-c", code], env=child_env(home), check=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--families", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", choices=["persons", "families"])
    parser.add_argument("--keep", metavar="DIR", help="seed into (and reuse) this folder instead of a temp one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        home = Path(tmp) / "home"
        home.mkdir()
        t = time.perf_counter()
        big = seed_persons(folder, args.persons)
        small = seed_families(folder, args.families)
        print(f"seeded in {time.perf_counter() - t:.0f} s (not timed below): {big.name}, {small.name}")
        if args.profile:
            profile(big if args.profile == "persons" else small, home)
            return
        f_big, a_big = measure(f"{args.persons:,} persons", big, home, args.runs)
        f_small, a_small = measure(f"{args.families:,} demo families", small, home, args.runs)
        print("\nTargets:")
        print(f"  open at {args.persons:,} persons, CPU ratio          {a_big['cpu'] / f_big['cpu']:5.1f}x  (<= 3)")
        print(f"  open at {args.persons:,} persons, wall ratio         {a_big['wall'] / f_big['wall']:5.1f}x  (<= 3)")
        print(f"  cold start at {args.families:,} families, wall ratio  "
              f"{a_small['wall'] / f_small['wall']:5.1f}x  (<= 3)")
        print(f"  cold start at {args.families:,} families, CPU ratio   "
              f"{a_small['cpu'] / f_small['cpu']:5.1f}x  (<= 3)")
        print(f"  peak RSS at {args.persons:,} persons              {a_big['rss_mb']:5.0f} MB (<= 300)")


if __name__ == "__main__":
    main()
