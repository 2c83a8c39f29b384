from desktop.core.services.registry import PersonInput, create_person, get_person
from desktop.gui.registry.families import FamiliesPage


def test_add_family_members_head_and_desil(qtbot, sqlite_db):
    with sqlite_db.transaction() as s:
        budi = create_person(s, PersonInput(name="Budi Santoso", sex="L", nik="6402061505800003")).id
        siti = create_person(s, PersonInput(name="Siti Aminah", sex="P", nik="6402065505850001")).id
    page = FamiliesPage(sqlite_db)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    dialog = page.edit(None)
    dialog.no_kk.setText("6402061203150099")
    dialog.desa.setCurrentIndex(1)
    dialog.rt.setText("7")
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        assert dialog.save()
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == "(belum ada)"
    page.table.selectRow(0)
    assert page.add_member("6402061505800003", 1) and page.add_member("6402 0655 0585 0001", 3)
    assert page.members.count() == 2 and page.members.item(0).text().startswith("Budi Santoso — Kepala Keluarga")
    with sqlite_db.read() as s:
        assert get_person(s, siti).rt == "007"  # members take the family's address
    page.members.setCurrentRow(1)
    page.make_head()
    assert page.members.item(0).text().startswith("Siti Aminah — Kepala Keluarga")
    page.desil_value.setValue(2)
    page.record_desil()
    assert page.model.index(0, 6).data() == "2"
    page.members.setCurrentRow(1)  # Budi, now "Lainnya"
    page.remove_member()
    with sqlite_db.read() as s:
        assert get_person(s, budi).family_id is None
    assert page.model.index(0, 5).data() == "1"


def test_invalid_kk_is_explained(qtbot, sqlite_db):
    page = FamiliesPage(sqlite_db)
    qtbot.addWidget(page)
    dialog = page.edit(None)
    dialog.no_kk.setText("6402063212150099")
    assert not dialog.save()
    assert "tanggal pencatatan" in dialog.errors.text().lower()


def test_family_history_and_undo(qtbot, sqlite_db):
    from desktop.core.services.registry import FamilyInput, create_family, get_family, update_family

    with sqlite_db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code="64.02.06.1001", rt="1")).id
        update_family(s, fid, FamilyInput(no_kk="6402061203150007", desa_code="64.02.06.1001", rt="9"))
    page = FamiliesPage(sqlite_db)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert "RT: 001 → 009" in page.history.list.item(0).text()
    page.history.list.setCurrentRow(0)
    page.history.revert_selected()
    with sqlite_db.read() as s:
        assert get_family(s, fid).rt == "001"
