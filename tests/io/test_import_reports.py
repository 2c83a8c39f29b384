"""Clean failures and nothing lost: the report kept with its import and written again on demand,
the same length limits on SQLite and PostgreSQL, text files in UTF-16."""

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.core.db.models import ImportBatch, Person
from desktop.core.io.outputs import OutputRefused
from desktop.core.io.report import Report, ReportRow, pack, unpack, write_report
from desktop.core.services.imports import run_import
from tests.io.messy import HEADERS, expected, row, write_messy

TODAY = dt.date(2026, 11, 22)


def db_arg(db) -> str:
    return str(db.file) if db.file else db.url.render_as_string(hide_password=False)


def sheet_rows(path):
    ws = openpyxl.load_workbook(path).active
    return {r[0]: r for r in ws.iter_rows(min_row=5, values_only=True)}


def test_the_report_is_kept_with_its_batch_and_written_again(db, tmp_path, capsys):
    messy = write_messy(tmp_path / "dtks.xlsx")
    result = run_import(db, messy, today=TODAY, report_path=tmp_path / "laporan.xlsx")
    first = sheet_rows(tmp_path / "laporan.xlsx")
    (tmp_path / "laporan.xlsx").unlink()  # as if the import had been killed just after its commit
    again = tmp_path / "lagi.xlsx"
    code = main(["--db", db_arg(db), "import-report", str(result.batch_id), str(again)])
    assert code == 0 and f"#{result.batch_id}" in capsys.readouterr().out
    assert sheet_rows(again) == first
    assert set(first) >= set(expected("rejected") + expected("conflict"))
    agus = expected("rejected")[0]
    assert first[agus][4] == 6402061505800004  # the number cell stays a number


def test_import_report_of_a_clean_import_or_a_missing_one_says_so(db, tmp_path, capsys):
    path = tmp_path / "bersih.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(HEADERS)
    wb.active.append([1, *row("6402065505850001", "SITI", "P", "15-05-1985", kk=None)[1:]])
    wb.save(path)
    result = run_import(db, path, today=TODAY)
    assert result.report is None
    assert main(["--db", db_arg(db), "import-report", str(result.batch_id), str(tmp_path / "x.xlsx")]) == 1
    assert "tidak menyimpan laporan" in capsys.readouterr().out
    assert main(["--db", db_arg(db), "import-report", "999", str(tmp_path / "x.xlsx")]) == 1
    assert "999" in capsys.readouterr().err and not (tmp_path / "x.xlsx").exists()


def test_import_report_never_lands_on_the_database(db, tmp_path, capsys):
    if db.file is None:
        pytest.skip("a file database")
    result = run_import(db, write_messy(tmp_path / "dtks.xlsx"), today=TODAY)
    before = db.file.read_bytes()[:100]
    assert main(["--db", db_arg(db), "import-report", str(result.batch_id), str(db.file)]) != 0
    assert db.file.read_bytes()[:100] == before


def test_packed_reports_keep_each_cell_type():
    cells = ["teks", 6402061505800004.0, 7, True, dt.date(1985, 5, 15), dt.datetime(2026, 1, 2, 3, 4), None, ""]
    report = Report("a.xlsx", "DTKS", ["A", "B"], [ReportRow(5, "ditolak", ["alasan"], cells)])
    assert unpack(pack(report)) == report


def test_the_report_sheet_is_plain_xlsx_with_awkward_text(tmp_path):
    rows = [ReportRow(5, "ditandai", ["a < b & c"], ["  spasi ", "\x01kontrol", "=SUM(A1)", 1.5,
                                                         dt.date(1985, 5, 15)])]
    write_report(tmp_path / "r.xlsx", "berkas.xlsx", "Lembar", ["NAMA", "", "X", "Y", "Z"], rows)
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    assert ws.freeze_panes == "D5" and ws.auto_filter.ref == "A4:H5"
    assert [c.value for c in ws[4]] == ["Baris", "Status", "Alasan", "NAMA", "(2)", "X", "Y", "Z"]
    values = [c.value for c in ws[5]]
    assert values[:6] == [5, "Ditandai", "a < b & c", "  spasi ", "_x0001_kontrol", "=SUM(A1)"]
    assert ws.cell(5, 6).data_type == "s"  # text, never a formula
    assert values[6] == 1.5 and values[7] == dt.datetime(1985, 5, 15)


def test_a_cell_longer_than_the_registry_keeps_is_refused_alike_on_every_database(db, tmp_path):
    path = tmp_path / "panjang.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(HEADERS)
    long_address = "Jl. " + "Panjang Sekali " * 20  # 303 characters as read: PostgreSQL would refuse the import
    wb.active.append([1, *row("6402065505850001", "SITI", "P", "15-05-1985", kk=None, address=long_address)[1:]])
    wb.active.append([2, *row("6402061505800003", "BUDI " * 40, "L", "15-05-1980", kk=None)[1:]])
    wb.active.append([3, *row("6402060506900011", "IWAN", "L", "05-06-1990", kk=None)[1:]])
    wb.save(path)
    result = run_import(db, path, today=TODAY, report_path=tmp_path / "laporan.xlsx")
    assert (result.rows, result.inserted, result.rejected) == (3, 1, 2)
    reasons = {n: r[2] for n, r in sheet_rows(tmp_path / "laporan.xlsx").items()}
    assert "ALAMAT lebih dari 250 karakter (303)" in reasons[2]
    assert "NAMA lebih dari 150 karakter" in reasons[3]


def test_a_long_file_name_fits_its_batch(db, tmp_path):
    path = tmp_path / ("dtks-" + "k" * 120 + ".csv")
    path.write_text("NIK;NAMA;JENIS KELAMIN\n6402065505850001;SITI;P\n", encoding="utf-8")
    result = run_import(db, path, today=TODAY)
    with db.read() as s:
        batch = s.get(ImportBatch, result.batch_id)
        assert len(batch.sheet) <= 120 and batch.file_name == path.name


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_text_files_are_read(db, tmp_path, encoding):
    """Excel's "Unicode Text" is UTF-16 with a byte-order mark and tabs; some exports leave the mark out."""
    path = tmp_path / "dtks.txt"
    path.write_text("NIK\tNAMA\tJENIS KELAMIN\tALAMAT\r\n6402065505850001\tSITI ÄMINAH\tP\tJl. Mawar\r\n",
                    encoding=encoding)
    result = run_import(db, path, today=TODAY)
    assert (result.rows, result.inserted) == (1, 1)
    with db.read() as s:
        assert s.scalars(select(Person.name)).one() == "Siti Äminah"


def test_a_report_that_cannot_be_written_does_not_hide_a_saved_import(db, tmp_path, capsys):
    messy = write_messy(tmp_path / "dtks.xlsx")
    result = run_import(db, messy, today=TODAY, report_path=tmp_path / "tidak-ada" / "laporan.xlsx")
    assert result.batch_id is not None and result.inserted == 7 and result.report is None
    assert f"simpul import-report {result.batch_id}" in result.report_error
    out = tmp_path / "laporan.xlsx"
    assert main(["--db", db_arg(db), "import-report", str(result.batch_id), str(out)]) == 0
    assert set(sheet_rows(out)) >= set(expected("rejected"))
    with pytest.raises(OutputRefused):  # a dry run saves nothing: its report is all there is
        run_import(db, messy, dry_run=True, today=TODAY, report_path=tmp_path / "tidak-ada" / "uji.xlsx")
