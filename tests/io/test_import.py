import datetime as dt
import json

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.core.db.models import DesilHistory, Family, ImportBatch, Person, PpksCategory, PpksRecord
from desktop.core.errors import SimpulError
from desktop.core.services.import_batches import undo_import
from desktop.core.services.imports import preview, run_import
from desktop.core.services.registry import PersonInput, create_person, get_person, person_input, update_person
from tests.io.messy import ANI, BUDI, HEADERS, KK, SITI, expected, row, write_messy

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def messy(tmp_path):
    return write_messy(tmp_path / "dtks_tenggarong.xlsx")


def count(db, model, *where):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def report_rows(path):
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    return {r[0]: (r[1], r[2], r[3:]) for r in rows}


def test_dry_run_accounts_for_every_row_and_saves_nothing(db, messy, tmp_path):
    result = run_import(db, messy, dry_run=True, today=TODAY, report_path=tmp_path / "uji.xlsx")
    assert (result.sheet, result.header_row) == ("DTKS Tenggarong", 3)
    assert (result.rows, result.inserted, result.updated, result.unchanged, result.rejected) == (17, 7, 0, 1, 9)
    assert result.balanced and result.ignored == 3
    assert count(db, Person) == 0 and count(db, ImportBatch) == 0
    assert result.report and (tmp_path / "uji.xlsx").exists()


def test_import_writes_whole_families_and_reports_each_refused_row(db, messy, tmp_path):
    result = run_import(db, messy, today=TODAY, report_path=tmp_path / "laporan.xlsx")
    assert (result.rows, result.inserted, result.updated, result.unchanged, result.rejected) == (17, 7, 0, 1, 9)
    assert result.batch_id is not None
    with db.read() as s:
        siti = s.scalars(select(Person).where(Person.nik == SITI)).one()
        assert (siti.name, siti.sex, siti.birth_date, siti.rt, siti.rw) == (
            "Siti Aminah", "P", dt.date(1985, 5, 15), "001", "002")
        assert siti.desa_code == "64.02.06.1001" and siti.relationship_code == 3
        family = s.scalars(select(Family).where(Family.no_kk == KK)).one()
        assert {m.nik for m in family.members} == {SITI, BUDI}
        assert (family.desil, family.desil_as_of) == (2, TODAY)
        assert s.scalar(select(func.count()).select_from(DesilHistory)) >= 1
        fm = s.scalars(select(PpksRecord).join(PpksCategory).where(PpksCategory.code == "FM")).one()
        assert fm.family_id == family.id and fm.source == "import"
        hendra = s.scalars(select(Person).where(Person.name == "Hendra")).one()
        assert hendra.nik == "6402061506850009" and hendra.birth_date == dt.date(1985, 6, 15)
        iwan = s.scalars(select(Person).where(Person.name == "Iwan")).one()
        assert iwan.birth_date == dt.date(1990, 6, 5)  # 05/06/1990 is day first
        udin = s.scalars(select(Person).where(Person.name == "Pak Udin")).one()
        assert udin.nik is None
        assert s.scalar(select(func.count()).select_from(Person).where(Person.nik == ANI)) == 0
    rows = report_rows(tmp_path / "laporan.xlsx")
    for number in expected("rejected"):
        assert rows[number][0] == "Ditolak", number
    for number in expected("conflict"):
        assert rows[number][0] == "Konflik" and "dua nama" in rows[number][1]
    agus, dedi, eko, fajar = expected("rejected")[:4]
    assert "tersimpan sebagai angka" in rows[agus][1]
    assert rows[agus][2][1] == 6402061505800004  # the original cell, a number, as it was
    assert "16 digit" in rows[dedi][1]
    assert "Tanggal lahir di NIK" in rows[eko][1]
    assert "0000" in rows[fajar][1]
    kartini, lukman, nani = expected("rejected")[4:]
    assert "Desa Antah Berantah" in rows[kartini][1] and "Loa Kulu" in rows[lukman][1]
    assert "Jenis kelamin \"X\"" in rows[nani][1]
    (dup,) = expected("unchanged")
    assert rows[dup][0] == "Ditandai" and "sudah ada di baris 5" in rows[dup][1]
    flagged = " ".join(r[1] for r in rows.values() if r[0] == "Ditandai")
    assert "RTLH" in flagged and "Tanpa NIK" in flagged and "tidak sama dengan NIK" in flagged
    assert set(rows) == set(expected("rejected") + expected("conflict") + [dup]) | {
        n for n, r in rows.items() if r[0] == "Ditandai"}


def test_reimporting_the_same_file_changes_nothing(db, messy):
    run_import(db, messy, today=TODAY)
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(Person))
    again = run_import(db, messy, today=TODAY)
    assert (again.inserted, again.updated, again.rejected) == (0, 0, 9)
    assert again.unchanged == 8
    assert count(db, Person) == before
    assert count(db, PpksRecord) == 2


def test_undo_takes_the_whole_import_back(db, messy):
    with db.transaction() as s:  # a person already in the registry that the file updates
        pid = create_person(s, PersonInput(name="Budi Santoso", sex="L", nik=BUDI)).id
    result = run_import(db, messy, today=TODAY)
    assert result.inserted == 6 and result.updated == 1
    with db.read() as s:
        assert get_person(s, pid).family_id is not None
    counts = undo_import(db, result.batch_id, actor="kasi")
    assert counts["person"] == 6 and counts["restored"] >= 1
    assert count(db, Person) == 1 and count(db, Family) == 0 and count(db, PpksRecord) == 0
    with db.read() as s:
        budi = get_person(s, pid)
        assert (budi.family_id, budi.birth_date, budi.desa_code) == (None, None, None)
        assert s.get(ImportBatch, result.batch_id).undone
    with pytest.raises(SimpulError) as info:
        undo_import(db, result.batch_id)
    assert info.value.code == "import.undo_done"


def test_undo_is_refused_when_someone_worked_on_the_data_since(db, messy):
    result = run_import(db, messy, today=TODAY)
    with db.transaction() as s:
        siti = s.scalars(select(Person).where(Person.nik == SITI)).one()
        data = person_input(siti)
        data.phone = "081234567890"
        update_person(s, siti.id, data)
    with pytest.raises(SimpulError) as info:
        undo_import(db, result.batch_id)
    assert info.value.code == "import.undo_blocked" and "person #" in info.value.message
    assert count(db, Person) == 7


def test_conflict_with_the_registry_is_left_for_the_user(db, messy):
    with db.transaction() as s:
        create_person(s, PersonInput(name="Siti Rahmawati", sex="P", nik=SITI))
    result = run_import(db, messy, today=TODAY)
    assert result.rejected == 10  # both SITI rows now conflict with the registry
    with db.read() as s:
        assert s.scalars(select(Person.name).where(Person.nik == SITI)).one() == "Siti Rahmawati"
    taken = run_import(db, messy, today=TODAY, on_conflict="file")
    assert taken.rejected == 9
    with db.read() as s:
        assert s.scalars(select(Person.name).where(Person.nik == SITI)).one() == "Siti Aminah"


def test_pipe_delimited_text(db, tmp_path):
    path = tmp_path / "dtks.txt"
    path.write_text(
        '"IDDTKS"|"PROVINSI"|"KABUPATEN/KOTA"|"KECAMATAN"|"DESA/KELURAHAN"|"ALAMAT"|"DUSUN"|"RT"|"RW"|'
        '"NOMOR KK"|"NOMOR NIK"|"NAMA"|"TANGGAL LAHIR"|"TEMPAT LAHIR"|"JENIS KELAMIN"|"NAMA IBU KANDUNG"|'
        '"HUBUNGAN KELUARGA"\n'
        '"64020600001"|"KALIMANTAN TIMUR"|"KUTAI KARTANEGARA"|"TENGGARONG"|"RAPAK LAMBUR"|"JL. POROS"|"DUSUN 1"|'
        '"003"|"001"|"\'6402061203150007"|"\'6402065505850001"|"SITI AMINAH"|"1985-05-15"|"TENGGARONG"|'
        '"PEREMPUAN"|"RAHMAH"|"ISTRI"\n', encoding="utf-8")
    result = run_import(db, path, today=TODAY)
    assert (result.rows, result.inserted, result.rejected) == (1, 1, 0)
    with db.read() as s:
        p = s.scalars(select(Person)).one()
        assert (p.nik, p.desa_code, p.dusun, p.rt) == (SITI, "64.02.06.2012", "DUSUN 1", "003")


def test_old_xls_gets_a_clear_message(db, tmp_path):
    path = tmp_path / "lama.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(SimpulError) as info:
        run_import(db, path)
    assert "Excel Workbook (.xlsx)" in info.value.message


def test_broken_xlsx_is_refused_with_advice(db, tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 ini bukan zip yang utuh")
    with pytest.raises(SimpulError) as info:
        run_import(db, path)
    assert info.value.code == "import.unreadable" and "rusak.xlsx" in info.value.message


def test_sheet_choice_and_remembered_mapping(db, messy):
    with pytest.raises(SimpulError) as info:
        run_import(db, messy, sheet="Tidak Ada")
    assert "DTKS Tenggarong, Catatan" in info.value.message
    seen = preview(db, messy, "DTKS Tenggarong")
    assert (seen.sheet, seen.header_row, seen.sheets) == ("DTKS Tenggarong", 3, ["DTKS Tenggarong", "Catatan"])
    assert seen.mapping[1] == "nik" and seen.mapping[10] == "desa" and seen.mapping[13] == "desil"
    assert seen.samples[0][3] == "SITI AMINAH"  # the first data row, not the column numbers
    mapping = dict(seen.mapping)
    mapping.pop(15)  # the user says: do not take KETERANGAN
    run_import(db, messy, mapping=mapping, today=TODAY)
    assert 15 not in preview(db, messy).mapping  # remembered for this kind of file


def test_cli_json(db, messy, capsys):
    code = main(["--db", str(db.file) if db.file else db.url.render_as_string(hide_password=False),
                 "import", str(messy), "--json", "--dry-run"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1  # rows were rejected: the data had problems
    assert {k: out[k] for k in ("rows", "inserted", "updated", "unchanged", "rejected")} == {
        "rows": 17, "inserted": 7, "updated": 0, "unchanged": 1, "rejected": 9}
    assert out["warnings"] >= 3 and out["report"].endswith(".xlsx")


def test_openpyxl_fallback_gives_the_same_result(db, messy, monkeypatch):
    """Where calamine's compiled part cannot load (it needs Windows 10's bcryptprimitives.dll),
    the import still works, through openpyxl."""
    from desktop.core.io import tables

    def no_calamine(path):
        raise ImportError("DLL load failed while importing _python_calamine")

    monkeypatch.setattr(tables, "_Calamine", no_calamine)
    result = run_import(db, messy, dry_run=True, today=TODAY)
    assert (result.rows, result.inserted, result.updated, result.unchanged, result.rejected) == (17, 7, 0, 1, 9)
    assert result.ignored == 3


def test_category_names_in_the_spellings_regency_files_use(db, tmp_path):
    """Permensos 8/2012 writes "terlantar", later texts "telantar"; files also use codes and short
    names. A value that names no category is reported with its own text and kept for mapping
    (tests/io/test_import_categories.py)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS)
    cells = [("6402061505500021", "AHMAD", "L", "15-05-1950", "LANJUT USIA TERLANTAR"),
             ("6402065003150022", "SARI", "P", "10-03-2015", "Anak Telantar"),
             ("6402060101550023", "YUSUF", "L", "01-01-1955", "LUT"),
             ("6402064202520024", "MINAH", "P", "02-02-1952", "lansia"),
             ("6402060303700025", "ROHIM", "L", "03-03-1970", "RUMAH REYOT")]
    for number, (nik, name, sex, birth, ppks) in enumerate(cells, start=1):
        ws.append([number, *row(nik, name, sex, birth, kk=None, rel=None, ppks=ppks)[1:]])
    path = tmp_path / "dtks_kategori.xlsx"
    wb.save(path)
    result = run_import(db, path, today=TODAY, report_path=tmp_path / "laporan.xlsx")
    assert (result.rows, result.inserted, result.rejected) == (5, 5, 0)
    with db.read() as s:
        recorded = dict(s.execute(select(Person.nik, PpksCategory.code)
                                  .join(PpksRecord, PpksRecord.person_id == Person.id).join(PpksCategory)).all())
    assert recorded == {"6402061505500021": "LUT", "6402065003150022": "AT", "6402060101550023": "LUT",
                        "6402064202520024": "LUT"}
    ws = openpyxl.load_workbook(tmp_path / "laporan.xlsx").active
    flagged = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == 6]
    assert len(flagged) == 1 and "\"RUMAH REYOT\" belum dikenali sebagai kategori PPKS" in flagged[0][2]
    assert "RUMAH REYOT" in flagged[0]
