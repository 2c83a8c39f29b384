"""A DTKS-like extract with the pitfalls regency files really have, built by the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

HEADERS = ["NO", "NOMOR NIK", "NO. KK", "NAMA", "JENIS KELAMIN", "TEMPAT LAHIR", "TANGGAL LAHIR", "ALAMAT",
           "RT", "RW", "DESA/KELURAHAN", "KECAMATAN", "HUBUNGAN KELUARGA", "DESIL NASIONAL", "KATEGORI PPKS",
           "KETERANGAN"]
KK = "6402061203150007"
SITI = "6402065505850001"
BUDI = "6402061505800003"
ANI = "6402064101900002"


def row(nik, name, sex, birth, *, kk=KK, rt="001", rw="002", desa="jahab", kec="Tenggarong", rel="ANAK",
        desil=None, ppks=None, place="Tenggarong", note=None, address="Jl. Pesut No. 4"):
    return [None, nik, kk, name, sex, place, birth, address, rt, rw, desa, kec, rel, desil, ppks, note]


# (expected outcome, row); rows are written from Excel row 5 on (title block, header, numbering).
ROWS = [
    ("inserted", row(SITI, "SITI AMINAH", "PEREMPUAN", dt.date(1985, 5, 15), rel="ISTRI", desil=2, ppks="KFM")),
    ("inserted", row(BUDI, "BUDI SANTOSO", "L", "15-05-1980", rt=1, desa="KELURAHAN JAHAB", rel="KEPALA KELUARGA",
                     desil=2)),
    ("conflict", row("'" + ANI, "ANI LESTARI", "2", 32874.0, desa="Loa Ipuh", kk="6402061203150008")),
    ("rejected", row(6402061505800004.0, "AGUS", "L", "15/05/1980")),                 # NIK as a number cell
    ("rejected", row("64020615O5800005", "DEDI", "L", "15/05/1980")),                  # letter O in the NIK
    ("rejected", row("6402063205800006", "EKO", "L", "15/05/1980")),                   # day 32 in the NIK
    ("rejected", row("6402061505800000", "FAJAR", "L", "15/05/1980")),                 # serial 0000
    ("unchanged", row(SITI, "Siti  Aminah", "P", "15-05-1985", rel="ISTRI")),         # same person again
    ("conflict", row(ANI, "ANI SUSANTI", "P", "01-01-1990", kk="6402061203150008")),  # same NIK, other name
    ("empty", [None] * len(HEADERS)),
    ("inserted", row('="6402061506850009"', "HENDRA", "L", "15 Juni 1985", kk="6402061203150009", desa="Loa Ipuh")),
    ("inserted", row("6402060506900011", "IWAN", "L", "05/06/1990", kk="6402061203150009", desa="Loa Ipuh")),
    ("inserted", row("6402060506900012", "JOKO", "L", "1990-06-05", kk="6402061203150009", desa="Loa Ipuh",
                     rw="2")),
    ("rejected", row("6402060506900013", "KARTINI", "P", "1990-06-05", desa="Desa Antah Berantah")),
    ("rejected", row("6402020506900014", "LUKMAN", "L", "1990-06-05", kec="Loa Kulu")),
    ("inserted", row(None, "PAK UDIN", "L", None, kk=None, desa="Timbau", rt=None, rw=None, rel=None,
                     ppks="Gelandangan", note="Tanpa KTP")),
    ("inserted", row("6402060506900015", "MARYAM", "P", "05-06-1990", kk="6402061203150010", ppks="RTLH")),
    ("rejected", row("6402060506900016", "NANI", "X", "05-06-1990")),
    ("totals", ["JUMLAH", None, None, "13 orang"] + [None] * (len(HEADERS) - 4)),
]
FIRST_DATA_ROW = 5


def write_messy(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DTKS Tenggarong"
    ws.append(["DATA TERPADU KESEJAHTERAAN SOSIAL"])
    ws.append(["KECAMATAN TENGGARONG - KABUPATEN KUTAI KARTANEGARA"])
    ws.append(HEADERS)
    ws.append(list(range(1, len(HEADERS) + 1)))  # the column-number row
    for number, (outcome, values) in enumerate(ROWS, start=1):
        ws.append([number if outcome not in ("empty", "totals") else values[0], *values[1:]])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # the text ="6402..." as CSV exports leave it, not a formula
    other = wb.create_sheet("Catatan")
    other.append(["Sumber: Dinas Sosial"])
    wb.save(path)
    return path


def expected(outcome: str) -> list[int]:
    return [FIRST_DATA_ROW + i for i, (o, _) in enumerate(ROWS) if o == outcome]
