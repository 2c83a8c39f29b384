"""The laporan bulanan and the annual report as workbooks, drawn from a month's figures (the same
JSON the PDF draws; see services.month_figures and domain.monthly). No database here.

The annual workbook puts every month in a column next to the year's: flows add up across the row,
stocks (awal, akhir, aktif) are the year's first or last value, and each month says whether its
figures are closed (with their SHA-256) or still live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.domain.monthly import (
    ACTIVITY_WORDS,
    MONTHS,
    PURPOSE_WORDS,
    REFERRAL_WORDS,
    month_name,
    ppks_by_category,
    summary_lines,
)
from desktop.core.io.excel_export import Workbook
from desktop.core.io.pdf.work_common import summary_rows


def _title(content: dict, what: str) -> list[str]:
    office = content["office"]
    period = (f"BULAN {month_name(content['month']).upper()} {content['year']}" if content.get("month")
              else f"TAHUN {content['year']}")
    return [f"{what} {period}", f"KECAMATAN {office['kecamatan'].upper()} - {office['regency'].upper()}"]


def _rows(book: Workbook, ws, top: int, rows: list[list]) -> int:
    cell = book.writer(ws)
    r = top
    for r, values in enumerate(rows, top + 1):
        for c, v in enumerate(values):
            cell(r, c, v)
    return r


def _sheet(book: Workbook, name: str, lines: list[str], headers: list[str], widths: list[int],
           rows: list[list]) -> None:
    ws = book.wb.add_worksheet(name)
    top = book.heading(ws, lines)
    book.table_header(ws, top, headers, widths)
    _rows(book, ws, top, rows)


def write_month(path: Path, content: dict, status: str) -> Path:
    """Sheets: Ringkasan, PPKS per kategori, PPKS per desa (every measure), PSKS, Bantuan, Kerja lapangan."""
    book = Workbook(path, constant_memory=False)
    lines = [*_title(content, "LAPORAN BULANAN KESEJAHTERAAN SOSIAL"), status]
    _sheet(book, "Ringkasan", lines, ["NO", "URAIAN", "JUMLAH"], [6, 48, 16],
           [[i, label, value] for i, (label, value) in enumerate(summary_rows(content), 1)])
    _ppks_sheets(book, content, lines)
    _other_sheets(book, content, lines)
    _extra_sheet(book, content, lines)
    book.close()
    return book.output.target


PPKS_HEADERS = ["AWAL L", "AWAL P", "BARU L", "BARU P", "TERTANGANI L", "TERTANGANI P", "KELUAR L", "KELUAR P",
                "AKHIR L", "AKHIR P"]


def _ppks_sheets(book: Workbook, content: dict, lines: list[str]) -> None:
    cats = content["ppks"]["categories"]
    rows = [[no, code, name, *v] for (no, code, name), v in zip(cats, ppks_by_category(content), strict=True)]
    _sheet(book, "PPKS per kategori", lines, ["NO", "KODE", "KATEGORI PPKS", *PPKS_HEADERS],
           [5, 8, 44, *[9] * 10], rows)
    rows = []
    for code, name in content["ppks"]["desa"]:
        for (no, cat, _), v in zip(cats, content["ppks"]["cells"][code], strict=True):
            if any(v):
                rows.append([code, name, no, cat, *v])
    _sheet(book, "PPKS per desa", lines, ["KODE WILAYAH", "DESA/KELURAHAN", "NO", "KATEGORI", *PPKS_HEADERS],
           [15, 22, 5, 9, *[9] * 10], rows)


def _other_sheets(book: Workbook, content: dict, lines: list[str]) -> None:
    _sheet(book, "PSKS", lines, ["NO", "KODE", "JENIS PSKS", "AKTIF", "LAKI-LAKI", "PEREMPUAN", "LEMBAGA/KELUARGA",
                                 "BARU", "SK BERAKHIR <= 30 HARI", "KEGIATAN"], [5, 8, 40, *[11] * 7],
           [[no, code, name, *v] for (no, code, name), v in zip(content["psks"]["types"], content["psks"]["rows"],
                                                                  strict=True)])
    _sheet(book, "Bantuan", lines, ["PROGRAM", "PERIODE", "PENYALURAN", "PENERIMA", "MENGAMBIL", "DIWAKILKAN",
                                    "TIDAK HADIR", "BELUM", "NILAI", "SATUAN"], [34, 28, *[11] * 6, 16, 8],
           [[a["programme"], a["period"], *a["counts"], a["unit"]] for a in content["aid"]])
    ref, visits, acts = content["referrals"], content["visits"], content["activities"]
    rows = [["Rujukan", REFERRAL_WORDS.get(s, s), v, None, None] for s, v in ref["status"]]
    rows += [["Rujukan", "Baru dalam periode", ref["new"], None, None],
             ["Rujukan", "Selesai dalam periode", ref["closed"], None, None],
             ["Rujukan", "Lewat waktu tindak lanjut", ref["overdue"], None, None]]
    rows += [["Kunjungan rumah", PURPOSE_WORDS.get(p, p), a, b, c] for p, a, b, c in visits["purposes"]]
    rows += [["Kegiatan PSKS", ACTIVITY_WORDS.get(k, k), a, b, c] for k, a, b, c in acts["kinds"]]
    _sheet(book, "Kerja lapangan", [*lines, "Rujukan: jumlah. Kunjungan: jatuh tempo, dilaksanakan, batal. "
                                    "Kegiatan: kegiatan, orang, keluarga."],
           ["BAGIAN", "URAIAN", "ANGKA 1", "ANGKA 2", "ANGKA 3"], [18, 36, 11, 11, 11], rows)


def _extra_sheet(book: Workbook, content: dict, lines: list[str]) -> None:
    """Sheet "Pengaduan & verivali": every extra block's rows, one block under the other."""
    rows = []
    for block in content.get("extra", []):
        rows += [[block["title"], row[0], *row[1:]] for row in block["rows"]]
    notes = "; ".join(f"{b['title']}: {', '.join(b['headers'][1:])}" for b in content.get("extra", []))
    _sheet(book, "Pengaduan & verivali", [*lines, f"Kolom angka — {notes}." if notes else ""],
           ["BAGIAN", "URAIAN", "ANGKA 1", "ANGKA 2"], [34, 30, 16, 16], rows)


@dataclass
class MonthColumn:
    content: dict
    status: str  # "Ditutup", "Ditutup (rev. 1)", "Belum ditutup"
    sha256: str


def write_year(path: Path, total: dict, months: list[MonthColumn]) -> Path:
    """Sheet "Rekap tahunan": the summary lines per month and for the year; then the year's own
    sheets in the monthly layout."""
    book = Workbook(path, constant_memory=False)
    lines = _title(total, "LAPORAN TAHUNAN KESEJAHTERAAN SOSIAL")
    ws = book.wb.add_worksheet("Rekap tahunan")
    top = book.heading(ws, [*lines, "Arus (baru, kegiatan, penyaluran…) dijumlahkan; keadaan (awal, akhir, aktif) "
                                    "diambil dari bulan pertama atau terakhir."])
    heads = ["NO", "URAIAN", *[MONTHS[m.content["month"] - 1].upper()[:3] for m in months], "TAHUN", "JENIS"]
    book.table_header(ws, top, heads, [5, 44, *[10] * len(months), 12, 9])
    per_month = [summary_lines(m.content) for m in months]
    year = summary_lines(total)
    rows = []
    for i, (label, value, flow) in enumerate(year):
        rows.append([i + 1, label, *[pm[i][1] if i < len(pm) else None for pm in per_month], value,
                     "arus" if flow else "keadaan"])
    rows.append([None, "Status bulan", *[m.status for m in months], None, None])
    rows.append([None, "SHA-256", *[m.sha256 for m in months], None, None])
    _rows(book, ws, top, rows)
    _ppks_sheets(book, total, lines)
    _other_sheets(book, total, lines)
    _extra_sheet(book, total, lines)
    book.close()
    return book.output.target
