"""From a regency file to checked rows: sheet, header row, column mapping, then every cell
normalised or refused with its reason. No database here: the registry comparison and the writing
happen in desktop.core.services.imports."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import operator
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from desktop.core.domain.identity import IdCheck, check_kk, check_nik, clean_identifier, nik_mismatches
from desktop.core.domain.people import name_key, normalize_rt_rw
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.io import normalize as norm
from desktop.core.io.fields import auto_mapping, find_header, header_key, is_numbering_row, source_key

__all__ = ["FIELD_ORDER", "Lookups", "Loaded", "ParsedFile", "PrefixChecks", "is_numbering_row", "load", "parse",
           "pick"]
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
    kecamatan_code: str = ""  # "64.02.06"


@dataclass
class ParsedFile:
    """The data rows of a file, column by column: `columns[field][i]` is the value of row i, whose
    number in the source file is `numbers[i]` and whose cells as read are `values[i]`. Rows are kept
    as columns because every later step (matching, writing) works a column at a time; a regency
    file has 100,000 rows and a dictionary per row costs more than the checks themselves."""

    path: Path
    sheet: str
    sha256: str
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[int, str]
    source_key: str
    numbers: list[int]
    values: list[list[object]]
    columns: dict[str, list]  # every field of FIELD_ORDER
    errors: dict[int, list[Finding]]  # row index -> reasons it is refused
    warnings: dict[int, list[Finding]]  # row index -> what was flagged
    ignored: int  # empty rows, a column-number row, a totals row

    def __len__(self) -> int:
        return len(self.numbers)

    def fields(self, i: int) -> dict[str, object]:
        """Row i as field -> value (for the few rows that need a closer look)."""
        return {f: column[i] for f, column in self.columns.items()}


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


_TOTALS = ("JUMLAH", "TOTAL", "GRAND")


def _is_totals_row(values: Sequence[object]) -> bool:
    for c in values[:4]:  # "JUMLAH" / "TOTAL" stands in one of the first cells
        if c not in (None, ""):
            return isinstance(c, str) and header_key(c).split(" ")[0] in _TOTALS
    return False


def _totals_rows(chunk: list[list[object]], lead: list[Sequence[object]]) -> list[int]:
    """Offsets of the totals rows of a chunk, given its first columns (`lead`). Only rows holding
    a word such as "JUMLAH" in those columns get the row-by-row look."""
    suspects: set[int] = set()
    for column in lead:
        texts = [v for v in set(column) if type(v) is str]
        joined = "\n".join(texts).upper()  # one search in C rules out the usual column of IDs or numbers
        if not any(word in joined for word in _TOTALS):
            continue
        words = {v for v in texts if header_key(v).split(" ")[0] in _TOTALS}
        if words:
            suspects.update(k for k, v in enumerate(column) if v in words)
    return [k for k in sorted(suspects) if _is_totals_row(chunk[k])]


class PrefixChecks:
    """NIK and No. KK checks by their first 12 digits (issuing region and a date): the last four
    are a serial, so one check serves everyone who shares a prefix. One per import; `warm` fills
    it ahead for the office's own region while the file is being read, since the reader leaves
    Python idle and most people in a kecamatan's file carry the kecamatan's code."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.nik: dict[str, tuple[IdCheck, tuple[Finding, ...], tuple[Finding, ...]]] = {}
        self.nik_flagged: set[str] = set()  # prefixes with errors or warnings
        self.kk: dict[str, IdCheck] = {}
        self.kk_refused: set[str] = set()  # prefixes with errors

    def nik_prefix(self, prefix: str) -> tuple[IdCheck, tuple[Finding, ...], tuple[Finding, ...]]:
        known = self.nik.get(prefix)
        if known is None:
            checked = check_nik(prefix + "0001", today=self.today)
            known = self.nik[prefix] = checked, tuple(checked.errors), tuple(checked.warnings)
            if checked.findings:
                self.nik_flagged.add(prefix)
        return known

    def kk_prefix(self, prefix: str) -> IdCheck:
        checked = self.kk.get(prefix)
        if checked is None:
            checked = self.kk[prefix] = check_kk(prefix + "0001", today=self.today)
            if checked.errors:
                self.kk_refused.add(prefix)
        return checked

    def warm(self, region: str, stop: threading.Event) -> None:
        """Check every date prefix of `region` (six digits): NIK birth dates for men and women
        (day + 40) and No. KK dates, the latest years first, until `stop` is set."""
        now = self.today.year % 100
        for yy in [*range(now, -1, -1), *range(99, now, -1)]:
            for mm in range(1, 13):
                if stop.is_set():
                    return
                for dd in range(1, 32):
                    date = f"{dd:02d}{mm:02d}{yy:02d}"
                    self.nik_prefix(region + date)
                    self.nik_prefix(f"{region}{dd + 40:02d}{mm:02d}{yy:02d}")
                    self.kk_prefix(region + date)


PARSE_CHUNK = 5000  # rows per step: progress and Cancel are looked at between steps


def parse(loaded: Loaded, lookups: Lookups, *, mapping: Mapping[int, str] | None = None,
          today: dt.date | None = None, progress: Progress = NULL_PROGRESS,
          checks: PrefixChecks | None = None) -> ParsedFile:
    path, data, header_index, headers = loaded.path, loaded.sheet, loaded.header_index, loaded.headers
    today = today or dt.date.today()
    mapping = dict(mapping) if mapping is not None else auto_mapping(headers)
    if "name" not in mapping.values():
        raise SimpulError("import.no_name_column", headers=", ".join(h for h in headers if h))
    cells = Cells(lookups, today, sorted(mapping.items()), checks)
    wanted = sorted(set(mapping) | set(range(4)))  # the mapped columns, and the first four for totals rows
    numbers: list[int] = []
    values: list[list[object]] = []
    columns: dict[str, list] = {f: [] for f in FIELD_ORDER}
    errors: dict[int, list[Finding]] = {}
    warnings: dict[int, list[Finding]] = {}
    body = data.rows[header_index + 1:]
    first_number = header_index + 2  # Excel's row number of body[0]
    progress.start(len(body), "Membaca baris")
    for start in range(0, len(body), PARSE_CHUNK):
        check_cancelled(progress)
        chunk = body[start:start + PARSE_CHUNK]
        progress.advance(len(chunk))
        table = dict(zip(wanted, _columns(chunk, wanted), strict=True))
        skip = _totals_rows(chunk, [table[i] for i in range(4)])
        if start == 0 and chunk and is_numbering_row(chunk[0]):
            skip.insert(0, 0)
        if skip:
            dropped = set(skip)
            kept = [k for k in range(len(chunk)) if k not in dropped]
            table = {i: pick(column, kept) for i, column in table.items()}
        else:
            kept = range(len(chunk))
        kept, block, errs, warns = cells.block(table, kept)  # leaves out rows with nothing Simpul reads
        base = len(numbers)
        numbers += [first_number + start + k for k in kept]
        values += [chunk[k] for k in kept]
        for f, column in block.items():
            columns[f] += column
        errors.update((base + i, found) for i, found in errs.items())
        warnings.update((base + i, found) for i, found in warns.items())
    return ParsedFile(path, data.name, file_sha256(path), header_index + 1, headers, mapping, source_key(headers),
                      numbers, values, columns, errors, warnings, len(body) - len(numbers))


def _columns(rows: list[list[object]], wanted: list[int]) -> list[Sequence[object]]:
    """Columns `wanted` of the rows (short rows padded with None); the transpose is done in C."""
    if not rows:
        return [() for _ in wanted]
    if len(wanted) > 1 and min(map(len, rows)) > wanted[-1]:  # a sheet read by calamine is rectangular
        return list(zip(*map(itemgetter(*wanted), rows)))
    table = list(itertools.zip_longest(*rows))
    nothing = (None,) * len(rows)
    return [table[i] if i < len(table) else nothing for i in wanted]


def pick(column: Sequence[object], positions: Sequence[int]) -> list[object]:
    """column[i] for each i of `positions`, in C."""
    if not positions:
        return []
    if len(positions) == 1:
        return [column[positions[0]]]
    return list(itemgetter(*positions)(column))


_NO_FINDINGS: tuple[Finding, ...] = ()
_NO_PPKS: tuple[int, ...] = ()
Outcome = tuple[object, tuple[Finding, ...], tuple[Finding, ...]]  # value, errors, warnings
# The fields of ParsedFile.columns.
FIELD_ORDER = ("name", "name_key", "sex", "birth_date", "birth_place", "nik", "nik_mismatch", "no_kk", "address",
               "dusun", "rt", "rw", "desa_code", "relationship_code", "religion_code", "marital_status_code",
               "education_code", "occupation", "phone", "notes", "disability", "desil", "ppks")
# ParsedFile.columns key -> the mapped field it comes from (the rest are derived below).
_SOURCE = {"desa_code": "desa", "relationship_code": "relationship", "religion_code": "religion",
           "marital_status_code": "marital_status", "education_code": "education"}


# Fields whose every cell is worked, without remembering outcomes by value: each value is
# distinct (a NIK), so a memo would only cost hashing.
_EVERY_CELL = {"nik"}
_PREFIX = itemgetter(slice(0, 12))  # region and date of a NIK or No. KK
_NO_DIGITS = "0" * 16
NO_CHECK = IdCheck("")  # a row without a valid NIK: no birth date, no sex
_BORN, _SEX = operator.attrgetter("date"), operator.attrgetter("sex")


def _still_blank(blank: list[bool] | None, raws: Sequence[object], count: int) -> list[bool] | None:
    """Rows with nothing in any mapped column so far, after one more column (None: no row is blank)."""
    if blank is None:
        return None
    empty = raws.count(None) + raws.count("")
    if not empty:
        return None
    if empty == count:
        return blank
    return [b and (raw is None or raw == "") for b, raw in zip(blank, raws)]


class Cells:
    """Normalises a block of rows column by column, and remembers the outcome for every distinct
    raw value: regency files repeat the same desa, RT, sex, religion or date thousands of times.
    Working a column at a time lets the repeated values cost a dictionary lookup done in C
    instead of Python statements per cell; only distinct values reach the handlers."""

    def __init__(self, lookups: Lookups, today: dt.date, columns: list[tuple[int, str]],
                 checks: PrefixChecks | None = None) -> None:
        self.columns = columns  # (column index, field), in column order
        handlers = _handlers(lookups, today, checks or PrefixChecks(today))
        # Plain closures, not bound methods kept on self: no reference cycle, so the memo (one
        # entry per distinct NIK) is freed as soon as parsing ends, not at the next collection.
        self.handlers = [handlers[f] for _, f in columns]  # distinct raw values -> their outcomes
        self.memo: dict[str, dict[object, Outcome]] = {f: {} for _, f in columns}
        self.values: dict[str, dict[object, object]] = {f: {} for _, f in columns}  # the memo's values alone
        self.flagged: dict[str, set] = {f: set() for _, f in columns}  # raw values with findings

    def block(self, table: Mapping[int, Sequence[object]], kept: Sequence[int]
              ) -> tuple[Sequence[int], dict[str, list], dict[int, list[Finding]], dict[int, list[Finding]]]:
        """The fields of a block of rows, given its columns by index; `kept` are the rows' offsets
        in their chunk. Returns the offsets of the rows kept (a row is left out when no mapped column
        holds anything), every field of FIELD_ORDER as a column, and the findings by row."""
        count = len(kept)
        nothing = (None,) * count
        got: dict[str, list] = {}
        errors: dict[int, list[Finding]] = {}
        warnings: dict[int, list[Finding]] = {}
        blank: list[bool] | None = [True] * count  # no mapped cell of the row holds anything (None: none is blank)
        for (index, field_name), handler in zip(self.columns, self.handlers, strict=True):
            raws = table[index]
            if field_name in _EVERY_CELL:  # the handler takes the whole column (and gives the NIK checks)
                got[field_name], found, got["nik_check"] = handler(raws)
                for k, (errs, warns) in sorted(found.items()):
                    if errs:
                        errors.setdefault(k, []).extend(errs)
                    if warns:
                        warnings.setdefault(k, []).extend(warns)
                blank = _still_blank(blank, raws, count)
                continue
            known, outcomes, flagged = self.values[field_name], self.memo[field_name], self.flagged[field_name]
            try:
                got[field_name] = list(map(known.__getitem__, raws))
            except KeyError:  # values not seen before: each distinct one goes to its handler once
                new = [raw for raw in dict.fromkeys(raws) if raw not in outcomes]  # first seen first
                found = handler(new)
                outcomes.update(zip(new, found))
                known.update(zip(new, [outcome[0] for outcome in found]))
                flagged.update([raw for raw, outcome in zip(new, found) if outcome[1] or outcome[2]])
                got[field_name] = list(map(known.__getitem__, raws))
            if flagged and not flagged.isdisjoint(raws):
                for k, raw in enumerate(raws):
                    if raw in flagged:
                        _, errs, warns = outcomes[raw]
                        if errs:
                            errors.setdefault(k, []).extend(errs)
                        if warns:
                            warnings.setdefault(k, []).extend(warns)
            blank = _still_blank(blank, raws, count)
        if blank is not None and any(blank):
            keep = [k for k, b in enumerate(blank) if not b]
            kept = [kept[k] for k in keep]
            got = {f: pick(column, keep) for f, column in got.items()}
            renumber = {k: i for i, k in enumerate(keep)}
            errors = {renumber[k]: found for k, found in errors.items() if k in renumber}
            warnings = {renumber[k]: found for k, found in warnings.items() if k in renumber}
            count = len(keep)
            nothing = (None,) * count

        def column(name: str) -> list:
            return got.get(name) or list(nothing)

        out = {f: column(_SOURCE.get(f, f)) for f in FIELD_ORDER}
        names = out["name"]
        keys = {n: name_key(n or "") for n in dict.fromkeys(names)}
        out["name_key"] = list(map(keys.__getitem__, names))
        out["nik_mismatch"] = [False] * count  # set below where the NIK disagrees
        if "rt_rw" in got:  # an "RT/RW" column wins over separate ones when it gave a pair
            pairs = [p or (rt, rw) for p, rt, rw in zip(got["rt_rw"], out["rt"], out["rw"])]
            out["rt"], out["rw"] = [p[0] for p in pairs], [p[1] for p in pairs]
        out["ppks"] = [p or _NO_PPKS for p in out["ppks"]]
        sexes, births = out["sex"], out["birth_date"]
        if "nik" in got:
            checked = got["nik_check"]
            born, gender = list(map(_BORN, checked)), list(map(_SEX, checked))
            # Where the row's birth date or sex differs from its NIK's: found in C, then looked at.
            differ: set[int] = set()
            for given, from_nik in ((births, born), (sexes, gender)):
                if given.count(None) != count:
                    differ.update(itertools.compress(range(count), map(operator.ne, given, from_nik)))
            for k in sorted(differ):
                if checked[k] is not NO_CHECK:
                    found = nik_mismatches(checked[k], births[k], sexes[k])
                    if found:
                        out["nik_mismatch"][k] = True
                        warnings.setdefault(k, []).extend(found)
            if None in sexes:  # the NIK knows the sex; not a guess
                out["sex"] = sexes = [from_nik if sex is None else sex for sex, from_nik in zip(sexes, gender)]
            if None in out["nik"]:
                for k in [k for k, digits in enumerate(out["nik"]) if digits is None]:
                    if k not in errors:
                        warnings.setdefault(k, []).append(Finding("import.no_nik", "warning"))
        for k in [k for k, sex in enumerate(sexes) if sex is None]:
            if k not in errors:
                errors[k] = [Finding("import.sex_missing")]
        return kept, out, errors, warnings


def _handlers(lookups: Lookups, today: dt.date, checks: PrefixChecks) -> dict[str, Callable[[list[object]], list[Outcome]]]:
    """Per field: distinct raw cells -> their (value, errors, warnings), in the same order."""
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

    def one_by_one(handler: Callable[[object], Outcome]) -> Callable[[list[object]], list[Outcome]]:
        return lambda raws: list(map(handler, raws))

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
    return {field: one_by_one(handler) for field, handler in handlers.items()} | {"nik": niks, "no_kk": kks}


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
