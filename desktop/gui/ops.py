"""The one path from a screen to the core (in the spirit of Anki's CollectionOp / QueryOp).

A screen never opens a session. It asks `Operations` to
- `read(fn)`: run `fn(session)` in a read session, now (lists, forms, a detail pane);
- `write(fn, parent=…, changes=…)`: run `fn(session)` in one transaction, now, for a quick edit;
- `run(fn, parent=…, label=…, changes=…, on_done=…)`: run a long job on the database worker with a
  progress dialog whose Cancel works; `fn` gets a session (or, with `session=None`, the database
  for services that commit in steps of their own) and a `Progress`.

Every failure is turned into the user's words here (`error_text`); a screen may take a user error
(`SimpulError`) itself through `on_error`, to show it beside the field. A successful write
announces what it changed (`Changes`) on `changed`; the main window hands that to the pages that
show those records, and a list re-reads just the rows that changed.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.core.changes import NOTHING, Changes
from desktop.core.db.engine import Database
from desktop.core.errors import SimpulError, StorageError
from desktop.core.progress import Cancelled
from desktop.gui.i18n import tr

T = TypeVar("T")
ChangesFor = Changes | Callable[[Any], Changes]
ErrorHandler = Callable[[BaseException], None]
log = logging.getLogger(__name__)

_db_pool: QThreadPool | None = None
_running: set[_Task] = set()  # keep Python references until the job reports back


def db_pool() -> QThreadPool:
    """One worker for everything that touches the database: SQLite wants one writer, and a queue
    of one keeps jobs in the order they were asked for."""
    global _db_pool
    if _db_pool is None:
        _db_pool = QThreadPool()
        _db_pool.setMaxThreadCount(1)
    return _db_pool


def wait_idle(timeout_ms: int = 30000) -> bool:
    """For tests and shutdown: wait until the database worker has nothing left."""
    return db_pool().waitForDone(timeout_ms)


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What a quick write gave: true when it landed."""

    ok: bool
    value: T | None = None
    error: BaseException | None = None

    def __bool__(self) -> bool:
        return self.ok


class QtProgress(QObject):
    """The core's Progress protocol, reported through queued signals; Cancel sets a flag."""

    changed = Signal(int, int, str)  # value, total, label

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self._total = 0
        self._value = 0
        self._label = ""

    def start(self, total: int, label: str = "") -> None:
        self._total, self._value, self._label = total, 0, label
        self.changed.emit(0, total, label)

    def advance(self, n: int = 1) -> None:
        self._value += n
        self.changed.emit(self._value, self._total, self._label)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, job: Callable[[QtProgress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.job = job
        self.progress = QtProgress()
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.job(self.progress)
        except BaseException as exc:  # reported on the GUI thread, never lost in the worker
            self._report(self.signals.failed, exc)
        else:
            self._report(self.signals.finished, result)

    @staticmethod
    def _report(signal, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the application is closing and took the receiver with it; the job's work stands


class Operations(QObject):
    """A screen's handle on the registry; one per window, shared by every page."""

    changed = Signal(object)  # Changes, after a write landed

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db

    @property
    def display_name(self) -> str:
        return self._db.display_name

    # -- who works (the core decides; a screen only asks, to hide what it would refuse) --------
    @property
    def actor(self):
        from desktop.core import access

        found = self._db.principal
        return found if isinstance(found, access.Actor) else access.EVERYTHING

    def can(self, right) -> bool:
        return self.actor.can(right)

    def show_full_niks(self, purpose: str, parent: QWidget | None = None) -> bool:
        """From now on this window shows NIKs whole: allowed by the role, asked the purpose, audited."""
        import dataclasses

        from desktop.core.services import privacy

        outcome = self.write(lambda s: privacy.record_reveal(s, purpose), parent=parent)
        if outcome:
            self._db.principal = dataclasses.replace(self.actor, nik_shown=True)
        return bool(outcome)

    def mask_niks(self) -> None:
        import dataclasses

        if self._db.principal is not None:
            self._db.principal = dataclasses.replace(self.actor, nik_shown=False)

    # -- now, on the GUI thread -------------------------------------------------------------
    def read(self, fn: Callable[[Any], T]) -> T:
        """`fn(session)` in a read session. A storage failure propagates as a SimpulError, which
        the application's hook shows (see `install_error_hook`)."""
        with self._db.read() as session:
            return fn(session)

    def read_or(self, fn: Callable[[Any], T], default: T) -> T:
        """`read`, or `default` when the storage cannot be read (a damaged registry's header and
        counts: the window must still open to offer its backups)."""
        try:
            return self.read(fn)
        except StorageError:
            return default

    def write(self, fn: Callable[[Any], T], *, parent: QWidget | None, changes: ChangesFor = NOTHING,
              on_error: ErrorHandler | None = None) -> Outcome[T]:
        """`fn(session)` as one transaction: it lands whole and is announced, or nothing changes
        and the error is shown (or handed to `on_error` when it is the user's to fix)."""
        try:
            with self._db.transaction() as session:
                value = fn(session)
        except Exception as exc:  # noqa: BLE001 - every failure is reported here, once
            self._report(parent, exc, on_error)
            return Outcome(False, None, exc.with_traceback(None))  # frames would keep widgets alive
        self.announce(changes(value) if callable(changes) else changes)
        return Outcome(True, value)

    def call(self, fn: Callable[[Database], T], *, parent: QWidget | None, changes: ChangesFor = NOTHING,
             on_error: ErrorHandler | None = None) -> Outcome[T]:
        """`fn(database)` now, for a service that opens its transactions itself (set-up, schema)."""
        try:
            value = fn(self._db)
        except Exception as exc:  # noqa: BLE001
            self._report(parent, exc, on_error)
            return Outcome(False, None, exc.with_traceback(None))
        self.announce(changes(value) if callable(changes) else changes)
        return Outcome(True, value)

    # -- on the database worker ------------------------------------------------------------
    def run(self, fn: Callable[[Any, QtProgress], T], *, parent: QWidget | None, label: str,
            on_done: Callable[[T], None] | None = None, on_error: ErrorHandler | None = None,
            changes: ChangesFor = NOTHING, session: Literal["write", "read"] | None = "write",
            show_progress: bool = True) -> _Task:
        """`fn(session, progress)` on the worker: in one transaction (`session="write"`), a read
        session (`"read"`), or with the database itself (`None`) for a service that commits in
        steps of its own. `on_done(result)` runs on the GUI thread after the change is announced.
        Errors go to `on_error` when given, else to a message box; Cancel rolls the work back."""
        db = self._db

        def job(progress: QtProgress) -> T:
            if session == "write":
                with db.transaction() as s:
                    return fn(s, progress)
            if session == "read":
                with db.read() as s:
                    return fn(s, progress)
            return fn(db, progress)

        task = _Task(job)
        _running.add(task)
        dialog = progress_dialog(parent, label, task.progress) if show_progress else None

        def finish() -> None:
            _running.discard(task)
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()

        def done(result: T) -> None:
            finish()
            self.announce(changes(result) if callable(changes) else changes)
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if on_error is not None:
                on_error(exc)
            else:
                show_error(parent, exc)

        task.signals.finished.connect(done, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        db_pool().start(task)
        return task

    def announce(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)

    @staticmethod
    def _report(parent: QWidget | None, exc: BaseException, on_error: ErrorHandler | None) -> None:
        if on_error is not None and isinstance(exc, SimpulError):
            on_error(exc)
        else:
            show_error(parent, exc)


def progress_dialog(parent: QWidget | None, label: str, progress: QtProgress,
                    minimum_duration_ms: int = 400) -> QProgressDialog:
    """A dialog that follows `progress` (from any thread) and whose Batal cancels it."""
    dialog = QProgressDialog(label, tr("Batal"), 0, 0, parent)
    dialog.setWindowTitle("Simpul")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(minimum_duration_ms)  # a blink-fast job shows no dialog at all
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(progress.cancel)

    def update(value: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(value, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    progress.changed.connect(update, Qt.ConnectionType.QueuedConnection)
    return dialog


def error_text(exc: BaseException) -> str:
    """Any failure in the user's words; an unexpected one names only its type, never the values
    it carried (a driver error can quote a NIK or an address)."""
    if isinstance(exc, Cancelled):
        return tr("Dibatalkan. Tidak ada data yang berubah.")
    if isinstance(exc, SimpulError):
        return exc.message
    if isinstance(exc, OSError):
        return tr("Berkas tidak bisa dibuka atau ditulis: {reason}. Periksa foldernya lalu coba lagi.").format(
            reason=exc.strerror or type(exc).__name__)
    return tr("Terjadi kesalahan yang tidak terduga; tidak ada data yang berubah. "
              "Sampaikan pesan ini kepada pengelola Simpul:\n{error}").format(error=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, Cancelled):
        return
    if not isinstance(exc, (SimpulError, OSError)):
        from desktop.core import logs

        logs.unexpected(exc, "window")  # the type and where, for the maintainer; never the values
    QMessageBox.warning(parent, "Simpul", error_text(exc))


def install_error_hook() -> None:
    """An error that escapes a slot (a read that met a locked or damaged database) is shown in
    the user's words instead of ending up on a console nobody reads."""
    previous = sys.excepthook

    def hook(kind, exc, tb) -> None:
        if isinstance(exc, Exception):
            from PySide6.QtWidgets import QApplication

            show_error(QApplication.activeWindow(), exc)
        else:
            previous(kind, exc, tb)

    sys.excepthook = hook
