"""Search as you type on the persons page (issue 13 item 4): the first screen first, then the whole
list below it without moving the view; an older keystroke's answer never shows."""

from desktop.core.services import demo
from desktop.core.services.lists import PersonFilter, person_ids
from desktop.gui.registry.persons import PersonsPage


def test_first_screen_then_the_whole_list_below_it(qtbot, sqlite_db, open_page):
    demo.generate(sqlite_db, 150, seed=5)
    page = open_page(PersonsPage)
    with sqlite_db.read() as s:
        whole = person_ids(s, PersonFilter(text="a"))
    assert len(whole) > 50
    seen = []  # (rows, count label) at each change of the model
    page.model.modelReset.connect(lambda: seen.append(("reset", page.model.rowCount())))
    page.model.rowsInserted.connect(lambda *_: seen.append(("added", page.model.rowCount(), page.count.text())))
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.search.setText("a")
    assert seen[0] == ("reset", 50)
    assert seen[-1] == ("added", len(whole), "≥ 50 penduduk…")  # the label in the meantime
    assert page.model.ids == whole and page.count.text() == f"{len(whole)} penduduk"


def test_an_older_keystroke_is_dropped(qtbot, sqlite_db, open_page):
    demo.generate(sqlite_db, 150, seed=5)
    page = open_page(PersonsPage)
    page.search.setText("zzzz tidak ada")
    page.refresh()  # on the worker now, not merged with the next keystroke
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.search.setText("a")  # before the first search had its answer
    qtbot.wait(200)
    with sqlite_db.read() as s:
        assert page.model.ids == person_ids(s, PersonFilter(text="a"))
