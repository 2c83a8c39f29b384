"""A DTKS-shaped extract for benchmarks: 30 columns, the kecamatan's own desa, valid NIKs and KKs."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from desktop.core.domain.identity import kk_digits, nik_digits

DESA = ["Jahab", "Loa Ipuh", "Bukit Biru", "Timbau", "Melayu", "Panji", "Sukarame", "Kampung Baru", "Loa Tebu",
        "Mangkurawang", "Maluhu", "Loa Ipuh Darat", "Rapak Lambur", "Bendang Raya"]
HEADERS = ["NO", "IDDTKS", "PROVINSI", "KABUPATEN/KOTA", "KECAMATAN", "DESA/KELURAHAN", "ALAMAT", "DUSUN", "RT",
           "RW", "NOMOR KK", "NOMOR NIK", "NAMA", "TANGGAL LAHIR", "TEMPAT LAHIR", "JENIS KELAMIN",
           "NAMA IBU KANDUNG", "HUBUNGAN KELUARGA", "STATUS KAWIN", "AGAMA", "PENDIDIKAN", "PEKERJAAN",
           "DESIL NASIONAL", "STATUS DTKS", "PKH", "BPNT", "PBI", "KETERANGAN PADAN", "NO HP", "KETERANGAN"]
FIRST = ["AHMAD", "BUDI", "SITI", "NUR", "SRI", "AGUS", "DEWI", "RUDI", "YUNI", "HENDRA", "AISYAH", "JOKO"]
LAST = ["SAPUTRA", "HIDAYAT", "LESTARI", "WAHYUNI", "SANTOSO", "RAHMAN", "PRATAMA", "HANDAYANI"]
RELATIONS = ["KEPALA KELUARGA", "ISTRI", "ANAK", "ANAK", "ANAK"]


def make_rows(n: int, seed: int = 7) -> list[list]:
    rng = random.Random(seed)
    rows, used, family = [], set(), 0
    while len(rows) < n:
        family += 1
        desa = rng.choice(DESA)
        kk = kk_digits("64.02.06", dt.date(2010, 1, 1) + dt.timedelta(days=family % 5000), family % 9000 + 1)
        while kk in used:
            kk = str(int(kk) + 1)
        used.add(kk)
        rt, rw, desil = f"{rng.randint(1, 20):03d}", f"{rng.randint(1, 6):03d}", rng.randint(1, 10)
        for k, rel in enumerate(RELATIONS[: rng.randint(2, 5)]):
            sex = "PEREMPUAN" if rel == "ISTRI" or (rel == "ANAK" and rng.random() < 0.5) else "LAKI-LAKI"
            birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 25000))
            serial = rng.randint(1, 9999)
            nik = nik_digits("64.02.06", birth, "P" if sex == "PEREMPUAN" else "L", serial)
            while nik in used:
                serial = serial % 9999 + 1
                nik = nik_digits("64.02.06", birth, "P" if sex == "PEREMPUAN" else "L", serial)
            used.add(nik)
            rows.append([len(rows) + 1, f"6402060{len(rows):08d}", "KALIMANTAN TIMUR", "KUTAI KARTANEGARA",
                         "TENGGARONG", desa.upper(), f"JL. POROS NO. {family % 200}", "", rt, rw, kk, nik,
                         f"{rng.choice(FIRST)} {rng.choice(LAST)}", birth.strftime("%d-%m-%Y"), "TENGGARONG", sex,
                         "FATIMAH", rel, "KAWIN" if k < 2 else "BELUM KAWIN", "ISLAM", "SLTA/SEDERAJAT",
                         "PETANI/PEKEBUN", desil, "TERDAFTAR", "YA" if desil < 3 else "TIDAK", "TIDAK", "YA",
                         "PADAN", "", ""])
            if len(rows) == n:
                break
    return rows


def write_xlsx(path: Path, n: int) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    ws = wb.add_worksheet("DTKS")
    ws.write_row(0, 0, ["DATA TERPADU KESEJAHTERAAN SOSIAL KECAMATAN TENGGARONG"])
    ws.write_row(2, 0, HEADERS)
    for i, row in enumerate(make_rows(n), start=3):
        for c, v in enumerate(row):
            if isinstance(v, int):
                ws.write_number(i, c, v)
            elif v != "":
                ws.write_string(i, c, v)
    wb.close()
    return path
