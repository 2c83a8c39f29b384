"""Mapping PPKS values no spelling names, in the import wizard (before the import: the dry run is
judged again) and from the import history (after it: the waiting rows take the category)."""

import datetime as dt

from sqlalchemy import func, select
from PySide6.QtWidgets import QWizard

from desktop.core.changes import Kind
from desktop.core.db.models import PpksRecord
from desktop.core.services.import_mappings import NOT_A_CATEGORY
from desktop.core.services.imports import run_import
from desktop.gui.main_window import EXCHANGE, MainWindow
from tests.io.test_import_categories import FIRST, write_file


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.nav.setCurrentRow(EXCHANGE)
    return window


def records(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(PpksRecord))


def test_values_mapped_in_the_dry_run_are_taken_by_the_import(qtbot, sqlite_db, tmp_path):
    window = _window(qtbot, sqlite_db)
    wizard = window.exchange.open_wizard(str(write_file(tmp_path / "dtks.xlsx", FIRST)))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.mapping_page.isComplete(), timeout=10000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.dry_page.isComplete(), timeout=10000)
    view = wizard.dry_page.view
    assert view.categories.isVisibleTo(wizard) and "3 isian" in view.categories.text()
    dialog = view.map_categories()
    values = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert values[0].upper() == "LANSIA SEBATANG KARA" and dialog.table.item(0, 1).text() == "2"
    for r, value in enumerate(values):
        dialog.choose(r, {"LANSIA": 8, "KELUARGA": 25}.get(value.split()[0].upper(), NOT_A_CATEGORY))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: wizard.dry_page.isComplete() and not view.categories.isVisibleTo(wizard),
                    timeout=10000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.result is not None, timeout=10000)
    assert records(sqlite_db) == 3  # MINAH's LUT, AHMAD's LUT, DARSO's family KBSP
    assert not wizard.import_page.view.categories.isVisibleTo(wizard)
    wizard.done(QWizard.DialogCode.Accepted)


def test_values_waiting_after_an_import_are_mapped_from_the_history(qtbot, sqlite_db, tmp_path):
    run_import(sqlite_db, write_file(tmp_path / "dtks.xlsx", FIRST), today=dt.date(2026, 11, 22))
    window = _window(qtbot, sqlite_db)
    page = window.exchange
    assert page.categories_button.isVisibleTo(page) and "3 isian" in page.categories_button.text()
    announced = []
    window.ops.changed.connect(announced.append)
    dialog = page.map_categories()
    dialog.choose(0, 8)  # the most frequent value first: LANSIA SEBATANG KARA
    dialog.save()
    assert records(sqlite_db) == 2 and announced and announced[0].touches(Kind.PPKS)
    assert "2 isian" in page.categories_button.text()
