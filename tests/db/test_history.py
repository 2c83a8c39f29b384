import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.core.changes import Kind
from desktop.core.db.models import Person, PpksRecord
from desktop.core.errors import SimpulError
from desktop.core.services.history import person_history, revert
from desktop.core.services.registry import PersonInput, create_person, delete_person, get_person, person_input, \
    update_person
from desktop.core.services.welfare import PpksInput, add_ppks, delete_ppks

TODAY = dt.date(2026, 11, 22)


def make(db):
    with db.transaction(actor="tksk") as s:
        pid = create_person(s, PersonInput(name="Siti Aminah", sex="P", nik="6402065505850001",
                                           birth_date=dt.date(1985, 5, 15), desa_code="64.02.06.1001")).id
    return pid


def history(db, pid):
    with db.read() as s:
        return person_history(s, pid)


def undo(db, entry_id):
    with db.transaction() as s:
        return revert(s, entry_id)


def test_history_lists_changes_in_words_newest_first(db):
    pid = make(db)
    with db.transaction(actor="kasi") as s:
        data = person_input(get_person(s, pid))
        data.phone, data.rt = "0812", "4"
        update_person(s, pid, data)
        add_ppks(s, PpksInput("PRSE", TODAY, person_id=pid))
    items = history(db, pid)
    assert [i.text for i in items] == [
        "Catatan PPKS ditambahkan", "Data penduduk diubah — no. HP: (kosong) → 0812; RT: (kosong) → 004",
        "Data penduduk ditambahkan"]
    assert items[1].actor == "kasi" and items[-1].actor == "tksk"


def test_undo_a_mistaken_edit(db):
    pid = make(db)
    with db.transaction() as s:
        data = person_input(get_person(s, pid))
        data.name, data.birth_date = "Siti Aminah Salah", dt.date(1985, 5, 16)
        update_person(s, pid, data)
    mistake = history(db, pid)[0]
    reverted = undo(db, mistake.entry_id)
    assert reverted.text.startswith("Data penduduk diubah")
    assert reverted.changes.ids(Kind.PERSON) == {pid}  # edited in place: the list re-reads one row
    with db.read() as s:
        p = get_person(s, pid)
        assert (p.name, p.birth_date, p.nik_mismatch) == ("Siti Aminah", dt.date(1985, 5, 15), False)
    assert history(db, pid)[0].text.startswith("Data penduduk diubah — nama: Siti Aminah Salah → Siti Aminah")
    with pytest.raises(SimpulError) as info:
        undo(db, mistake.entry_id)  # the record changed again (by the revert itself)
    assert info.value.code == "history.changed_since"


def test_undo_a_deleted_category_and_an_added_one(db):
    pid = make(db)
    with db.transaction() as s:
        rid = add_ppks(s, PpksInput("PRSE", TODAY, person_id=pid, notes="ditinggal suami")).id
        delete_ppks(s, rid)
    deleted = history(db, pid)[0]
    assert deleted.text == "Catatan PPKS dihapus" and deleted.revertible
    changes = undo(db, deleted.entry_id).changes
    assert changes.touches(Kind.PPKS) and changes.ids(Kind.PERSON) == {pid}  # the person's PPKS column
    with db.read() as s:
        record = s.get(PpksRecord, rid)
        assert record.notes == "ditinggal suami" and record.assessed_on == TODAY
    with db.transaction() as s:
        extra = add_ppks(s, PpksInput("KTK", TODAY, person_id=pid)).id
    undo(db, history(db, pid)[0].entry_id)
    with db.read() as s:
        assert s.get(PpksRecord, extra) is None


def test_undo_a_deleted_person(db):
    pid = make(db)
    with db.transaction() as s:
        delete_person(s, pid)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
    entry = history(db, pid)[0]
    done = undo(db, entry.entry_id)
    assert done.changes.ids(Kind.PERSON) is None  # a row came back: the list asks for its ids again
    assert done.retype == ("nik",)  # the screen asks for it to be typed again
    with db.read() as s:
        person = get_person(s, pid)  # back, but for the NIK: the trail never kept it whole (UU 27/2022)
        assert person.name == "Siti Aminah" and person.nik is None


def test_the_trail_keeps_no_whole_nik_of_a_deleted_person(db):
    from desktop.core.db.models import AuditEntry

    pid = make(db)
    with db.transaction() as s:
        delete_person(s, pid)
    with db.read() as s:
        trail = " ".join(str(e.changes) for e in s.scalars(select(AuditEntry)))
    assert "6402065505850001" not in trail and "6402********0001" in trail


def test_history_in_english(db):
    from desktop.core import i18n

    pid = make(db)
    with db.transaction() as s:
        data = person_input(get_person(s, pid))
        data.phone = "0812"
        update_person(s, pid, data)
    i18n.set_language("en")
    assert history(db, pid)[0].text == "Person changed — mobile no.: (empty) → 0812"
