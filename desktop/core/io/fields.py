"""The fields an import can fill, the header spellings regency files use for them, and finding the
header row below a title block."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from collections.abc import Sequence
from dataclasses import dataclass

# field -> header spellings (compared after `header_key`); the order is the order shown to users.
FIELDS: dict[str, tuple[str, ...]] = {
    "nik": ("NIK", "NOMOR NIK", "NO NIK", "NIK ART", "NIK KPM", "NIK PENERIMA", "NIK PENGURUS",
            "NOMOR INDUK KEPENDUDUKAN", "NIK ANGGOTA", "NO INDUK KEPENDUDUKAN"),
    "no_kk": ("NO KK", "NOMOR KK", "NKK", "NOMOR KARTU KELUARGA", "NO KARTU KELUARGA", "KK", "NO KK ART"),
    "name": ("NAMA", "NAMA LENGKAP", "NAMA ART", "NAMA KPM", "NAMA PENERIMA", "NAMA PENGURUS",
             "NAMA ANGGOTA", "NAMA PENDUDUK"),
    "sex": ("JENIS KELAMIN", "JK", "L P", "KELAMIN", "SEX", "GENDER"),
    "birth_place": ("TEMPAT LAHIR", "TMP LAHIR", "TEMPAT LHR"),
    "birth_date": ("TANGGAL LAHIR", "TGL LAHIR", "TGL LHR", "TANGGAL LHR", "TANGGAL KELAHIRAN"),
    "relationship": ("HUBUNGAN KELUARGA", "HUBUNGAN DALAM KELUARGA", "SHDK", "STATUS HUBUNGAN KELUARGA",
                     "HUB KELUARGA", "HUBUNGAN DENGAN KEPALA KELUARGA", "STATUS HUBUNGAN DALAM KELUARGA"),
    "address": ("ALAMAT", "ALAMAT LENGKAP", "ALAMAT KTP", "JALAN"),
    "dusun": ("DUSUN", "DUSUN LINGKUNGAN", "LINGKUNGAN"),
    "rt": ("RT",),
    "rw": ("RW",),
    "rt_rw": ("RT RW", "RT/RW"),
    "desa": ("DESA", "KELURAHAN", "DESA KELURAHAN", "NAMA DESA", "NAMA DESA KELURAHAN", "DESA KEL", "KEL DESA",
             "KODE DESA"),
    "kecamatan": ("KECAMATAN", "NAMA KECAMATAN", "KEC"),
    "religion": ("AGAMA",),
    "marital_status": ("STATUS KAWIN", "STATUS PERKAWINAN", "STATUS PERNIKAHAN", "KAWIN"),
    "education": ("PENDIDIKAN", "PENDIDIKAN TERAKHIR", "PENDIDIKAN TERTINGGI", "IJAZAH TERTINGGI"),
    "occupation": ("PEKERJAAN", "JENIS PEKERJAAN", "MATA PENCAHARIAN"),
    "phone": ("NO HP", "NOMOR HP", "HP", "TELEPON", "NO TELP", "NOMOR TELEPON", "NO TELEPON"),
    "disability": ("DISABILITAS", "JENIS DISABILITAS", "KECACATAN", "JENIS CACAT"),
    "desil": ("DESIL", "DESIL NASIONAL", "PERINGKAT KESEJAHTERAAN", "PERINGKAT", "DESIL KESEJAHTERAAN"),
    "ppks": ("PPKS", "KATEGORI PPKS", "JENIS PPKS", "PMKS", "JENIS PMKS", "KATEGORI PMKS", "KATEGORI"),
    "notes": ("KETERANGAN", "KET", "CATATAN"),
}

_NON_WORD = re.compile(r"[^0-9A-Z]+")


@lru_cache(maxsize=8192)
def header_key(text: object) -> str:
    """ "No. KK", "NO_KK", " nomor  kk " -> "NO KK" / "NOMOR KK"."""
    return " ".join(_NON_WORD.sub(" ", str(text or "").upper()).split())


_SYNONYMS: dict[str, str] = {header_key(s): field for field, spellings in FIELDS.items() for s in spellings}


def guess_field(header: object) -> str | None:
    return _SYNONYMS.get(header_key(header))


def auto_mapping(headers: Sequence[object]) -> dict[int, str]:
    """Column index -> field, by header synonyms; the first column wins when two claim a field."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for i, header in enumerate(headers):
        field = guess_field(header)
        if field and field not in taken:
            mapping[i] = field
            taken.add(field)
    return mapping


def source_key(headers: Sequence[object]) -> str:
    """Identifies a kind of file by its headers, to remember the mapping the user confirmed."""
    joined = "|".join(header_key(h) for h in headers)
    return hashlib.sha1(joined.encode()).hexdigest()


@dataclass(frozen=True)
class HeaderGuess:
    row: int  # 0-based index in the sheet
    skip_numbering: bool  # the next row is "1 2 3 ..." under the headers


def find_header(rows: Sequence[Sequence[object]], scan: int = 30) -> HeaderGuess | None:
    """The row below any title block whose cells name the most known fields (at least two)."""
    best, best_score = None, 1
    for i, row in enumerate(rows[:scan]):
        fields = {guess_field(c) for c in row if c not in (None, "")} - {None}
        if len(fields) > best_score:
            best, best_score = i, len(fields)
    if best is None:
        return None
    following = rows[best + 1] if best + 1 < len(rows) else []
    return HeaderGuess(best, is_numbering_row(following))


def is_numbering_row(row: Sequence[object]) -> bool:
    """ "1 2 3 4 ..." or "(1) (2) (3)" under the headers, as official formats print."""
    values = [c for c in row if c not in (None, "")]
    if len(values) < 3:
        return False
    numbers = []
    for v in values:
        text = str(v).strip().strip("()").removesuffix(".0")
        if not text.isdigit():
            return False
        numbers.append(int(text))
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
