"""A DTKS-shaped extract for benchmarks: 30 columns, the kecamatan's own desa, valid NIKs and KKs;
or, with `messy`, the file a regency really sends: family cards recorded over 18 years, some in
other kecamatans of the regency, PPKS categories named in both spellings, and about one row in
seven flagged for a look (no NIK, a birth date that disagrees with the NIK, a category or a
relationship the import cannot name)."""

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
# Category names as regency files write them: Permensos 8/2012's "terlantar", later "telantar",
# codes and short names; and values that name no category at all.
CATEGORIES = ["LANJUT USIA TERLANTAR", "Lanjut Usia Telantar", "ANAK TERLANTAR", "Anak Telantar", "FAKIR MISKIN",
              "LUT", "PENYANDANG DISABILITAS", "lansia", "ANAK BALITA TERLANTAR", "KFM"]
UNNAMED = ["RTLH", "RUMAH TIDAK LAYAK HUNI", "LANSIA SEBATANG KARA"]
MESSY_HEADERS = [*HEADERS[:-1], "KATEGORI PPKS"]


def make_rows(n: int, seed: int = 7, messy: bool = False) -> list[list]:
    """`n` rows of whole families; with `messy`, a KATEGORI PPKS column in place of KETERANGAN and
    the pitfalls of the module's doc."""
    rng = random.Random(seed)
    rows, used, family = [], set(), 0
    while len(rows) < n:
        family += 1
        desa = rng.choice(DESA)
        if messy:  # recorded on any day of 18 years; one card in 20 in another kecamatan
            region = f"64.02.{rng.randint(1, 18):02d}" if rng.random() < 0.05 else "64.02.06"
            recorded = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randint(0, 18 * 365))
            kk = kk_digits(region, recorded, rng.randint(1, 9999))
        else:
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
            rel_text, born_text, note = rel, birth.strftime("%d-%m-%Y"), ""
            if messy:
                roll = rng.random()
                if roll < 0.04:  # no NIK
                    nik = ""
                elif roll < 0.08:  # a birth date that disagrees with the NIK
                    born_text = (birth + dt.timedelta(days=rng.randint(1, 300))).strftime("%d-%m-%Y")
                elif roll < 0.10:  # a relationship the import cannot name
                    rel_text = "FAMILI LAIN DALAM RUMAH"
                elif roll < 0.12:  # a value that names no PPKS category
                    note = rng.choice(UNNAMED)
                if rng.random() < 0.12:
                    note = rng.choice(CATEGORIES) + (f"; {note}" if note else "")
            rows.append([len(rows) + 1, f"6402060{len(rows):08d}", "KALIMANTAN TIMUR", "KUTAI KARTANEGARA",
                         "TENGGARONG", desa.upper(), f"JL. POROS NO. {family % 200}", "", rt, rw, kk, nik,
                         f"{rng.choice(FIRST)} {rng.choice(LAST)}", born_text, "TENGGARONG", sex,
                         "FATIMAH", rel_text, "KAWIN" if k < 2 else "BELUM KAWIN", "ISLAM", "SLTA/SEDERAJAT",
                         "PETANI/PEKEBUN", desil, "TERDAFTAR", "YA" if desil < 3 else "TIDAK", "TIDAK", "YA",
                         "PADAN", "", note])
            if len(rows) == n:
                break
    return rows


def write_xlsx(path: Path, n: int, messy: bool = False) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    ws = wb.add_worksheet("DTKS")
    ws.write_row(0, 0, ["DATA TERPADU KESEJAHTERAAN SOSIAL KECAMATAN TENGGARONG"])
    ws.write_row(2, 0, MESSY_HEADERS if messy else HEADERS)
    for i, row in enumerate(make_rows(n, messy=messy), start=3):
        for c, v in enumerate(row):
            if isinstance(v, int):
                ws.write_number(i, c, v)
            elif v != "":
                ws.write_string(i, c, v)
    wb.close()
    return path
