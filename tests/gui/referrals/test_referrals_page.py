import datetime as dt
import io

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from sqlalchemy import func, select

from desktop.core.db.models import AuditEntry
from desktop.core.domain.enums import AuditAction, InstitutionKind, LetterStatus, ReferralStatus
from desktop.core.services.registry import PersonInput, create_person
from desktop.gui.referrals.page import ReferralsPage
from desktop.gui.referrals.referral_dialog import ReferralDialog


def _quiet(monkeypatch) -> list:
    opened: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    return opened


def _page_with_one_draft(qtbot, db, ops, open_page) -> tuple[ReferralsPage, ReferralDialog]:
    """Pak Darto registered, one draft referral for him made through the dialog and selected."""
    with db.transaction() as s:
        create_person(s, PersonInput(name="Pak Darto", sex="L", nik="6402061203600001"))
    page = open_page(ReferralsPage)
    dialog = ReferralDialog(ops, page)
    qtbot.addWidget(dialog)
    dialog.nik.setText("6402061203600001")
    dialog.need.setText("bantuan sembako")
    assert dialog.save()
    page.table.selectRow(0)
    return page, dialog


def _prints(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == AuditAction.PRINT,
                                                                 AuditEntry.table_name == "referral"))


def _cell(page: ReferralsPage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def test_new_referral_signed_and_printed(qtbot, qtmodeltester, sqlite_db, ops, open_page, monkeypatch, tmp_path):
    _quiet(monkeypatch)
    with sqlite_db.transaction() as s:
        create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001"))
    page = open_page(ReferralsPage)
    assert page.model.rowCount() == 0

    dialog = ReferralDialog(ops, page)
    qtbot.addWidget(dialog)
    dialog.nik.setText("64020")
    assert not dialog.save()
    assert "16" in dialog.person.text() and dialog.saved_id is None
    dialog.nik.setText("6402064101500009")
    assert not dialog.save()
    assert "belum terdaftar" in dialog.person.text() and dialog.saved_id is None
    dialog.nik.setText("6402064101500001")
    assert not dialog.save()
    assert "layanan" in dialog.errors.text().lower()
    dialog.need.setText("pemeriksaan dan alat bantu jalan")
    assert dialog.save() and dialog.saved_id is not None

    # the new referral reached the list through the announced change, not a call from the dialog
    assert page.model.rowCount() == 1 and _cell(page, 0, 0) == "(belum bernomor)"
    qtmodeltester.check(page.model)
    page.table.selectRow(0)
    assert page.advance_selected(ReferralStatus.SIGNED)
    assert _cell(page, 0, 0).startswith("400.9/001/Kesos/")  # the month and year are today's
    assert _cell(page, 0, 4) == "Ditandatangani"
    page.table.selectRow(0)
    page.paper.setCurrentIndex(page.paper.findData("a4"))
    preview = page.preview_letter(show=False)
    qtbot.addWidget(preview)
    assert preview.document.pageCount() == 2  # the letter and the reply slip
    assert preview.windowTitle().startswith("Surat rujukan 400.9/001/Kesos/")
    assert round(preview.document.pagePointSize(0).width()) == 595
    # the preview's bytes are what gets saved
    target = tmp_path / "surat.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    next(b for b in preview.findChildren(QPushButton) if b.text() == "Simpan PDF…").click()
    assert target.read_bytes() == bytes(preview._bytes)
    text = pypdf.PdfReader(target).pages[0].extract_text()
    assert "Nenek Ijah" in text and "Fotokopi KTP" in text

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)  # what is checked is pages and size; 1200 dpi only costs seconds here
    assert preview.print_to(printer) == 2
    printed = pypdf.PdfReader(tmp_path / "printed.pdf").pages
    assert len(printed) == 2
    # True size: the printed page is the letter's own paper, not shrunk to fit.
    first = pypdf.PdfReader(target).pages[0]
    assert abs(float(printed[0].mediabox.width) - float(first.mediabox.width)) < 2


def test_a_printed_letter_is_recorded_once_by_the_service(qtbot, sqlite_db, ops, open_page, monkeypatch):
    _quiet(monkeypatch)
    page, dialog = _page_with_one_draft(qtbot, sqlite_db, ops, open_page)
    before = _prints(sqlite_db)
    preview = page.preview_letter(show=False)
    qtbot.addWidget(preview)
    assert preview.windowTitle() == "Konsep surat rujukan, belum bernomor"  # said once
    assert _prints(sqlite_db) == before + 1
    with sqlite_db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.PRINT)).one()
    assert (entry.record_id, entry.changes["dokumen"]) == (str(dialog.saved_id), "surat rujukan")
    assert entry.changes["nomor"].startswith("(konsep")
    import desktop.gui.referrals as room
    from pathlib import Path

    for module in Path(room.__file__).parent.glob("*.py"):  # the screens leave the audit to the service
        assert "disclosure" not in module.read_text("utf-8"), module.name


def test_overdue_rows_and_count_come_from_the_service(qtbot, sqlite_db, ops, open_page):
    from desktop.core.services.referrals import ReferralInput, create_referral, move

    today = dt.date.today()
    with sqlite_db.transaction() as s:
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001")).id
        late = create_referral(s, ReferralInput(1, "alat bantu jalan", person_id=pid,
                                                follow_up_due=today - dt.timedelta(days=3))).id
        closed = create_referral(s, ReferralInput(1, "kursi roda", person_id=pid,
                                                  follow_up_due=today - dt.timedelta(days=3))).id
        move(s, closed, ReferralStatus.CLOSED)
        create_referral(s, ReferralInput(1, "sembako", person_id=pid, follow_up_due=today + dt.timedelta(days=3)))
    page = open_page(ReferralsPage)
    red = {page.model.id_at(r) for r in range(page.model.rowCount())
           if page.model.index(r, 0).data(Qt.ItemDataRole.ForegroundRole) is not None}
    assert red == {late}
    assert page.summary.text() == "3 rujukan, 1 lewat waktu tindak lanjut"
    page.table.selectRow(page.model.row_of(late))
    assert page.advance_selected(ReferralStatus.CLOSED, note="")
    assert page.summary.text() == "3 rujukan, 0 lewat waktu tindak lanjut"
    assert page.model.index(page.model.row_of(late), 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_verify_dialog(qtbot, sqlite_db, ops):
    from desktop.core.services.referrals import ReferralInput, create_referral, letter_data, move
    from desktop.gui.referrals.dialogs import VerifyDialog

    with sqlite_db.transaction() as s:
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001")).id
        ref = create_referral(s, ReferralInput(1, "alat bantu jalan", person_id=pid)).id
        move(s, ref, ReferralStatus.SIGNED)
    with sqlite_db.read() as s:
        payload = letter_data(s, ref).qr
    dialog = VerifyDialog(ops)
    qtbot.addWidget(dialog)
    dialog.code.setPlainText(payload)
    assert dialog.check() and dialog.result.text().startswith("ASLI")
    dialog.code.setPlainText(payload + "X")  # a mangled signature
    assert not dialog.check() and dialog.result.text().startswith("TIDAK ASLI")


def test_wrong_transition_is_explained(qtbot, sqlite_db, ops, open_page, monkeypatch):
    _quiet(monkeypatch)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    page, dialog = _page_with_one_draft(qtbot, sqlite_db, ops, open_page)
    assert not page.advance_selected(ReferralStatus.RECEIVED)  # a draft is not received before it is sent
    assert warnings and "draft" in warnings[0]


def test_institutions_are_managed_and_inactive_ones_are_not_offered(qtbot, sqlite_db, ops):
    from desktop.core.changes import Kind
    from desktop.gui.referrals.dialogs import InstitutionDialog, InstitutionsDialog

    announced = []
    ops.changed.connect(announced.append)
    listing = InstitutionsDialog(ops)
    qtbot.addWidget(listing)
    assert listing.table.rowCount() == 5  # the defaults made with the office
    new = InstitutionDialog(ops)
    qtbot.addWidget(new)
    assert not new.save() and "Nama lembaga" in new.errors.text()
    new.edits["name"].setText("Panti Sosial Tresna Werdha Nirwana Puri")
    new.edits["addressee"].setText("Kepala UPTD PSTW Nirwana Puri")
    new.edits["city"].setText("Samarinda")
    new.kind.setCurrentIndex(new.kind.findData(InstitutionKind.RESIDENTIAL_CARE))
    assert new.save()
    listing.refresh()
    assert listing.table.rowCount() == 6
    row = next(r for r in range(6) if listing.table.item(r, 0).text().startswith("Panti Sosial"))
    assert listing.table.item(row, 1).text() == "Panti / LKS"
    iid = listing.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
    assert announced[-1].touches(Kind.INSTITUTION) and announced[-1].ids(Kind.INSTITUTION) is None  # added
    change = InstitutionDialog(ops, iid)
    qtbot.addWidget(change)
    assert change.edits["city"].text() == "Samarinda" and change.kind.currentData() == InstitutionKind.RESIDENTIAL_CARE
    change.active.setChecked(False)
    assert change.save()
    assert announced[-1].ids(Kind.INSTITUTION) == {iid}  # edited in place
    offered = ReferralDialog(ops)
    qtbot.addWidget(offered)
    assert offered.institution.findData(iid) == -1


def test_signing_on_behalf_and_notes_reach_the_letter_and_history(qtbot, sqlite_db, ops, open_page, monkeypatch):
    from desktop.core.db.models import ReferralEvent
    from desktop.core.services.referrals import letter_data

    _quiet(monkeypatch)
    page, dialog = _page_with_one_draft(qtbot, sqlite_db, ops, open_page)
    assert page.advance_selected(ReferralStatus.SIGNED, note="Camat sedang dinas luar", on_behalf={
        "jabatan": "Kepala Seksi Kesejahteraan Sosial", "name": "Hj. Nurul Aini, S.Sos.", "pangkat": "Penata (III/c)",
        "nip": "198003122006042011"})
    with sqlite_db.read() as s:
        data = letter_data(s, dialog.saved_id)
        notes = s.scalars(select(ReferralEvent.note).where(ReferralEvent.referral_id == dialog.saved_id)).all()
    assert data.signer["an"] == "Camat Tenggarong" and data.signer["name"] == "Hj. Nurul Aini, S.Sos."
    assert "Camat sedang dinas luar" in notes
    preview = page.preview_letter(show=False)
    qtbot.addWidget(preview)
    text = pypdf.PdfReader(io.BytesIO(bytes(preview._bytes))).pages[0].extract_text()
    assert "a.n. Camat Tenggarong," in text and "Kepala Seksi Kesejahteraan Sosial," in text
    assert "NIP. 19800312 200604 2 011" in text


def test_a_family_is_referred_by_no_kk_and_steps_are_listed(qtbot, sqlite_db, ops, open_page, monkeypatch):
    from desktop.core.services.registry import FamilyInput, create_family

    _quiet(monkeypatch)
    with sqlite_db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402060408220014")).id
        create_person(s, PersonInput(name="Pak Darto", sex="L", nik="6402061203600001", family_id=fid,
                                     relationship_code=1))
    page = open_page(ReferralsPage)
    dialog = ReferralDialog(ops, page)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(1)
    dialog.nik.setText("6402060408220015")
    dialog.save()
    assert "belum terdaftar" in dialog.person.text() and dialog.saved_id is None
    dialog.nik.setText("6402060408220014")
    dialog.need.setText("usulan bantuan rumah tidak layak huni")
    dialog.save()
    assert dialog.saved_id is not None and "Keluarga Pak Darto" in dialog.person.text()
    assert _cell(page, 0, 1) == "Keluarga 6402060408220014"
    page.table.selectRow(0)
    assert page.advance_selected(ReferralStatus.SIGNED, note="diantar langsung")
    assert [page.steps.item(i).text().split(": ", 1)[1] for i in range(page.steps.count())] == [
        "Konsep", "Ditandatangani — diantar langsung"]


def test_without_qtpdf_the_letter_opens_in_the_system_viewer(qtbot, sqlite_db, ops, open_page, monkeypatch,
                                                             tmp_path):
    import sys

    opened = _quiet(monkeypatch)
    monkeypatch.setitem(sys.modules, "desktop.gui.shared.pdf_preview", None)  # as in a build without PySide6-Pdf
    target = tmp_path / "surat.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page, dialog = _page_with_one_draft(qtbot, sqlite_db, ops, open_page)
    assert page.preview_letter() is None
    assert opened == [str(target)] and target.read_bytes().startswith(b"%PDF")


def test_register_cancels_a_number_with_a_reason(qtbot, sqlite_db, ops, monkeypatch):
    from desktop.core.services.referrals import issue_number, register_rows
    from desktop.gui.referrals.dialogs import RegisterDialog

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    with sqlite_db.transaction() as s:
        first = issue_number(s, dt.date(2026, 11, 20), subject="Rujukan: alat bantu").number
        second = issue_number(s, dt.date(2026, 11, 21), subject="BAST BLT-DD").number
    dialog = RegisterDialog(ops)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 0).text() for r in range(2)] == [second, first]  # newest first
    assert dialog.table.item(0, 4).text() == "Terbit"
    dialog.table.selectRow(0)
    assert not dialog.cancel_selected("  ") and "alasan" in warnings[0]
    assert dialog.cancel_selected("salah ketik tujuan")
    with sqlite_db.read() as s:
        rows = register_rows(s)
    assert (rows[0].status, rows[0].cancel_reason) == (LetterStatus.CANCELLED, "salah ketik tujuan")
    assert "salah ketik tujuan" in dialog.table.item(0, 4).text()
    with sqlite_db.transaction() as s:
        assert issue_number(s, dt.date(2026, 11, 22)).number.split("/")[1] == "003"  # never given again


def test_a_referral_from_a_complaint_says_where_it_came_from(open_page, sqlite_db):
    from desktop.core.db.models import Family, Person
    from desktop.core.domain.enums import Sex
    from desktop.core.services import complaints
    from desktop.gui.referrals.page import ReferralsPage

    with sqlite_db.transaction() as s:
        fam = Family(no_kk="6402061203150302", desa_code="64.02.06.1001", rt="001")
        s.add(fam)
        s.flush()
        person = Person(nik="6402061505800302", name="Warga Aduan", name_key="WARGA ADUAN", sex=Sex.MALE,
                        family_id=fam.id, relationship_code=1, desa_code="64.02.06.1001")
        s.add(person)
        s.flush()
        ticket = complaints.add_complaint(s, complaints.ComplaintInput(
            complainant="Warga Aduan", summary="Butuh kursi roda", person_id=person.id))
        complaints.close_into_referral(s, ticket.id, "Dirujuk ke Dinas Sosial", 1, "Kursi roda")
        number = ticket.number
    page = open_page(ReferralsPage)
    page.table.selectRow(0)
    page.show_steps()
    assert page.steps.item(0).text().startswith(f"Dari pengaduan {number} (Warga Aduan,")
