from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem

from desktop.core.services import demo
from desktop.core.services.registry import PersonInput, create_person
from desktop.core.services.welfare import psks_input
from desktop.gui.registry.psks import PsksPage


def test_list_filters_and_model(qtbot, qtmodeltester, sqlite_db, open_page):
    demo.generate(sqlite_db, 60, seed=12)
    page = open_page(PsksPage)
    total = page.model.rowCount()
    assert total > 30
    qtmodeltester.check(page.model)
    page.type.setCurrentIndex(page.type.findData(11))  # TKSK
    assert page.model.rowCount() == 1 and page.model.index(0, 0).data() == "TKSK"
    page.type.setCurrentIndex(0)
    page.search.setText("karang taruna jahab")
    assert page.model.rowCount() == 1


def test_add_an_organisation_with_members_then_edit_and_delete(qtbot, sqlite_db, open_page, monkeypatch):
    with sqlite_db.transaction() as s:
        create_person(s, PersonInput(name="Siti Aminah", sex="P", nik="6402065505850001"))
    page = open_page(PsksPage)
    dialog = page.edit(None)
    dialog.type.setCurrentIndex(dialog.type.findData(5))  # Karang Taruna: an organisation
    assert not dialog.holder.isVisibleTo(dialog) and dialog.org_name.isEnabled()
    dialog.org_name.setText("Karang Taruna Tunas Harapan")
    dialog.sk_number.setText("400.9/15/Kesos/2026")
    dialog.desa.setCurrentIndex(1)
    dialog.coverage.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.members.insertRow(0)
    dialog.members.setItem(0, 0, QTableWidgetItem("Siti Aminah"))
    dialog.members.setItem(0, 1, QTableWidgetItem("Ketua"))
    dialog.members.setItem(0, 2, QTableWidgetItem("6402065505850001"))
    assert dialog.save()
    assert page.model.rowCount() == 1 and page.model.index(0, 5).data() == "1"
    with sqlite_db.read() as s:
        saved = psks_input(s, dialog.saved_id)
        assert saved.members[0][2] is not None and saved.coverage == ["64.02.06.1001"]
    page.table.selectRow(0)
    edit = page.edit(page.current_id())
    assert edit.org_name.text() == "Karang Taruna Tunas Harapan" and edit.members.rowCount() == 1
    edit.active.setChecked(False)
    assert edit.save()
    assert page.model.index(0, 6).data() == "tidak"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.table.selectRow(0)
    assert page.delete_current()
    assert page.model.rowCount() == 0


def test_person_psks_needs_a_registered_nik(qtbot, open_page):
    page = open_page(PsksPage)
    dialog = page.edit(None)
    dialog.type.setCurrentIndex(dialog.type.findData(2))  # PSM: a person
    dialog.holder.setText("6402061505800003")
    assert not dialog.save()
    assert "belum ada di registri" in dialog.errors.text()
