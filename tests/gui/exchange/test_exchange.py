import openpyxl
from PySide6.QtWidgets import QComboBox, QMessageBox, QWizard

from desktop.core.services import demo
from desktop.gui.main_window import MainWindow
from desktop.gui.tasks import wait_idle
from tests.io.messy import write_messy


def test_import_wizard_from_file_to_undo(qtbot, sqlite_db, tmp_path, monkeypatch):
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(window.SECTIONS.index("Impor & Ekspor"))
    wizard = window.exchange.open_wizard(str(write_messy(tmp_path / "dtks.xlsx")))
    assert wizard.file_page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.mapping_page.isComplete(), timeout=10000)
    page = wizard.mapping_page
    assert page.sheet.currentText() == "DTKS Tenggarong"
    assert page.table.item(1, 0).text() == "NOMOR NIK"
    assert page.table.cellWidget(1, 2).currentText() == "NIK"
    assert "SITI AMINAH" in page.table.item(3, 1).text()
    ket = page.table.cellWidget(15, 2)
    assert isinstance(ket, QComboBox) and ket.currentText() == "Keterangan"
    ket.setCurrentIndex(0)  # the user drops KETERANGAN
    wizard.next()
    qtbot.waitUntil(lambda: wizard.dry_page.isComplete(), timeout=10000)
    text = wizard.dry_page.view.summary.text()
    assert "17 baris dibaca = 7 baru + 0 diperbarui + 1 tetap + <b>9 ditolak</b>" in text
    assert wizard.dry_page.view.report.isVisibleTo(wizard)
    assert window.persons.rowCount() == 0  # a dry run saves nothing
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.result is not None, timeout=10000)
    assert "tersimpan" in wizard.import_page.view.summary.text()
    wizard.done(QWizard.DialogCode.Accepted)
    qtbot.waitUntil(lambda: window.persons.rowCount() == 7, timeout=5000)
    assert "7 penduduk" in window.header.text()
    history = window.exchange.history
    assert history.rowCount() == 1 and history.item(0, 7).text() == "tersimpan"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    history.selectRow(0)
    window.exchange.undo_selected()
    qtbot.waitUntil(lambda: window.persons.rowCount() == 0, timeout=10000)
    assert history.item(0, 7).text() == "dibatalkan"


def test_mapping_without_a_name_column_is_refused(qtbot, sqlite_db, tmp_path, monkeypatch):
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    wizard = window.exchange.open_wizard(str(write_messy(tmp_path / "dtks.xlsx")))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.mapping_page.isComplete(), timeout=10000)
    wizard.mapping_page.table.cellWidget(3, 2).setCurrentIndex(0)  # NAMA -> not used
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert not wizard.mapping_page.validatePage()
    assert "nama" in warned[0]
    wizard.done(QWizard.DialogCode.Rejected)


def test_old_xls_message_in_the_wizard(qtbot, sqlite_db, tmp_path, monkeypatch):
    old = tmp_path / "lama.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 64)
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    wizard = window.exchange.open_wizard(str(old))
    wizard.next()
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)
    assert ".xlsx" in warned[0] and not wizard.mapping_page.isComplete()
    wizard.done(QWizard.DialogCode.Rejected)


def test_export_from_the_page(qtbot, sqlite_db, tmp_path):
    demo.generate(sqlite_db, 30, seed=2)
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    page = window.exchange
    page.kind.setCurrentIndex(3)  # recap
    page.desa.setCurrentText("Jahab")
    out = tmp_path / "rekap.xlsx"
    page.start_export("recap", out)
    qtbot.waitUntil(lambda: page.export_status.open_button.isVisibleTo(page), timeout=10000)
    assert "rekap.xlsx" in page.export_status.text()
    ws = openpyxl.load_workbook(out)["Rekap PPKS"]
    assert "DESA/KELURAHAN JAHAB" in ws.cell(2, 1).value
    assert wait_idle()
