from PySide6.QtCore import Qt

from desktop.core.domain.people import name_key
from desktop.core.services import demo
from desktop.core.services.registry import PersonInput, create_person, delete_person
from desktop.core.services.startup import open_for_app
from desktop.gui.shared.lazy_model import LazyTableModel
from desktop.gui.main_window import MainWindow
from desktop.gui.registry.persons import COLUMNS, PersonsPage


def test_window_shows_office_registry_and_database(qtbot, sqlite_db):
    demo.generate(sqlite_db, 100, seed=3)
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Kantor Camat Tenggarong" in window.windowTitle()
    assert "Kecamatan Tenggarong, Kabupaten Kutai Kartanegara" in window.header.text()
    assert str(sqlite_db.file) in window.statusBar().currentMessage()
    assert window.persons.rowCount() > 300
    assert window.persons_page.count.text().endswith("penduduk")


def test_person_model_passes_the_model_tester(qtbot, qtmodeltester, sqlite_db, ops):
    demo.generate(sqlite_db, 60, seed=4)
    page = PersonsPage(ops)
    qtbot.addWidget(page)
    model = page.model
    assert isinstance(model, LazyTableModel) and model.rowCount() > 100
    qtmodeltester.check(model)
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    keys = [name_key(n) for n in names]
    assert keys == sorted(keys)
    assert len({model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())}) == len(names)


def test_search_filter_sort_and_selection_survives(qtbot, sqlite_db, ops):
    demo.generate(sqlite_db, 150, seed=5)
    with sqlite_db.transaction() as s:
        create_person(s, PersonInput(name="Zubaidah Kasmirah", sex="P", nik="6402064101600001",
                                     desa_code="64.02.06.1001"))
    page = PersonsPage(ops)
    qtbot.addWidget(page)
    total = page.model.rowCount()
    def change(action):
        with qtbot.waitSignal(page.refreshed, timeout=5000):
            action()
        return page.model.rowCount()

    assert change(lambda: page.search.setText("zubaidah kasmir")) == 1
    assert page.model.index(0, 1).data() == "Zubaidah Kasmirah"
    assert page.count.text() == "1 penduduk"
    assert change(lambda: page.search.setText("64020641016")) == 1  # the start of a NIK
    page.table.selectRow(0)
    chosen = page.selected_ids()
    assert change(page.search.clear) == total
    assert page.selected_ids() == chosen  # the selection survives the refresh
    assert 0 < change(lambda: page.without_nik.setChecked(True)) < total
    assert all(page.model.index(r, 0).data() == "(tanpa NIK)" for r in range(page.model.rowCount()))
    change(lambda: page.without_nik.setChecked(False))
    assert 0 < change(lambda: page.age.setCurrentIndex(4)) < total  # lansia 60+
    assert all(int(page.model.index(r, 4).data()) >= 60 for r in range(page.model.rowCount()))
    change(lambda: page.age.setCurrentIndex(0))
    assert 0 < change(lambda: page.category.setCurrentIndex(8)) < total  # 8. LUT
    assert all("LUT" in page.model.index(r, 8).data() for r in range(page.model.rowCount()))
    assert change(lambda: page.category.setCurrentIndex(0)) == total
    change(lambda: page.model.sort(3, Qt.SortOrder.DescendingOrder))  # birth date, newest first
    dates = [page.model.row_data(r).birth_date for r in range(20)]
    assert dates == sorted(dates, reverse=True)


def test_deleted_row_shows_as_deleted_until_refresh(qtbot, sqlite_db, ops):
    with sqlite_db.transaction() as s:
        pid = create_person(s, PersonInput(name="Budi", sex="L")).id
    page = PersonsPage(ops)
    qtbot.addWidget(page)
    with sqlite_db.transaction() as s:
        delete_person(s, pid)
    page.model.invalidate()
    assert page.model.index(0, 1).data() == "(terhapus)"
    assert COLUMNS[1].sort_key == "name"


def test_demo_start_creates_and_opens_the_demo_database(qtbot, monkeypatch):
    monkeypatch.setattr("desktop.core.services.startup.DEMO_FAMILIES", 150)  # 2,000 for the office
    startup = open_for_app(demo=True)
    try:
        assert not startup.needs_setup and startup.db.file.name == "simpul-demo.db"
        window = MainWindow(startup.db)
        qtbot.addWidget(window)
        assert window.persons.rowCount() > 450
        again = open_for_app(demo=True)  # the second start reuses it
        assert not again.upgrade.changed
        again.db.dispose()
    finally:
        startup.db.dispose()


def test_empty_database_asks_for_setup(tmp_path):
    startup = open_for_app(tmp_path / "baru.db")
    assert startup.needs_setup
    startup.db.dispose()


def test_screenshot_option_saves_the_window(qtbot, sqlite_db, tmp_path):
    from PySide6.QtGui import QImage

    from desktop.gui.app import run

    shot = tmp_path / "jendela.png"
    assert run(db_target=str(sqlite_db.file), screenshot=str(shot)) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1366, 768)


def test_only_the_home_section_is_built_until_another_is_opened(qtbot, sqlite_db):
    from desktop.gui.main_window import FAMILIES, HOME, PERSONS
    from desktop.gui.registry.families import FamiliesPage

    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    assert set(window._built) == {HOME}
    window.nav.setCurrentRow(FAMILIES)
    assert set(window._built) == {HOME, FAMILIES}
    assert isinstance(window.pages.currentWidget(), FamiliesPage)
    assert window.families_page is window.pages.currentWidget()  # built once
    assert window.persons_page is window.section(PERSONS) and set(window._built) == {HOME, FAMILIES, PERSONS}


def test_a_write_reaches_every_built_section_through_the_window(qtbot, sqlite_db):
    from desktop.core.services.registry import FamilyInput, create_family
    from desktop.gui.main_window import FAMILIES, PERSONS

    with sqlite_db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code="64.02.06.1001")).id
        head = create_person(s, PersonInput(name="Budi Santoso", sex="L", nik="6402061505800003", family_id=fid,
                                            relationship_code=1)).id
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.nav.setCurrentRow(FAMILIES)
    assert window.families_page.model.index(0, 1).data() == "Budi Santoso"
    window.nav.setCurrentRow(PERSONS)
    heard = []
    window.families_page.on_changes = heard.append  # hidden now: it hears the change when shown again
    dialog = window.persons_page.edit(head)
    dialog.name.setText("Budi Santoso Wijaya")
    assert dialog.save()
    assert heard == []
    assert window.persons.index(window.persons.row_of(head), 1).data() == "Budi Santoso Wijaya"
    del window.families_page.on_changes
    window.nav.setCurrentRow(FAMILIES)
    assert window.families_page.model.index(0, 1).data() == "Budi Santoso Wijaya"
    with qtbot.waitSignal(window.persons_page.refreshed, timeout=5000):
        window.nav.setCurrentRow(PERSONS)
        window.persons_page.edit(None)  # a new person: the header counts them
        added = window.persons_page.findChildren(type(dialog))[-1]
        added.name.setText("Siti Aminah")
        added.sex.setCurrentIndex(2)
        assert added.save()
    assert "2 penduduk" in window.header.text()


def test_keyboard_shortcuts_switch_sections(qtbot, sqlite_db):
    from PySide6.QtGui import QKeySequence, QShortcut

    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    keys = {sc.key().toString(): sc for sc in window.findChildren(QShortcut)}
    assert {"Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+6", "Ctrl+I"} <= set(keys)
    keys["Ctrl+3"].activated.emit()
    assert window.pages.currentWidget() is window.families_page
    keys["Ctrl+2"].activated.emit()
    assert window.pages.currentWidget() is window.persons_page
    assert QKeySequence("Ctrl+N") in [sc.key() for sc in window.persons_page.findChildren(QShortcut)]


def test_an_empty_office_starts_from_the_first_steps(qtbot, sqlite_db):
    """The Beranda of an empty office leads to the import wizard and to the new-person form."""
    from desktop.gui.exchange.import_wizard import ImportWizard
    from desktop.gui.main_window import EXCHANGE, PERSONS
    from desktop.gui.registry.person_dialog import PersonDialog

    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    window.show()
    window.dashboard.start_import.emit()
    assert window.nav.currentRow() == EXCHANGE
    wizards = [w for w in window.exchange.findChildren(ImportWizard) if w.isVisible()]
    assert len(wizards) == 1
    wizards[0].reject()
    window.dashboard.add_person.emit()
    assert window.nav.currentRow() == PERSONS
    dialogs = [d for d in window.persons_page.findChildren(PersonDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()
