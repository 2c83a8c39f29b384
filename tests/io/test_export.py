import datetime as dt

import openpyxl
import pytest

from desktop.core.errors import SimpulError
from desktop.core.io.excel_export import ResultsData, write_results
from desktop.core.services.exports import export
from desktop.core.services.imports import run_import
from desktop.core.services.registry import FamilyInput, PersonInput, create_family, create_person
from desktop.core.services.welfare import PpksInput, PsksInput, add_ppks, add_psks
from tests.conftest import filled_db

TODAY = dt.date(2026, 11, 22)
WHOLE = {"purpose": "uji ekspor", "full_nik": True}  # a purpose, and the NIKs whole (the test compares them)


@pytest.fixture
def filled(request, db_url):
    return filled_db(request, db_url, 120, seed=11, today=TODAY)


def sheet(path, name=None):
    wb = openpyxl.load_workbook(path)
    return wb[name] if name else wb.worksheets[0]


def header_row(ws, first="NO"):
    for row in ws.iter_rows(min_row=1, max_row=10):
        if row[0].value == first:
            return row[0].row
    raise AssertionError("no header")


def test_persons_export_round_trips_unchanged(filled, tmp_path):
    out = tmp_path / "penduduk.xlsx"
    result = export(filled, "persons", out, **WHOLE)
    ws = sheet(out)
    h = header_row(ws)
    assert ws.cell(1, 1).value == "DATA PENDUDUK DAN PPKS"
    assert "KECAMATAN TENGGARONG" in ws.cell(2, 1).value
    assert ws.freeze_panes == f"A{h + 1}" and ws.auto_filter.ref.startswith(f"A{h}")
    nik_cell = ws.cell(h + 1, 2)
    assert isinstance(nik_cell.value, str) and len(nik_cell.value) == 16 and nik_cell.number_format == "@"
    assert result.rows == ws.max_row - h
    again = run_import(filled, out, today=TODAY)
    assert (again.rows, again.inserted, again.updated, again.rejected) == (result.rows, 0, 0, 0)
    assert again.unchanged == result.rows


def test_formula_like_text_stays_text(db, tmp_path):
    with db.transaction() as s:
        create_person(s, PersonInput(name="=HYPERLINK(\"http://x\")", sex="L", nik="6402061505850003",
                                     desa_code="64.02.06.1001", notes="+62 812 dan @siti -"))
    out = tmp_path / "p.xlsx"
    export(db, "persons", out, **WHOLE)
    ws = sheet(out)
    h = header_row(ws)
    name = ws.cell(h + 1, 4)
    assert name.value == "=HYPERLINK(\"http://x\")" and name.data_type == "s"
    assert name.quotePrefix
    note = ws.cell(h + 1, 25)
    assert note.value.startswith("+62") and note.data_type == "s" and note.quotePrefix


def test_one_desa_only(filled, tmp_path):
    out = tmp_path / "jahab.xlsx"
    export(filled, "persons", out, desa="Jahab", **WHOLE)
    ws = sheet(out)
    h = header_row(ws)
    assert {ws.cell(r, 19).value for r in range(h + 1, ws.max_row + 1)} == {"Jahab"}
    assert "DESA/KELURAHAN JAHAB" in ws.cell(2, 1).value
    with pytest.raises(SimpulError):
        export(filled, "persons", out, desa="Samarinda", **WHOLE)


def test_recap_counts_active_ppks_by_desa_and_sex(db, tmp_path):
    with db.transaction() as s:
        a = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001",
                                         birth_date=dt.date(1950, 1, 1), desa_code="64.02.06.1001")).id
        b = create_person(s, PersonInput(name="Kakek Udin", sex="L", nik="6402060101500002",
                                         birth_date=dt.date(1950, 1, 1), desa_code="64.02.06.1001")).id
        add_ppks(s, PpksInput("LUT", TODAY, person_id=a))
        add_ppks(s, PpksInput("LUT", TODAY, person_id=b))
        add_ppks(s, PpksInput("PD", TODAY, person_id=b, status="tertangani"))  # not active: not counted
    out = tmp_path / "rekap.xlsx"
    export(db, "recap", out)
    ws = sheet(out, "Rekap PPKS")
    h = header_row(ws)
    assert ws.cell(h, 3).value == "1. ABT" and ws.cell(h, 3 + 2 * 25).value == "26. KAT"
    assert (ws.cell(h + 1, 3).value, ws.cell(h + 1, 4).value) == ("L", "P")
    jahab = h + 2  # first desa in code order: 64.02.06.1001 Jahab
    assert ws.cell(jahab, 2).value == "Jahab"
    lut = 3 + 2 * 7  # category 8
    assert (ws.cell(jahab, lut).value, ws.cell(jahab, lut + 1).value) == (1, 1)
    assert ws.cell(jahab, 3 + 2 * 8).value == 0  # PD tertangani is not counted
    total_row = jahab + 14
    assert ws.cell(total_row, 2).value == "JUMLAH" and ws.cell(total_row, 3 + 52 + 2).value == 2
    psks = sheet(out, "Rekap PSKS")
    assert psks.cell(header_row(psks), 3).value == "1. PSP"


def test_families_and_psks_exports(filled, tmp_path):
    fam = tmp_path / "keluarga.xlsx"
    export(filled, "families", fam, **WHOLE)
    ws = sheet(fam)
    h = header_row(ws)
    assert ws.max_row - h == 120
    assert all(len(ws.cell(r, 2).value) == 16 for r in range(h + 1, ws.max_row + 1))
    psks = tmp_path / "psks.xlsx"
    export(filled, "psks", psks, **WHOLE)
    ws = sheet(psks)
    h = header_row(ws)
    types = {ws.cell(r, 2).value for r in range(h + 1, ws.max_row + 1)}
    assert {"Tenaga Kesejahteraan Sosial Kecamatan", "Karang Taruna", "Pekerja Sosial Masyarakat"} <= types


def test_template_has_drop_downs_and_imports_back(db, tmp_path):
    out = tmp_path / "formulir.xlsx"
    export(db, "template", out, desa="Jahab")
    wb = openpyxl.load_workbook(out)
    ws = wb["Isian"]
    kinds = sorted(dv.type for dv in ws.data_validations.dataValidation)
    assert kinds == ["date", "list", "list", "list", "list", "textLength"]
    h = header_row(ws)
    ws.cell(h + 1, 2).value = "6402065505850001"
    ws.cell(h + 1, 4).value = "Siti Aminah"
    ws.cell(h + 1, 5).value = "P"
    ws.cell(h + 1, 7).value = dt.date(1985, 5, 15)
    ws.cell(h + 1, 14).value = "PRSE - Perempuan Rawan Sosial Ekonomi"
    wb.save(out)
    result = run_import(db, out, today=TODAY)
    # Only the filled row counts; pre-numbered empty rows of the form are ignored, not rejected.
    assert (result.inserted, result.rejected) == (1, 0)


def test_results_workbook_is_drawn_from_plain_rows(tmp_path):
    """No database: the rows and the recap per desa as a service hands them over."""
    when = dt.datetime(2026, 11, 22, 9, 15)
    rows = [(1, "Jahab", "6402065505850001", "6402060101090001", "Siti Aminah", "RT 001/RW 002", "Uang tunai",
             300_000, "DISALURKAN", when, None, None, None, None, "penguji", "K1-AAAA"),
            (2, "Jahab", "6402061501850001", "6402060101090002", "Budi", "-", "Uang tunai", 300_000, "TIDAK HADIR",
             None, None, None, None, "sakit", None, "K1-BBBB")]
    recap = [("Jahab", 2, 1, 1, 0, 600_000, 300_000), ("Loa Ipuh", 3, 3, 0, 0, 900_000, 900_000)]
    out = tmp_path / "hasil.xlsx"
    assert write_results(out, ResultsData(["HASIL", "Penyaluran", "Kantor"], rows, "RP", recap)) == 2
    ws = sheet(out, "Hasil")
    h = header_row(ws)
    assert ws.cell(h + 1, 3).value == "6402065505850001" and ws.cell(h + 1, 3).number_format == "@"
    assert ws.cell(h + 1, 10).value == when and ws.cell(h + 2, 14).value == "sakit"
    assert ws.cell(h, 10).value == "WAKTU AMBIL" and ws.cell(h + 1, 10).number_format == "dd-mm-yyyy hh:mm"
    ws = sheet(out, "Rekap")
    h = header_row(ws, "DESA/KELURAHAN")
    assert ws.cell(h, 6).value == "NILAI (RP)"
    assert [c.value for c in ws[h + 3]] == ["JUMLAH", 5, 4, 1, 0, 1_500_000, 1_200_000]


def columns(ws, h):
    return {ws.cell(h, c).value: c for c in range(1, ws.max_column + 1)}


def test_registry_exports_carry_kecamatan_and_region_code(filled, tmp_path):
    """A regency merges its kecamatan files: every row names its kecamatan and its desa's code."""
    for kind in ("persons", "families", "psks"):
        out = tmp_path / f"{kind}.xlsx"
        export(filled, kind, out, **WHOLE)
        ws = sheet(out)
        h = header_row(ws)
        col = columns(ws, h)
        assert col["KODE WILAYAH"] == col["DESA/KELURAHAN"] + 1 and col["KECAMATAN"] == col["DESA/KELURAHAN"] + 2
        rows = range(h + 1, ws.max_row + 1)
        assert {ws.cell(r, col["KECAMATAN"]).value for r in rows} == {"Tenggarong"}, kind
        pairs = {(ws.cell(r, col["DESA/KELURAHAN"]).value, ws.cell(r, col["KODE WILAYAH"]).value) for r in rows}
        assert ("Jahab", "64.02.06.1001") in pairs, kind
        assert all(code.startswith("64.02.06.") and len(code) == 13 for _, code in pairs), kind
        assert ws.cell(h + 1, col["KODE WILAYAH"]).number_format == "@"


def test_family_held_psks_count_at_their_familys_desa(db, tmp_path):
    """A Keluarga Pioner records no desa or address of its own: the export shows its family's, and
    the recap counts it there (it was missing from both)."""
    with db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402060101090009", address="Jl. Pioner No. 3",
                                           desa_code="64.02.06.1001", rt="001", rw="002")).id
        create_person(s, PersonInput(name="Bapak Teladan", sex="L", nik="6402060101800009", family_id=fid,
                                     relationship_code=1, desa_code="64.02.06.1001"))
        add_psks(s, PsksInput("KP", family_id=fid))
        add_psks(s, PsksInput("KP", family_id=fid, active=False))  # not active: not in the recap
        add_psks(s, PsksInput("KT", org_name="Karang Taruna Jahab", desa_code="64.02.06.1001"))
    out = tmp_path / "psks.xlsx"
    assert export(db, "psks", out, **WHOLE).rows == 3
    ws = sheet(out)
    h = header_row(ws)
    col = columns(ws, h)
    pioner = next(r for r in range(h + 1, ws.max_row + 1) if ws.cell(r, 2).value == "Keluarga Pioner")
    assert ws.cell(pioner, col["NAMA"]).value == "Keluarga Bapak Teladan"
    assert ws.cell(pioner, col["ALAMAT"]).value == "Jl. Pioner No. 3, RT 001/RW 002"
    assert ws.cell(pioner, col["DESA/KELURAHAN"]).value == "Jahab"
    assert ws.cell(pioner, col["KODE WILAYAH"]).value == "64.02.06.1001"
    assert export(db, "psks", tmp_path / "jahab.xlsx", desa="Jahab", **WHOLE).rows == 3
    recap = tmp_path / "rekap.xlsx"
    export(db, "recap", recap)
    ws = sheet(recap, "Rekap PSKS")
    h = header_row(ws)
    col = columns(ws, h)
    jahab = h + 1
    assert ws.cell(jahab, 2).value == "Jahab"
    assert ws.cell(jahab, col["7. KP"]).value == 1 and ws.cell(jahab, col["TOTAL"]).value == 2


def test_psks_recap_adds_up_to_every_active_psks(filled, tmp_path):
    """The demo's PSKS (two Keluarga Pioner among them): the recap's total is the active count."""
    from sqlalchemy import func, select

    from desktop.core.db.models import PsksEntry

    with filled.read() as s:
        active = s.scalar(select(func.count()).select_from(PsksEntry).where(PsksEntry.active.is_(True)))
    out = tmp_path / "rekap.xlsx"
    export(filled, "recap", out)
    ws = sheet(out, "Rekap PSKS")
    h = header_row(ws)
    total = next(r for r in range(h + 1, ws.max_row + 1) if ws.cell(r, 2).value == "JUMLAH")
    assert ws.cell(total, ws.max_column).value == active
