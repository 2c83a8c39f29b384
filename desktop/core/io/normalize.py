"""Cell values as regency files carry them, made safe: what can be normalised without guessing is,
the rest is refused with a reason (ValueProblem)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from desktop.core.domain.people import normalize_name

EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug folded in)
MONTHS = {
    "JAN": 1, "JANUARI": 1, "JANUARY": 1, "FEB": 2, "PEB": 2, "FEBRUARI": 2, "FEBRUARY": 2,
    "MAR": 3, "MARET": 3, "MARCH": 3, "APR": 4, "APRIL": 4, "MEI": 5, "MAY": 5, "JUN": 6, "JUNI": 6,
    "JUNE": 6, "JUL": 7, "JULI": 7, "JULY": 7, "AGU": 8, "AGT": 8, "AGS": 8, "AGUSTUS": 8, "AUG": 8,
    "AUGUST": 8, "SEP": 9, "SEPT": 9, "SEPTEMBER": 9, "OKT": 10, "OKTOBER": 10, "OCT": 10, "OCTOBER": 10,
    "NOP": 11, "NOV": 11, "NOPEMBER": 11, "NOVEMBER": 11, "DES": 12, "DESEMBER": 12, "DEC": 12, "DECEMBER": 12,
}
_SEX = {"L": "L", "LK": "L", "LAKI": "L", "LAKI-LAKI": "L", "LAKI LAKI": "L", "PRIA": "L", "1": "L",
        "P": "P", "PR": "P", "PEREMPUAN": "P", "WANITA": "P", "2": "P"}
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$")
_WORD_DATE = re.compile(r"^(\d{1,2})[\s\-/.]+([A-Za-z]+)[\s\-/.,]+(\d{4})$")
_EXCEL_TEXT = re.compile(r'^="(.*)"$')


class ValueProblem(Exception):
    """A cell that cannot be taken as it is; `code` and `params` name the reason (i18n keys)."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params


_PLAIN = re.compile(r"[^\s'\u2019`=\u00a0](?:[^\s\u00a0]| (?=[^\s\u00a0]))*")


def text(value: object) -> str | None:
    """A cell as clean text: strip, drop a leading apostrophe and an ="..." wrapper; None if empty.
    Whole numbers that came as floats lose their ".0"."""
    if value is None:
        return None
    if type(value) is str and _PLAIN.fullmatch(value):  # the common case: already clean
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = str(value).replace("\u00a0", " ").strip()
    m = _EXCEL_TEXT.match(s)
    if m:
        s = m.group(1).strip()
    s = s.lstrip("'\u2019`").strip()
    return " ".join(s.split()) or None


def identifier(value: object, kind: str) -> str | None:
    """A NIK or No. KK cell. A number cell is never trusted: Excel keeps 15 significant digits, so a
    16-digit ID stored as a number has already lost its last digit."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueProblem(f"import.{kind}_number", value=f"{value:.0f}" if isinstance(value, float) else value)
    return text(value)


def sex(value: object) -> str | None:
    s = text(value)
    if s is None:
        return None
    found = _SEX.get(s.upper())
    if found is None:
        raise ValueProblem("import.sex", value=s)
    return found


def date(value: object, *, today: dt.date) -> dt.date | None:
    """Date cells, Excel serials, DD-MM-YYYY and DD/MM/YYYY (day first, as in Indonesia), ISO
    YYYY-MM-DD, "15 Juni 1985" / "15-Jun-1985". A date after today or before 1880 is refused."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        result = value.date()
    elif isinstance(value, dt.date):
        result = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 1 <= value < 80000:
            raise ValueProblem("import.date", value=value)
        result = EXCEL_EPOCH + dt.timedelta(days=int(value))
    else:
        s = text(value) or ""
        if s.isdigit() and len(s) <= 5:  # a serial that arrived as text
            return date(int(s), today=today)
        result = _parse_date_text(s)
    if result > today or result.year < 1880:
        raise ValueProblem("import.date", value=text(value))
    return result


def _parse_date_text(s: str) -> dt.date:
    if len(s) == 10 and s[2] in "-/." and s[5] in "-/." and s[:2].isdigit() and s[3:5].isdigit() \
            and s[6:].isdigit() and s.isascii():
        try:  # the common DD-MM-YYYY, without the regular expressions below (same outcome)
            return dt.date(int(s[6:]), int(s[3:5]), int(s[:2]))
        except ValueError:
            pass
    s = s.split(" ")[0] if re.match(r"^\d{4}-\d{2}-\d{2}[ T]\d", s) else s  # "1985-05-15 00:00:00"
    m = _NUMERIC_DATE.match(s)
    try:
        if m:
            a, b, c = m.groups()
            if len(a) == 4:  # ISO year-month-day
                return dt.date(int(a), int(b), int(c))
            if len(c) == 4:  # day first
                return dt.date(int(c), int(b), int(a))
        m = _WORD_DATE.match(s)
        if m and m.group(2).upper() in MONTHS:
            return dt.date(int(m.group(3)), MONTHS[m.group(2).upper()], int(m.group(1)))
    except ValueError:
        pass
    raise ValueProblem("import.date", value=s)


_KEEP_LOWER = {"bin", "binti", "van", "de", "al"}


def name(value: object) -> str | None:
    return _name(text(value))


@lru_cache(maxsize=65536)
def _name(s: str | None) -> str | None:
    """Names as registries write them ("SITI AMINAH") shown in title case ("Siti Aminah"); mixed
    case is left as typed. Abbreviated titles keep their dots ("S.PD." -> "S.Pd.")."""
    if s is None:
        return None
    s = normalize_name(s)
    if s != s.upper():
        return s
    words = []
    for i, word in enumerate(s.split(" ")):
        low = word.lower()
        if i > 0 and low in _KEEP_LOWER:
            words.append(low)
        else:
            words.append(".".join(part[:1].upper() + part[1:].lower() for part in word.split(".")))
    return " ".join(words)


def rt_rw_pair(value: object) -> tuple[str | None, str | None]:
    """ "003/002", "3 / 2", "RT 3 RW 2" -> ("003", "002")."""
    s = text(value)
    if s is None:
        return None, None
    numbers = [int(n) for n in re.findall(r"\d+", s)]
    if len(numbers) != 2 or not all(0 < n < 1000 for n in numbers):
        raise ValueProblem("import.rt_rw", value=s)
    return f"{numbers[0]:03d}", f"{numbers[1]:03d}"


def desil(value: object) -> int | None:
    s = text(value)
    if s is None:
        return None
    m = re.fullmatch(r"(?:DESIL\s*)?(\d{1,2})", s.upper())
    if not m or not 1 <= int(m.group(1)) <= 10:
        raise ValueProblem("import.desil", value=s)
    return int(m.group(1))


@lru_cache(maxsize=4096)
def region_key(value: str) -> str:
    """Desa names compared without case, spacing or a leading "Desa"/"Kelurahan"."""
    s = " ".join(re.sub(r"[^0-9A-Z]+", " ", value.upper()).split())
    return re.sub(r"^(DESA|KELURAHAN|KEL|DS)\s+", "", s)
