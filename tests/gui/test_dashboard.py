import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.changes import Changes, Kind
from desktop.core.services import demo
from desktop.core.services.dashboard import DUPLICATES, OVERDUE_REFERRALS, QUALITY_CHECKS, dashboard, quality
from desktop.core.services.lists import duplicate_person_ids
from desktop.core.services.registry import PersonInput, create_person
from desktop.gui.dashboard import DashboardPage
from desktop.gui.main_window import MainWindow
from desktop.gui.ops import wait_idle

TODAY = dt.date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[2]


def _twice(session, name="Rahmat Hidayat", born=dt.date(1970, 1, 1)):
    """The same person typed in twice, once without NIK."""
    create_person(session, PersonInput(name=name, sex="L", nik="6402060101700001", birth_date=born))
    create_person(session, PersonInput(name=name.upper().replace(" ", "  "), sex="L", birth_date=born))


def _counted(qtbot, page) -> dict:
    """The quality list once counted: the page counts after it was first drawn."""
    page.window().show()
    qtbot.waitUntil(lambda: page.counts is not None, timeout=5000)
    return {page.quality.item(i).data(0x0100): page.quality.item(i) for i in range(page.quality.count())}


def test_counts_match_the_registry(sqlite_db):
    demo.generate(sqlite_db, 200, seed=9, today=TODAY)
    with sqlite_db.read() as s:
        d = dashboard(s)
        counts = quality(s)
    assert len(d.desa) == 14 and len(d.categories) == 26
    assert sum(d.ppks.values()) == sum(d.desa_total(code) for code, _ in d.desa)
    assert list(counts) == list(QUALITY_CHECKS) and counts["without_nik"] == 1
    assert {code for code, _, n in d.psks if n} >= {"TKSK", "PSM", "KT"}


def test_duplicate_count_is_the_people_the_duplicate_filter_finds(sqlite_db):
    demo.generate(sqlite_db, 150, seed=5, today=TODAY)
    with sqlite_db.transaction() as s:
        _twice(s)
        create_person(s, PersonInput(name="Rahmat Hidayat", sex="L", birth_date=dt.date(1970, 1, 1)))  # a third
        create_person(s, PersonInput(name="Rahmat Hidayat", sex="L"))  # no birth date: not a likely duplicate
    with sqlite_db.read() as s:
        filtered = set(s.scalars(duplicate_person_ids()))
        assert quality(s)[DUPLICATES] == len(filtered) >= 3


def test_quality_warning_opens_the_records_behind_it(qtbot, sqlite_db):
    demo.generate(sqlite_db, 100, seed=8, today=TODAY)
    with sqlite_db.transaction() as s:
        _twice(s)
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.dashboard
    items = _counted(qtbot, window.dashboard)
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
    _counted(qtbot, page)


def test_overdue_referrals_show_and_open_the_referrals(qtbot, sqlite_db):
    demo.generate(sqlite_db, 60, seed=8, today=dt.date.today())
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    items = _counted(qtbot, window.dashboard)
    # demo: the sent (due 13 days ago), received (16 days ago) and followed-up (15 days ago) referrals
    assert items[OVERDUE_REFERRALS].text().endswith("Rujukan lewat waktu tindak lanjut: 3")
    window.dashboard._open_quality(items[OVERDUE_REFERRALS])
    assert window.pages.currentWidget() is window.referrals_page
    assert window.referrals_page.summary.text() == "6 rujukan, 3 lewat waktu tindak lanjut"


def test_counts_wait_for_the_worker_and_follow_the_changes(qtbot, ops):
    page = DashboardPage(ops)
    qtbot.addWidget(page)
    ops.changed.connect(page.apply_changes)  # as the main window routes them
    page.refresh()
    assert page.counts is None and page.quality.item(0).text().startswith("…")  # not before it is drawn
    _counted(qtbot, page)
    assert page.counts[DUPLICATES] == 0 and all(page.quality.item(i).text().startswith("✓")
                                                 for i in range(page.quality.count()))
    ops.write(_twice, parent=page, changes=Changes.reshaped(Kind.PERSON))
    qtbot.waitUntil(lambda: page.counts[DUPLICATES] == 2, timeout=5000)
    assert page.quality.item(QUALITY_CHECKS.index(DUPLICATES)).data(0x0100) == DUPLICATES
    ppks_before = page.data
    ops.announce(Changes.updated(Kind.REFERRAL, [1]))  # referrals only: the PPKS numbers stay
    assert page.data is ppks_before
    ops.announce(Changes.of(Kind.PPKS))
    assert page.data is not ppks_before
    wait_idle()


# ---- an empty office: where to start -----------------------------------------------------------


def _start_page(qtbot, ops) -> DashboardPage:
    page = DashboardPage(ops)
    qtbot.addWidget(page)
    ops.changed.connect(page.apply_changes)  # as the main window routes them
    page.show()
    return page


def test_an_empty_registry_shows_where_to_start(qtbot, ops):
    page = _start_page(qtbot, ops)
    assert page.empty and page.start.isVisible() and not page.overview.isVisible()
    with qtbot.waitSignal(page.start_import, timeout=1000):
        page.start.import_button.click()
    with qtbot.waitSignal(page.add_person, timeout=1000):
        page.start.add_button.click()
    ops.write(lambda s: create_person(s, PersonInput(name="Wahyuni", sex="P")), parent=page,
              changes=Changes.reshaped(Kind.PERSON))
    assert not page.empty and not page.start.isVisible() and page.overview.isVisible()
    wait_idle()


def test_the_demo_fills_the_empty_registry_only_once_confirmed(qtbot, ops, sqlite_db, monkeypatch):
    monkeypatch.setattr("desktop.core.services.startup.DEMO_FAMILIES", 12)
    page = _start_page(qtbot, ops)
    asked = []
    monkeypatch.setattr(page, "confirm_demo", lambda families: asked.append(families) or False)
    page.start.demo_button.click()
    wait_idle()
    assert asked == [12] and page.empty
    monkeypatch.setattr(page, "confirm_demo", lambda families: True)
    page.start.demo_button.click()
    qtbot.waitUntil(lambda: not page.empty, timeout=20000)
    with sqlite_db.read() as s:
        assert 0 < len(dashboard(s).ppks)
    assert not page.start.isVisible() and page.chart.items
    wait_idle()


# ---- what the first screen costs ---------------------------------------------------------------

HEAVY = ("alembic", "openpyxl", "reportlab", "xlsxwriter", "python_calamine", "lokal.samaran",
         "desktop.core.services.demo", "desktop.core.io.excel_export")


@pytest.fixture(scope="module")
def loaded_at_start(tmp_path_factory) -> set[str]:
    """The modules a fresh process holds once the window is open and the dashboard has counted."""
    from desktop.core.db import schema
    from desktop.core.db.engine import open_database
    from desktop.core.services.office import init_office

    home = tmp_path_factory.mktemp("start-home")
    path = home / "kantor.db"
    db = open_database(path)
    schema.upgrade(db)
    init_office(db, "64.02.06")
    demo.generate(db, 20, seed=3)
    db.dispose()
    code = (
        "import json, sys, time\n"
        "from desktop.gui.app import create_application\n"
        "from desktop.core.services.startup import open_for_app\n"
        "from desktop.gui.main_window import MainWindow\n"
        "app = create_application()\n"
        "sys.excepthook = sys.__excepthook__  # a failure ends the process, no message box\n"
        f"startup = open_for_app({str(path)!r})\n"
        "window = MainWindow(startup.db)\n"
        "window.show()\n"
        "deadline = time.monotonic() + 60\n"
        "while window.dashboard.counts is None and time.monotonic() < deadline:\n"
        "    app.processEvents()\n"
        "    time.sleep(0.005)\n"
        "print(json.dumps({'counted': window.dashboard.counts is not None, 'upgraded': startup.upgrade.changed,\n"
        "                  'modules': sorted(sys.modules)}))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SIMPUL_HOME=str(home), XDG_CONFIG_HOME=str(home / "cfg"),
               SIMPUL_LANG="id")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env=env)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["counted"] and not out["upgraded"]
    return set(out["modules"])


@pytest.mark.parametrize("module", HEAVY)
def test_the_window_opens_without_what_the_first_screen_does_not_use(loaded_at_start, module):
    """Alembic only when a migration is due, the spreadsheet and PDF libraries only for an export."""
    assert module not in loaded_at_start


def test_follow_ups_count_the_office_cycles_and_open_their_section(tmp_path, qtbot):
    from desktop.core.db import schema
    from desktop.core.db.engine import open_database
    from desktop.core.services.dashboard import COMPLAINTS_LATE, FOLLOW_UPS, follow_ups, quality
    from desktop.core.services.demo import generate
    from desktop.core.services.office import init_office
    from desktop.gui.main_window import VERIVALI

    db = open_database(tmp_path / "kantor.db")
    schema.upgrade(db)
    init_office(db, "64.02.06")
    generate(db, 40, seed=3)
    with db.read() as s:
        counts, quality_counts = follow_ups(s), quality(s)
    assert list(counts) == list(FOLLOW_UPS) and counts[COMPLAINTS_LATE] > 0  # the demo has late tickets
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = window.dashboard
    page._show_counts({**quality_counts, **counts})
    late = page.follow.item(FOLLOW_UPS.index(COMPLAINTS_LATE))
    assert "Pengaduan lewat batas jawab" in late.text()
    page._open_follow_up(late)
    assert window.nav.currentRow() == VERIVALI
    db.dispose()
