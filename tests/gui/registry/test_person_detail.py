import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.domain.enums import PpksStatus
from desktop.core.services.registry import FamilyInput, PersonInput, create_family, create_person, get_person, \
    person_input, update_person
from desktop.core.services.welfare import PpksInput
from desktop.gui import i18n
from desktop.gui.registry.persons import PersonsPage

TODAY = dt.date(2026, 11, 22)


def setup(db):
    with db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code="64.02.06.1001")).id
        a = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001",
                                         birth_date=dt.date(1950, 1, 1), family_id=fid, relationship_code=1)).id
        b = create_person(s, PersonInput(name="Kakek Udin", sex="L", nik="6402060101500002",
                                         birth_date=dt.date(1950, 1, 1), family_id=fid, relationship_code=2)).id
    return a, b


def test_detail_shows_family_and_records_categories(qtbot, sqlite_db, open_page, monkeypatch):
    a, b = setup(sqlite_db)
    page = open_page(PersonsPage)
    page.table.selectRow(page.model.row_of(a))
    panel = page.detail
    assert panel.detail.id == a and "Nenek Ijah" in panel.title.text()
    assert [panel.members.item(i).text().split(" — ")[0] for i in range(panel.members.count())] == [
        "Nenek Ijah", "Kakek Udin"]
    # one person's family, not the Families section
    assert panel.family_box.title() == "Anggota keluarga"
    assert i18n.read_ts(i18n.ts_path("en"))[panel.family_box.title()] == "Family members"
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    assert panel.save_category(PpksInput("LUT", TODAY, person_id=a))
    assert panel.ppks.rowCount() == 1 and panel.ppks.item(0, 0).text() == "LUT"
    assert page.model.row_data(page.model.row_of(a)).ppks == "LUT"
    panel.ppks.selectRow(0)
    assert panel.set_status(panel._selected_record(), PpksStatus.HANDLED)
    assert panel.ppks.item(0, 1).text() == "Tertangani"
    assert "status PPKS: aktif → tertangani" in panel.history.list.item(0).text()


def test_undo_a_mistake_from_the_history(qtbot, sqlite_db, open_page, monkeypatch):
    a, _ = setup(sqlite_db)
    with sqlite_db.transaction() as s:
        data = person_input(get_person(s, a))
        data.name = "Nenek Ijah Salah Ketik"
        update_person(s, a, data)
    page = open_page(PersonsPage)
    page.table.selectRow(page.model.row_of(a))
    panel = page.detail
    assert "nama: Nenek Ijah → Nenek Ijah Salah Ketik" in panel.history.list.item(0).text()
    panel.history.list.setCurrentRow(0)
    assert panel.history.revert_selected()
    with sqlite_db.read() as s:
        assert get_person(s, a).name == "Nenek Ijah"
    assert "Nenek Ijah</b>" in panel.title.text()
    assert page.model.index(page.model.row_of(a), 1).data() == "Nenek Ijah"
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    panel.history.list.setCurrentRow(1)  # the original edit: changed again since, so refused
    assert not panel.history.revert_selected()
    assert warned and "sudah diubah lagi" in warned[0]


def test_bulk_category_and_status(qtbot, sqlite_db, open_page, monkeypatch):
    a, b = setup(sqlite_db)
    page = open_page(PersonsPage)
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **k: messages.append(args[2]))
    page.add_category_to([a, b], PpksInput("LUT", TODAY))
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=5000)
    assert messages[0] == "Kategori dicatat untuk 2 orang."
    assert page.model.row_data(page.model.row_of(b)).ppks == "LUT"
    page.add_category_to([a, b], PpksInput("LUT", TODAY))
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=5000)
    assert "2 orang sudah memilikinya" in messages[-1]
    page.set_status_for([a, b], 8, PpksStatus.HANDLED)
    qtbot.waitUntil(lambda: len(messages) == 3, timeout=5000)
    assert messages[-1] == "Status 2 catatan diubah menjadi Tertangani."
    page.category.setCurrentIndex(8)
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.status.setCurrentIndex(2)  # tertangani
    assert page.model.rowCount() == 2


def test_a_search_that_finds_nobody_clears_the_detail(qtbot, sqlite_db, open_page):
    a, _ = setup(sqlite_db)
    page = open_page(PersonsPage)
    page.table.selectRow(page.model.row_of(a))
    assert page.detail.detail.id == a
    page.search.setText("tidak ada yang bernama begini")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.detail.detail is None and not page.detail.isEnabled()
    assert page.detail.members.count() == 0 and "Nenek Ijah" not in page.detail.title.text()


def test_a_deselected_person_leaves_the_detail_at_the_next_search(qtbot, sqlite_db, open_page):
    a, _ = setup(sqlite_db)
    page = open_page(PersonsPage)
    cell = page.table.visualRect(page.model.index(page.model.row_of(a), 1)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos=cell)
    assert page.selected_ids() == [] and page.detail.detail.id == a
    page.search.setText("tidak ada yang bernama begini")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.detail.detail is None
