"""QApplication set-up and the entry point of the window."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.core import paths
from desktop.core.errors import SimpulError
from desktop.core.progress import Cancelled
from desktop.core.resources import resource_path
from desktop.core.services.startup import Startup, open_for_app
from desktop.gui import i18n
from desktop.gui.i18n import tr
from desktop.gui.ops import QtProgress, install_error_hook, progress_dialog, wait_idle


def create_application(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Simpul")
    app.setOrganizationName("Simpul")
    app.setApplicationVersion(__version__)
    icon = resource_path("icons", "simpul.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    i18n.install(app, lang or i18n.saved_language())
    install_error_hook()
    return app


def run(db_target: str | None = None, demo: bool = False, screenshot: str | None = None,
        lang: str | None = None) -> int:
    """`lang` (from --lang) wins over the saved choice for this run only."""
    app = create_application(lang=lang)
    from desktop.gui.main_window import MainWindow

    try:
        from desktop.gui.unlock import opening_with_unlock

        # An encrypted registry whose key this computer lacks asks for the recovery key first.
        startup = opening_with_unlock(lambda: open_with_progress(app, db_target, demo))
    except Cancelled:
        return 0
    except SimpulError as exc:
        QMessageBox.critical(None, "Simpul", exc.message)
        return 1
    if startup.needs_setup:
        from desktop.gui.ops import Operations
        from desktop.gui.settings.setup import SetupWizard  # only an empty database needs it

        wizard = SetupWizard(Operations(startup.db))
        wizard.exec()
        if not wizard.finished_ok:
            return 0
    actor = sign_in(startup, demo=demo, screenshot=bool(screenshot))
    if actor is None:
        return 0 if not screenshot else 1
    startup.db.actor = actor.name  # the audit trail records who works from here on
    startup.db.principal = actor  # and every screen's reads see what the role allows
    window = MainWindow(startup.db, damage=startup.damage, actor=actor)
    window.show()
    if screenshot:
        window.resize(1366, 768)
        for _ in range(3):  # the first paint, then what the first screen counts after it
            app.processEvents()
            wait_idle()
        app.processEvents()
        return 0 if window.grab().save(screenshot) else 1
    return app.exec()


def sign_in(startup: Startup, *, demo: bool, screenshot: bool = False):
    """Who works in this window: the demo account on the demo data; the first Admin, made now,
    on a registry without users; else a login. None when the user gives up."""
    from desktop.core import access
    from desktop.core.services import users
    from desktop.gui.login import FirstAdminDialog, LoginDialog
    from desktop.gui.ops import Operations

    if demo:
        return access.Actor("demo", None, frozenset(access.Right), demo=True)
    ops = Operations(startup.db)
    if not ops.read_or(users.has_users, False):  # also a damaged file whose users cannot be read
        if screenshot or startup.damage is not None:
            return access.unmanaged(access_name())
        dialog = FirstAdminDialog(ops)
        return dialog.actor if dialog.exec() else None
    if screenshot:  # a picture is no way around the login
        print(tr("Registri ini memakai akun pengguna: gambar layar tidak dibuat tanpa masuk."), file=sys.stderr)
        return None
    dialog = LoginDialog(ops)
    return dialog.actor if dialog.exec() else None


def access_name() -> str:
    from desktop.core.db.engine import default_actor

    return default_actor()


def open_with_progress(app: QApplication, db_target: str | None, demo: bool) -> Startup:
    """Open the database for the window. The first `--demo` start fills the demo data on a worker
    thread meanwhile (several seconds): a progress dialog shows how far, as the console does."""
    if not demo or paths.demo_db_path().exists():
        return open_for_app(db_target, demo=demo)
    progress = QtProgress()
    dialog = progress_dialog(None, tr("Membuat data contoh…"), progress, minimum_duration_ms=0)
    dialog.setMinimumWidth(420)
    outcome: dict[str, object] = {}

    def job() -> None:
        try:
            outcome["startup"] = open_for_app(db_target, demo=True, progress=progress)
        except BaseException as exc:  # handed to the GUI thread below
            outcome["error"] = exc

    worker = threading.Thread(target=job, name="simpul-demo", daemon=True)
    dialog.show()
    worker.start()
    while worker.is_alive():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        worker.join(0.02)
    app.processEvents()
    dialog.close()
    dialog.deleteLater()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    startup = outcome["startup"]
    assert isinstance(startup, Startup)
    return startup
