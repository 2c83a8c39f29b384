from desktop.core.changes import Kind
from desktop.core.services.registry import FamilyInput, PersonInput, create_family, create_person, get_person
from desktop.gui.registry.families import FamiliesPage


def test_add_family_members_head_and_desil(qtbot, sqlite_db, open_page):
    with sqlite_db.transaction() as s:
        budi = create_person(s, PersonInput(name="Budi Santoso", sex="L", nik="6402061505800003")).id
        siti = create_person(s, PersonInput(name="Siti Aminah", sex="P", nik="6402065505850001")).id
    page = open_page(FamiliesPage)
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
    assert page.model.index(0, 1).data() == "Budi Santoso"  # the row was read again in place
    with sqlite_db.read() as s:
        assert get_person(s, siti).rt == "007"  # members take the family's address
    page.members.setCurrentRow(1)
    assert page.make_head()
    assert page.members.item(0).text().startswith("Siti Aminah — Kepala Keluarga")
    page.desil_value.setValue(2)
    assert page.record_desil()
    assert page.model.index(0, 6).data() == "2"
    page.members.setCurrentRow(1)  # Budi, now "Lainnya"
    assert page.remove_member()
    with sqlite_db.read() as s:
        assert get_person(s, budi).family_id is None
    assert page.model.index(0, 5).data() == "1"


def test_invalid_kk_is_explained(qtbot, open_page):
    page = open_page(FamiliesPage)
    dialog = page.edit(None)
    dialog.no_kk.setText("6402063212150099")
    assert not dialog.save()
    assert "tanggal pencatatan" in dialog.errors.text().lower()


def test_family_history_and_undo(qtbot, sqlite_db, open_page):
    from desktop.core.services.registry import get_family, update_family

    with sqlite_db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code="64.02.06.1001", rt="1")).id
        update_family(s, fid, FamilyInput(no_kk="6402061203150007", desa_code="64.02.06.1001", rt="9"))
    page = open_page(FamiliesPage)
    page.table.selectRow(0)
    assert "RT: 001 → 009" in page.history.list.item(0).text()
    assert page.model.index(0, 4).data() == "009/-"
    page.history.list.setCurrentRow(0)
    assert page.history.revert_selected()
    with sqlite_db.read() as s:
        assert get_family(s, fid).rt == "001"
    assert page.model.index(0, 4).data() == "001/-"  # the undo is announced like any write
    assert "RT: 009 → 001" in page.history.list.item(0).text()


def test_a_person_saved_on_the_persons_page_reaches_the_families_page(qtbot, sqlite_db, open_page):
    """A write names what it changed; every page that shows it redraws, without signals between pages."""
    from desktop.gui.registry.persons import PersonsPage

    with sqlite_db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code="64.02.06.1001")).id
        head = create_person(s, PersonInput(name="Budi Santoso", sex="L", nik="6402061505800003", family_id=fid,
                                            relationship_code=1)).id
    families = open_page(FamiliesPage)
    persons = open_page(PersonsPage)
    families.table.selectRow(0)
    assert families.model.index(0, 1).data() == "Budi Santoso"
    heard = []
    persons.ops.changed.connect(heard.append)
    dialog = persons.edit(head)
    dialog.name.setText("Budi Santoso Wijaya")
    assert dialog.save()
    assert heard[0].ids(Kind.PERSON) == {head} and heard[0].ids(Kind.FAMILY) == {fid}
    assert families.model.index(0, 1).data() == "Budi Santoso Wijaya"  # re-read in place
    assert families.members.item(0).text().startswith("Budi Santoso Wijaya")
