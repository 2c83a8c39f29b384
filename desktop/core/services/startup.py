"""What the app does before its window opens: pick the database, upgrade it, fill the demo."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from desktop.core import paths
from desktop.core.db import schema
from desktop.core.db import cipher
from desktop.core.db.engine import Database, open_database, resolve_url
from desktop.core.i18n import number, t
from desktop.core.progress import NULL_PROGRESS, Progress
from desktop.core.services.office import get_office, init_office

DEMO_KECAMATAN = "64.02.06"  # Tenggarong, Kutai Kartanegara
DEMO_FAMILIES = 2000


@dataclass
class Startup:
    db: Database
    needs_setup: bool  # an empty database: the office must be set up first
    upgrade: schema.UpgradeResult | None = None
    damage: object | None = None  # check.Health of a damaged registry, opened read-only


class ConsoleProgress:
    """Progress as lines on the console, one every `every` per cent: the first `simpul --demo`
    says what it is doing instead of a blank wait. Without a console (pythonw) it says nothing."""

    def __init__(self, stream: TextIO | None = None, every: int = 10) -> None:
        self.stream, self.every = stream, every
        self.total = self.value = 0
        self.shown = -1

    def start(self, total: int, label: str = "") -> None:
        self.total, self.value, self.shown = total, 0, -1
        self._show(0)

    def advance(self, n: int = 1) -> None:
        self.value += n
        percent = 100 * self.value // self.total if self.total else 100
        self._show(percent - percent % self.every)

    @property
    def cancelled(self) -> bool:
        return False

    def say(self, text: str) -> None:
        stream = self.stream or sys.stdout
        if stream is not None:
            try:
                print(text, file=stream, flush=True)
            except (OSError, ValueError):  # a closed or broken console must not stop the start
                pass

    def _show(self, percent: int) -> None:
        if percent > self.shown:
            self.shown = percent
            self.say(t("startup.demo.progress", percent=percent))


class Both:
    """Report to several Progress listeners (the console and the window); cancelled if any is."""

    def __init__(self, *listeners: Progress) -> None:
        self.listeners = listeners

    def start(self, total: int, label: str = "") -> None:
        for p in self.listeners:
            p.start(total, label)

    def advance(self, n: int = 1) -> None:
        for p in self.listeners:
            p.advance(n)

    @property
    def cancelled(self) -> bool:
        return any(p.cancelled for p in self.listeners)


def open_for_app(target: str | os.PathLike[str] | None = None, *, demo: bool = False,
                 progress: Progress = NULL_PROGRESS) -> Startup:
    """Open the database the window will use; upgrade an older schema (after a backup). A new
    file is made encrypted. With `demo`, use the demo file, made with synthetic data the first
    time (`progress` hears how far); it stays plain: it holds no real person, and it is what a
    trainer opens to show the program, on any computer, with no key to carry."""
    if demo and not paths.demo_db_path().exists():
        make_demo(paths.demo_db_path(), progress)
    db = open_database(paths.demo_db_path() if demo else target, key=None if demo else _key_for_new(target))
    from desktop.core.services import check

    damage = check.guard(db)  # bounded quick check; damage opens the registry read-only
    if damage is not None:
        return Startup(db, needs_setup=False, damage=damage)
    st = schema.state(db)
    if st.is_empty and not demo:
        return Startup(db, needs_setup=True)
    result = schema.upgrade(db)
    with db.read() as s:
        has_office = get_office(s) is not None
    if demo and not has_office:  # a demo file an older version left empty
        _fill(db, DEMO_FAMILIES, progress)
        has_office = True
    return Startup(db, needs_setup=not has_office, upgrade=result)


def _key_for_new(target: str | os.PathLike[str] | None) -> bytes | None:
    """A new registry file is encrypted (desktop.core.db.cipher): its key, made now and kept in
    this computer's key ring; the set-up wizard shows its recovery key. None for an existing
    file, a server, or a folder that is missing (open_database says so)."""
    url = resolve_url(target)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    file = Path(url.database)
    if not file.parent.is_dir() or cipher.kind(file) != "new":
        return None
    return cipher.new_key()


def make_demo(path: Path, progress: Progress = NULL_PROGRESS, families: int | None = None) -> None:
    """Fill a new demo database beside `path` and move it into place only when it is whole: a
    start that is closed halfway leaves no half-filled demo behind (the next start begins again)."""
    families = families or DEMO_FAMILIES
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    _remove(part)
    db = open_database(part)
    try:
        schema.upgrade(db)
        _fill(db, families, progress, shown_as=path)
    except BaseException:
        db.dispose()
        _remove(part)
        raise
    db.dispose()
    for suffix in ("-wal", ""):  # a write-ahead log SQLite kept belongs to the file it moves with
        if Path(f"{part}{suffix}").exists():
            os.replace(f"{part}{suffix}", f"{path}{suffix}")
    _remove(part)


def _fill(db: Database, families: int, progress: Progress, shown_as: Path | None = None) -> None:
    from desktop.core.services import demo as demo_data  # only the demo's first start needs it

    console = ConsoleProgress()
    console.say(t("startup.demo.start", families=number(families), db=shown_as or db.display_name))
    started = time.perf_counter()
    init_office(db, DEMO_KECAMATAN, actor="demo")
    demo_data.generate(db, families, seed=families, progress=Both(console, progress))
    console.say(t("startup.demo.done", seconds=number(time.perf_counter() - started, 1)))


def _remove(part: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock", ".lock.json"):
        Path(f"{part}{suffix}").unlink(missing_ok=True)
