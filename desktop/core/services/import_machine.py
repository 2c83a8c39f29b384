"""How an import uses the machine: the xlsx reader and SQLite's commit run without holding
Python's lock, and a second core does useful work meanwhile; the cycle collector waits."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.core.io import excel_import
from desktop.core.io.excel_import import Lookups, PrefixChecks
from desktop.core.io.tables import reads_xlsx_without_the_lock


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Parsing a big file makes millions of small objects and no reference cycles; Python's cycle
    collector would rescan them again and again (a quarter of the import time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_alongside(path: Path, sheet: str | None, today: dt.date, office: Callable[[], Lookups]
                   ) -> tuple[excel_import.Loaded, Lookups, PrefixChecks]:
    """Read the file, and meanwhile, on a helper thread, what the office knows (`office()`: desa,
    codes). The xlsx reader works without holding Python's lock, so on a second core the helper
    costs no time. (It used to check the NIK and No. KK prefixes of the office's region ahead too;
    since a prefix is judged by arithmetic (PrefixChecks) that cost the reader more, in turns for
    Python's lock while it builds its values, than it saved: about 1 s against 0.2 s.)"""
    checks = PrefixChecks(today)
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not reads_xlsx_without_the_lock() \
            or (os.cpu_count() or 1) < 2:
        return excel_import.load(path, sheet), office(), checks
    found: dict[str, object] = {}

    def helper() -> None:
        try:
            found["lookups"] = office()
        except BaseException as exc:  # raised on the caller's thread below
            found["error"] = exc

    thread = threading.Thread(target=helper, name="simpul-import-helper", daemon=True)
    thread.start()
    try:
        loaded = excel_import.load(path, sheet)
    finally:
        thread.join()
    if "error" in found:
        raise found["error"]
    return loaded, found["lookups"], checks


class Release:
    """Frees the sheet as read (millions of cells) on a helper thread while the transaction
    commits: SQLite writes without holding Python's lock, so the freeing, which would otherwise
    follow the commit, costs no time. Started only just before the commit: next to Python work the
    two threads would only take turns. Leaving the `with` block waits for it."""

    def __init__(self) -> None:
        self.lists: list[list] = []
        self.thread: threading.Thread | None = None

    def add(self, *lists: list) -> None:
        self.lists += lists

    def start(self) -> None:
        if self.lists and (os.cpu_count() or 1) > 1:
            self.thread = threading.Thread(target=self._free, name="simpul-release", daemon=True)
            self.thread.start()

    def _free(self) -> None:
        while self.lists:
            items = self.lists.pop()
            while items:
                del items[-2000:]  # a slice at a time: the lock can change hands between slices

    def __enter__(self) -> Release:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.thread is not None:
            self.thread.join()
        self.lists.clear()


class Alongside:
    """Python work for later (the report of flagged rows: packed for the batch, drawn as a sheet)
    done on a helper thread while the import waits on SQLite: building the indexes, filling the
    search index and the commit run without Python's lock, so on a second core the report costs
    next to nothing. `result(i)` waits for step i and gives its value (or raises its error)."""

    def __init__(self, *steps: Callable[[], object]) -> None:
        self.steps = steps
        self.done = [threading.Event() for _ in steps]
        self.values: list[object] = [None] * len(steps)
        self.errors: list[BaseException | None] = [None] * len(steps)
        self.thread: threading.Thread | None = None
        if (os.cpu_count() or 1) > 1:  # on one core each step runs when its result is asked for
            self.thread = threading.Thread(target=self._run, name="simpul-import-report", daemon=True)
            self.thread.start()

    def _run(self, last: int | None = None) -> None:
        for i, step in enumerate(self.steps[:None if last is None else last + 1]):
            if self.done[i].is_set():
                continue
            try:
                self.values[i] = step()
            except BaseException as exc:  # raised on the caller's thread by result()
                self.errors[i] = exc
            finally:
                self.done[i].set()

    def result(self, i: int) -> object:
        if self.thread is None:
            self._run(i)
        self.done[i].wait()
        if self.errors[i] is not None:
            raise self.errors[i]
        return self.values[i]
