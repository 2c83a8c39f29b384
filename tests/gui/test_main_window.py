from PySide6.QtCore import Qt

from desktop.core.domain.people import name_key
from desktop.core.services import demo
from desktop.core.services.startup import open_for_app
from desktop.gui.main_window import MainWindow
from desktop.gui.persons_model import BATCH, PersonListModel


def test_window_shows_office_registry_and_database(qtbot, sqlite_db):
    demo.generate(sqlite_db, 100, seed=3)
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Kantor Camat Tenggarong" in window.windowTitle()
    assert "Kecamatan Tenggarong, Kabupaten Kutai Kartanegara" in window.header.text()
    assert str(sqlite_db.file) in window.statusBar().currentMessage()
    assert window.persons.rowCount() == min(BATCH, window.persons.total) > 0


def test_person_model_fetches_pages_lazily(qtbot, qtmodeltester, sqlite_db):
    demo.generate(sqlite_db, 200, seed=4)
    model = PersonListModel(sqlite_db)
    total = model.total
    assert total > BATCH and model.rowCount() == BATCH
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    keys = [name_key(n) for n in names]
    assert keys == sorted(keys)
    qtmodeltester.check(model)
    ids = {model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())}
    assert len(ids) == total


def test_people_without_nik_are_marked(qtbot, sqlite_db):
    demo.generate(sqlite_db, 400, seed=5)
    model = PersonListModel(sqlite_db)
    while model.canFetchMore():
        model.fetchMore()
    rows = [r for r in range(model.rowCount()) if model.index(r, 0).data() == "(tanpa NIK)"]
    assert rows and model.index(rows[0], 0).data(Qt.ItemDataRole.ToolTipRole) == "Tanpa NIK"


def test_demo_start_creates_and_opens_the_demo_database(qtbot):
    startup = open_for_app(demo=True)
    try:
        assert not startup.needs_setup and startup.db.file.name == "simpul-demo.db"
        window = MainWindow(startup.db)
        qtbot.addWidget(window)
        assert window.persons.total > 5000
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
    from desktop.gui.app import run

    shot = tmp_path / "jendela.png"
    assert run(db_target=str(sqlite_db.file), screenshot=str(shot)) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1366, 768)
