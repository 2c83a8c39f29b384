"""Bantuan: a programme made through the dialog, its list built from the registry, checked, decided
and made final; an event created, scheduled, printed, closed and reopened."""

import datetime as dt
import io

import pypdf
import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem
from sqlalchemy import select

from desktop.core.db.models import DistributionEvent, Programme, Recipient, RecipientCheck
from desktop.core.domain.enums import Decision, Funding, TargetUnit
from desktop.core.services import aid, aid_checks, aid_recipients, distribution_desk
from desktop.core.services.lists import PersonFilter
from desktop.gui.aid.dialogs import ReasonDialog
from desktop.gui.aid.event_dialog import EventDialog
from desktop.gui.aid.page import AidPage
from desktop.gui.aid.programme_dialog import ProgrammeDialog
from desktop.gui.aid.recipient_dialogs import RegistryAddDialog
from tests.gui.aid.views import cell

JAHAB = "64.02.06.1001"


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    return shown


@pytest.fixture
def show_page(qtbot, ops):
    """The page as the main window shows it: visible, and told about every change that lands.
    Held here until the test is over: a shown widget whose last reference sat in a garbage cycle
    (an exception's frames) could otherwise be deleted by the collector in the middle of a paint."""
    pages = []

    def show(tab: int = 0) -> AidPage:
        page = AidPage(ops)
        qtbot.addWidget(page)
        ops.changed.connect(page.apply_changes)
        page.tabs.setCurrentIndex(tab)
        page.show()
        qtbot.waitExposed(page)
        pages.append(page)
        return page

    yield show
    pages.clear()  # pytest-qt has closed them by now


def _rows(view) -> int:
    return view.model().rowCount()


def test_programme_list_built_checked_decided_and_finalised(qtbot, ops, show_page, sqlite_db, aid_people, warnings):
    page = show_page()
    tab = page.programmes
    lines = tab.list
    assert _rows(tab.table) == 0 and not tab.list_box.isEnabled()

    # the dialog shows every problem at once
    dialog = ProgrammeDialog(ops, parent=tab)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    errors = dialog.errors.text()
    assert "Nama program wajib diisi" in errors and "lebih dari nol" in errors and "periode" in errors
    dialog.name.setText("BLT Dana Desa 2026")
    dialog.funding.setCurrentIndex(dialog.funding.findData(Funding.DANA_DESA))
    dialog.amount.setValue(300000)
    dialog.period.setText("Tahap IV (Oktober–Desember 2026)")
    dialog.start.setDate(dt.date(2026, 10, 1))
    dialog.end.setDate(dt.date(2026, 9, 1))
    assert not dialog.save() and "Akhir periode" in dialog.errors.text()
    dialog.end.setDate(dt.date(2026, 12, 31))
    assert dialog.save()
    tab.programme_saved(dialog.saved_id)
    assert [cell(tab.table, 0, c) for c in (0, 2, 3, 4, 5)] == [
        "BLT Dana Desa 2026", "Dana Desa", "Uang tunai, Rp300.000", "Per orang", "Draf"]
    assert tab.list_box.isEnabled() and "BLT Dana Desa 2026" in tab.list_box.title()
    pid = dialog.saved_id

    # from the registry: the count before adding, then the lines
    add = RegistryAddDialog(ops, pid, tab)
    qtbot.addWidget(add)
    assert add.preview.text() == "Akan ditambahkan: 5 orang"  # everyone alive, without a filter
    assert add.hint.text().startswith("Tanpa saringan")
    add.desa.setCurrentIndex(add.desa.findData(JAHAB))
    add.count()
    assert add.preview.text() == "Akan ditambahkan: 3 orang" and add.add_button.text() == "Tambahkan 3"
    with sqlite_db.read() as s:
        assert aid_checks.recipient_rows(s, pid) == []  # counting added nothing
    assert add.add()
    tab.after_add(add.result)
    assert _rows(lines.view) == 3 and cell(tab.table, 0, 6) == "3"  # redrawn from the announced change
    assert "3 penerima ditambahkan" in tab.check_summary.text()

    # one person by NIK, and a deceased one found by name (only the checks stop him)
    one = tab.add_recipient(show=False)
    qtbot.addWidget(one)
    one.search.setText("6402064410750005")
    assert one.find() == 1 and cell(one.table, 0, 0) == "Siti Aminah"
    assert one.add_selected() and one.message.text() == "Siti Aminah ditambahkan ke daftar."
    assert not one.add_selected() and "sudah ada di daftar" in one.message.text()
    one.search.setText("darto")
    assert one.find() == 1 and cell(one.table, 0, 6) == "Meninggal"
    assert one.add_selected()
    assert _rows(lines.view) == 5

    # check: one finding, shown by kind; only the line needing a decision is listed
    summary = tab.check_list()
    assert summary.open == 1
    assert tab.check_summary.text() == "5 baris diperiksa: 1 temuan (Meninggal 1); 1 belum diputuskan."
    assert lines.only_open.isChecked() and _rows(lines.view) == 1
    assert cell(lines.view, 0, 0) == "Darto Wiryo" and cell(lines.view, 0, 7) == "Meninggal"
    assert cell(tab.table, 0, 7) == "1"  # open findings in the programme list
    assert "Tercatat meninggal" in lines.findings.item(0).text()

    # not final while a finding waits
    assert not tab.finalise_list(confirm=False)
    assert "belum diputuskan" in warnings[-1]

    # keeping needs a reason; excluding does not
    assert lines.decide_selected(Decision.KEEP, reason="") == 0
    assert "alasan" in lines.decide_message.text()
    assert lines.decide_selected(Decision.EXCLUDE) == 1
    with sqlite_db.read() as s:
        check = s.scalars(select(RecipientCheck)).one()
        line = s.get(Recipient, check.recipient_id)
        assert (check.decision.value, check.decided_by, line.name, line.status.value) == (
            "keluarkan", "penguji", "Darto Wiryo", "dikeluarkan")
    assert _rows(lines.view) == 0  # nothing left to decide
    lines.only_open.setChecked(False)
    assert _rows(lines.view) == 5
    assert "4 penerima masuk · 1 dikeluarkan · 0 temuan" in lines.status.text()

    # searched in the database: part of a name, NIK or No. KK
    lines.search.setText("WAHY")
    qtbot.waitUntil(lambda: _rows(lines.view) == 1)
    assert cell(lines.view, 0, 0) == "Wahyuni"

    # a line off the draft list
    lines.view.selectRow(0)
    assert tab.remove_selected(confirm=False) == 1
    assert _rows(lines.view) == 0
    lines.search.clear()
    qtbot.waitUntil(lambda: _rows(lines.view) == 4)

    assert tab.finalise_list(confirm=False)
    with sqlite_db.read() as s:
        assert s.get(Programme, pid).list_status.value == "final"
    assert cell(tab.table, 0, 5) == "Final" and "FINAL" in lines.status.text()
    assert not tab.add_registry.isEnabled() and not tab.finalise_button.isEnabled() and tab.reopen_button.isEnabled()

    assert tab.reopen_list(confirm=False)
    with sqlite_db.read() as s:
        assert s.get(Programme, pid).list_status.value == "draft"
    assert tab.add_registry.isEnabled() and not tab.reopen_button.isEnabled()


def test_decision_for_every_finding_of_a_kind_and_a_kept_line(qtbot, ops, show_page, sqlite_db, aid_people):
    with sqlite_db.transaction() as s:
        pid = aid.save_programme(s, aid.ProgrammeInput("PKH", "APBN", "tunai", "Uang tunai", "", 750000, "Tahap IV",
                                                       dt.date(2026, 10, 1), dt.date(2026, 12, 31), "orang")).id
        for name in ("Wahyuni", "Wahyuni", "Bahrun", "Bahrun"):  # the same NIK twice, twice
            aid_recipients.add_person(s, pid, aid_people[name])
    page = show_page()
    tab, lines = page.programmes, page.programmes.list
    tab.check_list()
    assert "NIK ganda 4" in tab.check_summary.text() and _rows(lines.view) == 4
    lines.view.selectRow(0)
    lines.reason.setText("Baris ganda dari impor; satu tetap")
    assert lines.decide_selected(Decision.KEEP) == 1
    assert _rows(lines.view) == 3 and lines.reason.text() == ""
    assert lines.selected_ids()  # on to the next line to decide
    lines.same_kind.setChecked(True)
    assert lines.decide_selected(Decision.EXCLUDE) == 3
    with sqlite_db.read() as s:
        decisions = sorted((c.decision.value, c.note or "") for c in s.scalars(select(RecipientCheck)))
    assert decisions == [("keluarkan", ""), ("keluarkan", ""), ("keluarkan", ""),
                         ("tetap", "Baris ganda dari impor; satu tetap")]
    lines.only_open.setChecked(False)
    texts = {cell(lines.view, r, 7) for r in range(_rows(lines.view))}
    assert texts == {"NIK ganda (Tetap)", "NIK ganda (Dikeluarkan)"}


def test_goods_programme_edited_and_target_locked(qtbot, ops, show_page, sqlite_db, aid_people):
    page = show_page()
    dialog = page.programmes.new_programme(show=False)
    qtbot.addWidget(dialog)
    dialog.name.setText("Beras CPP 2026")
    dialog.goods.setChecked(True)
    assert dialog.item.text() == "" and dialog.unit.isEnabled()
    dialog.item.setText("Beras 10 kg")
    dialog.unit.setText("karung")
    assert dialog.amount.suffix() == " karung" and dialog.amount.prefix() == ""
    dialog.amount.setValue(1)
    dialog.period.setText("November 2026")
    dialog.target.setCurrentIndex(dialog.target.findData(TargetUnit.FAMILY))
    assert dialog.save()
    page.programmes.programme_saved(dialog.saved_id)
    assert cell(page.programmes.table, 0, 3) == "Beras 10 kg, 1 karung"
    with sqlite_db.transaction() as s:
        rec = aid.save_programme(s, aid.ProgrammeInput("Lansia", "APBN", "tunai", "Uang tunai", "", 200000, "2026",
                                                       dt.date(2026, 1, 1), dt.date(2026, 12, 31), "orang")).id
        aid_recipients.add_person(s, rec, aid_people["Bahrun"])
    page.programmes.refresh()
    page.programmes.select_programme(rec)
    edit = page.programmes.edit_programme(show=False)
    qtbot.addWidget(edit)
    assert edit.name.text() == "Lansia" and edit.amount.value() == 200000 and edit.cash.isChecked()
    edit.target.setCurrentIndex(edit.target.findData(TargetUnit.FAMILY))
    assert not edit.save() and "tidak bisa diubah" in edit.errors.text()


def test_event_created_scheduled_printed_closed_and_reopened(qtbot, ops, show_page, sqlite_db, aid_people, warnings,
                                                             tmp_path):
    with sqlite_db.transaction() as s:
        pid = aid.save_programme(s, aid.ProgrammeInput(
            "BLT Dana Desa 2026", "Dana Desa", "tunai", "Uang tunai", "", 300000, "Tahap IV", dt.date(2026, 10, 1),
            dt.date(2026, 12, 31), "orang")).id
        aid_recipients.add_from_registry(s, pid, PersonFilter())
    page = show_page(tab=1)
    tab, papers = page.events, page.events.papers
    assert _rows(tab.table) == 0 and not tab.desk_button.isEnabled()

    dialog = EventDialog(ops, programme_id=pid, parent=tab)
    qtbot.addWidget(dialog)
    assert "belum final" in dialog.programme.currentText()
    assert not dialog.save()
    assert "Nama kegiatan" in dialog.errors.text() and "Tempat penyaluran" in dialog.errors.text()
    dialog.name.setText("Penyaluran Tahap IV Desa Jahab")
    dialog.place.setText("Balai Desa Jahab")
    dialog.time.setText("08.00 WITA")
    dialog.date.setDate(dt.date(2026, 11, 22))
    item = next(dialog.desa.item(i) for i in range(dialog.desa.count()) if dialog.desa.item(i).text() == "Jahab")
    item.setCheckState(item.checkState().Checked)
    for r, values in enumerate((("Rahmadi", "TKSK", ""), ("Siti Hajar", "Kasi Kesos", "198003122006042011"))):
        for c, value in enumerate(values):
            dialog.officers.setItem(r, c, QTableWidgetItem(value))
    dialog.receiver["name"].setText("H. Jumadi")
    dialog.receiver["jabatan"].setText("Kepala Desa Jahab")
    assert dialog.save()
    tab.event_saved(dialog.saved_id)
    eid = dialog.saved_id
    with sqlite_db.read() as s:
        event = s.get(DistributionEvent, eid)
        assert event.desa_codes == [JAHAB] and [o["name"] for o in event.officers] == ["Rahmadi", "Siti Hajar"]
        assert event.receiver["jabatan"] == "Kepala Desa Jahab"
    assert [cell(tab.table, 0, c) for c in (0, 1, 4, 5, 6)] == [
        "22-11-2026", "Penyaluran Tahap IV Desa Jahab", "Jahab", "Direncanakan", "0"]
    assert "Rahmadi (TKSK); Siti Hajar (Kasi Kesos)" in tab.detail.text()
    edit = tab.edit_event(show=False)  # the saved event comes back into the form
    qtbot.addWidget(edit)
    assert edit.name.text() == "Penyaluran Tahap IV Desa Jahab" and edit.checked_desa() == [JAHAB]
    assert edit.officers.item(1, 2).text() == "198003122006042011"

    # a draft list cannot be scheduled; a final one can
    assert tab.schedule_selected() is None and "belum final" in warnings[-1]
    with sqlite_db.transaction() as s:
        aid_checks.finalise(s, pid)
    assert tab.schedule_selected() == 3  # the three living people in Jahab
    assert tab.message.text() == "3 penerima dijadwalkan pada penyaluran ini."
    assert cell(tab.table, 0, 6) == "3" and cell(tab.table, 0, 9) == "3"
    assert tab.schedule_selected() == 0 and "Tidak ada penerima baru" in tab.message.text()

    # the papers: the very PDF the preview shows
    def document(kind: str) -> bytes:
        with qtbot.waitSignal(papers.document_ready, timeout=20000) as blocker:
            papers.make_document(kind, show=False)
        return blocker.args[1]

    papers.masked.setCurrentIndex(papers.masked.findData(True))
    roster = pypdf.PdfReader(io.BytesIO(document("roster")))
    text = "".join(p.extract_text() for p in roster.pages)
    assert "Sumarni Kusuma" in text and "6402065203600001" not in text  # the NIK is masked
    coupons = pypdf.PdfReader(io.BytesIO(document("coupons")))
    with sqlite_db.read() as s:
        code, waiting_code = distribution_desk.desk_rows(s, eid)[0].code, distribution_desk.desk_rows(s, eid)[1].code
    assert code in "".join(p.extract_text() for p in coupons.pages)
    if papers.preview is not None:  # QtPdf present: the preview holds the same bytes
        qtbot.addWidget(papers.preview)
        assert papers.preview.document.pageCount() == len(coupons.pages)
    bast = pypdf.PdfReader(io.BytesIO(document("bast")))
    assert "BERITA ACARA" in bast.pages[0].extract_text().upper()
    saved = papers.save_document("BAST", b"%PDF-1.4 test", str(tmp_path / "bast.pdf"))
    assert saved.read_bytes() == b"%PDF-1.4 test"

    # results to Excel
    target = tmp_path / "hasil.xlsx"
    papers.start_export(target)
    qtbot.waitUntil(lambda: papers.export_status.text().startswith("Tersimpan"), timeout=20000)
    assert target.exists() and "hasil.xlsx" in papers.export_status.text()

    # close and reopen (a reason is required)
    with sqlite_db.transaction() as s:
        distribution_desk.collect(s, distribution_desk.desk_rows(s, eid)[0].allocation_id)
    tab.refresh()
    assert cell(tab.table, 0, 5) == "Berlangsung" and cell(tab.table, 0, 7) == "1"
    assert tab.close_selected(confirm=False)
    assert cell(tab.table, 0, 5) == "Ditutup" and "oleh penguji." in tab.detail.text()
    assert not tab.schedule_button.isEnabled() and tab.reopen_button.isEnabled()
    assert not tab.reopen_selected("  ") and "alasan" in warnings[-1].lower()
    assert tab.reopen_selected("Penerima susulan")
    assert cell(tab.table, 0, 5) == "Berlangsung"
    with sqlite_db.read() as s:
        assert s.get(DistributionEvent, eid).closed_at is None

    # the desk opens from here and its steps update the list
    desk = tab.open_desk()
    qtbot.addWidget(desk)
    assert tab.open_desk() is desk  # one desk per event
    desk.find(waiting_code)
    assert desk.mark_absent("Di luar kota")
    assert cell(tab.table, 0, 8) == "1"  # absent, redrawn from the desk's announced change


def test_reason_dialog_requires_a_reason(qtbot):
    dialog = ReasonDialog("Tidak hadir", "Mengapa?", ["Sakit"], check=lambda text: None if text != "x" else "salah")
    qtbot.addWidget(dialog)
    dialog._ok()
    assert dialog.errors.text() == "Alasan wajib diisi." and dialog.result() == 0
    dialog.reason.setCurrentText("x")
    dialog._ok()
    assert dialog.errors.text() == "salah"
    dialog.reason.setCurrentIndex(1)
    dialog._ok()
    assert dialog.result() == 1 and dialog.text() == "Sakit"


def test_main_window_has_the_aid_section_and_its_shortcut(qtbot, sqlite_db):
    from PySide6.QtGui import QShortcut

    from desktop.gui.main_window import MainWindow

    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Beranda", "Penduduk & PPKS", "Keluarga", "PSKS", "Kerja PSKS", "Rujukan", "Bantuan",
        "Pengaduan & Verivali", "Impor & Ekspor", "Pengaturan"]
    keys = {sc.key().toString(): sc for sc in window.findChildren(QShortcut)}
    keys["Ctrl+7"].activated.emit()
    assert window.pages.currentWidget() is window.aid_page and window.nav.currentItem().text() == "Bantuan"
    assert window.nav.item(6).toolTip() == "Ctrl+7"
    keys["Ctrl+0"].activated.emit()  # the tenth section
    assert window.pages.currentWidget() is window.settings
    keys["Ctrl+9"].activated.emit()
    assert window.pages.currentWidget() is window.exchange


def test_list_imported_from_excel_through_the_wizard(qtbot, ops, show_page, sqlite_db, tmp_path):
    from PySide6.QtWidgets import QWizard

    from desktop.core.changes import Kind
    from tests.io.messy import write_messy

    with sqlite_db.transaction() as s:
        pid = aid.save_programme(s, aid.ProgrammeInput("Bantuan lansia daerah", "APBD Kabupaten/Kota", "tunai",
                                                       "Uang tunai", "", 250000, "2026", dt.date(2026, 1, 1),
                                                       dt.date(2026, 12, 31), "orang")).id
    page = show_page()
    tab = page.programmes
    announced = []
    ops.changed.connect(announced.append)
    wizard = tab.import_list(str(write_messy(tmp_path / "dtks.xlsx")), show=False)  # a child of the page
    assert wizard.windowTitle() == "Impor daftar penerima: Bantuan lansia daerah"
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.mapping_page.isComplete(), timeout=10000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.dry_page.isComplete(), timeout=10000)
    assert not wizard.dry_page.keep.isVisible()  # no registry-conflict choice for a list
    with sqlite_db.read() as s:
        assert aid_checks.recipient_rows(s, pid) == []  # the trial run listed nobody
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.result is not None, timeout=10000)
    outcome = wizard.list_import
    assert outcome.listed == 8 and "8 baris masuk ke daftar penerima" in wizard.import_page.view.summary.text()
    wizard.done(QWizard.DialogCode.Accepted)
    assert any(c.touches(Kind.PERSON) for c in announced)  # the registry grew: every page that shows it hears
    assert tab.check_summary.text() == "8 baris dari berkas masuk ke daftar; 3 temuan belum diputuskan."
    lines = tab.list
    assert lines.only_open.isChecked() and _rows(lines.view) == 3
    kinds = sorted(cell(lines.view, r, 7) for r in range(3))
    assert kinds == ["NIK ganda", "NIK ganda", "Tanpa NIK"]
