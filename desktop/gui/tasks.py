"""Long jobs off the GUI thread, with progress and Cancel.

A job is a plain core function that takes a `Progress` (desktop.core.progress). `run_task` runs it
on a single database worker thread (SQLite wants one writer; a queue of one keeps jobs in order),
shows a progress dialog after a short delay, and calls back on the GUI thread with the result or
the error. Workers never touch widgets.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.core.errors import SimpulError
from desktop.core.progress import Cancelled
from desktop.gui.i18n import tr

_db_pool: QThreadPool | None = None
_running: set[Task] = set()  # keep Python references until the job reports back


def db_pool() -> QThreadPool:
    global _db_pool
    if _db_pool is None:
        _db_pool = QThreadPool()
        _db_pool.setMaxThreadCount(1)
    return _db_pool


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


class Task(QRunnable):
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
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def run_task(parent: QWidget | None, job: Callable[[QtProgress], Any], *, label: str,
             on_done: Callable[[Any], None], on_error: Callable[[BaseException], None] | None = None,
             show_progress: bool = True) -> Task:
    """Run `job(progress)` on the database worker; `on_done(result)` runs on the GUI thread.
    Errors go to `on_error`, or to a message box in the user's words."""
    task = Task(job)
    _running.add(task)
    dialog: QProgressDialog | None = None
    if show_progress:
        dialog = QProgressDialog(label, tr("Batal"), 0, 0, parent)
        dialog.setWindowTitle("Simpul")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # a blink-fast job shows no dialog at all
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.progress.cancel)

        def update(value: int, total: int, text: str) -> None:
            if dialog is None:
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(value, total) if total else 0)
            if text:
                dialog.setLabelText(text)

        task.progress.changed.connect(update, Qt.ConnectionType.QueuedConnection)

    def finish() -> None:
        _running.discard(task)
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
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


def error_text(exc: BaseException) -> str:
    if isinstance(exc, Cancelled):
        return tr("Dibatalkan. Tidak ada data yang berubah.")
    if isinstance(exc, SimpulError):
        return exc.message
    if isinstance(exc, OSError):
        return tr("Berkas tidak bisa dibuka atau ditulis: {reason}. Periksa foldernya lalu coba lagi.").format(
            reason=exc.strerror or exc)
    return tr("Terjadi kesalahan yang tidak terduga; tidak ada data yang berubah. "
              "Sampaikan pesan ini kepada pengelola Simpul:\n{error}").format(error=f"{type(exc).__name__}: {exc}")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, Cancelled):
        return
    QMessageBox.warning(parent, "Simpul", error_text(exc))


def wait_idle(timeout_ms: int = 30000) -> bool:
    """For tests and shutdown: wait until the database worker has nothing left."""
    return db_pool().waitForDone(timeout_ms)

