import pypdf
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop.core.services.registry import PersonInput, create_person
from desktop.gui.referrals_page import ReferralDialog, ReferralsPage


def _quiet(monkeypatch) -> list:
    opened: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    return opened


def test_new_referral_signed_and_printed(qtbot, sqlite_db, monkeypatch, tmp_path):
    opened = _quiet(monkeypatch)
    with sqlite_db.transaction() as s:
        create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001"))
    page = ReferralsPage(sqlite_db)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0

    dialog = ReferralDialog(sqlite_db, page)
    qtbot.addWidget(dialog)
    dialog.nik.setText("64020")
    dialog.save()
    assert "16" in dialog.person.text() and dialog.saved_id is None
    dialog.nik.setText("6402064101500009")
    dialog.save()
    assert "belum terdaftar" in dialog.person.text() and dialog.saved_id is None
    dialog.nik.setText("6402064101500001")
    dialog.save()
    assert "Layanan" in dialog.errors.text() or "layanan" in dialog.errors.text()
    dialog.need.setText("pemeriksaan dan alat bantu jalan")
    dialog.save()
    assert dialog.saved_id is not None

    page.refresh()
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "(belum bernomor)"
    page.table.selectRow(0)
    assert page.advance_selected("ditandatangani")
    assert page.table.item(0, 0).text().startswith("400.9/001/Kesos/")  # the month and year are today's
    assert page.table.item(0, 4).text() == "Ditandatangani"
    page.table.selectRow(0)
    path = page.print_letter(str(tmp_path / "surat.pdf"))
    assert opened == [str(path)]
    text = pypdf.PdfReader(path).pages[0].extract_text()
    assert "Nenek Ijah" in text and "Fotokopi KTP" in text


def test_wrong_transition_is_explained(qtbot, sqlite_db, monkeypatch):
    _quiet(monkeypatch)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    with sqlite_db.transaction() as s:
        create_person(s, PersonInput(name="Pak Darto", sex="L", nik="6402061203600001"))
    page = ReferralsPage(sqlite_db)
    qtbot.addWidget(page)
    dialog = ReferralDialog(sqlite_db, page)
    qtbot.addWidget(dialog)
    dialog.nik.setText("6402061203600001")
    dialog.need.setText("bantuan sembako")
    dialog.save()
    page.refresh()
    page.table.selectRow(0)
    assert not page.advance_selected("diterima")  # a draft is not received before it is sent
    assert warnings and "draft" in warnings[0]
