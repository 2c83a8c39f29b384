import datetime as dt

from PySide6.QtWidgets import QMessageBox

from desktop.core.services.registry import PersonInput, create_person, get_person
from desktop.core.services.welfare import PpksInput, add_ppks
from desktop.gui.registry.person_dialog import PersonDialog
from desktop.gui.registry.persons import PersonsPage


def test_nik_is_decoded_as_typed_and_fills_birth_date_and_sex(qtbot, ops):
    dialog = PersonDialog(ops)
    qtbot.addWidget(dialog)
    dialog.nik.setText("6402065505850001")
    assert "Lahir 15-05-1985 · Perempuan · diterbitkan di Kec. Tenggarong, Kabupaten Kutai Kartanegara" \
        in dialog.nik_info.text()
    assert dialog.birth_known.isChecked() and dialog.birth_date.date().toPython() == dt.date(1985, 5, 15)
    assert dialog.sex.currentData() == "P"
    dialog.sex.setCurrentIndex(1)  # L: disagrees with the NIK
    assert "Jenis kelamin L tidak sama dengan NIK (P)" in dialog.nik_info.text()
    dialog.nik.setText("6402063205850001")
    assert "Tanggal lahir di NIK" in dialog.nik_info.text()


def test_add_then_edit_is_saved_and_audited(qtbot, sqlite_db, open_page):
    page = open_page(PersonsPage)
    dialog = page.edit(None)
    dialog.nik.setText("6402061505800003")
    dialog.name.setText("Budi Santoso")
    dialog.desa.setCurrentIndex(1)
    dialog.rt.setText("3")
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        assert dialog.save()
    assert page.model.rowCount() == 1 and page.model.index(0, 6).data() == "003/-"
    page.table.selectRow(0)
    page.edit_selected()
    edit = page.findChildren(PersonDialog)[-1]
    assert edit.name.text() == "Budi Santoso" and edit.sex.currentData() == "L"
    edit.phone.setText("081234567890")
    assert edit.dirty
    assert edit.save()
    with sqlite_db.read() as s:
        assert get_person(s, edit.saved_id).phone == "081234567890"


def test_invalid_input_is_explained_and_nothing_saved(qtbot, ops, monkeypatch):
    # The refused write's traceback keeps the dialog alive past the test: closing it then asks
    # about the unsaved input, which is what it should do.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog = PersonDialog(ops)
    qtbot.addWidget(dialog)
    dialog.nik.setText("6402061505800000")
    assert not dialog.save()
    assert "Nama wajib diisi" in dialog.errors.text() and "0000" in dialog.errors.text()
    assert dialog.saved_id is None


def test_the_refusal_goes_once_the_input_is_put_right(qtbot, ops, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog = PersonDialog(ops)
    qtbot.addWidget(dialog)
    dialog.nik.setText("6402061505800000")
    dialog.sex.setCurrentIndex(dialog.sex.findData(None))
    assert not dialog.save()
    assert "0000" in dialog.errors.text() and "Jenis kelamin harus L atau P." in dialog.errors.text()
    dialog.nik.setText("6402061505800001")  # the NIK is right now, and gives the sex; the name is missing
    assert dialog.errors.text() == "Belum tersimpan: Nama wajib diisi."
    dialog.name.setText("Budi Santoso")
    assert dialog.errors.text() == ""


def test_the_sex_message_is_indonesian_and_explained_in_english():
    from desktop.core import i18n

    assert i18n.t("person.sex_invalid") == "Jenis kelamin harus L atau P."
    i18n.set_language("en")
    try:
        assert i18n.t("person.sex_invalid") == "Choose the sex: male (L) or female (P)."
    finally:
        i18n.set_language("id")


def test_existing_nik_offers_to_open_that_person(qtbot, sqlite_db, open_page):
    with sqlite_db.transaction() as s:
        pid = create_person(s, PersonInput(name="Siti Aminah", sex="P", nik="6402065505850001")).id
    page = open_page(PersonsPage)
    dialog = page.edit(None)
    dialog.nik.setText("6402 0655 0585 0001")
    assert "sudah terdaftar atas nama Siti Aminah" in dialog.nik_info.text()
    assert dialog.open_existing.isVisibleTo(dialog)
    dialog.open_existing.click()
    opened = [d for d in page.findChildren(PersonDialog) if d.person_id == pid]
    assert opened and opened[0].name.text() == "Siti Aminah"


def test_unsaved_changes_are_asked_about(qtbot, ops, monkeypatch):
    dialog = PersonDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Belum Disimpan")
    asked = []

    def cancel(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    dialog.reject()
    assert asked == ["Ada perubahan yang belum disimpan. Simpan sekarang?"] and dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible() and dialog.saved_id is None


def test_delete_asks_and_refuses_psks_holders(qtbot, sqlite_db, open_page, monkeypatch):
    from desktop.core.services.welfare import PsksInput, add_psks

    with sqlite_db.transaction() as s:
        a = create_person(s, PersonInput(name="Ani", sex="P", nik="6402064101900002")).id
        b = create_person(s, PersonInput(name="Tono", sex="L", nik="6402060101900003")).id
        add_ppks(s, PpksInput("PRSE", dt.date(2026, 1, 1), person_id=a))
        add_psks(s, PsksInput("PSM", person_id=b))
    page = open_page(PersonsPage)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    page.table.selectAll()
    assert not page.delete_selected()
    assert warned and "PSKS" in warned[0] and "Tidak ada yang dihapus" in warned[0]
    assert page.model.rowCount() == 2
    page.table.clearSelection()
    page.table.selectRow(page.model.row_of(a))
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.delete_selected()
    assert page.model.rowCount() == 1


def test_an_edit_rereads_only_that_row_and_keeps_the_view(qtbot, sqlite_db, open_page):
    from desktop.core.services import demo

    demo.generate(sqlite_db, 60, seed=4)
    with sqlite_db.transaction() as s:
        pid = create_person(s, PersonInput(name="Zubaidah Kasmirah", sex="P", nik="6402064101600001",
                                           desa_code="64.02.06.1001")).id
    page = open_page(PersonsPage)
    model = page.model
    ids, row = list(model.ids), model.row_of(pid)
    page.table.selectRow(row)
    page.table.scrollTo(model.index(row, 0))
    scroll = page.table.verticalScrollBar().value()
    assert model.row_data(row).name == "Zubaidah Kasmirah"
    fetched, fetch = [], model._fetch
    model._fetch = lambda wanted: (fetched.append(list(wanted)), fetch(wanted))[1]
    dialog = page.edit(pid)
    dialog.name.setText("Zubaidah Kasmirah Putri")
    with qtbot.assertNotEmitted(page.refreshed, wait=300):  # no new id list, no reset
        assert dialog.save()
    assert fetched == [[pid]]
    assert model.ids == ids and page.selected_ids() == [pid]
    assert page.table.verticalScrollBar().value() == scroll
    assert model.index(row, 1).data() == "Zubaidah Kasmirah Putri"
    assert "Zubaidah Kasmirah Putri" in page.detail.title.text()
