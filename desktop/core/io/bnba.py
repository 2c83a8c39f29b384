"""The BNBA (by name by address) workbook of one desa's round, uploaded to SIKS-NG with the BA
Musdes: sheet "Usulan" with the new proposals, sheet "Perubahan" with removals and NIK/KK fixes,
sheet "Rekap" with the counts. Columns follow the DTKS extract SIKS-NG gives out (IDDTKS,
PROVINSI … HUBUNGAN KELUARGA, see DOMAIN §2.1) with the region codes before each name, as far
as the upload template is known; every ID and code is a text cell. No database here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.io.dates import long_date
from desktop.core.io.excel_export import Columns, Workbook

REGION = ("KODE PROVINSI", "PROVINSI", "KODE KABUPATEN/KOTA", "KABUPATEN/KOTA", "KODE KECAMATAN", "KECAMATAN",
          "KODE DESA/KELURAHAN", "DESA/KELURAHAN")
REGION_WIDTHS = (9, 16, 11, 22, 11, 16, 13, 18)
PROPOSALS = Columns(
    "Usulan",
    ("NO", *REGION, "ALAMAT", "RT", "RW", "NOMOR KK", "NOMOR NIK", "NAMA", "TANGGAL LAHIR", "TEMPAT LAHIR",
     "JENIS KELAMIN", "NAMA IBU KANDUNG", "PEKERJAAN", "DISABILITAS", "JUMLAH ART", "KRITERIA", "KONDISI RUMAH",
     "STATUS USULAN", "KETERANGAN"),
    (6, *REGION_WIDTHS, 30, 6, 6, 19, 19, 26, 12, 16, 12, 24, 18, 14, 9, 22, 36, 16, 26))
CHANGES = Columns(
    "Perubahan",
    ("NO", *REGION, "ALAMAT", "RT", "RW", "NOMOR KK", "NOMOR NIK", "NAMA", "JUMLAH ART", "HASIL VERIVALI",
     "NOMOR KK BARU", "NOMOR NIK BARU", "ALASAN / KETERANGAN"),
    (6, *REGION_WIDTHS, 30, 6, 6, 19, 19, 26, 9, 18, 19, 19, 32))


@dataclass
class RegionCells:
    """The region columns of every row: code (without dots, as SIKS-NG writes it) and name."""

    province_code: str
    province: str
    regency_code: str
    regency: str
    kecamatan_code: str
    kecamatan: str
    desa_code: str
    desa: str

    def cells(self) -> tuple[str, ...]:
        return (self.province_code, self.province, self.regency_code, self.regency, self.kecamatan_code,
                self.kecamatan, self.desa_code, self.desa)


@dataclass
class BnbaData:
    lines: list[str]  # heading lines
    region: RegionCells
    proposals: list[tuple]  # after NO and the region: ALAMAT … KETERANGAN
    changes: list[tuple]  # after NO and the region: ALAMAT … ALASAN
    recap: list[tuple[str, int]]  # (result, count), with the total last


def write_bnba(path: Path, data: BnbaData) -> int:
    """Returns the number of proposal rows written."""
    book = Workbook(Path(path), constant_memory=False)
    region = data.region.cells()
    count = book.table(PROPOSALS, data.lines, ((n, *region, *row) for n, row in enumerate(data.proposals, 1)))
    book.table(CHANGES, data.lines, ((n, *region, *row) for n, row in enumerate(data.changes, 1)))
    ws = book.wb.add_worksheet("Rekap")
    top = book.heading(ws, data.lines)
    book.table_header(ws, top, ["HASIL", "JUMLAH"], [28, 12])
    cell = book.writer(ws)
    for r, (label, n) in enumerate(data.recap, top + 1):
        last = r == top + len(data.recap)
        ws.write_string(r, 0, label, book.total_label if last else book.text)
        ws.write_number(r, 1, n, book.total if last else book.number)
    del cell
    book.close()
    return count


def write_recap(path: Path, lines: list[str], data) -> int:
    """The kecamatan recap for the Camat (data: io.pdf.verivali_data.RecapData), one row per desa:
    its lines = each result + not yet checked, and a JUMLAH row of the columns' sums. The sums are
    numbers (not formulas): what the office printed is what the file says. Returns the desa count."""
    book = Workbook(Path(path), constant_memory=False)
    ws = book.wb.add_worksheet("Rekap Verivali")
    top = book.heading(ws, lines)
    headers = ["NO", "DESA/KELURAHAN", "PUTARAN", "DALAM DAFTAR", *[c.upper() for c in data.codes],
               "BELUM DIPERIKSA", "FORMULIR USULAN"]
    book.table_header(ws, top, headers, [5, 20, 14, 12, *[11] * len(data.codes), 11, 12])
    ws.set_row(top, 44)  # "TIDAK LAYAK / MAMPU" takes three lines at this width
    cell = book.writer(ws)
    width = len(headers)
    totals = [0] * width
    r = top
    for r, row in enumerate(data.rows, top + 1):
        values = [row.checked, *row.counts, row.unchecked, row.proposals]
        ws.write_number(r, 0, r - top, book.number)
        cell(r, 1, row.desa)
        cell(r, 2, row.round_name)
        for c, v in enumerate(values, 3):
            ws.write_number(r, c, v, book.number)
            totals[c] += v
    r += 1
    ws.write_string(r, 0, "", book.total_label)
    ws.write_string(r, 1, "JUMLAH", book.total_label)
    ws.write_string(r, 2, "", book.total_label)
    for c in range(3, width):
        ws.write_number(r, c, totals[c], book.total)
    note = book.wb.add_format({"text_wrap": True, "valign": "top", "font_size": 9})
    ws.merge_range(r + 2, 0, r + 2, width - 1, "Dalam daftar = keluarga dan anggota keluarga dalam daftar putaran; "
                   "pada setiap desa jumlahnya sama dengan semua kolom hasil ditambah Belum diperiksa. Formulir "
                   "usulan = formulir usulan baru SIKS-NG yang dibuat untuk putaran itu.", note)
    ws.set_row(r + 2, 26)
    signer = r + 4
    for col, who in ((1, data.officer), (width - 5, data.camat)):
        text = [*who.heading.split("\n"), "", "", "", who.name or "(.............................)"]
        if who.nip:
            text.append(f"NIP {who.nip}")
        for k, line in enumerate(text):
            ws.write_string(signer + k, col, line)
    ws.write_string(signer - 1, width - 5, f"{data.place}, {long_date(data.made_on)}")
    ws.print_area(0, 0, signer + 8, width - 1)
    book.close()
    return len(data.rows)
