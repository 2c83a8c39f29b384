"""From a regency file to checked rows: sheet, header row, column mapping, then every cell
normalised or refused with its reason. No database here: the registry comparison and the writing
happen in desktop.core.services.imports."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.domain.identity import check_kk, check_nik, clean_identifier, nik_mismatches
from desktop.core.domain.people import name_key, normalize_rt_rw
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.io import normalize as norm
from desktop.core.io.fields import auto_mapping, find_header, header_key, is_numbering_row, source_key

__all__ = ["Lookups", "Loaded", "ParsedFile", "Row", "is_numbering_row", "load", "parse", "parse_row"]
from desktop.core.io.tables import Sheet, read_sheet
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled


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


@dataclass
class Row:
    """One data row of the file, as parsed. `errors` reject it; `warnings` flag it."""

    number: int  # row number in the source file (1-based, as Excel shows it)
    values: list[object]
    fields: dict[str, object] = field(default_factory=dict)
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        """Who this row is: the NIK, or for people without one, name and birth date."""
        nik = self.fields.get("nik")
        if nik:
            return ("nik", nik)
        return ("name", self.fields.get("name_key"), self.fields.get("birth_date"))


@dataclass
class ParsedFile:
    path: Path
    sheet: str
    sha256: str
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[int, str]
    source_key: str
    rows: list[Row]
    ignored: int  # empty rows, a column-number row, a totals row


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Loaded:
    path: Path
    sheet: Sheet
    header_index: int  # 0-based
    headers: list[str]


def load(path: Path, sheet: str | None = None) -> Loaded:
    """Read the sheet once and find its header row below any title block."""
    data = read_sheet(path, sheet)
    guess = find_header(data.rows)
    if guess is None:
        raise SimpulError("import.no_header", file=Path(path).name, sheet=data.name)
    return Loaded(Path(path), data, guess.row, [norm.text(c) or "" for c in data.rows[guess.row]])


def _is_totals_row(values: list[object]) -> bool:
    for c in values[:4]:  # "JUMLAH" / "TOTAL" stands in one of the first cells
        if c not in (None, ""):
            return isinstance(c, str) and header_key(c).split(" ")[0] in ("JUMLAH", "TOTAL", "GRAND")
    return False


def parse(loaded: Loaded, lookups: Lookups, *, mapping: Mapping[int, str] | None = None,
          today: dt.date | None = None, progress: Progress = NULL_PROGRESS) -> ParsedFile:
    path, data, header_index, headers = loaded.path, loaded.sheet, loaded.header_index, loaded.headers
    today = today or dt.date.today()
    mapping = dict(mapping) if mapping is not None else auto_mapping(headers)
    if "name" not in mapping.values():
        raise SimpulError("import.no_name_column", headers=", ".join(h for h in headers if h))
    cells = Cells(lookups, today)
    rows: list[Row] = []
    ignored = 0
    body = data.rows[header_index + 1:]
    columns = sorted(mapping.items())
    progress.start(len(body), "Membaca baris")
    for offset, values in enumerate(body):
        if offset % 5000 == 0:
            check_cancelled(progress)
            progress.advance(min(5000, len(body) - offset))
        row = None
        if not (offset == 0 and is_numbering_row(values)) and not _is_totals_row(values):
            row = cells.row(header_index + 2 + offset, values, columns)
        if row is None:  # also: nothing in any column Simpul reads (an empty, pre-numbered form row)
            ignored += 1
        else:
            rows.append(row)
    return ParsedFile(path, data.name, file_sha256(path), header_index + 1, headers, mapping,
                      source_key(headers), rows, ignored)


def parse_row(number: int, values: list[object], mapping: Mapping[int, str], lookups: Lookups,
              today: dt.date) -> Row | None:
    return Cells(lookups, today).row(number, values, sorted(mapping.items()))


_NO_FINDINGS: tuple[Finding, ...] = ()
Outcome = tuple[object, tuple[Finding, ...], tuple[Finding, ...]]  # value, errors, warnings


class Cells:
    """Normalises cells column by column and remembers the outcome for every distinct raw value:
    regency files repeat the same desa, RT, sex, religion or date thousands of times."""

    def __init__(self, lookups: Lookups, today: dt.date) -> None:
        self.lookups, self.today = lookups, today
        self.memo: dict[str, dict[object, Outcome]] = defaultdict(dict)
        self.nik_prefix: dict[str, object] = {}
        self.handlers: dict[str, Callable[[object], Outcome]] = {
            "name": self._name, "sex": _guard(norm.sex), "birth_date": _guard(self._date),
            "birth_place": _plain, "address": _plain, "dusun": _plain, "occupation": _plain, "phone": _plain,
            "notes": _plain, "rt": _guard(lambda v: normalize_rt_rw(norm.text(v))),
            "rw": _guard(lambda v: normalize_rt_rw(norm.text(v))), "rt_rw": _guard(norm.rt_rw_pair),
            "nik": self._nik, "no_kk": self._kk, "kecamatan": self._kecamatan, "desa": self._desa,
            "relationship": self._code("relationship", lookups.relationship),
            "religion": self._code("religion", lookups.religion),
            "marital_status": self._code("marital status", lookups.marital),
            "education": self._code("education", lookups.education),
            "disability": self._disability, "desil": _guard(norm.desil), "ppks": self._ppks,
        }

    def row(self, number: int, values: list[object], columns: list[tuple[int, str]]) -> Row | None:
        """The parsed row, or None when no mapped column holds anything."""
        got: dict[str, object] = {}
        errors: list[Finding] = []
        warnings: list[Finding] = []
        n = len(values)
        empty = True
        memo, handlers = self.memo, self.handlers
        for index, field_name in columns:
            raw = values[index] if index < n else None
            if raw is not None and raw != "":
                empty = False
            cache = memo[field_name]
            try:
                value, errs, warns = cache[raw]
            except KeyError:
                value, errs, warns = cache[raw] = handlers[field_name](raw)
            got[field_name] = value
            if errs:
                errors += errs
            if warns:
                warnings += warns
        if empty:
            return None
        row = Row(number, values)
        name = got.get("name")
        nik = got.get("nik")  # (nik, birth date, sex) or None
        birth, sex = got.get("birth_date"), got.get("sex")
        mismatch = False
        if nik:
            found = nik_mismatches(nik[1], birth, sex)
            mismatch = bool(found)
            warnings += found
            sex = sex or nik[1].sex  # the NIK knows; not a guess
        elif "nik" in got and not errors:
            warnings.append(Finding("import.no_nik", "warning"))
        if sex is None and not errors:
            errors.append(Finding("import.sex_missing"))
        rt, rw = got.get("rt_rw") or (got.get("rt"), got.get("rw"))
        row.fields = {
            "name": name, "name_key": name_key(name or ""), "sex": sex, "birth_date": birth,
            "birth_place": got.get("birth_place"), "nik": nik[0] if nik else None, "nik_mismatch": mismatch,
            "no_kk": got.get("no_kk"), "address": got.get("address"), "dusun": got.get("dusun"), "rt": rt, "rw": rw,
            "desa_code": got.get("desa"), "relationship_code": got.get("relationship"),
            "religion_code": got.get("religion"), "marital_status_code": got.get("marital_status"),
            "education_code": got.get("education"), "occupation": got.get("occupation"),
            "phone": got.get("phone"), "notes": got.get("notes"), "disability": got.get("disability"),
            "desil": got.get("desil"), "ppks": got.get("ppks") or [],
        }
        row.errors, row.warnings = errors, warnings
        return row

    # -- handlers: raw cell -> (value, errors, warnings) ------------------------------------------
    def _name(self, raw: object) -> Outcome:
        value = norm.name(raw)
        return value, (() if value else (Finding("import.name_missing"),)), _NO_FINDINGS

    def _date(self, raw: object):
        return norm.date(raw, today=self.today)

    def _nik(self, raw: object) -> Outcome:
        try:
            text = norm.identifier(raw, "nik")
        except norm.ValueProblem as p:
            return None, (Finding(p.code, params=p.params),), _NO_FINDINGS
        if not text:
            return None, _NO_FINDINGS, _NO_FINDINGS
        digits = clean_identifier(text)
        # Validity rests on region and date (the first 12 digits) and a serial that is not 0000,
        # so the library's check runs once per prefix, not once per person.
        prefix = digits[:12]
        checked = self.nik_prefix.get(prefix) if len(digits) == 16 else None
        if checked is None:
            checked = check_nik(prefix + "0001" if len(digits) == 16 else digits, today=self.today)
            if len(digits) == 16:
                self.nik_prefix[prefix] = checked
        errors = tuple(checked.errors)
        if len(digits) == 16 and digits[12:] == "0000":
            errors += (Finding("nik.serial"),)
        if errors:
            return None, errors, _NO_FINDINGS
        return (digits, checked), _NO_FINDINGS, tuple(checked.warnings)

    def _kk(self, raw: object) -> Outcome:
        try:
            text = norm.identifier(raw, "no_kk")
        except norm.ValueProblem as p:
            return None, (Finding(p.code, params=p.params),), _NO_FINDINGS
        if not text:
            return None, _NO_FINDINGS, _NO_FINDINGS
        checked = check_kk(text, today=self.today)
        if checked.valid:
            return checked.value, _NO_FINDINGS, _NO_FINDINGS
        reason = " ".join(f.message for f in checked.errors)
        return None, _NO_FINDINGS, (Finding("import.kk_invalid", "warning", {"reason": reason}),)

    def _kecamatan(self, raw: object) -> Outcome:
        kec = norm.text(raw)
        if kec and norm.region_key(kec) != norm.region_key(self.lookups.kecamatan_name):
            return kec, (Finding("import.other_kecamatan",
                                 params={"value": kec, "kecamatan": self.lookups.kecamatan_name}),), _NO_FINDINGS
        return kec, _NO_FINDINGS, _NO_FINDINGS

    def _desa(self, raw: object) -> Outcome:
        desa = norm.text(raw)
        if not desa:
            return None, _NO_FINDINGS, _NO_FINDINGS
        code = self.lookups.desa_by_key.get(norm.region_key(desa)) or self.lookups.desa_by_key.get(desa)
        if code is None:
            return None, (Finding("import.desa_unknown",
                                  params={"value": desa, "kecamatan": self.lookups.kecamatan_name}),), _NO_FINDINGS
        return code, _NO_FINDINGS, _NO_FINDINGS

    def _code(self, what: str, table: Mapping[str, int]) -> Callable[[object], Outcome]:
        def handle(raw: object) -> Outcome:
            value = norm.text(raw)
            if not value:
                return None, _NO_FINDINGS, _NO_FINDINGS
            code = table.get(header_key(value))
            if code is None:
                return None, _NO_FINDINGS, (Finding("import.code_unknown", "warning", {"value": value, "what": what}),)
            return code, _NO_FINDINGS, _NO_FINDINGS

        return handle

    def _disability(self, raw: object) -> Outcome:
        value = norm.text(raw)
        if value is None or header_key(value) in ("TIDAK", "TIDAK ADA", "NORMAL", "0"):
            return None, _NO_FINDINGS, _NO_FINDINGS
        found = _DISABILITY.get(header_key(value))
        if found is None:
            return None, _NO_FINDINGS, (Finding("import.code_unknown", "warning",
                                                {"value": value, "what": "disabilitas"}),)
        return found, _NO_FINDINGS, _NO_FINDINGS

    def _ppks(self, raw: object) -> Outcome:
        found: list[int] = []
        warnings: list[Finding] = []
        for token in re.split(r"[;,]", norm.text(raw) or ""):
            token = token.split(" - ")[0].strip()  # the template's "FM - Fakir Miskin"
            if not token:
                continue
            no = self.lookups.ppks(token)
            if no is None:
                warnings.append(Finding("import.ppks_unknown", "warning", {"value": token}))
            elif no not in found:
                found.append(no)
        return found, _NO_FINDINGS, tuple(warnings)


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
