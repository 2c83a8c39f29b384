"""Excel workbooks drawn from data the services gather: the registry tables (persons, families,
PSKS, the results of a distribution), the recap desa x 26 PPKS, and blank templates for desa
operators. IDs are text cells ('@'), headers are styled, frozen and filterable, and no cell is ever
written so that Excel could run it as a formula.

No database here: desktop.core.services.exports and .aid_documents query, hand over plain rows
(tuples in the order of a `Columns`, or the dataclasses below) and record the disclosure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled

# Text starting so gets a quote prefix: it stays text even if someone edits the cell later.
FORMULA_START = ("=", "+", "-", "@")
BATCH = 5000  # rows between two progress reports (and cancel checks)


@dataclass(frozen=True)
class Columns:
    """The layout of a table: its sheet, headings and widths (in characters). The rows given to
    `write_table` hold their values in this order."""

    sheet: str
    headers: tuple[str, ...]
    widths: tuple[int, ...]


PERSONS = Columns(
    "Penduduk",
    ("NO", "NIK", "NO KK", "NAMA", "JENIS KELAMIN", "TEMPAT LAHIR", "TANGGAL LAHIR", "HUBUNGAN KELUARGA", "AGAMA",
     "STATUS KAWIN", "PENDIDIKAN", "PEKERJAAN", "DISABILITAS", "NO HP", "ALAMAT", "DUSUN", "RT", "RW",
     "DESA/KELURAHAN", "KODE WILAYAH", "KECAMATAN", "DESIL", "KATEGORI PPKS", "STATUS HIDUP", "KETERANGAN"),
    (6, 19, 19, 28, 9, 16, 12, 16, 10, 12, 18, 20, 14, 15, 30, 12, 6, 6, 18, 14, 16, 7, 18, 10, 24))
FAMILIES = Columns(
    "Keluarga",
    ("NO", "NO KK", "NAMA KEPALA KELUARGA", "NIK KEPALA KELUARGA", "ALAMAT", "DUSUN", "RT", "RW", "DESA/KELURAHAN",
     "KODE WILAYAH", "KECAMATAN", "JUMLAH ANGGOTA", "DESIL", "DESIL PER TANGGAL", "SUMBER DESIL",
     "KATEGORI PPKS KELUARGA"),
    (6, 19, 28, 19, 30, 12, 6, 6, 18, 14, 16, 10, 7, 12, 22, 18))
PSKS = Columns(
    "PSKS",
    ("NO", "JENIS PSKS", "NAMA", "NIK / NO KK", "KETUA", "NOMOR SK", "TANGGAL SK", "MASA BAKTI MULAI",
     "MASA BAKTI SELESAI", "ALAMAT", "DESA/KELURAHAN", "KODE WILAYAH", "KECAMATAN", "WILAYAH LAYANAN",
     "JUMLAH ANGGOTA", "AKTIF", "NO HP"),
    (6, 26, 32, 19, 24, 24, 12, 12, 12, 28, 18, 14, 16, 30, 9, 7, 15))
RESULTS = Columns(
    "Hasil",
    ("NO", "DESA/KELURAHAN", "NIK", "NO KK", "NAMA PENERIMA", "ALAMAT", "JENIS BANTUAN", "JUMLAH", "STATUS",
     "WAKTU AMBIL", "DIWAKILKAN OLEH", "HUBUNGAN", "NIK WAKIL", "ALASAN TIDAK HADIR", "PETUGAS", "KODE KUPON"),
    (6, 18, 19, 19, 28, 32, 16, 12, 12, 17, 24, 12, 19, 26, 14, 13))
TEMPLATE_HEADERS = ("NO", "NIK", "NO KK", "NAMA", "JENIS KELAMIN", "TEMPAT LAHIR", "TANGGAL LAHIR",
                    "HUBUNGAN KELUARGA", "ALAMAT", "DUSUN", "RT", "RW", "DESA/KELURAHAN", "KATEGORI PPKS",
                    "KETERANGAN")


class Workbook:
    """An xlsxwriter workbook with Simpul's formats and the rule that text is always text.
    `constant_memory` streams rows to disk (each sheet written top to bottom, one at a time).
    Nothing is written to `path` until `close()`, and then beside it and renamed into place
    (desktop.core.io.outputs): a cancelled export leaves no half file and never touches the target."""

    def __init__(self, path: Path, constant_memory: bool = True) -> None:
        import xlsxwriter

        from desktop.core.io.outputs import Pending

        self.output = Pending(path, "xlsx")
        self.wb = xlsxwriter.Workbook(str(self.output.temp), {
            "constant_memory": constant_memory, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False, "default_date_format": "dd-mm-yyyy"})
        add = self.wb.add_format
        self.title = add({"bold": True, "font_size": 13})
        self.subtitle = add({"font_size": 10})
        self.head = add({"bold": True, "bg_color": "#1F6F5C", "font_color": "#FFFFFF", "border": 1,
                         "text_wrap": True, "valign": "vcenter", "align": "center"})
        self.text = add({"num_format": "@"})
        self.text_guarded = add({"num_format": "@", "quote_prefix": True})
        self.date = add({"num_format": "dd-mm-yyyy", "align": "left"})
        self.moment = add({"num_format": "dd-mm-yyyy hh:mm", "align": "left"})  # a time of day: WAKTU AMBIL
        self.number = add({"num_format": "#,##0"})
        self.total = add({"bold": True, "num_format": "#,##0", "top": 1})
        self.total_label = add({"bold": True, "top": 1})

    def writer(self, ws) -> Callable[[int, int, object], None]:
        """`cell(row, col, value)` for one sheet: the value with its type (a number, a date, Ya/Tidak),
        text always as text. Built once per sheet: 100,000 rows make 2.3 million calls."""
        write_string, write_number, write_datetime = ws.write_string, ws.write_number, ws.write_datetime
        text, guarded, number, date, moment = self.text, self.text_guarded, self.number, self.date, self.moment
        combine, midnight = dt.datetime.combine, dt.time()

        def cell(r: int, c: int, value: object) -> None:
            if type(value) is str:  # most cells: one test instead of five
                if value:
                    write_string(r, c, value, guarded if value.startswith(FORMULA_START) else text)
                return
            if value is None or value == "":
                return
            if isinstance(value, bool):
                write_string(r, c, "Ya" if value else "Tidak", text)
            elif isinstance(value, (int, float)):
                write_number(r, c, value, number)
            elif isinstance(value, dt.datetime):
                write_datetime(r, c, value, moment)
            elif isinstance(value, dt.date):
                write_datetime(r, c, combine(value, midnight), date)
            else:
                s = str(value)
                write_string(r, c, s, guarded if s.startswith(FORMULA_START) else text)

        return cell

    def heading(self, ws, lines: Sequence[str]) -> int:
        """The title lines at the top; returns the row for the table header (after a blank row)."""
        for i, line in enumerate(lines):
            ws.write_string(i, 0, line, self.title if i == 0 else self.subtitle)
        return len(lines) + 1

    def table_header(self, ws, row: int, headers: Sequence[str], widths: Sequence[int]) -> None:
        for c, (h, w) in enumerate(zip(headers, widths, strict=True)):
            ws.write_string(row, c, h, self.head)
            ws.set_column(c, c, w, self.text if w else None)
        ws.set_row(row, 30)
        ws.freeze_panes(row + 1, 0)
        self.print_setup(ws, row, row)

    def print_setup(self, ws, first_header: int, last_header: int) -> None:
        """Printable as the office prints: A4 landscape, one page wide, headers on every page."""
        ws.set_landscape()
        ws.set_paper(9)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(first_header, last_header)
        ws.set_footer("&L&8Simpul&R&8Halaman &P dari &N")

    def table(self, columns: Columns, lines: Sequence[str], rows: Iterable[Sequence[object]],
              progress: Progress = NULL_PROGRESS) -> int:
        """A sheet of heading lines, a frozen, filterable header row and one row per item; rows are
        consumed as they come (an iterator from the database is fine). Returns the number of rows."""
        ws = self.wb.add_worksheet(columns.sheet)
        first = self.heading(ws, lines)
        self.table_header(ws, first, columns.headers, columns.widths)
        cell, r = self.writer(ws), first
        for r, values in enumerate(rows, first + 1):
            for c, v in enumerate(values):
                cell(r, c, v)
            if (r - first) % BATCH == 0:
                check_cancelled(progress)
                progress.advance(BATCH)
        ws.autofilter(first, 0, max(r, first), len(columns.headers) - 1)
        return r - first

    def close(self) -> None:
        try:
            self.wb.close()
        except BaseException:
            self.output.discard()
            raise
        self.output.commit()


def write_table(path: Path, columns: Columns, lines: Sequence[str], rows: Iterable[Sequence[object]],
                progress: Progress = NULL_PROGRESS) -> int:
    """A one-sheet workbook (the persons, families or PSKS export), streamed in constant memory.
    Checks `progress` for a cancel every BATCH rows. Returns the number of rows."""
    book = Workbook(Path(path))
    count = book.table(columns, lines, rows, progress)
    book.close()
    return count


# ---- results of a distribution --------------------------------------------------------------------

@dataclass
class ResultsData:
    """What a distribution event came to, for the regency."""

    lines: list[str]  # heading: title, event, office
    rows: list[tuple]  # one per recipient, in RESULTS order
    unit: str  # "RP" for cash, the goods unit in capitals
    # Per desa: name, recipients, collected, absent, not yet, value, value collected.
    recap: list[tuple[str, int, int, int, int, int, int]]


def write_results(path: Path, data: ResultsData) -> int:
    """Sheet "Hasil" with every recipient and sheet "Rekap" with a row per desa and the totals.
    Returns the number of recipients."""
    book = Workbook(Path(path), constant_memory=False)
    count = book.table(RESULTS, data.lines, data.rows)
    ws = book.wb.add_worksheet("Rekap")
    top = book.heading(ws, data.lines)
    headers = ["DESA/KELURAHAN", "PENERIMA", "DISALURKAN", "TIDAK HADIR", "BELUM", f"NILAI ({data.unit})",
               f"DISALURKAN ({data.unit})"]
    book.table_header(ws, top, headers, [22, 11, 12, 12, 9, 16, 16])
    cell, r = book.writer(ws), top
    for r, values in enumerate(data.recap, top + 1):
        for c, v in enumerate(values):
            cell(r, c, v)
    r += 1
    ws.write_string(r, 0, "JUMLAH", book.total_label)
    for c in range(1, len(headers)):
        ws.write_number(r, c, sum(row[c] for row in data.recap), book.total)
    book.close()
    return count


# ---- recap desa x 26 PPKS ---------------------------------------------------------------------

@dataclass
class RecapDesa:
    name: str
    ppks: list[tuple[int, int]]  # (men, women) per category, in the order of RecapData.categories
    psks: list[int]  # active PSKS per type, in the order of RecapData.psks_types


@dataclass
class RecapData:
    """Active PPKS per desa and category, men and women apart (the service decides how families and
    communities count), and active PSKS per desa and type."""

    ppks_lines: list[str]
    psks_lines: list[str]
    categories: list[tuple[int, str, str]]  # (no, code, name), regulation order 1-26
    psks_types: list[tuple[int, str]]  # (no, code)
    desa: list[RecapDesa]
    note: str | None = None  # e.g. why categories are missing (a role without "data sensitif")


RECAP_NOTE = ("Catatan: hanya PPKS berstatus aktif. Kategori keluarga (FM, KBSP) dihitung per keluarga menurut "
              "jenis kelamin kepala keluarga; komunitas (KM, KAT) dihitung per komunitas di kolom L.")


def write_recap(path: Path, data: RecapData) -> int:
    """Sheet "Rekap PPKS" (two columns L/P per category, on F4 paper) and sheet "Rekap PSKS".
    Returns the number of desa."""
    book = Workbook(Path(path), constant_memory=False)
    _ppks_sheet(book, data)
    _psks_sheet(book, data)
    book.close()
    return len(data.desa)


def _ppks_sheet(book: Workbook, data: RecapData) -> None:
    ws = book.wb.add_worksheet("Rekap PPKS")
    cell = book.writer(ws)
    first = book.heading(ws, data.ppks_lines)
    ws.merge_range(first, 0, first + 1, 0, "NO", book.head)
    ws.merge_range(first, 1, first + 1, 1, "DESA/KELURAHAN", book.head)
    col = 2
    for no, code, name in data.categories:
        ws.merge_range(first, col, first, col + 1, f"{no}. {code}", book.head)
        ws.write_comment(first, col, name)
        ws.write_string(first + 1, col, "L", book.head)
        ws.write_string(first + 1, col + 1, "P", book.head)
        col += 2
    for j, label in enumerate(("JUMLAH L", "JUMLAH P", "TOTAL")):
        ws.merge_range(first, col + j, first + 1, col + j, label, book.head)
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 20)
    ws.set_column(2, col + 2, 5.5)
    ws.set_column(col, col + 2, 9)
    r = first + 1
    grand = [0] * (col + 3)
    for i, desa in enumerate(data.desa, 1):
        r += 1
        ws.write_number(r, 0, i)
        cell(r, 1, desa.name)
        values = [n for pair in desa.ppks for n in pair]
        men, women = sum(values[0::2]), sum(values[1::2])
        for c, v in enumerate([*values, men, women, men + women], 2):
            ws.write_number(r, c, v, book.number)
            grand[c] += v
    r += 1
    ws.write_string(r, 1, "JUMLAH", book.total_label)
    ws.write_string(r, 0, "", book.total_label)
    for c in range(2, col + 3):
        ws.write_number(r, c, grand[c], book.total)
    ws.freeze_panes(first + 2, 2)
    book.print_setup(ws, first, first + 1)
    ws.set_paper(14)  # F4/Folio 215 x 330 mm: 57 columns need the longer sheet
    notes = [RECAP_NOTE, "Kategori: " + "; ".join(f"{no}. {code} = {name}" for no, code, name in data.categories)]
    heights = [28, 60]
    if data.note:
        notes.append(data.note)
        heights.append(28)
    wrap = book.wb.add_format({"text_wrap": True, "valign": "top", "font_size": 9})
    for k, (note, height) in enumerate(zip(notes, heights, strict=True)):
        ws.merge_range(r + 2 + k, 1, r + 2 + k, col + 2, note, wrap)
        ws.set_row(r + 2 + k, height)
    ws.print_area(0, 0, r + 2 + len(notes), col + 2)


def _psks_sheet(book: Workbook, data: RecapData) -> None:
    ws = book.wb.add_worksheet("Rekap PSKS")
    cell = book.writer(ws)
    first = book.heading(ws, data.psks_lines)
    types = len(data.psks_types)
    headers = ["NO", "DESA/KELURAHAN", *[f"{no}. {code}" for no, code in data.psks_types], "TOTAL"]
    book.table_header(ws, first, headers, [5, 20, *[8] * types, 8])
    r = first
    totals = [0] * (types + 1)
    for i, desa in enumerate(data.desa, 1):
        r += 1
        ws.write_number(r, 0, i)
        cell(r, 1, desa.name)
        for j, n in enumerate([*desa.psks, sum(desa.psks)]):
            ws.write_number(r, 2 + j, n, book.number)
            totals[j] += n
    r += 1
    ws.write_string(r, 1, "JUMLAH", book.total_label)
    for j, n in enumerate(totals):
        ws.write_number(r, 2 + j, n, book.total)


# ---- blank template ---------------------------------------------------------------------------

@dataclass
class TemplateData:
    lines: list[str]
    desa: list[str]  # names, for the drop-down
    categories: list[str]  # "PRSE - Perempuan Rawan Sosial Ekonomi"
    relationships: list[str]  # "Kepala Keluarga", …
    rows: int = 500


def write_template(path: Path, data: TemplateData) -> int:
    """A form for desa operators: text ID columns, drop-down lists for sex, relationship, desa and
    PPKS category, a date column that only takes dates. Simpul imports it as it comes back.
    Returns the number of numbered rows."""
    book = Workbook(Path(path), constant_memory=False)
    ws = book.wb.add_worksheet("Isian")
    lists = book.wb.add_worksheet("Daftar")
    for c, values in enumerate((data.desa, data.categories, data.relationships)):
        for r, v in enumerate(values):
            lists.write_string(r, c, v)
    lists.hide()
    first = book.heading(ws, [*data.lines, "Isi mulai baris di bawah judul kolom. NIK dan No. KK diketik sebagai "
                              "teks (16 digit); tanggal lahir HH-BB-TTTT."])
    book.table_header(ws, first, TEMPLATE_HEADERS, [6, 19, 19, 28, 12, 16, 13, 18, 30, 12, 6, 6, 20, 34, 24])
    last = first + data.rows
    text_id = {"validate": "length", "criteria": "==", "value": 16, "error_title": "NIK/No. KK",
               "error_message": "Harus 16 digit, diketik sebagai teks."}
    ws.data_validation(first + 1, 1, last, 2, text_id)
    ws.data_validation(first + 1, 4, last, 4, {"validate": "list", "source": ["L", "P"]})
    ws.data_validation(first + 1, 6, last, 6, {
        "validate": "date", "criteria": "between", "minimum": dt.date(1900, 1, 1), "maximum": dt.date(2100, 12, 31),
        "error_message": "Tulis tanggal, misalnya 15-05-1985."})
    for col, values, letter in ((7, data.relationships, "C"), (12, data.desa, "A"), (13, data.categories, "B")):
        ws.data_validation(first + 1, col, last, col,
                           {"validate": "list", "source": f"=Daftar!${letter}$1:${letter}${len(values)}"})
    for r in range(first + 1, last + 1):
        ws.write_number(r, 0, r - first)
        ws.write_blank(r, 6, None, book.date)
    book.close()
    return data.rows
