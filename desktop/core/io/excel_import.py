"""From a regency file to checked rows: sheet, header row, column mapping, then every cell
normalised or refused with its reason. No database here: the registry comparison and the writing
happen in desktop.core.services.imports."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.domain.identity import check_kk, check_nik, nik_mismatches
from desktop.core.domain.people import name_key, normalize_rt_rw
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.io import normalize as norm
from desktop.core.io.fields import auto_mapping, find_header, header_key, is_numbering_row, source_key
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
    first = next((c for c in values if c not in (None, "")), None)
    return first is not None and header_key(first).split(" ")[0] in ("JUMLAH", "TOTAL", "GRAND")


def parse(loaded: Loaded, lookups: Lookups, *, mapping: Mapping[int, str] | None = None,
          today: dt.date | None = None, progress: Progress = NULL_PROGRESS) -> ParsedFile:
    path, data, header_index, headers = loaded.path, loaded.sheet, loaded.header_index, loaded.headers
    today = today or dt.date.today()
    mapping = dict(mapping) if mapping is not None else auto_mapping(headers)
    if "name" not in mapping.values():
        raise SimpulError("import.no_name_column", headers=", ".join(h for h in headers if h))
    rows: list[Row] = []
    ignored = 0
    body = data.rows[header_index + 1:]
    progress.start(len(body), "Membaca baris")
    for offset, values in enumerate(body):
        if offset % 2000 == 0:
            check_cancelled(progress)
            progress.advance(min(2000, len(body) - offset))
        number = header_index + 2 + offset
        # Nothing in any column Simpul reads (a pre-numbered empty form row counts as empty).
        if all(_cell(values, i) in (None, "") for i in mapping) or (offset == 0 and is_numbering_row(values)) \
                or _is_totals_row(values):
            ignored += 1
            continue
        rows.append(parse_row(number, values, mapping, lookups, today))
    return ParsedFile(path, data.name, file_sha256(path), header_index + 1, headers, mapping,
                      source_key(headers), rows, ignored)


def _cell(values: list[object], index: int) -> object:
    return values[index] if index < len(values) else None


def parse_row(number: int, values: list[object], mapping: Mapping[int, str], lookups: Lookups,
              today: dt.date) -> Row:
    row = Row(number, list(values))
    raw = {f: _cell(values, i) for i, f in mapping.items()}
    out = row.fields

    def attempt(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except norm.ValueProblem as p:
            row.errors.append(Finding(p.code, params=p.params))
        except ValidationError as exc:
            row.errors.extend(exc.findings)
        return None

    out["name"] = norm.name(raw.get("name"))
    if not out["name"]:
        row.errors.append(Finding("import.name_missing"))
    out["name_key"] = name_key(out["name"] or "")
    out["sex"] = attempt(norm.sex, raw.get("sex"))
    out["birth_date"] = attempt(norm.date, raw.get("birth_date"), today=today)
    out["birth_place"] = norm.text(raw.get("birth_place"))

    nik_text = attempt(norm.identifier, raw.get("nik"), "nik")
    out["nik"] = None
    if nik_text:
        checked = check_nik(nik_text, today=today)
        if checked.valid:
            out["nik"] = checked.value
            row.warnings += checked.warnings
            found = nik_mismatches(checked, out["birth_date"], out["sex"])
            out["nik_mismatch"] = bool(found)
            row.warnings += found
            if out["sex"] is None:  # the NIK knows; not a guess
                out["sex"] = checked.sex
        else:
            row.errors += checked.errors
    elif "nik" in mapping.values() and not row.errors:
        row.warnings.append(Finding("import.no_nik", "warning"))
    out.setdefault("nik_mismatch", False)
    if out["sex"] is None and not row.errors:
        row.errors.append(Finding("import.sex_missing"))

    kk_text = attempt(norm.identifier, raw.get("no_kk"), "no_kk")
    out["no_kk"] = None
    if kk_text:
        checked = check_kk(kk_text, today=today)
        if checked.valid:
            out["no_kk"] = checked.value
        else:
            row.warnings.append(Finding("import.kk_invalid", "warning",
                                        {"reason": " ".join(f.message for f in checked.errors)}))

    out["address"] = norm.text(raw.get("address"))
    out["dusun"] = norm.text(raw.get("dusun"))
    if raw.get("rt_rw") is not None:
        pair = attempt(norm.rt_rw_pair, raw.get("rt_rw"))
        out["rt"], out["rw"] = pair if pair else (None, None)
    else:
        out["rt"] = attempt(normalize_rt_rw, norm.text(raw.get("rt")))
        out["rw"] = attempt(normalize_rt_rw, norm.text(raw.get("rw")))

    kec = norm.text(raw.get("kecamatan"))
    if kec and norm.region_key(kec) != norm.region_key(lookups.kecamatan_name):
        row.errors.append(Finding("import.other_kecamatan", params={"value": kec, "kecamatan": lookups.kecamatan_name}))
    desa = norm.text(raw.get("desa"))
    out["desa_code"] = None
    if desa:
        code = lookups.desa_by_key.get(norm.region_key(desa)) or lookups.desa_by_key.get(desa)
        if code is None:
            row.errors.append(Finding("import.desa_unknown", params={"value": desa, "kecamatan": lookups.kecamatan_name}))
        out["desa_code"] = code

    for fname, table in (("relationship", lookups.relationship), ("religion", lookups.religion),
                         ("marital_status", lookups.marital), ("education", lookups.education)):
        value = norm.text(raw.get(fname))
        out[f"{fname}_code"] = None
        if value:
            code = table.get(header_key(value))
            if code is None:
                row.warnings.append(Finding("import.code_unknown", "warning",
                                            {"value": value, "what": fname.replace("_", " ")}))
            out[f"{fname}_code"] = code
    out["occupation"] = norm.text(raw.get("occupation"))
    out["phone"] = norm.text(raw.get("phone"))
    out["notes"] = norm.text(raw.get("notes"))
    out["disability"] = _disability(norm.text(raw.get("disability")), row)
    out["desil"] = attempt(norm.desil, raw.get("desil"))
    out["ppks"] = []
    for token in re.split(r"[;,]", norm.text(raw.get("ppks")) or ""):
        token = token.split(" - ")[0].strip()  # the template's "FM - Fakir Miskin"
        if not token:
            continue
        no = lookups.ppks(token)
        if no is None:
            row.warnings.append(Finding("import.ppks_unknown", "warning", {"value": token}))
        elif no not in out["ppks"]:
            out["ppks"].append(no)
    return row


_DISABILITY = {
    "FISIK": "fisik", "TUNA DAKSA": "fisik", "DAKSA": "fisik", "INTELEKTUAL": "intelektual",
    "GRAHITA": "intelektual", "TUNA GRAHITA": "intelektual", "MENTAL": "mental", "NETRA": "sensorik netra",
    "TUNA NETRA": "sensorik netra", "SENSORIK NETRA": "sensorik netra", "RUNGU": "sensorik rungu",
    "TUNA RUNGU": "sensorik rungu", "SENSORIK RUNGU": "sensorik rungu", "WICARA": "sensorik wicara",
    "TUNA WICARA": "sensorik wicara", "SENSORIK WICARA": "sensorik wicara", "GANDA": "ganda",
}


def _disability(value: str | None, row: Row) -> str | None:
    if value is None or header_key(value) in ("TIDAK", "TIDAK ADA", "NORMAL", "0"):
        return None
    found = _DISABILITY.get(header_key(value))
    if found is None:
        row.warnings.append(Finding("import.code_unknown", "warning", {"value": value, "what": "disabilitas"}))
    return found
