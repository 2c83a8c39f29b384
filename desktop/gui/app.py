"""QApplication set-up and the entry point of the window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.core.errors import SimpulError
from desktop.core.resources import resource_path
from desktop.core.services.startup import open_for_app
from desktop.gui import i18n
from desktop.gui.ops import install_error_hook, wait_idle


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
        startup = open_for_app(db_target, demo=demo)
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
    window = MainWindow(startup.db)
    window.show()
    if screenshot:
        window.resize(1366, 768)
        for _ in range(3):  # the first paint, then what the first screen counts after it
            app.processEvents()
            wait_idle()
        app.processEvents()
        return 0 if window.grab().save(screenshot) else 1
    return app.exec()
