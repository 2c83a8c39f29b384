"""PPKS category rules: age and sex limits and the unit (person, family, community), and the one
lookup that reads a category as files name it (`ppks_category_no`).

The limits live in the ppks_category table (sources disagree on several boundaries, so an office
can change them); here they are only judged, and only ever give warnings.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from desktop.core.domain.people import age_on
from desktop.core.errors import Finding

@dataclass(frozen=True, slots=True)
class CategoryRule:
    code: str
    unit: str  # orang | keluarga | komunitas
    age_min: int | None = None
    age_max: int | None = None  # inclusive: the last completed year that still fits
    sex: str | None = None  # "P" for PRSE


def category_warnings(rule: CategoryRule, *, holder: str, birth_date: dt.date | None,
                      sex: str | None, assessed_on: dt.date) -> list[Finding]:
    """Warnings for recording `rule` on a holder (orang/keluarga/komunitas). Never blocks."""
    found: list[Finding] = []
    if holder != rule.unit and not (rule.unit == "keluarga" and holder == "orang"):
        # Family categories may still be noted on the person who stands for the family.
        found.append(Finding("ppks.unit", "warning", {"code": rule.code, "unit": rule.unit, "given": holder}))
    if holder != "orang":
        return found
    if rule.age_min is not None or rule.age_max is not None:
        if birth_date is None:
            found.append(Finding("ppks.no_birth_date", "warning", {"code": rule.code}))
        else:
            age = age_on(birth_date, assessed_on)
            if rule.age_min is not None and age < rule.age_min:
                found.append(Finding("ppks.age_below", "warning",
                                     {"age": age, "code": rule.code, "limit": rule.age_min}))
            if rule.age_max is not None and age > rule.age_max:
                found.append(Finding("ppks.age_above", "warning",
                                     {"age": age, "code": rule.code, "limit": rule.age_max}))
    if rule.sex and sex and sex != rule.sex:
        found.append(Finding("ppks.sex", "warning", {"code": rule.code, "sex": rule.sex}))
    return found


# Naming a category: regency files write the 26 PPKS of Permensos 8/2012 in many ways. The regulation
# itself spells "terlantar", later texts "telantar"; codes have no official list (DOMAIN.md §1.2);
# old PMKS files (2007, 22 types) use other names and codes. One lookup reads them all.

PPKS_NAMES: tuple[tuple[int, str, str], ...] = (
    (1, "ABT", "Anak Balita Telantar"), (2, "AT", "Anak Telantar"),
    (3, "ABH", "Anak yang Berhadapan dengan Hukum"), (4, "AJ", "Anak Jalanan"),
    (5, "ADK", "Anak dengan Kedisabilitasan"),
    (6, "AKTK", "Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah"),
    (7, "AMPK", "Anak yang Memerlukan Perlindungan Khusus"), (8, "LUT", "Lanjut Usia Telantar"),
    (9, "PD", "Penyandang Disabilitas"), (10, "TS", "Tuna Susila"), (11, "GLD", "Gelandangan"),
    (12, "PGM", "Pengemis"), (13, "PML", "Pemulung"), (14, "KM", "Kelompok Minoritas"),
    (15, "BWBLP", "Bekas Warga Binaan Lembaga Pemasyarakatan"), (16, "ODHA", "Orang dengan HIV/AIDS"),
    (17, "NAPZA", "Korban Penyalahgunaan NAPZA"), (18, "TPPO", "Korban Perdagangan Orang (Trafficking)"),
    (19, "KTK", "Korban Tindak Kekerasan"), (20, "PMBS", "Pekerja Migran Bermasalah Sosial"),
    (21, "KBA", "Korban Bencana Alam"), (22, "KBS", "Korban Bencana Sosial"),
    (23, "PRSE", "Perempuan Rawan Sosial Ekonomi"), (24, "FM", "Fakir Miskin"),
    (25, "KBSP", "Keluarga Bermasalah Sosial Psikologis"), (26, "KAT", "Komunitas Adat Terpencil"),
)

# Other codes and names seen in files. Deliberately absent: RTLH and KLGRTN (no longer PPKS) and
# joint names such as "gelandangan dan pengemis" that name two categories.
PPKS_ALIASES: dict[str, int] = {
    # codes in other systems and old PMKS codes
    "AKTKDS": 6, "AN": 3, "WRSE": 23, "PACA": 9, "PDIS": 9, "PENCA": 9, "PGMS": 12, "P": 12,
    "GLDNG": 11, "G": 11, "BWBLK": 15, "BWBP": 15, "KFM": 24, "PM": 20, "KPN": 17, "KTR": 18,
    # short and older names
    "BALITA TELANTAR": 1,
    "ANAK BERHADAPAN DENGAN HUKUM": 3, "ANAK NAKAL": 3, "ANAK BERKONFLIK DENGAN HUKUM": 3,
    "ANAK DENGAN DISABILITAS": 5, "ANAK DISABILITAS": 5, "ANAK DENGAN KECACATAN": 5, "ANAK CACAT": 5,
    "ANAK PENYANDANG DISABILITAS": 5,
    "ANAK KORBAN TINDAK KEKERASAN": 6, "ANAK YANG MENJADI KORBAN TINDAK KEKERASAN": 6,
    "ANAK KORBAN KEKERASAN": 6, "ANAK YANG DIPERLAKUKAN SALAH": 6,
    "ANAK MEMERLUKAN PERLINDUNGAN KHUSUS": 7,
    "LANSIA TELANTAR": 8, "LANSIA": 8, "LANJUT USIA": 8,
    "DISABILITAS": 9, "PENYANDANG CACAT": 9, "CACAT": 9, "DIFABEL": 9,
    "WANITA TUNA SUSILA": 10, "PEKERJA SEKS KOMERSIAL": 10,
    "BEKAS NARAPIDANA": 15, "MANTAN NARAPIDANA": 15, "BEKAS WARGA BINAAN PEMASYARAKATAN": 15,
    "BEKAS WARGA BINAAN LEMBAGA KEMASYARAKATAN": 15,
    "ODHIV": 16, "ORANG DENGAN HIV": 16, "HIV AIDS": 16,
    "KORBAN NAPZA": 17, "KORBAN PENYALAHGUNAAN NARKOBA": 17,
    "KORBAN TRAFFICKING": 18, "KORBAN PERDAGANGAN ORANG": 18, "KORBAN TRAFIKING": 18,
    "KORBAN KEKERASAN": 19, "KORBAN KEKERASAN DALAM RUMAH TANGGA": 19,
    "PEKERJA MIGRAN": 20, "PEKERJA MIGRAN BERMASALAH": 20, "TKI BERMASALAH": 20,
    "WANITA RAWAN SOSIAL EKONOMI": 23,
    "KELUARGA FAKIR MISKIN": 24, "MISKIN": 24, "KELUARGA MISKIN": 24,
    "KELUARGA BERMASALAH SOSIAL": 25,
}

_NOT_WORD = re.compile(r"[^0-9A-Z]+")
_NUMBERED = re.compile(r"(?:P[MP]KS )?0*(\d{1,2})")  # "26", "08", "PPKS-07", "PMKS 7"
_LEADING_NUMBER = re.compile(r"0*(\d{1,2}) (.+)")  # "8. Lanjut Usia Telantar"
_PARENTHESES = re.compile(r"\(([^)]*)\)")


def category_key(text: str) -> str:
    """A category name as compared: upper case, words only, one space, "terlantar" as "telantar"."""
    words = _NOT_WORD.sub(" ", text.upper()).split()
    return " ".join("TELANTAR" if w == "TERLANTAR" else w for w in words)


def _table() -> dict[str, int]:
    table: dict[str, int] = {}
    for no, code, name in PPKS_NAMES:
        table[code] = no
        table[category_key(name)] = no
        table[category_key(_PARENTHESES.sub(" ", name))] = no
    table |= {category_key(alias): no for alias, no in PPKS_ALIASES.items()}
    return table


_BY_KEY = _table()


def _by_key(key: str) -> int | None:
    if (no := _BY_KEY.get(key)) is not None:
        return no
    if (m := _NUMBERED.fullmatch(key)) is not None:
        n = int(m.group(1))
        return n if 1 <= n <= 26 else None
    if (m := _LEADING_NUMBER.fullmatch(key)) is not None:  # "08 LUT" counts only when both agree
        rest = _BY_KEY.get(m.group(2))
        return rest if rest == int(m.group(1)) else None
    return None


@functools.lru_cache(maxsize=4096)
def ppks_category_no(text: str) -> int | None:
    """The PPKS number (1-26) a cell names by code, number, name in either spelling, short name or
    old PMKS name or code, in any case, spacing and punctuation; None when it names none.
    "Lanjut Usia Terlantar (LUT)" is read from the name or from the code in parentheses."""
    no = _by_key(category_key(text))
    if no is None and "(" in text:
        outside = _by_key(category_key(_PARENTHESES.sub(" ", text)))
        inside = {_by_key(category_key(m)) for m in _PARENTHESES.findall(text)} - {None}
        if outside is not None and inside <= {outside}:
            no = outside
        elif outside is None and len(inside) == 1:
            no = inside.pop()
    return no
