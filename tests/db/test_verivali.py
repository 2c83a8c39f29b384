"""Issue 16: complaints (workflow, lock), verivali rounds (lifecycle, registry changed only at
close, the close undone as one batch, silang data), the papers' text and the BNBA's text IDs."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pypdf
import pytest
from sqlalchemy import select

from desktop.core.db.models import AuditEntry, Family, Person, VerivaliRound
from desktop.core.domain.enums import ComplaintCategory, ComplaintStatus, LifeStatus, ResultCode, RoundStatus, Sex
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.services import bnba, complaints, musdes, proposals, verivali, verivali_close, verivali_lists

JAHAB, LOA_IPUH = "64.02.06.1001", "64.02.06.1002"


def _text(pdf: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def vdb(sqlite_db):
    """Four families in Jahab (RT 001/002); the wife of the first lives in Loa Ipuh."""
    with sqlite_db.transaction() as s:
        for n in range(4):
            fam = Family(no_kk=f"640206010120{n:04d}", desa_code=JAHAB, rt=f"{n % 2 + 1:03d}", rw="001",
                         address=f"Jl. Mawar {n}")
            s.add(fam)
            s.flush()
            s.add(Person(nik=f"64020601018{n:05d}", name=f"Warga Uji {n}", name_key=f"warga uji {n}", sex=Sex.MALE,
                         family_id=fam.id, relationship_code=1, desa_code=JAHAB, rt=fam.rt))
            s.add(Person(nik=f"64020641018{n:05d}", name=f"Istri Uji {n}", name_key=f"istri uji {n}", sex=Sex.FEMALE,
                         family_id=fam.id, relationship_code=3, desa_code=LOA_IPUH if n == 0 else JAHAB, rt=fam.rt))
    return sqlite_db


def _round(db) -> tuple[int, list]:
    with db.transaction() as s:
        rid = verivali.create_round(s, JAHAB, "Mei 2026", dt.date(2026, 5, 31)).id
        assert verivali.add_from_registry(s, rid) == 4
    with db.read() as s:
        return rid, verivali_lists.line_rows(s, rid)


def test_complaint_numbering_workflow_and_lock(vdb):
    with vdb.transaction() as s:
        first = complaints.add_complaint(s, complaints.ComplaintInput(
            "Siti Uji", "Belum terdaftar.", ComplaintCategory.NOT_REGISTERED, received_on=dt.date(2026, 5, 2)))
        second = complaints.add_complaint(s, complaints.ComplaintInput(
            "Budi Uji", "Salah sasaran.", ComplaintCategory.MISTARGETED, received_on=dt.date(2026, 5, 3)))
        assert (first.number, second.number) == ("ADU-2026-0001", "ADU-2026-0002")
        assert first.due_on == dt.date(2026, 5, 16)
        cid = first.id
    with vdb.transaction() as s:
        complaints.move(s, cid, ComplaintStatus.IN_PROGRESS, "Dicek")
        complaints.move(s, cid, ComplaintStatus.WAITING, "Menunggu Dinsos")
        with pytest.raises(ValidationError):  # closing needs the answer given
            complaints.move(s, cid, ComplaintStatus.DONE)
        proposal = complaints.close_into_proposal(s, cid, "Diusulkan pada musdes berikut")
        assert proposal.complaint_id == cid and complaints.linked_proposal(s, cid) == proposal.id
    with vdb.transaction() as s:
        steps = complaints.complaint_steps(s, cid)
        assert [x.to_status for x in steps] == [ComplaintStatus.NEW, ComplaintStatus.IN_PROGRESS,
                                                ComplaintStatus.WAITING, ComplaintStatus.DONE]
        assert all(x.actor == "penguji" for x in steps)
        for attempt in (lambda: complaints.move(s, cid, ComplaintStatus.IN_PROGRESS, "lagi"),
                        lambda: complaints.add_note(s, cid, "catatan"),
                        lambda: complaints.update_complaint(s, cid, complaints.ComplaintInput("X", "Y"))):
            with pytest.raises(SimpulError, match="terkunci|tidak bisa diubah"):
                attempt()
        assert complaints.overdue_count(s, dt.date(2026, 6, 1)) == 1  # the second, still open
        counts = complaints.monthly_counts(s, 2026)
        assert counts["category"][5]["belum terdaftar"] == 1 and counts["status"][5]["selesai"] == 1


def test_round_lifecycle_registry_changes_only_at_close_and_undo(vdb):
    rid, lines = _round(vdb)
    by_name = {ln.name: ln.id for ln in lines}
    with vdb.transaction() as s:
        verivali.set_result(s, by_name["Warga Uji 0"], "3")
        verivali.set_result(s, by_name["Warga Uji 1"], "4")
        verivali.set_result(s, by_name["Warga Uji 2"], "2", note="Sudah mampu")
        with pytest.raises(ValidationError):
            verivali.set_result(s, by_name["Warga Uji 3"], "7")  # a fix needs the right number
        verivali.set_result(s, by_name["Warga Uji 3"], "7", new_nik="6402060101900099")
    with vdb.read() as s:  # nothing in the registry has moved yet
        assert all(p.life_status is LifeStatus.ALIVE for p in s.scalars(select(Person)))
        assert s.scalar(select(Person.id).where(Person.nik == "6402060101900099")) is None
        niks = {p.name: p.nik for p in s.scalars(select(Person))}
    with pytest.raises(SimpulError):
        verivali_close.close_round(vdb, rid + 99)
    closed = verivali_close.close_round(vdb, rid)
    with vdb.read() as s:
        life = {p.name: p.life_status for p in s.scalars(select(Person))}
        assert life["Warga Uji 0"] is LifeStatus.DECEASED
        assert life["Warga Uji 1"] is life["Istri Uji 1"] is LifeStatus.MOVED
        assert s.scalar(select(Person.name).where(Person.nik == "6402060101900099")) == "Warga Uji 3"
        assert "Sudah mampu" in s.scalar(select(Family.notes).where(Family.no_kk == "6402060101200002"))
        assert s.get(VerivaliRound, rid).status is RoundStatus.CLOSED
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.batch_id == closed.batch_id,
                                                    AuditEntry.table_name == "person").limit(1))
    with vdb.transaction() as s, pytest.raises(SimpulError, match="ditutup"):  # locked
        verivali.set_result(s, by_name["Warga Uji 0"], "1")
    with vdb.transaction() as s:  # printing after the close does not block its undo
        musdes.ba_pdf(s, rid)
    verivali_close.undo_close(vdb, rid)
    with vdb.read() as s:
        assert all(p.life_status is LifeStatus.ALIVE for p in s.scalars(select(Person)))
        assert s.scalar(select(Person.id).where(Person.nik == "6402060101900099")) is None
        assert {p.name: p.nik for p in s.scalars(select(Person))} == niks  # the NIK replaced is back
        assert s.get(VerivaliRound, rid).status is RoundStatus.OPEN
    assert verivali_close.close_round(vdb, rid).changed == closed.changed  # and closes again


def test_close_refuses_unchecked_lines_unless_asked(vdb):
    rid, lines = _round(vdb)
    with vdb.transaction() as s:
        verivali.set_result(s, lines[0].id, ResultCode.ELIGIBLE)
    with pytest.raises(SimpulError, match="3 baris"):
        verivali_close.close_round(vdb, rid)
    assert verivali_close.close_round(vdb, rid, allow_unchecked=True).changed == 0


def test_silang_data_and_member_lines(vdb):
    rid, lines = _round(vdb)
    flagged = {ln.no_kk: ln.silang for ln in lines}
    assert "Loa Ipuh" in flagged["6402060101200000"]
    assert not flagged["6402060101200001"]
    with vdb.transaction() as s:  # the same KK on a round of another desa
        other = verivali.create_round(s, LOA_IPUH, "Mei 2026").id
        fam = s.scalars(select(Family).where(Family.no_kk == "6402060101200001")).one()
        s.add(verivali._family_line(s.get(VerivaliRound, other), 1, fam, None, 1))
        s.flush()
        assert verivali.mark_silang(s, rid) == 2
        member = verivali.find_line(s, rid, "6402064101800002")  # a member's NIK gets its own line
        assert member.parent_id is not None and member.name == "Istri Uji 2"


def test_papers_read_like_the_office_s(vdb, tmp_path):
    rid, lines = _round(vdb)
    with vdb.transaction() as s:
        verivali.assign(s, rid, "Rahmat (PSM)", ["001"])
        for ln, code in zip(lines, "1283", strict=True):
            verivali.set_result(s, ln.id, code, note="Pindah kerja" if code == "2" else None)
        assert proposals.proposals_from_round(s, rid) == 1
        musdes.save_musdes(s, rid, musdes.MusdesInput(dt.date(2026, 5, 20), "09.00", "Balai Desa", "140/7/2026",
                                                      head_name="Kades Uji", bpd_name="BPD Uji",
                                                      attendees=[{"name": "Peserta Uji", "role": "Ketua RT"}]))
        cid = complaints.add_complaint(s, complaints.ComplaintInput("Siti Uji", "Belum terdaftar PKH.",
                                                                    complainant_nik="6402064101850001")).id
        sheet = _text(musdes.worksheet_pdf(s, rid, "Rahmat (PSM)"))
        ba = _text(musdes.ba_pdf(s, rid))
        hadir = _text(musdes.attendance_pdf(s, rid))
        receipt = _text(bnba.receipt_pdf(s, cid))
        recap = _text(musdes.recap_pdf(s))
        bnba.export_bnba(s, rid, tmp_path / "bnba.xlsx")
    assert "LEMBAR KERJA VERIFIKASI" in sheet and "RT 001" in sheet and "RT 002" not in sheet
    assert "1 = Tetap layak" in sheet and "Rahmat (PSM)" in sheet
    assert "BERITA ACARA MUSYAWARAH" in ba and "SEMENTARA" in ba and "dua puluh bulan Mei" in ba
    assert "Pindah kerja" in ba and "Usulan keluarga baru: 1" in ba and "Camat Tenggarong" in ba
    assert "Kades Uji" in ba and "BPD Uji" in ba and "Nomor: 140/7/2026" in ba
    assert "DAFTAR HADIR" in hadir and "Peserta Uji" in hadir and "Tanda tangan" in hadir
    assert "TANDA TERIMA PENGADUAN" in receipt and "ADU-" in receipt and "6402********0001" in receipt
    assert "6402064101850001" not in receipt and receipt.count("Lembar") == 2
    assert "JUMLAH" in recap
    book = openpyxl.load_workbook(tmp_path / "bnba.xlsx")
    changes = book["Perubahan"]
    header = [c.value for c in changes[5]]
    nik = changes.cell(6, header.index("NOMOR NIK") + 1)
    assert isinstance(nik.value, str) and len(nik.value) == 16 and nik.number_format == "@"
    assert changes.cell(6, header.index("KODE DESA/KELURAHAN") + 1).value == "6402061001"
    assert [r[0].value for r in book["Rekap"].iter_rows(min_row=6)][-1] == "JUMLAH"


def test_a_home_visit_settles_its_verivali_row(vdb):
    """Issue 17: a visit can close a verivali row — the result found at the door, noted as such."""
    from desktop.core.db.models import VerivaliLine
    from desktop.core.domain.enums import VisitPurpose
    from desktop.core.services import visits

    rid, lines = _round(vdb)
    line = lines[0]
    with vdb.transaction() as s:
        family_id = s.get(VerivaliLine, line.id).family_id
        visit = visits.plan_visit(s, visits.VisitInput(
            VisitPurpose.ASSESSMENT, dt.date.today(), "Petugas Uji", family_id=family_id, verivali_row_id=line.id))
        visits.record_visit(s, visit.id, visits.VisitResult(
            dt.date.today(), "Keluarga sudah pindah ke luar kecamatan.", verivali_code="4"))
    with vdb.read() as s:
        row = s.get(VerivaliLine, line.id)
        assert row.result is ResultCode.MOVED and row.note.startswith("Kunjungan rumah")
