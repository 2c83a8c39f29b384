"""Nothing in Bantuan reads more than it shows: the recipient list and the desk's list come in
blocks, a hidden tab reads nothing, a scan reads one recipient, and every step says what changed."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.core.changes import Changes, Kind
from desktop.core.services import aid, aid_checks, aid_recipients, distribution_desk
from desktop.gui.aid import desk_side, events, recipients
from desktop.gui.aid.desk import CheckinDesk
from desktop.gui.aid.page import AidPage
from desktop.gui.shared.lazy_model import BLOCK
from tests.gui.aid.views import cell


def _programme(s, name: str, start: dt.date) -> int:
    return aid.save_programme(s, aid.ProgrammeInput(name, "APBN", "tunai", "Uang tunai", "", 200000, "Tahap I", start,
                                                    start + dt.timedelta(days=60), "orang")).id


@pytest.fixture
def long_lists(sqlite_db, aid_people) -> dict[str, int]:
    """Two programmes with lists longer than a block (one person many times: the checks would
    flag it, the list does not mind); the newer one is shown first."""
    with sqlite_db.transaction() as s:
        old = _programme(s, "Bantuan lama", dt.date(2025, 1, 1))
        new = _programme(s, "Bantuan baru", dt.date(2026, 1, 1))
        for pid, n in ((old, 2 * BLOCK), (new, 3 * BLOCK)):
            for i in range(n):
                aid_recipients.add_person(s, pid, list(aid_people.values())[i % 3])
    return {"old": old, "new": new}


@pytest.fixture
def spy(monkeypatch):
    """Record the calls of a function where a screen module looks it up."""
    calls: dict[str, list] = {}

    def on(module, name: str):
        real = getattr(module, name)
        calls[name] = []

        def recorded(*args, **kwargs):
            calls[name].append((args[1:], kwargs))
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, recorded)
        return calls[name]

    return on


@pytest.fixture
def shown(qtbot):
    held = []

    def show(widget):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        held.append(widget)  # until the test is over: never left to the collector while painting
        return widget

    yield show
    held.clear()  # pytest-qt has closed them by now


def test_building_the_page_reads_no_list_and_showing_it_reads_one_block(qtbot, ops, long_lists, spy, shown):
    ids = spy(recipients, "recipient_ids")
    rows = spy(recipients, "recipient_rows_by_id")
    event_ids = spy(events, "event_ids")
    page = AidPage(ops)
    assert ids == [] and rows == [] and event_ids == []  # built, not shown: nothing read
    shown(page)
    qtbot.wait(50)
    tab = page.programmes
    assert tab.programme_id() == long_lists["new"] and tab.list.model.rowCount() == 3 * BLOCK
    assert [args[0] for args, _ in ids] == [long_lists["new"]]  # the other programme's list is never asked for
    fetched = [len(args[0]) for args, _ in rows]
    assert fetched and sum(fetched) <= BLOCK  # only the rows the view shows, in one block
    assert event_ids == []  # the Penyaluran tab is hidden: it reads when it is first shown

    # scrolling to the end reads the block there, not everything in between
    tab.list.view.scrollToBottom()
    qtbot.wait(50)
    assert sum(len(args[0]) for args, _ in rows) <= 2 * BLOCK < 3 * BLOCK

    # another programme: its ids, then a block
    before = len(rows)
    tab.select_programme(long_lists["old"])
    qtbot.wait(50)
    assert [args[0] for args, _ in ids][-1] == long_lists["old"] and tab.list.model.rowCount() == 2 * BLOCK
    assert sum(len(args[0]) for args, _ in rows[before:]) <= BLOCK


def test_the_lists_pass_the_model_tester(qtbot, qtmodeltester, ops, sqlite_db, aid_event, shown):
    with sqlite_db.transaction() as s:
        aid_recipients.add_person(s, _programme(s, "PKH", dt.date(2027, 6, 1)), aid_event["people"]["Wahyuni"])
        pid = aid.save_programme(s, aid.ProgrammeInput("Lansia", "APBN", "tunai", "Uang tunai", "", 1, "2028",
                                                       dt.date(2028, 1, 1), dt.date(2028, 2, 1), "orang")).id
        for name in ("Wahyuni", "Wahyuni", "Bahrun"):
            aid_recipients.add_person(s, pid, aid_event["people"][name])
        aid_checks.run_checks(s, pid)  # two open findings: coloured lines
    page = shown(AidPage(ops))
    tab = page.programmes
    tab.select_programme(pid)
    lines = tab.list
    assert lines.model.rowCount() == 3
    assert lines.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert lines.model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is None  # Bahrun: no finding
    assert "NIK ganda" in lines.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(lines.model)
    qtmodeltester.check(tab.model)
    page.tabs.setCurrentIndex(1)
    assert page.events.model.rowCount() == 2
    qtmodeltester.check(page.events.model)
    desk = shown(CheckinDesk(ops, aid_event["event"]))
    desk.side.setCurrentIndex(1)
    qtmodeltester.check(desk.side.model)
    desk.find("kusuma")
    qtmodeltester.check(desk.match_model)


def test_the_desk_finds_one_recipient_without_reading_the_event(qtbot, ops, aid_event, spy, shown, monkeypatch):
    ids = spy(desk_side, "desk_ids")
    rows = spy(desk_side, "desk_rows_by_id")
    monkeypatch.setattr(distribution_desk, "desk_rows",
                        lambda *a, **k: pytest.fail("the desk read every row of the event"))
    desk = shown(CheckinDesk(ops, aid_event["event"]))
    desk.find(aid_event["codes"]["Wahyuni"])  # a coupon
    assert desk.card.name.text() == "Wahyuni"
    desk.find("6402064410750005")  # a NIK
    assert desk.card.name.text() == "Siti Aminah"
    assert desk.collect() is None and desk.card.status.text().strip() == "DIAMBIL"  # the card re-read: one row
    assert ids == [] and rows == []  # the list tab is closed: not one row of the event read

    desk.side.setCurrentIndex(1)  # the list: ids of those still waiting, then the rows shown
    assert len(ids) == 1 and desk.side.model.rowCount() == 4
    assert all(len(args[0]) <= BLOCK for args, _ in rows)


def test_a_desk_step_announces_the_event_and_the_tab_rereads_that_row(qtbot, ops, aid_event, spy, shown):
    eid = aid_event["event"]
    page = shown(AidPage(ops))
    ops.changed.connect(page.apply_changes)
    page.tabs.setCurrentIndex(1)
    tab = page.events
    tab.select_event(eid)
    assert cell(tab.table, tab.model.row_of(eid), 7) == "0"
    announced: list[Changes] = []
    ops.changed.connect(announced.append)
    fetched = spy(events, "event_rows")
    listed = spy(events, "event_ids")
    desk = shown(CheckinDesk(ops, eid))
    desk.find(aid_event["codes"]["Bahrun"])
    assert desk.collect() is None
    assert announced == [Changes.updated(Kind.EVENT, [eid])]
    assert announced[0].ids(Kind.EVENT) == {eid} and not announced[0].touches(Kind.PROGRAMME)
    assert cell(tab.table, tab.model.row_of(eid), 7) == "1"  # the tab shows it: that row read again
    assert listed == [] and [kwargs["ids"] for _, kwargs in fetched] == [[eid]]
    assert desk.mark_absent("Sakit") is False  # collected: refused, nothing announced
    assert len(announced) == 1 and desk.banner_kind == "error"
    assert desk.reverse("Salah tekan")
    assert announced[-1] == Changes.updated(Kind.EVENT, [eid]) and cell(tab.table, tab.model.row_of(eid), 7) == "0"


def test_a_hidden_page_reads_nothing_and_catches_up_when_shown(qtbot, ops, sqlite_db, aid_people, spy, shown):
    with sqlite_db.transaction() as s:
        pid = _programme(s, "Bantuan", dt.date(2026, 1, 1))
    page = shown(AidPage(ops))
    ops.changed.connect(page.apply_changes)
    listed = spy(recipients, "recipient_ids")
    page.hide()
    tab = page.programmes
    assert ops.write(lambda s: aid_recipients.add_person(s, pid, aid_people["Bahrun"]).id, parent=None,
                     changes=Changes.updated(Kind.PROGRAMME, [pid]))
    assert listed == [] and tab.list.model.rowCount() == 0
    page.show()
    qtbot.waitExposed(page)
    assert len(listed) == 1 and tab.list.model.rowCount() == 1 and cell(tab.table, 0, 6) == "1"
