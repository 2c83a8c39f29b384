import datetime as dt

from desktop.core.services import demo
from desktop.core.services.dashboard import dashboard
from desktop.core.services.registry import PersonInput, create_person
from desktop.gui.main_window import MainWindow

TODAY = dt.date(2026, 11, 22)


def test_counts_match_the_registry(sqlite_db):
    demo.generate(sqlite_db, 200, seed=9, today=TODAY)
    with sqlite_db.read() as s:
        d = dashboard(s)
    assert len(d.desa) == 14 and len(d.categories) == 26
    assert sum(d.ppks.values()) == sum(d.desa_total(code) for code, _ in d.desa)
    assert dict((k, n) for k, _, n in d.quality)["without_nik"] == 1
    assert {code for code, _, n in d.psks if n} >= {"TKSK", "PSM", "KT"}


def test_quality_warning_opens_the_records_behind_it(qtbot, sqlite_db):
    demo.generate(sqlite_db, 100, seed=8, today=TODAY)
    with sqlite_db.transaction() as s:  # the same person typed in twice, once without NIK
        create_person(s, PersonInput(name="Rahmat Hidayat", sex="L", nik="6402060101700001",
                                     birth_date=dt.date(1970, 1, 1)))
        create_person(s, PersonInput(name="RAHMAT  HIDAYAT", sex="L", birth_date=dt.date(1970, 1, 1)))
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.dashboard
    items = {window.dashboard.quality.item(i).data(0x0100): window.dashboard.quality.item(i)
             for i in range(window.dashboard.quality.count())}
    assert "Kemungkinan data ganda" in items["duplicates"].text()
    page = window.persons_page
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        window.dashboard._open_quality(items["duplicates"])
    assert window.pages.currentWidget() is page
    names = {page.model.index(r, 1).data() for r in range(page.model.rowCount())}
    assert {"Rahmat Hidayat", "RAHMAT HIDAYAT"} <= names
    assert page.special_label.isVisibleTo(page)
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.search.setText("x")  # any change of the search leaves the special view
    assert not page.special_label.isVisibleTo(page)


def test_chart_and_matrix_are_filled(qtbot, sqlite_db):
    demo.generate(sqlite_db, 150, seed=7, today=TODAY)
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    page = window.dashboard
    assert page.chart.items and all(n > 0 for _, _, n in page.chart.items)
    last = page.matrix.rowCount() - 1
    assert page.matrix.item(last, 0).text() == "Jumlah"
    total = page.matrix.item(last, page.matrix.columnCount() - 1).text()
    assert int(total.replace(".", "")) == sum(page.data.ppks.values())


def test_overdue_referrals_show_and_open_the_referrals(qtbot, sqlite_db):
    demo.generate(sqlite_db, 60, seed=8, today=dt.date.today())
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    items = {window.dashboard.quality.item(i).data(0x0100): window.dashboard.quality.item(i)
             for i in range(window.dashboard.quality.count())}
    # demo: the sent (due 13 days ago), received (16 days ago) and followed-up (15 days ago) referrals
    assert items["referrals"].text().endswith("Rujukan lewat waktu tindak lanjut: 3")
    window.dashboard._open_quality(items["referrals"])
    assert window.pages.currentWidget() is window.referrals_page
    assert window.referrals_page.summary.text() == "6 rujukan, 3 lewat waktu tindak lanjut"
