"""A PPKS value the import cannot name is never dropped: it waits with its row until the user maps
it once for that kind of file; then the rows take it, and later files of that kind take it at once."""

import datetime as dt

import openpyxl
from sqlalchemy import func, select

from desktop.core.db.models import ImportMapping, Person, PpksCategory, PpksRecord
from desktop.core.db.models.imports import PpksUnmapped
from desktop.core.services.import_batches import undo_import
from desktop.core.services.import_mappings import NOT_A_CATEGORY, map_categories, unmapped_values
from desktop.core.services.imports import run_import
from tests.io.messy import HEADERS, row

TODAY = dt.date(2026, 11, 22)
SEBATANG_KARA = "LANSIA SEBATANG KARA"


def write_file(path, cells):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for number, (nik, name, sex, birth, kk, ppks) in enumerate(cells, start=1):
        ws.append([number, *row(nik, name, sex, birth, kk=kk, rel=None, ppks=ppks)[1:]])
    wb.save(path)
    return path


FIRST = [("6402061505500031", "AHMAD", "L", "15-05-1950", None, "Lansia sebatang kara"),
         ("6402064202520032", "MINAH", "P", "02-02-1952", None, SEBATANG_KARA + "; LUT"),
         ("6402060303700033", "ROHIM", "L", "03-03-1970", "6402061203150041", "RUMAH REYOT"),
         ("6402060404710034", "DARSO", "L", "04-04-1971", "6402061203150042", "KELUARGA RENTAN")]


def records(db):
    with db.read() as s:
        return sorted(s.execute(select(Person.nik, PpksCategory.code, PpksRecord.family_id.is_not(None))
                                .join(PpksRecord, (PpksRecord.person_id == Person.id)
                                      | (PpksRecord.family_id == Person.family_id))
                                .join(PpksCategory)).all())


def waiting(db):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(PpksUnmapped))


def test_a_value_no_spelling_names_waits_with_its_row_until_mapped_once(db, tmp_path):
    path = write_file(tmp_path / "dtks_desa.xlsx", FIRST)
    judged = run_import(db, path, dry_run=True, today=TODAY)
    assert {v.value_key: v.rows for v in judged.unmapped} == {
        "LANSIA SEBATANG KARA": 2, "RUMAH REYOT": 1, "KELUARGA RENTAN": 1}
    result = run_import(db, path, today=TODAY)
    assert (result.inserted, result.rejected) == (4, 0)
    assert records(db) == [("6402064202520032", "LUT", False)]
    assert waiting(db) == 4  # kept with each row's person (and family)
    with db.read() as s:
        values = {v.value_key: v.rows for v in unmapped_values(s)}
    assert values == {"LANSIA SEBATANG KARA": 2, "RUMAH REYOT": 1, "KELUARGA RENTAN": 1}
    assert {v.value_key for v in result.unmapped} == set(values)

    # the user maps them once: an elderly person alone is LUT, a vulnerable family is KBSP
    # (a family category: it goes onto the family), a run-down house is no PPKS category
    done = map_categories(db, result.source_key, {"LANSIA SEBATANG KARA": 8, "KELUARGA RENTAN": 25,
                                                  "RUMAH REYOT": NOT_A_CATEGORY}, actor="kasi")
    assert (done.values, done.records, done.rows) == (3, 2, 4)  # MINAH already had LUT: not twice
    assert records(db) == [("6402060404710034", "KBSP", True), ("6402061505500031", "LUT", False),
                           ("6402064202520032", "LUT", False)]
    assert waiting(db) == 0
    with db.read() as s:
        assert s.get(ImportMapping, result.source_key).categories == {
            "LANSIA SEBATANG KARA": 8, "KELUARGA RENTAN": 25, "RUMAH REYOT": 0}

    # a later file of the same kind takes the mapping at once; "not a category" is said, not kept
    later = write_file(tmp_path / "dtks_desa_2.xlsx", [
        ("6402060505720035", "SUMI", "P", "05-05-1950", None, "lansia  sebatang-kara"),
        ("6402060606730036", "TONO", "L", "06-06-1973", None, "Rumah reyot")])
    again = run_import(db, later, today=TODAY, report_path=tmp_path / "laporan.xlsx")
    assert again.unmapped == [] and waiting(db) == 0
    assert ("6402060505720035", "LUT", False) in records(db)
    ws = openpyxl.load_workbook(tmp_path / "laporan.xlsx").active
    reasons = " ".join(str(r[2]) for r in ws.iter_rows(min_row=5, values_only=True))
    assert "\"Rumah reyot\" bukan kategori PPKS" in reasons

    # undoing the first import takes back what the mapping gave its rows too
    undo_import(db, result.batch_id, actor="kasi")
    assert [r for r in records(db) if r[0] in {n for n, *_ in FIRST}] == []


def test_undo_before_mapping_takes_the_waiting_values_along(db, tmp_path):
    result = run_import(db, write_file(tmp_path / "dtks.xlsx", FIRST), today=TODAY)
    assert waiting(db) == 4
    undo_import(db, result.batch_id)
    assert waiting(db) == 0
