"""The check-in desk: a scanner types a coupon code and Enter; Enter again hands the aid over."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.core.db.models import Allocation, CollectionLog
from desktop.core.domain.enums import CollectStatus
from desktop.core.services import distribution, distribution_desk
from desktop.gui.aid.desk import CheckinDesk
from tests.gui.aid.views import cell


@pytest.fixture
def open_desk(qtbot, ops):
    """A desk window as the Penyaluran tab opens it; held until the test is over (a shown window
    left to the garbage collector could be deleted in the middle of a paint)."""
    held: dict[int, CheckinDesk] = {}

    def open_(event_id: int) -> CheckinDesk:
        desk = CheckinDesk(ops, event_id)
        qtbot.addWidget(desk)
        key = len(held)
        held[key] = desk
        desk.destroyed.connect(lambda *_: held.pop(key, None))  # closed: Qt deletes it at a safe point
        desk.show()
        qtbot.waitExposed(desk)
        _activate(qtbot, desk)
        return desk

    yield open_
    held.clear()


def _activate(qtbot, desk: CheckinDesk) -> None:
    desk.activateWindow()
    qtbot.waitUntil(desk.input.hasFocus, timeout=2000)  # the scanner can type at once


def _scan(qtbot, desk: CheckinDesk, text: str) -> None:
    """What a keyboard-wedge scanner does: type the characters, then Enter (into whatever has the
    focus, which must be the big input)."""
    assert desk.input.hasFocus()
    qtbot.keyClicks(desk.input, text)
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)


def _allocation(db, allocation_id: int) -> Allocation:
    with db.read() as s:
        a = s.get(Allocation, allocation_id)
        s.expunge(a)
        return a


def _stats(desk: CheckinDesk) -> dict[str, str]:
    return {key: label.text() for key, label in desk.tiles.numbers.items()}


def test_scan_collect_refuse_proxy_absent_and_reverse(qtbot, open_desk, sqlite_db, aid_event):
    db, codes, alloc = sqlite_db, aid_event["codes"], aid_event["allocations"]
    desk = open_desk(aid_event["event"])
    assert _stats(desk) == {"collected": "0 / 5", "proxy": "0", "absent": "0", "waiting": "5",
                            "amount": "Rp0 / Rp1.500.000"}
    assert "Penyaluran Tahap IV" in desk.title.text() and not desk.closed_banner.isVisible()

    # scan → the recipient, big; Enter again → handed over
    _scan(qtbot, desk, codes["Wahyuni"].lower())  # a scanner in lower case still matches
    assert desk.card.name.text() == "Wahyuni" and desk.card.fields["nik"].text() == "6402064708700003"
    assert desk.card.status.text().strip() == "MENUNGGU" and desk.card.amount.text() == "Rp300.000"
    assert desk.input.text() == "" and _allocation(db, alloc["Wahyuni"]).status.value == "menunggu"
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    collected = _allocation(db, alloc["Wahyuni"])
    assert collected.status.value == "diambil" and collected.collected_by == "penguji"
    assert desk.banner.text() == "DISERAHKAN: Rp300.000 kepada Wahyuni." and desk.banner_kind == "ok"
    assert desk.card.status.text().strip() == "DIAMBIL" and not desk.card.collect_button.isEnabled()
    assert _stats(desk)["collected"] == "1 / 5" and _stats(desk)["amount"] == "Rp300.000 / Rp1.500.000"
    assert "Wahyuni — diambil  (penguji)" in desk.side.log.item(0).text()

    # the same coupon again: refused in red, and it stays red however often Enter is pressed
    _scan(qtbot, desk, codes["Wahyuni"])
    assert desk.banner_kind == "error" and "Wahyuni SUDAH MENGAMBIL bantuan pada" in desk.banner.text()
    assert "dicatat penguji" in desk.banner.text() and "tidak boleh diberikan dua kali" in desk.banner.text()
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert desk.banner_kind == "error" and "SUDAH MENGAMBIL" in desk.banner.text()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(CollectionLog).where(
            CollectionLog.allocation_id == alloc["Wahyuni"])) == 1

    # by proxy, found by NIK: a proxy without a relationship is refused, then recorded
    _scan(qtbot, desk, "6402064410750005")
    assert desk.card.name.text() == "Siti Aminah"
    error = desk.collect_by_proxy("Hasan", "")
    assert "nama wakil dan hubungannya" in error and _allocation(db, alloc["Siti Aminah"]).status.value == "menunggu"
    dialog = desk.collect_by_proxy(show=False)
    qtbot.addWidget(dialog)
    dialog.name.setText("Hasan")
    dialog.relation.setCurrentText("Suami")
    dialog.nik.setText("123")
    assert not dialog.ok() and "16" in dialog.errors.text()  # a proxy NIK, if given, must be one
    dialog.nik.setText("")
    assert dialog.ok()
    desk.focus_input()  # what closing the dialog does when it was shown with exec()
    proxy = _allocation(db, alloc["Siti Aminah"])
    assert (proxy.status.value, proxy.proxy_name, proxy.proxy_relation) == ("diambil", "Hasan", "Suami")
    assert "diterima oleh Hasan (Suami)" in desk.banner.text()
    assert _stats(desk)["proxy"] == "1" and _stats(desk)["collected"] == "2 / 5"

    # absent, found by name; a reason is required
    _scan(qtbot, desk, "bahrun")
    assert desk.card.name.text() == "Bahrun"
    assert not desk.mark_absent("  ") and "alasan tidak hadir" in desk.banner.text()
    assert _allocation(db, alloc["Bahrun"]).status.value == "menunggu"
    assert desk.mark_absent("Sakit")
    assert desk.input.hasFocus()
    absent = _allocation(db, alloc["Bahrun"])
    assert (absent.status.value, absent.absent_reason) == ("tidak hadir", "Sakit")
    assert _stats(desk)["absent"] == "1" and _stats(desk)["waiting"] == "2"
    assert "Bahrun — tidak hadir: Sakit" in desk.side.log.item(0).text()

    # several matches: ↓ and Enter pick the second
    _scan(qtbot, desk, "kusuma")
    assert desk.stack.currentWidget() is desk.matches_page and desk.match_model.rowCount() == 2
    second = cell(desk.matches, 1, 1)
    qtbot.keyClick(desk.input, Qt.Key.Key_Down)
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert desk.stack.currentWidget() is desk.card and desk.card.name.text() == second
    assert _allocation(db, alloc[second]).status.value == "menunggu"  # picking is not handing over

    # reversing the first hand-over needs a reason; chosen from the log
    desk.side.log.setFocus()
    desk.side.log.setCurrentRow(desk.side.log.count() - 1)  # the oldest step: Wahyuni
    assert desk.side.selected_log_allocation() == alloc["Wahyuni"]
    assert not desk.reverse("", allocation_id=desk.side.selected_log_allocation())
    assert "Tuliskan alasannya" in desk.banner.text() and _allocation(db, alloc["Wahyuni"]).status.value == "diambil"
    assert desk.reverse("Salah pilih penerima", allocation_id=alloc["Wahyuni"])
    assert desk.input.hasFocus()  # back to the input for the next scan
    undone = _allocation(db, alloc["Wahyuni"])
    assert undone.status.value == "menunggu" and undone.collected_at is None
    assert "Wahyuni — dibatalkan: diambil: Salah pilih penerima" in desk.side.log.item(0).text()
    assert desk.card.name.text() == "Wahyuni" and desk.card.status.text().strip() == "MENUNGGU"
    assert _stats(desk)["collected"] == "1 / 5" and _stats(desk)["amount"] == "Rp300.000 / Rp1.500.000"
    log = [desk.side.log.item(i).text() for i in range(desk.side.log.count())]

    # closing the desk and opening it again shows the same, from the database
    desk.close()
    again = open_desk(aid_event["event"])
    assert _stats(again) == {"collected": "1 / 5", "proxy": "1", "absent": "1", "waiting": "3",
                             "amount": "Rp300.000 / Rp1.500.000"}
    assert [again.side.log.item(i).text() for i in range(again.side.log.count())] == log
    assert again.tiles.bar.value() == 1 and again.tiles.bar.format() == "20% sudah diambil"


def test_wrong_coupon_unknown_code_and_nik_not_due(qtbot, open_desk, sqlite_db, aid_event):
    desk = open_desk(aid_event["event"])
    _scan(qtbot, desk, aid_event["other_codes"]["Bahrun"])
    assert desk.banner_kind == "error" and "untuk penyaluran lain: Penyaluran beras tanggal 05-03-2027" in \
        desk.banner.text()
    assert desk.current is None and desk.stack.currentWidget() is desk.idle
    _scan(qtbot, desk, f"K{aid_event['event']}-ABCDEF")
    assert "tidak dikenal" in desk.banner.text()
    _scan(qtbot, desk, "6402060101400004")  # Darto died: never on the list
    assert "tidak terdaftar sebagai penerima" in desk.banner.text()
    _scan(qtbot, desk, "zzz tidak ada")
    assert desk.banner_kind == "warn" and "Tidak ditemukan" in desk.banner.text()
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)  # Enter with nothing shown does nothing
    with sqlite_db.read() as s:
        assert distribution_desk.progress(s, aid_event["event"]).collected == 0


def test_closed_event_refuses_with_the_reason(qtbot, open_desk, sqlite_db, aid_event):
    with sqlite_db.transaction() as s:
        distribution.close_event(s, aid_event["event"])
    desk = open_desk(aid_event["event"])
    assert desk.closed_banner.isVisible() and "sudah ditutup" in desk.closed_banner.text()
    assert "Penyaluran ditutup  (penguji)" in desk.side.log.item(0).text()
    desk.side.log.setCurrentRow(0)
    assert not desk.reverse_selected_step() and "tidak bisa dibatalkan" in desk.banner.text()
    _scan(qtbot, desk, aid_event["codes"]["Wahyuni"])
    assert desk.card.name.text() == "Wahyuni"  # looking up still works
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert desk.banner_kind == "error" and "sudah ditutup" in desk.banner.text()
    assert not desk.mark_absent("Sakit") and "sudah ditutup" in desk.banner.text()
    assert _allocation(sqlite_db, aid_event["allocations"]["Wahyuni"]).status.value == "menunggu"


def test_two_desks_never_hand_out_twice(qtbot, open_desk, sqlite_db, aid_event):
    first = open_desk(aid_event["event"])
    second = open_desk(aid_event["event"])
    code = aid_event["codes"]["Rahmat Kusuma"]
    _activate(qtbot, first)
    _scan(qtbot, first, code)
    _activate(qtbot, second)
    _scan(qtbot, second, code)
    qtbot.keyClick(second.input, Qt.Key.Key_Return)  # the second desk hands over first
    assert second.banner_kind == "ok"
    assert first.collect() is not None  # the first desk's card is stale: the service refuses
    assert first.banner_kind == "error" and "Rahmat Kusuma SUDAH MENGAMBIL" in first.banner.text()
    assert first.card.status.text().strip() == "DIAMBIL"  # the card now shows what is stored
    first.refresh()
    assert first.tiles.numbers["collected"].text() == "1 / 5"


def test_the_list_tab_shows_who_is_still_waiting(qtbot, open_desk, sqlite_db, aid_event):
    with sqlite_db.transaction() as s:
        distribution_desk.collect(s, aid_event["allocations"]["Bahrun"])
    desk = open_desk(aid_event["event"])
    desk.side.setCurrentIndex(1)
    names = {cell(desk.side.everyone, r, 2) for r in range(desk.side.model.rowCount())}
    assert names == {"Sumarni Kusuma", "Rahmat Kusuma", "Wahyuni", "Siti Aminah"}
    desk.side.list_status.setCurrentIndex(desk.side.list_status.findData(CollectStatus.COLLECTED))
    assert desk.side.model.rowCount() == 1 and cell(desk.side.everyone, 0, 2) == "Bahrun"
    desk.side.everyone.selectRow(0)
    desk.side.show_from_list()
    assert desk.card.name.text() == "Bahrun" and desk.banner_kind == "error"
    desk.clear()
    assert desk.current is None and desk.banner.isHidden()
