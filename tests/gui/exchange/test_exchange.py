import openpyxl
from PySide6.QtWidgets import QComboBox, QMessageBox, QWizard

from desktop.core.changes import Kind
from desktop.core.services import demo
from desktop.gui.exchange.import_wizard import ImportWizard
from desktop.gui.main_window import EXCHANGE, PERSONS, MainWindow
from desktop.gui.ops import wait_idle
from tests.io.messy import write_messy


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.nav.setCurrentRow(EXCHANGE)
    return window


def test_import_wizard_from_file_to_undo(qtbot, sqlite_db, tmp_path, monkeypatch):
    window = _window(qtbot, sqlite_db)
    announced = []
    window.ops.changed.connect(announced.append)
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
    assert announced == []  # a dry run saves nothing, and says so
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.result is not None, timeout=10000)
    assert "tersimpan" in wizard.import_page.view.summary.text()
    assert len(announced) == 1 and announced[0].kinds == {Kind.PERSON, Kind.FAMILY, Kind.PPKS, Kind.IMPORT}
    wizard.done(QWizard.DialogCode.Accepted)
    assert "7 penduduk" in window.header.text()
    history = window.exchange.history
    assert history.rowCount() == 1 and history.item(0, 8).text() == "tersimpan"
    # read = new + updated + unchanged + rejected, as the dry run said
    assert [history.item(0, c).text() for c in range(3, 8)] == ["17", "7", "0", "1", "9"]
    assert history.horizontalHeaderItem(6).text() == "Tidak berubah"
    window.nav.setCurrentRow(PERSONS)  # a section opened later shows the import too
    qtbot.waitUntil(lambda: window.persons.rowCount() == 7, timeout=5000)
    window.nav.setCurrentRow(EXCHANGE)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    history.selectRow(0)
    window.exchange.undo_selected()
    qtbot.waitUntil(lambda: history.item(0, 8).text() == "dibatalkan", timeout=10000)
    assert announced[-1].touches(Kind.PERSON, Kind.IMPORT) and "0 penduduk" in window.header.text()
    window.nav.setCurrentRow(PERSONS)  # the hidden list caught up when it was shown again
    qtbot.waitUntil(lambda: window.persons.rowCount() == 0, timeout=10000)


def test_an_import_announces_its_changes_on_the_operations_layer(qtbot, ops, tmp_path, monkeypatch):
    """The wizard on its own (as the aid room opens it): the import and its undo reach any slot
    listening on ops.changed, the import with what it wrote."""
    announced = []
    ops.changed.connect(announced.append)
    wizard = ImportWizard(ops, None, str(write_messy(tmp_path / "dtks.xlsx")))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.mapping_page.isComplete(), timeout=10000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.dry_page.isComplete(), timeout=10000)
    wizard.next()
    qtbot.waitUntil(lambda: bool(announced), timeout=10000)
    [imported] = announced
    assert imported.kinds == {Kind.PERSON, Kind.FAMILY, Kind.PPKS, Kind.IMPORT}
    assert wizard.imported and wizard.imported[0].batch_id is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    wizard.import_page.undo_import()
    qtbot.waitUntil(lambda: len(announced) == 2, timeout=10000)
    assert announced[1].touches(Kind.PERSON, Kind.FAMILY, Kind.PPKS, Kind.IMPORT, Kind.PROGRAMME)
    assert "sudah dibatalkan" in wizard.import_page.view.summary.text()
    wizard.done(QWizard.DialogCode.Rejected)


def test_mapping_without_a_name_column_is_refused(qtbot, sqlite_db, tmp_path, monkeypatch):
    window = _window(qtbot, sqlite_db)
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
    window = _window(qtbot, sqlite_db)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    wizard = window.exchange.open_wizard(str(old))
    wizard.next()
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)
    assert ".xlsx" in warned[0] and not wizard.mapping_page.isComplete()
    wizard.done(QWizard.DialogCode.Rejected)


def test_export_from_the_page(qtbot, sqlite_db, tmp_path):
    demo.generate(sqlite_db, 30, seed=2)
    window = _window(qtbot, sqlite_db)
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


def test_import_history_counts_have_thousands_separators(qtbot, sqlite_db):
    from desktop.core.db.models.imports import ImportBatch

    with sqlite_db.transaction() as s:
        s.add(ImportBatch(actor="operator", file_name="dtks-kabupaten.xlsx", file_sha256="0" * 64, source_key="dtks",
                          rows=105000, inserted=90250, updated=10000, unchanged=3500, rejected=1250))
    window = _window(qtbot, sqlite_db)
    history = window.exchange.history
    assert [history.item(0, c).text() for c in range(3, 8)] == ["105.000", "90.250", "10.000", "3.500", "1.250"]
