from PySide6.QtWidgets import QMessageBox, QWizard

from desktop.core.changes import Kind
from desktop.core.db.engine import open_database
from desktop.core.services.office import office_profile
from desktop.core.services.queries import office_summary
from desktop.gui.main_window import SETTINGS, MainWindow
from desktop.gui.ops import Operations
from desktop.gui.settings.setup import SetupWizard


def _profile(db) -> dict:
    with db.read() as s:
        return office_profile(s)


def test_first_run_wizard_sets_up_the_office(qtbot, tmp_path, monkeypatch):
    db = open_database(tmp_path / "kantor.db")
    ops = Operations(db)
    announced = []
    ops.changed.connect(announced.append)
    wizard = SetupWizard(ops)
    qtbot.addWidget(wizard)
    wizard.show()
    region = wizard.region_page
    assert not region.isComplete()
    region.select("64.02.06")
    assert region.isComplete() and region.summary.text() == "64.02.06: 2 desa dan 12 kelurahan."
    wizard.next()
    form = wizard.profile_page.form
    assert form.edits["letterhead_government"].text() == "PEMERINTAH KABUPATEN KUTAI KARTANEGARA"
    assert form.edits["letterhead_office"].text() == "KECAMATAN TENGGARONG"
    form.edits["camat_name"].setText("Drs. H. Ahmad Rifani, M.Si.")
    form.edits["camat_nip"].setText("1975051020011210")  # 16 digits: wrong
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert not wizard.profile_page.validatePage()
    assert "NIP Camat harus 18 digit" in warned[0]
    form.edits["camat_nip"].setText("197505102001121016")
    wizard.next()
    assert wizard.currentPage() is wizard.demo_page and not wizard.demo_page.demo.isChecked()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.finished_ok, timeout=10000)
    assert [c.kinds for c in announced] == [{Kind.OFFICE, Kind.INSTITUTION}]
    values = _profile(db)
    assert values["camat_nip"] == "197505102001121016" and values["place_name"] == "Tenggarong"
    with db.read() as s:
        assert office_summary(s).persons == 0
    db.dispose()


def test_settings_change_the_profile(qtbot, sqlite_db):
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    announced = []
    window.ops.changed.connect(announced.append)
    window.nav.setCurrentRow(SETTINGS)
    page = window.settings
    page.form.edits["office_name"].setText("Kantor Kecamatan Tenggarong")
    page.form.edits["tksk_nip"].setText("123")
    assert not page.save() and "18 digit" in page.status.text()
    page.form.edits["tksk_nip"].setText("")
    assert page.save() and page.status.text() == "Tersimpan."
    assert [c.kinds for c in announced] == [{Kind.OFFICE}]
    assert "Kantor Kecamatan Tenggarong" in window.header.text()
    assert _profile(sqlite_db)["office_name"] == "Kantor Kecamatan Tenggarong"


def test_a_refused_letter_pattern_is_shown_beside_the_button(qtbot, sqlite_db, ops):
    from desktop.gui.settings.page import SettingsPage

    page = SettingsPage(ops)
    qtbot.addWidget(page)
    page.form.edits["letter_pattern"].setText("{nomer}/{tahun}")
    assert not page.save() and "{nomor}" in page.status.text()
    assert _profile(sqlite_db)["letter_pattern"] != "{nomer}/{tahun}"


def test_wizard_cancel_leaves_nothing(qtbot, tmp_path):
    db = open_database(tmp_path / "kantor.db")
    wizard = SetupWizard(Operations(db))
    qtbot.addWidget(wizard)
    wizard.region_page.select("64.02.06")
    wizard.done(QWizard.DialogCode.Rejected)
    assert not wizard.finished_ok
    from desktop.core.db import schema

    assert schema.state(db).is_empty  # nothing was written
    db.dispose()


def test_a_new_encrypted_registry_shows_its_recovery_key_before_finishing(qtbot, tmp_path):
    from desktop.core.db import cipher
    from desktop.core.services.startup import open_for_app

    startup = open_for_app(tmp_path / "baru.db")  # the window's first start on a new file
    assert startup.needs_setup and cipher.is_encrypted(tmp_path / "baru.db")
    wizard = SetupWizard(Operations(startup.db))
    qtbot.addWidget(wizard)
    page = wizard.recovery_page
    assert page is not None and page.recovery_key == cipher.recovery_text(cipher.key_for(tmp_path / "baru.db"))
    assert page.key.text() == page.recovery_key and not page.isComplete()
    page.noted.setChecked(True)
    assert page.isComplete()
    startup.db.dispose()
