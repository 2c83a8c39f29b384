import datetime as dt

import pypdf
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from desktop.core.services.registry import PersonInput, create_person
from desktop.gui.referrals.page import ReferralDialog, ReferralsPage


def _quiet(monkeypatch) -> list:
    opened: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    return opened


def _page_with_one_draft(qtbot, db) -> tuple[ReferralsPage, ReferralDialog]:
    """Pak Darto registered, one draft referral for him made through the dialog and selected."""
    with db.transaction() as s:
        create_person(s, PersonInput(name="Pak Darto", sex="L", nik="6402061203600001"))
    page = ReferralsPage(db)
    qtbot.addWidget(page)
    dialog = ReferralDialog(db, page)
    qtbot.addWidget(dialog)
    dialog.nik.setText("6402061203600001")
    dialog.need.setText("bantuan sembako")
    dialog.save()
    page.refresh()
    page.table.selectRow(0)
    return page, dialog


def test_new_referral_signed_and_printed(qtbot, sqlite_db, monkeypatch, tmp_path):
    _quiet(monkeypatch)
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
    page.paper.setCurrentIndex(page.paper.findData("a4"))
    preview = page.preview_letter(show=False)
    qtbot.addWidget(preview)
    assert preview.document.pageCount() == 2  # the letter and the reply slip
    assert round(preview.document.pagePointSize(0).width()) == 595
    # the preview's bytes are what gets saved
    with page.db.read() as s:
        from desktop.core.services.referrals import letter_data

        data = letter_data(s, page.selected_id())
    path = page.save_letter(data, bytes(preview._bytes), str(tmp_path / "surat.pdf"))
    text = pypdf.PdfReader(path).pages[0].extract_text()
    assert "Nenek Ijah" in text and "Fotokopi KTP" in text

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == 2
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == 2


def test_verify_dialog(qtbot, sqlite_db, monkeypatch):
    from desktop.core.services.referrals import ReferralInput, create_referral, letter_data, move
    from desktop.gui.referrals.dialogs import VerifyDialog

    with sqlite_db.transaction() as s:
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001")).id
        ref = create_referral(s, ReferralInput(1, "alat bantu jalan", person_id=pid)).id
        move(s, ref, "ditandatangani")
    with sqlite_db.read() as s:
        payload = letter_data(s, ref).qr
    dialog = VerifyDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.code.setPlainText(payload)
    assert dialog.check() and dialog.result.text().startswith("ASLI")
    dialog.code.setPlainText(payload + "X")  # a mangled signature
    assert not dialog.check() and dialog.result.text().startswith("TIDAK ASLI")


def test_wrong_transition_is_explained(qtbot, sqlite_db, monkeypatch):
    _quiet(monkeypatch)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    page, dialog = _page_with_one_draft(qtbot, sqlite_db)
    assert not page.advance_selected("diterima")  # a draft is not received before it is sent
    assert warnings and "draft" in warnings[0]


def test_institutions_are_managed_and_inactive_ones_are_not_offered(qtbot, sqlite_db, monkeypatch):
    from desktop.gui.referrals.dialogs import InstitutionDialog, InstitutionsDialog

    listing = InstitutionsDialog(sqlite_db)
    qtbot.addWidget(listing)
    assert listing.table.rowCount() == 5  # the defaults made with the office
    new = InstitutionDialog(sqlite_db)
    qtbot.addWidget(new)
    assert not new.save() and "Nama lembaga" in new.errors.text()
    new.edits["name"].setText("Panti Sosial Tresna Werdha Nirwana Puri")
    new.edits["addressee"].setText("Kepala UPTD PSTW Nirwana Puri")
    new.edits["city"].setText("Samarinda")
    new.kind.setCurrentIndex(new.kind.findData("panti/lks"))
    assert new.save()
    listing.refresh()
    assert listing.table.rowCount() == 6
    row = next(r for r in range(6) if listing.table.item(r, 0).text().startswith("Panti Sosial"))
    iid = listing.table.item(row, 0).data(0x0100)
    change = InstitutionDialog(sqlite_db, iid)
    qtbot.addWidget(change)
    assert change.edits["city"].text() == "Samarinda" and change.kind.currentData() == "panti/lks"
    change.active.setChecked(False)
    assert change.save()
    offered = ReferralDialog(sqlite_db)
    qtbot.addWidget(offered)
    assert offered.institution.findData(iid) == -1


def test_signing_on_behalf_and_notes_reach_the_letter_and_history(qtbot, sqlite_db, monkeypatch):
    from sqlalchemy import select

    from desktop.core.db.models import ReferralEvent
    from desktop.core.services.referrals import letter_data

    _quiet(monkeypatch)
    page, dialog = _page_with_one_draft(qtbot, sqlite_db)
    assert page.advance_selected("ditandatangani", note="Camat sedang dinas luar", on_behalf={
        "jabatan": "Kepala Seksi Kesejahteraan Sosial", "name": "Hj. Nurul Aini, S.Sos.", "pangkat": "Penata (III/c)",
        "nip": "198003122006042011"})
    with sqlite_db.read() as s:
        data = letter_data(s, dialog.saved_id)
        notes = s.scalars(select(ReferralEvent.note).where(ReferralEvent.referral_id == dialog.saved_id)).all()
    assert data.signer["an"] == "Camat Tenggarong" and data.signer["name"] == "Hj. Nurul Aini, S.Sos."
    assert "Camat sedang dinas luar" in notes
    preview = page.preview_letter(show=False)
    qtbot.addWidget(preview)
    import io

    text = pypdf.PdfReader(io.BytesIO(bytes(preview._bytes))).pages[0].extract_text()
    assert "a.n. Camat Tenggarong," in text and "Kepala Seksi Kesejahteraan Sosial," in text
    assert "NIP. 19800312 200604 2 011" in text


def test_a_family_is_referred_by_no_kk_and_steps_are_listed(qtbot, sqlite_db, monkeypatch):
    from desktop.core.services.registry import FamilyInput, create_family

    _quiet(monkeypatch)
    with sqlite_db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402060408220014")).id
        create_person(s, PersonInput(name="Pak Darto", sex="L", nik="6402061203600001", family_id=fid,
                                     relationship_code=1))
    page = ReferralsPage(sqlite_db)
    qtbot.addWidget(page)
    dialog = ReferralDialog(sqlite_db, page)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(1)
    dialog.nik.setText("6402060408220015")
    dialog.save()
    assert "belum terdaftar" in dialog.person.text() and dialog.saved_id is None
    dialog.nik.setText("6402060408220014")
    dialog.need.setText("usulan bantuan rumah tidak layak huni")
    dialog.save()
    assert dialog.saved_id is not None and "Keluarga Pak Darto" in dialog.person.text()
    page.refresh()
    assert page.table.item(0, 1).text() == "Keluarga 6402060408220014"
    page.table.selectRow(0)
    assert page.advance_selected("ditandatangani", note="diantar langsung")
    assert [page.steps.item(i).text().split(": ", 1)[1] for i in range(page.steps.count())] == [
        "Konsep", "Ditandatangani — diantar langsung"]


def test_without_qtpdf_the_letter_opens_in_the_system_viewer(qtbot, sqlite_db, monkeypatch, tmp_path):
    import sys

    from PySide6.QtWidgets import QFileDialog

    opened = _quiet(monkeypatch)
    monkeypatch.setitem(sys.modules, "desktop.gui.shared.pdf_preview", None)  # as in a build without PySide6-Pdf
    target = tmp_path / "surat.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page, dialog = _page_with_one_draft(qtbot, sqlite_db)
    assert page.preview_letter() is None
    assert opened == [str(target)] and target.read_bytes().startswith(b"%PDF")


def test_register_cancels_a_number_with_a_reason(qtbot, sqlite_db, monkeypatch):
    from desktop.core.services.referrals import issue_number, register_rows
    from desktop.gui.referrals.dialogs import RegisterDialog

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    with sqlite_db.transaction() as s:
        first = issue_number(s, dt.date(2026, 11, 20), subject="Rujukan: alat bantu").number
        second = issue_number(s, dt.date(2026, 11, 21), subject="BAST BLT-DD").number
    dialog = RegisterDialog(sqlite_db)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 0).text() for r in range(2)] == [second, first]  # newest first
    dialog.table.selectRow(0)
    assert not dialog.cancel_selected("  ") and "alasan" in warnings[0]
    assert dialog.cancel_selected("salah ketik tujuan")
    with sqlite_db.read() as s:
        rows = register_rows(s)
    assert (rows[0].status, rows[0].cancel_reason) == ("dibatalkan", "salah ketik tujuan")
    assert "salah ketik tujuan" in dialog.table.item(0, 4).text()
    with sqlite_db.transaction() as s:
        assert issue_number(s, dt.date(2026, 11, 22)).number.split("/")[1] == "003"  # never given again
