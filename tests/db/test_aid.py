"""Programmes, recipient lists and their cross-checks, events and the rules of the desk."""

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.core.db.models import Allocation, AuditEntry, CollectionLog
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.services.aid import ProgrammeInput, save_programme
from desktop.core.services.aid_checks import decide, finalise, recipient_rows, reopen, run_checks
from desktop.core.services.aid_recipients import add_from_registry, add_person
from desktop.core.services.distribution import EventInput, close_event, event_rows, save_event, schedule
from desktop.core.services.distribution_desk import collect, desk_log, lookup, mark_absent, progress, reverse
from desktop.core.services.lists import PersonFilter
from desktop.core.services.registry import FamilyInput, PersonInput, create_family, create_person

D = dt.date(2026, 11, 22)
JAHAB, BUKIT_BIRU = "64.02.06.1001", "64.02.06.1003"


def programme(s, name="BLT Dana Desa 2026", target="keluarga", amount=300_000, start=D, end=D, form="tunai"):
    return save_programme(s, ProgrammeInput(
        name=name, funding="Dana Desa", form=form, item="Uang tunai" if form == "tunai" else "Beras",
        unit="kg", amount=amount, period="Tahap IV", period_start=start, period_end=end, target=target)).id


def family(s, kk, desa=JAHAB, members=(("BUDI SANTOSO", "L", "6402061501850001", 1),)):
    fid = create_family(s, FamilyInput(no_kk=kk, desa_code=desa, rt="001", rw="002")).id
    ids = []
    for name, sex, nik, rel in members:
        day = int(nik[6:8]) - (40 if sex == "P" else 0)
        born = dt.date(1900 + int(nik[10:12]) if int(nik[10:12]) > 26 else 2000 + int(nik[10:12]),
                       int(nik[8:10]), day)
        ids.append(create_person(s, PersonInput(name=name, sex=sex, nik=nik, birth_date=born, family_id=fid,
                                                relationship_code=rel, desa_code=desa, rt="001", rw="002"))
                   .id)
    return fid, ids


@pytest.fixture
def registry(db):
    with db.transaction() as s:
        a = family(s, "6402060101200001", members=(("BUDI SANTOSO", "L", "6402061501850001", 1),
                                                   ("SITI AMINAH", "P", "6402065203880002", 2)))
        b = family(s, "6402060101200002", BUKIT_BIRU, members=(("AHMAD YANI", "L", "6402061007700003", 1),))
        c = family(s, "6402060101200003", members=(("WATI", "P", "6402064408600004", 1),))
    return db, {"a": a, "b": b, "c": c}


def test_programme_validation_lists_every_problem(db):
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        save_programme(s, ProgrammeInput(name=" ", funding="APBN", form="tunai", item="", unit="", amount=0,
                                         period="", period_start=D, period_end=D - dt.timedelta(days=1),
                                         target="keluarga"))
    codes = {f.code for f in info.value.findings}
    assert codes == {"aid.programme_name", "aid.programme_item", "aid.programme_amount", "aid.programme_period",
                     "aid.programme_dates"}


def test_family_list_from_registry_takes_the_head_once_per_family(registry):
    db, fam = registry
    with db.transaction() as s:
        pid = programme(s)
        result = add_from_registry(s, pid, PersonFilter(desa_code=JAHAB))
        again = add_from_registry(s, pid, PersonFilter(desa_code=JAHAB))
    assert (result.added, again.added, again.already) == (2, 0, 2)
    with db.read() as s:
        names = {r.name for r in recipient_rows(s, pid)}
    assert names == {"BUDI SANTOSO", "WATI"}  # the head, not the wife


def test_checks_need_decisions_before_final(registry):
    db, fam = registry
    (_, (budi, siti)), (_, (ahmad,)), (_, (wati,)) = fam["a"], fam["b"], fam["c"]
    with db.transaction() as s:
        other = programme(s, "BPNT", target="orang", start=D - dt.timedelta(days=30), end=D + dt.timedelta(days=30))
        add_person(s, other, ahmad)
        finalise(s, other)
        pid = programme(s, "Bantuan sembako daerah", target="keluarga")
        add_person(s, pid, budi)
        add_person(s, pid, siti, source="impor", source_row=7)  # same KK as Budi
        add_person(s, pid, budi, source="impor", source_row=9)  # the same NIK twice
        add_person(s, pid, ahmad)  # also in BPNT in the same period
        add_person(s, pid, wati)
        from desktop.core.db.models import Person

        s.get(Person, wati).life_status = "meninggal"
    with db.transaction() as s:
        summary = run_checks(s, pid)
    assert summary.by_kind == {"nik ganda": 2, "kk ganda": 3, "program lain": 1, "meninggal": 1}
    with pytest.raises(SimpulError) as info, db.transaction() as s:
        finalise(s, pid)
    assert "belum diputuskan" in info.value.message
    with db.read() as s:
        rows = {(r.name, r.source_row): r for r in recipient_rows(s, pid)}
    assert any("BPNT" in c.detail for c in rows[("AHMAD YANI", None)].checks)
    with pytest.raises(ValidationError), db.transaction() as s:
        decide(s, rows[("AHMAD YANI", None)].checks[0].id, "tetap", "")  # keeping needs a reason
    with db.transaction() as s:
        for (name, row), r in rows.items():
            for c in r.checks:
                if (name, row) in {("BUDI SANTOSO", None), ("AHMAD YANI", None)}:
                    decide(s, c.id, "tetap", "sudah diverifikasi pendamping")
                else:
                    decide(s, c.id, "keluarkan")
        summary = finalise(s, pid)
    assert summary.open == 0
    with db.read() as s:
        kept = {r.name for r in recipient_rows(s, pid) if r.status == "masuk"}
        excluded = [r for r in recipient_rows(s, pid) if r.status == "dikeluarkan"]
    assert kept == {"BUDI SANTOSO", "AHMAD YANI"}
    assert len(excluded) == 3 and all(c.decided_by == "penguji" for r in excluded for c in r.checks)
    with pytest.raises(SimpulError), db.transaction() as s:
        add_person(s, pid, wati)  # a final list is closed for changes
    with db.transaction() as s:
        reopen(s, pid)
        add_person(s, pid, wati)


def _ready_event(db, fam, desa=()):
    with db.transaction() as s:
        pid = programme(s)
        add_from_registry(s, pid, PersonFilter())
        finalise(s, pid)
        eid = save_event(s, EventInput(pid, "Penyaluran BLT-DD Tahap IV", D, "Balai Desa Jahab", "08.00 WITA",
                                       list(desa), [{"name": "Siti Rahmawati", "role": "TKSK"}])).id
        added = schedule(s, eid)
    return pid, eid, added


def test_schedule_by_desa_numbers_rows_per_desa_and_never_twice(registry):
    db, fam = registry
    pid, eid, added = _ready_event(db, fam, desa=[JAHAB])
    assert added == 2
    with db.transaction() as s:
        assert schedule(s, eid) == 0
        second = save_event(s, EventInput(pid, "Penyaluran susulan", D, "Kantor Camat")).id
        assert schedule(s, second) == 1  # only Bukit Biru is left
        rows = s.execute(select(Allocation.event_id, Allocation.row_no)).all()
    assert sorted(rows) == [(eid, 1), (eid, 2), (second, 1)]


def test_desk_rules_double_collection_proxy_absent_and_reversal(registry):
    db, fam = registry
    pid, eid, _ = _ready_event(db, fam)
    with db.read() as s:
        budi = lookup(s, eid, "budi")[0]
        wati = lookup(s, eid, "6402064408600004")[0]  # by NIK
        assert [r.name for r in lookup(s, eid, budi.code)] == ["BUDI SANTOSO"]
        ahmad = lookup(s, eid, "ahmad yani")[0]
    assert budi.name == "BUDI SANTOSO" and wati.name == "WATI"
    with db.transaction() as s:
        collect(s, budi.allocation_id)
    with pytest.raises(SimpulError) as info, db.transaction() as s:
        collect(s, lookup(s, eid, budi.code.lower())[0].allocation_id)  # scanned again
    assert "SUDAH MENGAMBIL" in info.value.message and "penguji" in info.value.message
    with pytest.raises(ValidationError), db.transaction() as s:
        collect(s, wati.allocation_id, proxy_name="Rina")  # proxy without relationship
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        collect(s, wati.allocation_id, proxy_name="Rina", proxy_relation="anak", proxy_nik="12345")
    with db.transaction() as s:
        collect(s, wati.allocation_id, proxy_name="Rina", proxy_relation="anak", proxy_nik="6402066505900005")
    with pytest.raises(ValidationError), db.transaction() as s:
        mark_absent(s, ahmad.allocation_id, "  ")
    with db.transaction() as s:
        mark_absent(s, ahmad.allocation_id, "sakit")
    with db.read() as s:
        p = progress(s, eid)
    assert (p.due, p.collected, p.by_proxy, p.absent, p.waiting) == (3, 2, 1, 1, 0)
    assert (p.amount_due, p.amount_collected, p.percent) == (900_000, 600_000, 67)
    with pytest.raises(ValidationError), db.transaction() as s:
        reverse(s, budi.allocation_id, "")
    with db.transaction() as s:
        reverse(s, budi.allocation_id, "salah pindai, yang datang Budi lain")
    with db.read() as s:
        p = progress(s, eid)
        log = desk_log(s, eid)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "collection_log")).all()
    assert (p.collected, p.waiting) == (1, 1)
    assert log[0].action == "dibatalkan" and "salah pindai" in log[0].note and log[0].name == "BUDI SANTOSO"
    assert len(audit) == 4  # every desk step is in the audit trail too
    with db.transaction() as s:
        collect(s, budi.allocation_id)  # after the reversal the right person can collect
        close_event(s, eid)
    with pytest.raises(SimpulError) as info, db.transaction() as s:
        collect(s, ahmad.allocation_id)
    assert "ditutup" in info.value.message
    with db.read() as s:
        assert [r.state for r in event_rows(s)] == ["selesai"]


def test_coupon_of_another_event_and_unknown_codes(registry):
    db, fam = registry
    pid, eid, _ = _ready_event(db, fam, desa=[JAHAB])
    with db.transaction() as s:
        other = save_event(s, EventInput(pid, "Penyaluran Bukit Biru", D, "Balai Desa Bukit Biru")).id
        schedule(s, other)
        code = s.scalar(select(Allocation.code).where(Allocation.event_id == other))
    with pytest.raises(SimpulError) as info, db.read() as s:
        lookup(s, eid, code)
    assert "Penyaluran Bukit Biru" in info.value.message
    with pytest.raises(SimpulError) as info, db.read() as s:
        lookup(s, eid, f"K{eid}-ZZZZZZ")
    assert "tidak dikenal" in info.value.message
    with pytest.raises(SimpulError) as info, db.read() as s:
        lookup(s, eid, "6402061007700003")  # Ahmad is due at the other event, not here
    assert "tidak terdaftar" in info.value.message


def test_collected_at_one_event_is_refused_at_a_follow_up_event(registry):
    db, fam = registry
    pid, eid, _ = _ready_event(db, fam)
    with db.transaction() as s:
        ahmad = lookup(s, eid, "ahmad")[0]
        mark_absent(s, ahmad.allocation_id, "di luar kota")
        follow = save_event(s, EventInput(pid, "Susulan", D + dt.timedelta(days=7), "Kantor Camat")).id
        assert schedule(s, follow) == 1  # the absent one may come to the follow-up
        later = lookup(s, follow, "ahmad")[0]
        collect(s, later.allocation_id)
    with pytest.raises(SimpulError) as info, db.transaction() as s:
        reverse(s, ahmad.allocation_id, "ternyata datang")
        collect(s, ahmad.allocation_id)
    assert "Susulan" in info.value.message
    with db.read() as s:
        assert s.scalar(select(CollectionLog.id).order_by(CollectionLog.id.desc())) is not None


def test_list_imported_from_a_messy_regency_file_keeps_duplicates_for_the_checks(db, tmp_path):
    from desktop.core.services.aid_recipients import import_list
    from desktop.core.services.import_batches import undo_import
    from tests.io.messy import SITI, expected, write_messy

    with db.transaction() as s:
        pid = programme(s, "Bantuan lansia daerah", target="orang")
    outcome = import_list(db, pid, write_messy(tmp_path / "dtks.xlsx"), report_path=tmp_path / "laporan.xlsx")
    result = outcome.result
    accepted = len(expected("inserted")) + len(expected("unchanged"))
    assert outcome.listed == accepted
    assert outcome.not_listed == len(expected("rejected")) + len(expected("conflict"))
    assert result.rows == outcome.listed + outcome.not_listed  # every row accounted for
    assert outcome.checks.by_kind == {"nik ganda": 2, "tanpa nik": 1}
    with db.read() as s:
        rows = recipient_rows(s, pid)
    assert sorted(r.source_row for r in rows if r.nik == SITI) == [expected("inserted")[0], expected("unchanged")[0]]
    undo_import(db, result.batch_id)
    with db.read() as s:
        assert recipient_rows(s, pid) == []


def test_closing_and_reopening_an_event_is_logged_with_the_reason(registry):
    from desktop.core.services.distribution import reopen_event

    db, fam = registry
    pid, eid, _ = _ready_event(db, fam)
    with db.transaction() as s:
        close_event(s, eid)
    with pytest.raises(ValidationError), db.transaction() as s:
        reopen_event(s, eid, " ")
    with db.transaction() as s:
        reopen_event(s, eid, "dua penerima datang terlambat")
        collect(s, lookup(s, eid, "wati")[0].allocation_id)
    with db.read() as s:
        log = desk_log(s, eid)
    assert [(r.action, r.name) for r in log] == [("diambil", "WATI"), ("dibuka kembali", ""), ("ditutup", "")]
    assert log[1].note == "dua penerima datang terlambat" and log[1].allocation_id is None


def test_papers_and_exports_are_recorded_in_the_audit_log(registry, tmp_path):
    from desktop.core.db.models import AuditEntry
    from desktop.core.services.exports import export
    from desktop.core.services import aid_documents as docs
    from desktop.core.services.history import _describe

    db, fam = registry
    pid, eid, _ = _ready_event(db, fam)
    with db.transaction() as s:
        docs.roster_pdf(s, eid, masked=True)
        docs.coupons_pdf(s, eid)
    docs.export_results(db, eid, tmp_path / "hasil.xlsx")
    export(db, "persons", tmp_path / "penduduk.xlsx", purpose="arsip kantor")
    with db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action.in_(("print", "export")))
                            .order_by(AuditEntry.id)).all()
        described = [_describe(e) for e in entries]
    assert [(e.action, e.table_name, e.changes["dokumen"]) for e in entries] == [
        ("print", "distribution_event", "daftar penerima"), ("print", "distribution_event", "kupon"),
        ("export", "distribution_event", "hasil penyaluran"), ("export", "persons", "persons")]
    assert entries[0].changes["nik"] == "disamarkan" and entries[0].changes["baris"] == 3
    assert all(e.actor == "penguji" for e in entries) and all(described)


def test_a_dry_run_counts_what_would_be_added_and_adds_nothing(registry):
    db, fam = registry
    with db.transaction() as s:
        pid = programme(s, target="orang")
    with db.read() as s:
        preview = add_from_registry(s, pid, PersonFilter(desa_code=JAHAB), dry_run=True)
        assert recipient_rows(s, pid) == []
    with db.transaction() as s:
        done = add_from_registry(s, pid, PersonFilter(desa_code=JAHAB))
    assert (preview.added, preview.already) == (done.added, done.already) == (3, 0)


def test_one_decision_for_all_findings_of_a_kind(registry):
    from desktop.core.services.aid_checks import decide_all

    db, fam = registry
    budi, wati, ahmad = fam["a"][1][0], fam["c"][1][0], fam["b"][1][0]
    with db.transaction() as s:
        pid = programme(s, target="orang")
        for person in (budi, budi, wati, wati, ahmad):
            add_person(s, pid, person, source="impor")
        run_checks(s, pid)
    with pytest.raises(ValidationError), db.transaction() as s:
        decide_all(s, pid, "nik ganda", "tetap")  # keeping needs a reason, for all as for one
    with db.transaction() as s:
        assert decide_all(s, pid, "nik ganda", "keluarkan") == 4
        assert decide_all(s, pid, "nik ganda", "keluarkan") == 0
    with db.read() as s:
        rows = recipient_rows(s, pid)
    assert sorted(r.status for r in rows) == ["dikeluarkan"] * 4 + ["masuk"]
    assert all(c.decided_by == "penguji" for r in rows for c in r.checks)


def test_lists_are_read_as_ids_in_order_then_rows_by_id(registry):
    """What a screen asks for: the ids in the order shown (filtered and searched in the database),
    then just the rows of a block, and the counts from grouped queries."""
    from desktop.core.services.aid import programme_ids, programme_rows
    from desktop.core.services.aid_checks import recipient_ids, recipient_rows_by_id
    from desktop.core.services.aid_recipients import is_listed
    from desktop.core.services.distribution import event_ids

    db, fam = registry
    (_, (budi, siti)), (_, (ahmad,)), _ = fam["a"], fam["b"], fam["c"]
    with db.transaction() as s:
        older = programme(s, "Lama", target="orang", start=D - dt.timedelta(days=400), end=D - dt.timedelta(days=300))
        pid = programme(s, "Sembako", target="orang")
        for person in (siti, budi, ahmad, budi):
            add_person(s, pid, person)
        run_checks(s, pid)  # Budi twice: two open findings
    with db.read() as s:
        assert programme_ids(s) == [pid, older]  # newest period first
        row, = programme_rows(s, [pid])
        assert (row.recipients, row.excluded, row.open_checks, row.cash) == (4, 0, 2, True)
        ids = recipient_ids(s, pid)
        found = recipient_rows_by_id(s, ids)
        # by desa (Bukit Biru before Jahab), then by name
        assert [found[i].name for i in ids] == ["AHMAD YANI", "BUDI SANTOSO", "BUDI SANTOSO", "SITI AMINAH"]
        assert recipient_ids(s, pid, only_open=True) == ids[1:3]
        assert recipient_ids(s, pid, text="aminah") == ids[3:] == recipient_ids(s, pid, text="5203880002")
        assert recipient_ids(s, pid, text="%") == []  # a wildcard is a character like any other
        assert set(recipient_rows_by_id(s, ids[:2])) == set(ids[:2])
        assert found[ids[1]].checks[0].kind == "nik ganda" and found[ids[1]].open_checks == 1
        assert is_listed(s, pid, budi) and not is_listed(s, older, budi)
        assert event_ids(s) == []


def test_the_desk_reads_one_recipient_and_the_list_by_id(registry):
    from desktop.core.domain.enums import CollectStatus
    from desktop.core.services.distribution import event_info
    from desktop.core.services.distribution_desk import desk_ids, desk_row, desk_rows_by_id, find_at_desk

    db, fam = registry
    pid, eid, _ = _ready_event(db, fam)
    with db.transaction() as s:
        budi = lookup(s, eid, "budi")[0]
        collect(s, budi.allocation_id)
    with db.read() as s:
        ids = desk_ids(s, eid)
        rows = desk_rows_by_id(s, ids)
        assert [rows[i].desa for i in ids] == ["Bukit Biru", "Jahab", "Jahab"]  # the roster's order
        assert desk_ids(s, eid, CollectStatus.COLLECTED) == [budi.allocation_id]
        one = desk_row(s, budi.allocation_id)
        assert one.status is CollectStatus.COLLECTED and one.collected_by == "penguji"
        assert find_at_desk(s, eid, budi.code).rows[0].allocation_id == budi.allocation_id
        refused = find_at_desk(s, eid, f"K{eid}-ZZZZZZ")
        assert refused.rows == [] and "tidak dikenal" in refused.refusal
        info = event_info(s, eid)
        assert (info.programme_id, info.amount, info.cash, info.officers[0]["role"]) == (pid, 300_000, True, "TKSK")
        row, = event_rows(s, ids=[eid])
        assert (row.due, row.collected, row.waiting, row.whole_kecamatan) == (3, 1, 2, True)
