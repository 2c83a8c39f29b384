"""From a regency file to checked rows: sheet, header row, column mapping, then every cell
normalised or refused with its reason. No database here: the registry comparison and the writing
happen in desktop.core.services.imports."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.domain.identity import IdCheck, check_kk, check_nik, clean_identifier, nik_mismatches
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


@dataclass(slots=True)
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


PARSE_CHUNK = 5000  # rows per step: progress and Cancel are looked at between steps


def parse(loaded: Loaded, lookups: Lookups, *, mapping: Mapping[int, str] | None = None,
          today: dt.date | None = None, progress: Progress = NULL_PROGRESS) -> ParsedFile:
    path, data, header_index, headers = loaded.path, loaded.sheet, loaded.header_index, loaded.headers
    today = today or dt.date.today()
    mapping = dict(mapping) if mapping is not None else auto_mapping(headers)
    if "name" not in mapping.values():
        raise SimpulError("import.no_name_column", headers=", ".join(h for h in headers if h))
    cells = Cells(lookups, today, sorted(mapping.items()))
    rows: list[Row] = []
    ignored = 0
    body = data.rows[header_index + 1:]
    first_number = header_index + 2  # Excel's row number of body[0]
    progress.start(len(body), "Membaca baris")
    for start in range(0, len(body), PARSE_CHUNK):
        check_cancelled(progress)
        chunk = body[start:start + PARSE_CHUNK]
        progress.advance(len(chunk))
        numbered = [(first_number + start + k, values) for k, values in enumerate(chunk)
                    if not (start + k == 0 and is_numbering_row(values)) and not _is_totals_row(values)]
        parsed = cells.rows(numbered)  # leaves out rows with nothing in any column Simpul reads
        ignored += len(chunk) - len(parsed)
        rows += parsed
    return ParsedFile(path, data.name, file_sha256(path), header_index + 1, headers, mapping,
                      source_key(headers), rows, ignored)


def parse_row(number: int, values: list[object], mapping: Mapping[int, str], lookups: Lookups,
              today: dt.date) -> Row | None:
    parsed = Cells(lookups, today, sorted(mapping.items())).rows([(number, values)])
    return parsed[0] if parsed else None


_NO_FINDINGS: tuple[Finding, ...] = ()
Outcome = tuple[object, tuple[Finding, ...], tuple[Finding, ...]]  # value, errors, warnings
_FIELD_ORDER = ("name", "name_key", "sex", "birth_date", "birth_place", "nik", "nik_mismatch", "no_kk", "address",
                "dusun", "rt", "rw", "desa_code", "relationship_code", "religion_code", "marital_status_code",
                "education_code", "occupation", "phone", "notes", "disability", "desil", "ppks")
# Row.fields key -> the mapped field it comes from (the rest are derived below).
_SOURCE = {"desa_code": "desa", "relationship_code": "relationship", "religion_code": "religion",
           "marital_status_code": "marital_status", "education_code": "education"}


class Cells:
    """Normalises a block of rows column by column, and remembers the outcome for every distinct
    raw value: regency files repeat the same desa, RT, sex, religion or date thousands of times.
    Working a column at a time lets the repeated values cost a dictionary lookup done in C
    instead of Python statements per cell; only distinct values reach the handlers."""

    def __init__(self, lookups: Lookups, today: dt.date, columns: list[tuple[int, str]]) -> None:
        self.columns = columns  # (column index, field), in column order
        handlers = _handlers(lookups, today)
        # Plain closures, not bound methods kept on self: no reference cycle, so the memo (one
        # entry per distinct NIK) is freed as soon as parsing ends, not at the next collection.
        self.handlers = [handlers[f] for _, f in columns]
        self.memo: dict[str, dict[object, Outcome]] = {f: {} for _, f in columns}
        self.values: dict[str, dict[object, object]] = {f: {} for _, f in columns}  # the memo's values alone
        self.flagged: dict[str, set] = {f: set() for _, f in columns}  # raw values with findings

    def rows(self, numbered: list[tuple[int, list[object]]]) -> list[Row]:
        """The parsed rows, in order; a row is left out when no mapped column holds anything."""
        count = len(numbered)
        if not count:
            return []
        # Column j of the block (short rows padded with None): the transpose is done in C.
        table = list(itertools.zip_longest(*(values for _, values in numbered)))
        nothing = (None,) * count
        got: dict[str, list] = {}
        errors: dict[int, list[Finding]] = {}
        warnings: dict[int, list[Finding]] = {}
        blank: list[bool] | None = [True] * count  # no mapped cell of the row holds anything (None: none is blank)
        for (index, field_name), handler in zip(self.columns, self.handlers, strict=True):
            raws = table[index] if index < len(table) else nothing
            known, outcomes, flagged = self.values[field_name], self.memo[field_name], self.flagged[field_name]
            try:
                got[field_name] = list(map(known.__getitem__, raws))
            except KeyError:  # values not seen before: each distinct one goes to its handler once
                for raw in dict.fromkeys(raws):  # first seen first, as row by row
                    if raw not in outcomes:
                        outcomes[raw] = outcome = handler(raw)
                        known[raw] = outcome[0]
                        if outcome[1] or outcome[2]:
                            flagged.add(raw)
                got[field_name] = list(map(known.__getitem__, raws))
            if flagged and not flagged.isdisjoint(raws):
                for k, raw in enumerate(raws):
                    if raw in flagged:
                        _, errs, warns = outcomes[raw]
                        if errs:
                            errors.setdefault(k, []).extend(errs)
                        if warns:
                            warnings.setdefault(k, []).extend(warns)
            if blank is not None:
                empty = raws.count(None) + raws.count("")
                if not empty:
                    blank = None
                elif empty != count:
                    blank = [b and (raw is None or raw == "") for b, raw in zip(blank, raws)]

        def column(name: str) -> list:
            return got.get(name) or nothing

        names, sexes, births, niks = column("name"), column("sex"), column("birth_date"), column("nik")
        keys = {n: name_key(n or "") for n in dict.fromkeys(names)}
        sources = {f: column(_SOURCE.get(f, f)) for f in _FIELD_ORDER}
        sources["name_key"] = list(map(keys.__getitem__, names))
        sources["nik_mismatch"] = itertools.repeat(False)  # set per row below when the NIK disagrees
        if "rt_rw" in got:  # an "RT/RW" column wins over separate ones when it gave a pair
            pairs = [p or (rt, rw) for p, rt, rw in zip(got["rt_rw"], column("rt"), column("rw"))]
            sources["rt"], sources["rw"] = [p[0] for p in pairs], [p[1] for p in pairs]
        sources["ppks"] = [p or [] for p in sources["ppks"]]
        nik_mapped = "nik" in got
        result: list[Row] = []
        append = result.append
        for k, cells in enumerate(zip(*sources.values())):
            if blank is not None and blank[k]:
                continue
            errs = errors.get(k, [])
            warns = warnings.get(k, [])
            fields = dict(zip(_FIELD_ORDER, cells))
            nik = niks[k]  # (digits, IdCheck) or None
            if nik:
                checked, birth, sex = nik[1], births[k], sexes[k]
                if (birth is not None and birth != checked.date) or (sex is not None and sex != checked.sex):
                    found = nik_mismatches(checked, birth, sex)  # the common case needs no call
                    if found:
                        fields["nik_mismatch"] = True
                        warns += found
                fields["nik"] = nik[0]
                if sex is None:
                    fields["sex"] = checked.sex  # the NIK knows; not a guess
            elif nik_mapped and not errs:
                warns.append(Finding("import.no_nik", "warning"))
            if fields["sex"] is None and not errs:
                errs.append(Finding("import.sex_missing"))
            append(Row(*numbered[k], fields, errs, warns))
        return result


def _handlers(lookups: Lookups, today: dt.date) -> dict[str, Callable[[object], Outcome]]:
    """raw cell -> (value, errors, warnings), per field."""
    nik_prefix: dict[str, tuple[IdCheck, tuple[Finding, ...], tuple[Finding, ...]]] = {}
    kk_prefix: dict[str, IdCheck] = {}

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
            prefix = digits[:12]
            known = nik_prefix.get(prefix)
            if known is None:
                checked = check_nik(prefix + "0001", today=today)
                known = nik_prefix[prefix] = checked, tuple(checked.errors), tuple(checked.warnings)
            checked, errors, warnings = known
            if digits[12:] == "0000":
                errors += (Finding("nik.serial"),)
        else:
            checked = check_nik(digits, today=today)
            errors, warnings = tuple(checked.errors), tuple(checked.warnings)
        if errors:
            return None, errors, _NO_FINDINGS
        return (digits, checked), _NO_FINDINGS, warnings

    def kk(raw: object) -> Outcome:
        text, digits, early = _identifier(raw, "no_kk")
        if early is not None:
            return early
        if _is_16_digits(digits) and digits[0] != "0":  # (check_kk stops at a leading zero)
            # As for the NIK: region and recording date (12 digits) once per prefix, then the serial.
            prefix = digits[:12]
            checked = kk_prefix.get(prefix)
            if checked is None:
                checked = kk_prefix[prefix] = check_kk(prefix + "0001", today=today)
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
        found: list[int] = []
        warnings: list[Finding] = []
        for token in re.split(r"[;,]", norm.text(raw) or ""):
            token = token.split(" - ")[0].strip()  # the template's "FM - Fakir Miskin"
            if not token:
                continue
            no = lookups.ppks(token)
            if no is None:
                warnings.append(Finding("import.ppks_unknown", "warning", {"value": token}))
            elif no not in found:
                found.append(no)
        return found, _NO_FINDINGS, tuple(warnings)

    return {
        "name": name, "sex": _guard(norm.sex), "birth_date": _guard(date),
        "birth_place": _plain, "address": _plain, "dusun": _plain, "occupation": _plain, "phone": _plain,
        "notes": _plain, "rt": _guard(lambda v: normalize_rt_rw(norm.text(v))),
        "rw": _guard(lambda v: normalize_rt_rw(norm.text(v))), "rt_rw": _guard(norm.rt_rw_pair),
        "nik": nik, "no_kk": kk, "kecamatan": kecamatan, "desa": desa,
        "relationship": code("relationship", lookups.relationship),
        "religion": code("religion", lookups.religion),
        "marital_status": code("marital status", lookups.marital),
        "education": code("education", lookups.education),
        "disability": disability, "desil": _guard(norm.desil), "ppks": ppks,
    }


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
