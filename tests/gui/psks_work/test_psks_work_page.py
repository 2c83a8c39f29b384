"""The Kerja PSKS room (issue 17): the activity log with its filters and form (people served,
photos), home visits due and overdue, planned, recorded and cancelled with the printed form, and
the laporan bulanan closed and revised from the screen; and everything fits 1024 × 600. One small
demo registry serves the module."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.core.changes import Kind
from desktop.core.db import schema
from desktop.core.db.engine import open_database
from desktop.core.db.models import MonthReport, PsksActivity
from desktop.core.domain.enums import ActivityKind, VisitStatus
from desktop.core.services import demo
from desktop.core.services.office import init_office

SMALL = QSize(1024, 600)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("psks-work") / "simpul.db", busy_timeout_ms=200)
    schema.upgrade(database)
    init_office(database, "64.02.06")
    demo.generate(database, 60, seed=17)
    yield database
    database.dispose()


@pytest.fixture
def page(db, qtbot):
    from desktop.gui.ops import Operations, wait_idle
    from desktop.gui.psks_work.page import PsksWorkPage

    ops = Operations(db)
    built = PsksWorkPage(ops)
    qtbot.addWidget(built)
    ops.changed.connect(built.apply_changes)
    built.resize(1200, 700)
    built.show()
    qtbot.waitExposed(built)
    yield built
    wait_idle()


def _photo(path) -> str:
    Image.new("RGB", (3000, 2000), (40, 90, 160)).save(path, "JPEG", quality=95)
    return str(path)


def test_the_log_filters_and_an_activity_is_added_with_people_and_a_photo(page, db, tmp_path):
    tab = page.activities
    everything = tab.model.rowCount()
    assert everything > 0
    tab.kind.setCurrentIndex(tab.kind.findData(ActivityKind.OUTREACH))
    outreach = tab.model.rowCount()
    assert 0 < outreach < everything
    assert all(tab.model.row_data(r).kind is ActivityKind.OUTREACH for r in range(outreach))
    tab.kind.setCurrentIndex(0)
    dialog = tab.edit(None, show=False)
    dialog.title.setText("Asesmen lansia di RT 002")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ActivityKind.ASSESSMENT))
    dialog.served.search.setText("640")
    assert dialog.served.matches.count() > 0
    dialog.served._take(dialog.served.matches.item(0))
    dialog.photos.choose([_photo(tmp_path / "foto.jpg")])
    assert dialog.photos.view.count() == 1
    assert dialog.save()
    assert tab.model.rowCount() == everything + 1
    with db.read() as s:
        added = s.get(PsksActivity, dialog.saved_id)
        assert added.title == "Asesmen lansia di RT 002" and len(added.served) == 1
    row = tab.model.row_data(tab.model.row_of(dialog.saved_id))
    assert row.photos == 1 and row.persons >= 1
    again = tab.edit(dialog.saved_id, show=False)  # the form shows what was saved, photo included
    assert again.title.text() == "Asesmen lansia di RT 002" and again.photos.view.count() == 1
    assert len(again.served.holders()) == 1
    again.reject()
    tab.table.selectRow(tab.model.row_of(dialog.saved_id))
    assert tab.delete_selected(confirm=False)
    assert tab.model.rowCount() == everything


def test_an_empty_title_is_refused_in_the_form(page):
    dialog = page.activities.edit(None, show=False)
    dialog.title.setText(" ")
    assert not dialog.save()
    assert "Belum tersimpan" in dialog.errors.text()


def test_visits_overdue_in_red_planned_recorded_cancelled_and_printed(page, db):
    tab = page.visits
    tab.which.setCurrentIndex(tab.which.findData("late"))
    assert tab.model.rowCount() > 0
    index = tab.model.index(0, 0)
    assert tab.model.data(index, Qt.ItemDataRole.ForegroundRole) is not None  # red
    tab.which.setCurrentIndex(tab.which.findData("open"))
    planned = tab.model.rowCount()
    dialog = tab.plan(show=False)
    assert not dialog.save()  # nobody chosen: refused in the form
    dialog.holder.search.setText("640")
    dialog.holder._take(dialog.holder.matches.item(0))
    dialog.officer.setEditText("Petugas Uji")
    assert dialog.save()
    assert tab.model.rowCount() == planned + 1
    tab.table.selectRow(tab.model.row_of(dialog.saved_id))
    record = tab.record(show=False)
    record.result.setPlainText("Rumah layak; keluarga masih perlu pendampingan.")
    record.answers["wall"].setCurrentIndex(record.answers["wall"].findData("bambu"))
    record.assets["tv"].setChecked(True)
    record.numbers["occupants"].setValue(4)
    assert record.save()
    tab.which.setCurrentIndex(tab.which.findData("done"))
    tab.table.selectRow(tab.model.row_of(dialog.saved_id))
    assert tab.selected_row().status is VisitStatus.DONE
    assert "Bambu" in tab.detail.text() and "Televisi" in tab.detail.text()
    made = tab.print_form(show=False)
    assert made is not None
    tab.which.setCurrentIndex(tab.which.findData("open"))
    tab.table.selectRow(0)
    cancelled = tab.selected_id()
    assert tab.cancel("Keluarga pindah ke luar kecamatan")
    assert tab.model.row_of(cancelled) is None  # gone from the open visits


def test_a_month_is_closed_and_revised_from_the_screen(page, db, qtbot):
    from desktop.gui.ops import wait_idle

    tab = page.months
    page.tabs.setCurrentWidget(tab)
    open_ended = [st.month for st in tab.states if st.ended and st.closed is None]
    assert open_ended  # the demo leaves the last ended month open
    tab.months.selectRow(open_ended[-1] - 1)
    assert tab.close_button.isEnabled() and tab.figures.rowCount() > 20
    sha = tab.close_selected(confirm=False)
    assert sha and len(sha) == 64
    assert tab.states[open_ended[-1] - 1].closed.sha256 == sha
    tab.months.selectRow(open_ended[-1] - 1)
    assert not tab.close_button.isEnabled() and tab.revise_button.isEnabled()
    assert not tab.revise_selected("kurang")  # too short a reason
    assert tab.revise_selected("Kegiatan yang terlambat dilaporkan dimasukkan.")
    with db.read() as s:
        revisions = list(s.scalars(select(MonthReport.revision).where(MonthReport.month == open_ended[-1])
                                   .order_by(MonthReport.revision)))
    assert revisions[-2:] == [0, 1]
    made = []
    tab.print_month(on_made=made.append)
    tab.print_tksk(on_made=made.append)
    wait_idle()
    qtbot.waitUntil(lambda: len(made) == 2)
    assert all(m.startswith(b"%PDF") for m in made)


def test_the_section_and_its_dialogs_fit_1024_by_600(db, qtbot, monkeypatch):
    from tests.gui.test_fit import DIALOG_ROOM, cut_off, fits, settle

    from desktop.gui.main_window import PSKS_WORK, SECTIONS, MainWindow
    from desktop.gui.ops import wait_idle
    from desktop.gui.psks_work.activity_dialog import ActivityDialog
    from desktop.gui.psks_work.visit_dialogs import PlanVisitDialog, RecordVisitDialog

    assert SECTIONS[PSKS_WORK].title == "Kerja PSKS" and SECTIONS[PSKS_WORK - 1].title == "PSKS"
    monkeypatch.setattr("desktop.gui.shared.flow.screen_room", lambda widget: SMALL)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(PSKS_WORK)
    page = window.section(PSKS_WORK)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        settle(window, SMALL)
        hint = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert fits(hint), f"tab {tab}: the window needs {hint.width()} × {hint.height()}"
        assert cut_off(window) == [], tab
    visit = page.visits.model.id_at(0)
    for make in (lambda: ActivityDialog(window.ops, None, None, window),
                 lambda: ActivityDialog(window.ops, page.activities.model.id_at(0), None, window),
                 lambda: PlanVisitDialog(window.ops, window),
                 lambda: RecordVisitDialog(window.ops, visit, "Nama Warga (NIK 6402…)", window)):
        dialog = make()
        dialog.show()
        QApplication.processEvents()
        hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        assert fits(hint, DIALOG_ROOM) and fits(dialog.size(), DIALOG_ROOM), type(dialog).__name__
        assert cut_off(dialog) == [], type(dialog).__name__
        dialog.close()
    wait_idle()
    assert Kind.ACTIVITY in page.SHOWS
    window.close()


def test_the_month_filter_counts_back_from_this_month():
    from desktop.gui.psks_work.activities import month_choices

    months = month_choices(dt.date(2026, 1, 15), 3)
    assert [m for _, m in months] == [None, (2026, 1), (2025, 12), (2025, 11)]
